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

use super::after_self;
use crate::sched::{FutState, Sched};
use crate::vm::args::{defining_class_only, no_args, Params};
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

    /// A `METH_NOARGS` method of futures that tasks list again as their own
    /// (`result`, `done`, ...): its name is the class's (`Future.result()`
    /// or `Task.result()`). The future or task it is called on.
    fn self_fut_no_args(
        &self,
        vm: &Vm,
        names: [&str; 2],
        args: &[Value],
        kwargs: &Kwargs,
    ) -> PyResult<u32> {
        let f = self.self_fut(vm, args)?;
        let fname = if self.task(f).is_some() { names[1] } else { names[0] };
        no_args(vm, fname, after_self(args), kwargs)?;
        Ok(f)
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
pub(super) fn is_future(s: &Sched, vm: &Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let [obj] = Params::py_function("isfuture", ["obj"], 1).bind(vm, args, kwargs)?;
    Ok(Value::Bool(obj.is_some_and(|a| s.fut_id(a).is_some())))
}

/// `Future.__init__(*, loop=None)`.
#[inline(always)]
pub(super) fn init(s: &mut Sched, vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let me = args.first().cloned().unwrap_or(Value::None);
    let [_loop] =
        Params::clinic("Future", ["loop"], 0).positional(0).bind(vm, after_self(args), kwargs)?;
    s.current_loop(vm)?;
    s.new_future(&me);
    Ok(Value::None)
}

/// `Future.result()`.
#[inline(always)]
pub(super) fn result(
    s: &mut Sched,
    vm: &mut Vm,
    args: &[Value],
    kwargs: &Kwargs,
) -> PyResult<Value> {
    let f = s.self_fut_no_args(vm, ["Future.result", "Task.result"], args, kwargs)?;
    s.future_result(vm, f)
}

/// `Future.exception()`.
#[inline(always)]
pub(super) fn exception(
    s: &mut Sched,
    vm: &mut Vm,
    args: &[Value],
    kwargs: &Kwargs,
) -> PyResult<Value> {
    let f = s.self_fut(vm, args)?;
    defining_class_only(vm, "exception", after_self(args), kwargs)?;
    s.future_exception(vm, f)
}

/// `Future.done()`.
#[inline(always)]
pub(super) fn done(s: &Sched, vm: &Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let f = s.self_fut_no_args(vm, ["Future.done", "Task.done"], args, kwargs)?;
    Ok(Value::Bool(s.fut(f).state != FutState::Pending))
}

/// `Future.cancelled()`.
#[inline(always)]
pub(super) fn cancelled(s: &Sched, vm: &Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let f = s.self_fut_no_args(vm, ["Future.cancelled", "Task.cancelled"], args, kwargs)?;
    Ok(Value::Bool(s.fut(f).state == FutState::Cancelled))
}

/// `Future.cancel(msg=None)` and `Task.cancel(msg=None)`.
#[inline(always)]
pub(super) fn cancel(
    s: &mut Sched,
    vm: &mut Vm,
    args: &[Value],
    kwargs: &Kwargs,
) -> PyResult<Value> {
    let f = s.self_fut(vm, args)?;
    let [msg] = Params::clinic("cancel", ["msg"], 0).bind(vm, after_self(args), kwargs)?;
    let msg = msg.cloned().unwrap_or(Value::None);
    if s.task(f).is_some() {
        return s.task_cancel(vm, f, msg).map(Value::Bool);
    }
    s.future_cancel(vm, f, msg).map(Value::Bool)
}

/// `Future.add_done_callback(fn, /, *, context=None)` (`context` is
/// accepted and not used).
#[inline(always)]
pub(super) fn add_done_callback(
    s: &mut Sched,
    vm: &mut Vm,
    args: &[Value],
    kwargs: &Kwargs,
) -> PyResult<Value> {
    let f = s.self_fut(vm, args)?;
    let [cb, _context] = Params::clinic("add_done_callback", ["fn", "context"], 1)
        .posonly(1)
        .positional(1)
        .bind(vm, after_self(args), kwargs)?;
    s.add_done_callback(vm, f, cb.cloned().unwrap_or(Value::None))?;
    Ok(Value::None)
}

/// `Future.remove_done_callback(fn, /)`: how many were removed.
#[inline(always)]
pub(super) fn remove_done_callback(
    s: &mut Sched,
    vm: &mut Vm,
    args: &[Value],
    kwargs: &Kwargs,
) -> PyResult<Value> {
    let f = s.self_fut(vm, args)?;
    let [cb] = Params::clinic("remove_done_callback", ["fn"], 1).posonly(1).bind(
        vm,
        after_self(args),
        kwargs,
    )?;
    let cb = cb.cloned().unwrap_or(Value::None);
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

/// `Future.set_result(result, /)`, or with `exception`
/// `Future.set_exception(exception, /)`.
#[inline(always)]
pub(super) fn set_outcome(
    s: &mut Sched,
    vm: &mut Vm,
    args: &[Value],
    kwargs: &Kwargs,
    exception: bool,
) -> PyResult<Value> {
    let f = s.self_fut(vm, args)?;
    let (fname, param) =
        if exception { ("set_exception", "exception") } else { ("set_result", "result") };
    let [v] = Params::clinic(fname, [param], 1).posonly(1).bind(vm, after_self(args), kwargs)?;
    if s.task(f).is_some() {
        return Err(vm.runtime_error(format!("Task does not support {fname} operation")));
    }
    let v = v.cloned().unwrap_or(Value::None);
    if exception {
        s.set_exception(vm, f, v)?;
    } else {
        s.set_result(vm, f, v)?;
    }
    Ok(Value::None)
}

/// `Future._make_cancelled_error()`.
#[inline(always)]
pub(super) fn make_cancelled_error(
    s: &mut Sched,
    vm: &mut Vm,
    args: &[Value],
    kwargs: &Kwargs,
) -> PyResult<Value> {
    let f = s.self_fut_no_args(
        vm,
        ["Future._make_cancelled_error", "Task._make_cancelled_error"],
        args,
        kwargs,
    )?;
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
