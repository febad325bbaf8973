//! Python bindings of libphonecom. Filled by the Python issue; empty until then.
