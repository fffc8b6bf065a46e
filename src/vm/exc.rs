//! Exceptions: the builtin hierarchy (as CPython's `Objects/exceptions.c`
//! builds it) and helpers to raise them with CPython's messages.

use super::intern::Symbol;
use super::types::new_class;
use super::value::*;
use super::{PyErr, Vm};
use std::cell::RefCell;
use std::rc::Rc;

macro_rules! exc_kinds {
    ($($kind:ident : $($base:ident)|* ,)*) => {
        /// The builtin exception classes.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        #[repr(usize)]
        pub(crate) enum ExcKind { $($kind,)* }

        impl ExcKind {
            pub(crate) const ALL: &'static [ExcKind] = &[$(ExcKind::$kind,)*];

            pub(crate) fn name(self) -> &'static str {
                match self { $(ExcKind::$kind => stringify!($kind),)* }
            }

            fn bases(self) -> &'static [ExcKind] {
                match self { $(ExcKind::$kind => &[$(ExcKind::$base,)*],)* }
            }
        }
    };
}

exc_kinds! {
    BaseException: ,
    Exception: BaseException,
    BaseExceptionGroup: BaseException,
    ExceptionGroup: BaseExceptionGroup | Exception,
    GeneratorExit: BaseException,
    KeyboardInterrupt: BaseException,
    SystemExit: BaseException,
    ArithmeticError: Exception,
    FloatingPointError: ArithmeticError,
    OverflowError: ArithmeticError,
    ZeroDivisionError: ArithmeticError,
    AssertionError: Exception,
    AttributeError: Exception,
    LookupError: Exception,
    IndexError: LookupError,
    KeyError: LookupError,
    MemoryError: Exception,
    NameError: Exception,
    UnboundLocalError: NameError,
    OSError: Exception,
    TimeoutError: OSError,
    RuntimeError: Exception,
    NotImplementedError: RuntimeError,
    RecursionError: RuntimeError,
    StopIteration: Exception,
    StopAsyncIteration: Exception,
    TypeError: Exception,
    ValueError: Exception,
    UnicodeError: ValueError,
    ImportError: Exception,
    ModuleNotFoundError: ImportError,
    Warning: Exception,
    UserWarning: Warning,
    DeprecationWarning: Warning,
    RuntimeWarning: Warning,
}

impl ExcKind {
    /// Build the classes in declaration order (bases come first).
    pub(crate) fn build_hierarchy(object: &Rc<Class>) -> Vec<Rc<Class>> {
        let mut out: Vec<Rc<Class>> = Vec::new();
        for k in ExcKind::ALL {
            let bases: Vec<Rc<Class>> = if k.bases().is_empty() {
                vec![object.clone()]
            } else {
                k.bases().iter().map(|b| out[*b as usize].clone()).collect()
            };
            out.push(new_class(k.name(), "builtins", bases, TypeTag::Exception, 0));
        }
        out
    }
}

impl Vm {
    /// A new exception instance of a builtin kind with one string argument
    /// (no argument when `msg` is empty, as CPython's `MemoryError()`).
    pub(crate) fn new_exc(&self, kind: ExcKind, msg: String) -> Value {
        let args =
            if msg.is_empty() && matches!(kind, ExcKind::MemoryError | ExcKind::StopIteration) {
                vec![]
            } else {
                vec![Value::str(msg)]
            };
        self.new_exc_args(self.types.exc_class(kind).clone(), args)
    }

    /// An exception instance of `class` with these `args`.
    pub(crate) fn new_exc_args(&self, class: Rc<Class>, args: Vec<Value>) -> Value {
        Value::Instance(Rc::new(Instance {
            class,
            attrs: RefCell::new(AttrMap::default()),
            payload: RefCell::new(Payload::Exception(Box::new(ExcData {
                args: Value::tuple(args),
                cause: Value::None,
                context: Value::None,
                ..Default::default()
            }))),
            id: next_id(),
        }))
    }

    /// A `PyErr` for a builtin exception with a message.
    pub(crate) fn new_error(&self, kind: ExcKind, msg: String) -> PyErr {
        PyErr::Exc(self.new_exc(kind, msg))
    }

    pub(crate) fn type_error(&self, msg: impl Into<String>) -> PyErr {
        self.new_error(ExcKind::TypeError, msg.into())
    }

    pub(crate) fn value_error(&self, msg: impl Into<String>) -> PyErr {
        self.new_error(ExcKind::ValueError, msg.into())
    }

    pub(crate) fn index_error(&self, msg: impl Into<String>) -> PyErr {
        self.new_error(ExcKind::IndexError, msg.into())
    }

    pub(crate) fn runtime_error(&self, msg: impl Into<String>) -> PyErr {
        self.new_error(ExcKind::RuntimeError, msg.into())
    }

    pub(crate) fn zero_division(&self, msg: impl Into<String>) -> PyErr {
        self.new_error(ExcKind::ZeroDivisionError, msg.into())
    }

    pub(crate) fn overflow(&self) -> PyErr {
        self.new_error(
            ExcKind::OverflowError,
            "integer result beyond 64 bits (Loopscope's ints are 64-bit)".to_string(),
        )
    }

    /// `KeyError(key)`: the key itself is the argument.
    pub(crate) fn key_error(&self, key: Value) -> PyErr {
        PyErr::Exc(self.new_exc_args(self.types.exc_class(ExcKind::KeyError).clone(), vec![key]))
    }

    pub(crate) fn attribute_error(&self, obj: &Value, name: Symbol) -> PyErr {
        let msg = match obj {
            Value::Class(c) => format!("type object '{}' has no attribute '{}'", c.name, name),
            Value::Module(m) => format!("module '{}' has no attribute '{}'", m.name, name),
            _ => format!("'{}' object has no attribute '{}'", super::types::type_name(obj), name),
        };
        self.new_error(ExcKind::AttributeError, msg)
    }

    /// Is `v` an instance of the builtin exception `kind` (or a subclass)?
    pub(crate) fn exc_is(&self, v: &Value, kind: ExcKind) -> bool {
        match v {
            Value::Instance(i) => i.class.is_subclass(self.types.exc_class(kind)),
            _ => false,
        }
    }

    /// Is this error a Python exception of `kind`?
    pub(crate) fn err_is(&self, e: &PyErr, kind: ExcKind) -> bool {
        match e {
            PyErr::Exc(v) => self.exc_is(v, kind),
            PyErr::Halt(_) => false,
        }
    }
}

/// Run `f` on an exception's data (panics if `v` is not an exception instance:
/// callers check first).
pub(crate) fn with_exc<R>(v: &Value, f: impl FnOnce(&mut ExcData) -> R) -> Option<R> {
    let Value::Instance(i) = v else { return None };
    let mut p = i.payload.borrow_mut();
    match &mut *p {
        Payload::Exception(d) => Some(f(d)),
        _ => None,
    }
}

/// The exception's `args` tuple items.
pub(crate) fn exc_args(v: &Value) -> Vec<Value> {
    with_exc(v, |d| match &d.args {
        Value::Tuple(t) => t.0.clone(),
        _ => vec![],
    })
    .unwrap_or_default()
}

/// Is this value an exception instance?
pub(crate) fn is_exception(v: &Value) -> bool {
    match v {
        Value::Instance(i) => matches!(&*i.payload.borrow(), Payload::Exception(_)),
        _ => false,
    }
}
