//! Node bindings of libphonecom. Filled by the Node issue; empty until then.
