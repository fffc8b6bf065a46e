//! `Future`'s native methods and data attributes, as `futures.py`'s
//! `Future` has them (`result`, `exception`, `done`, `cancel`,
//! `add_done_callback`, `set_result`, ..., and `_state`, `_result`, ...),
//! and `futures.py`'s `_set_result_unless_cancelled` and `isfuture`.
//!
//! Each checks and binds its arguments as CPython does, then calls
//! [`Sched`]'s future operations (`set_result`, `future_cancel`,
//! `add_done_callback`, ...), which the driver shares; a task's own
//! overrides are [`task`](super::task)'s, and a future's `repr()` is
//! [`reprs`](super::reprs)'.

use super::kw;
use crate::sched::{FutState, Sched};
use crate::vm::intern::Symbol;
use crate::vm::value::*;
use crate::vm::{PyResult, Vm};
use std::rc::Rc;

impl Sched {
    pub(super) fn self_fut(&self, vm: &Vm, args: &[Value]) -> PyResult<u32> {
        match args.first().and_then(|a| self.fut_id(a)) {
            Some(f) => Ok(f),
            None => Err(vm.runtime_error("Future object is not initialized.")),
        }
    }
}

thread_local! {
    static SYM_SET_RESULT: Symbol = Symbol::new("set_result");
}

/// `set_result`, interned once per thread.
fn sym_set_result() -> Symbol {
    SYM_SET_RESULT.with(|s| *s)
}

/// `futures._set_result_unless_cancelled(fut, result)`.
#[inline(always)]
pub(super) fn set_result_unless_cancelled(
    s: &mut Sched,
    vm: &mut Vm,
    args: &[Value],
) -> PyResult<Value> {
    let f = s.self_fut(vm, args)?;
    if s.fut(f).state == FutState::Cancelled {
        return Ok(Value::None);
    }
    let v = args.get(1).cloned().unwrap_or(Value::None);
    // `fut.set_result(result)` through the object (a subclass may
    // override it); a plain `Future`'s own is called directly.
    let obj = args[0].clone();
    if let Value::Instance(i) = &obj {
        if Rc::ptr_eq(&i.class, &s.cls.future)
            && s.task(f).is_none()
            && i.attrs.borrow().get(sym_set_result()).is_none()
        {
            s.set_result(vm, f, v)?;
            return Ok(Value::None);
        }
    }
    vm.call_method(s, &obj, sym_set_result(), vec![v], vec![])?;
    Ok(Value::None)
}

/// `isfuture(obj)`.
#[inline(always)]
pub(super) fn is_future(s: &Sched, args: &[Value]) -> PyResult<Value> {
    Ok(Value::Bool(args.first().is_some_and(|a| s.fut_id(a).is_some())))
}

/// `Future.__init__(*, loop=None)`.
#[inline(always)]
pub(super) fn init(s: &mut Sched, vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let me = args.first().cloned().unwrap_or(Value::None);
    // `_asyncio.Future.__init__(*, loop=None)`'s Argument Clinic checks.
    if args.len() > 1 {
        return Err(vm.type_error("Future() takes no positional arguments"));
    }
    for (k, _) in kwargs {
        if *k != Symbol::new("loop") {
            let msg =
                k.with_str(|k| crate::pylib::suggest::unexpected_keyword("Future", k, &["loop"]));
            return Err(vm.type_error(msg));
        }
    }
    s.current_loop(vm)?;
    s.new_future(&me);
    Ok(Value::None)
}

/// `Future.result()`.
#[inline(always)]
pub(super) fn result(s: &mut Sched, vm: &mut Vm, args: &[Value]) -> PyResult<Value> {
    let f = s.self_fut(vm, args)?;
    s.future_result(vm, f)
}

/// `Future.exception()`.
#[inline(always)]
pub(super) fn exception(s: &mut Sched, vm: &mut Vm, args: &[Value]) -> PyResult<Value> {
    let f = s.self_fut(vm, args)?;
    s.future_exception(vm, f)
}

/// `Future.done()`.
#[inline(always)]
pub(super) fn done(s: &Sched, vm: &Vm, args: &[Value]) -> PyResult<Value> {
    let f = s.self_fut(vm, args)?;
    Ok(Value::Bool(s.fut(f).state != FutState::Pending))
}

/// `Future.cancelled()`.
#[inline(always)]
pub(super) fn cancelled(s: &Sched, vm: &Vm, args: &[Value]) -> PyResult<Value> {
    let f = s.self_fut(vm, args)?;
    Ok(Value::Bool(s.fut(f).state == FutState::Cancelled))
}

