//! The C ABI of libphonecom. Filled by the C/PHP issue; empty until then.
