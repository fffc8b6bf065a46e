//! The data attributes every exception has (`args`, `__cause__`,
//! `__context__`, `__suppress_context__`, `__traceback__`, an exception
//! group's `message` and `exceptions`, `StopIteration.value`,
//! `SystemExit.code`), read and assigned.
//!
//! Not here: the exceptions' methods (`__init__`, `add_note`, ... in
//! `builtins`), the class hierarchy (`vm::exc`), and groups' `split`/`derive`
//! (`egroup`).

use crate::vm::exc::{with_exc, ExcKind};
use crate::vm::intern::{sym, Symbol};
use crate::vm::value::*;
use crate::vm::{PyResult, Vm};

/// Attributes every exception has (`args`, `__cause__`, ...).
pub(crate) fn exception_attr(vm: &mut Vm, v: &Value, name: Symbol) -> Option<Value> {
    // `StopIteration.value` and `SystemExit.code`: the first argument.
    if (name == sym::value && vm.exc_is(v, ExcKind::StopIteration))
        || (name == sym::code && vm.exc_is(v, ExcKind::SystemExit))
    {
        return Some(vm.stop_value(v));
    }
    with_exc(v, |d| {
        if name == sym::args {
            Some(d.args.clone())
        } else if name == sym::__cause__ {
            Some(d.cause.clone())
        } else if name == sym::__context__ {
            Some(d.context.clone())
        } else if name == sym::__suppress_context__ {
            Some(Value::Bool(d.suppress_context))
        } else if name == sym::__traceback__ {
            Some(Value::None)
        } else if let Some((msg, excs)) = &d.group {
            if name == sym::message {
                Some(msg.clone())
            } else if name == sym::exceptions {
                Some(excs.clone())
            } else {
                None
            }
        } else {
            None
        }
    })
    .flatten()
}

/// Assigning `e.args`, `e.__cause__`, ...: true when handled.
pub(crate) fn set_exception_attr(
    vm: &mut Vm,
    v: &Value,
    name: Symbol,
    new: &Value,
) -> PyResult<bool> {
    let is_exc = crate::vm::exc::is_exception(v);
    if !is_exc {
        return Ok(false);
    }
    if name == sym::args {
        let t = match new {
            Value::Tuple(_) => new.clone(),
            Value::List(l) => Value::tuple(l.0.borrow().clone()),
            _ => {
                let items = vm.iterate(&mut crate::vm::NoHost { out: String::new() }, new)?;
                Value::tuple(items)
            }
        };
        with_exc(v, |d| d.args = t);
        return Ok(true);
    }
    if name == sym::__cause__ {
        with_exc(v, |d| {
            d.cause = new.clone();
            d.suppress_context = true;
        });
        return Ok(true);
    }
    if name == sym::__context__ {
        with_exc(v, |d| d.context = new.clone());
        return Ok(true);
    }
    if name == sym::__suppress_context__ {
        let b = matches!(new, Value::Bool(true));
        with_exc(v, |d| d.suppress_context = b);
        return Ok(true);
    }
    Ok(false)
}
