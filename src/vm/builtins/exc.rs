//! The natives of the exception classes: `BaseException.__init__`,
//! `with_traceback` and `add_note`, and `BaseExceptionGroup.__init__` with
//! its checks of the message and the exceptions (`BaseExceptionGroup_new` in
//! CPython's `Objects/exceptions.c`), each with CPython's errors for a call
//! on something that is no exception.
//!
//! Not here: exceptions' data attributes (`methods`), the class hierarchy
//! (`vm::exc`), groups' `split`/`subgroup`/`derive` (`egroup`), and
//! `__str__`/`__repr__` of exceptions (`repr`).

use crate::vm::exc::{with_exc, ExcKind};
use crate::vm::intern::sym;
use crate::vm::types::{add_native, type_name};
use crate::vm::value::*;
use crate::vm::{PyResult, Vm};

pub(super) fn install_exception_methods(vm: &mut Vm) {
    let base = vm.types.exc_class(ExcKind::BaseException).clone();
    add_native(&base, "__init__", |vm, _h, args, _kw| {
        // BaseException.__init__(self, *args) sets args.
        let me = exception_self(vm, args, "__init__", "BaseException", true)?;
        let rest = Value::tuple(args[1..].to_vec());
        with_exc(me, |d| d.args = rest);
        Ok(Value::None)
    });
    add_native(&base, "with_traceback", |vm, _h, args, _kw| {
        Ok(exception_self(vm, args, "with_traceback", "BaseException", false)?.clone())
    });
    add_native(&base, "add_note", |vm, h, args, _kw| {
        let me = exception_self(vm, args, "add_note", "BaseException", false)?.clone();
        let note = args.get(1).cloned().unwrap_or(Value::None);
        let notes = vm.getattr(h, &me, sym::__notes__).ok();
        match notes {
            Some(Value::List(l)) => l.0.borrow_mut().push(note),
            _ => {
                if let Value::Instance(i) = &me {
                    i.attrs.borrow_mut().set(sym::__notes__, Value::list(vec![note]));
                }
            }
        }
        Ok(Value::None)
    });
}

/// The exception a method of `owner` was called on: CPython's errors for an
/// unbound call with no argument or a receiver that is no exception (`init`:
/// the `__init__` slot wrapper's wording, else a method descriptor's).
fn exception_self<'a>(
    vm: &Vm,
    args: &'a [Value],
    method: &str,
    owner: &str,
    init: bool,
) -> PyResult<&'a Value> {
    match args.first() {
        Some(v) if crate::vm::exc::is_exception(v) => Ok(v),
        Some(v) if init => Err(vm.type_error(format!(
            "descriptor '{method}' requires a '{owner}' object but received a '{}'",
            type_name(v)
        ))),
        Some(v) => Err(vm.type_error(format!(
            "descriptor '{method}' for '{owner}' objects doesn't apply to a '{}' object",
            type_name(v)
        ))),
        None if init => {
            Err(vm
                .type_error(format!("descriptor '{method}' of '{owner}' object needs an argument")))
        }
        None => Err(vm.type_error(format!("unbound method {owner}.{method}() needs an argument"))),
    }
}

pub(super) fn install_group(vm: &mut Vm) {
    let g = vm.types.exc_class(ExcKind::BaseExceptionGroup).clone();
    add_native(&g, "__init__", |vm, h, args, _kw| {
        let me = exception_self(vm, args, "__init__", "BaseExceptionGroup", true)?.clone();
        if args.len() != 3 {
            return Err(vm.type_error(format!(
                "BaseExceptionGroup.__new__() takes exactly 2 arguments ({} given)",
                args.len() - 1
            )));
        }
        let msg = args[1].clone();
        if !matches!(msg, Value::Str(_)) {
            return Err(vm.type_error(format!(
                "BaseExceptionGroup.__new__() argument 1 must be str, not {}",
                crate::vm::methods::bad_argument_type(&msg)
            )));
        }
        if !matches!(args[2], Value::List(_) | Value::Tuple(_) | Value::Range(_) | Value::Str(_)) {
            return Err(vm.type_error("second argument (exceptions) must be a sequence"));
        }
        let items = vm.iterate(h, &args[2])?;
        if items.is_empty() {
            return Err(vm.value_error("second argument (exceptions) must be a non-empty sequence"));
        }
        for (i, e) in items.iter().enumerate() {
            if !crate::vm::exc::is_exception(e) {
                return Err(vm.value_error(format!(
                    "Item {i} of second argument (exceptions) is not an exception"
                )));
            }
        }
        let excs = Value::tuple(items);
        let given = args[2].clone();
        with_exc(&me, |d| {
            d.args = Value::tuple(vec![msg.clone(), given]);
            d.group = Some((msg, excs));
        });
        Ok(Value::None)
    });
}