/// `Future.cancel(msg=None)` (a task's, if called on a task).
#[inline(always)]
pub(super) fn cancel(
    s: &mut Sched,
    vm: &mut Vm,
    args: &[Value],
    kwargs: &Kwargs,
) -> PyResult<Value> {
    let f = s.self_fut(vm, args)?;
    let msg = args.get(1).or(kw(kwargs, "msg")).cloned().unwrap_or(Value::None);
    if s.task(f).is_some() {
        return s.task_cancel(vm, f, msg).map(Value::Bool);
    }
    s.future_cancel(vm, f, msg).map(Value::Bool)
}

/// `Future.add_done_callback(fn)`.
#[inline(always)]
pub(super) fn add_done_callback(s: &mut Sched, vm: &mut Vm, args: &[Value]) -> PyResult<Value> {
    let f = s.self_fut(vm, args)?;
    let cb = args.get(1).cloned().ok_or_else(|| {
        vm.type_error("add_done_callback() missing 1 required positional argument: 'fn'")
    })?;
    s.add_done_callback(vm, f, cb)?;
    Ok(Value::None)
}

/// `Future.remove_done_callback(fn)`: how many were removed.
#[inline(always)]
pub(super) fn remove_done_callback(s: &mut Sched, vm: &mut Vm, args: &[Value]) -> PyResult<Value> {
    let f = s.self_fut(vm, args)?;
    let cb = args.get(1).cloned().unwrap_or(Value::None);
    let before = s.fut(f).callbacks.len();
    let mut kept = Vec::with_capacity(before);
    for c in std::mem::take(&mut s.fut_mut(f).callbacks) {
        if !callbacks_equal(vm, s, &c, &cb)? {
            kept.push(c);
        }
    }
    let removed = before - kept.len();
    s.fut_mut(f).callbacks = kept;
    Ok(Value::Int(removed as i64))
}

/// `f != fn` in `remove_done_callback`: bound methods compare by `__self__`
/// and function; everything else by identity or `__eq__`.
fn callbacks_equal(vm: &mut Vm, s: &mut Sched, a: &Value, b: &Value) -> PyResult<bool> {
    match (a, b) {
        (Value::Method(x), Value::Method(y)) => Ok(x.self_.is(&y.self_) && x.func.is(&y.func)),
        _ => vm.eq(s, a, b),
    }
}

/// `Future.set_result(result)`.
#[inline(always)]
pub(super) fn set_result(s: &mut Sched, vm: &mut Vm, args: &[Value]) -> PyResult<Value> {
    let f = s.self_fut(vm, args)?;
    if s.task(f).is_some() {
        return Err(vm.runtime_error("Task does not support set_result operation"));
    }
    s.set_result(vm, f, args.get(1).cloned().unwrap_or(Value::None))?;
    Ok(Value::None)
}

/// `Future.set_exception(exception)`.
#[inline(always)]
pub(super) fn set_exception(s: &mut Sched, vm: &mut Vm, args: &[Value]) -> PyResult<Value> {
    let f = s.self_fut(vm, args)?;
    if s.task(f).is_some() {
        return Err(vm.runtime_error("Task does not support set_exception operation"));
    }
    s.set_exception(vm, f, args.get(1).cloned().unwrap_or(Value::None))?;
    Ok(Value::None)
}

/// `Future._make_cancelled_error()`.
#[inline(always)]
pub(super) fn make_cancelled_error(s: &mut Sched, vm: &mut Vm, args: &[Value]) -> PyResult<Value> {
    let f = s.self_fut(vm, args)?;
    Ok(s.make_cancelled_error(vm, f))
}

/// A future's (or task's) data attribute `n` (`_state`, `_result`, ...); a
/// task's own are [`task::attr`](super::task::attr)'s.
#[inline(always)]
pub(super) fn attr(s: &mut Sched, vm: &Vm, f: u32, n: &str) -> Option<PyResult<Value>> {
    let fut = s.fut(f);
    let v = match n {
        "_state" => Value::str(fut.state.name()),
        "_result" => fut.result.clone(),
        "_exception" => fut.exception.clone(),
        "_cancel_message" => fut.cancel_message.clone(),
        "_asyncio_future_blocking" => Value::Bool(fut.blocking),
        "_loop" => return Some(s.current_loop(vm)),
        "_log_traceback" => Value::Bool(false),
        _ => super::task::attr(fut.task.as_ref()?, n)?,
    };
    Some(Ok(v))
}
