//! `Task`'s native methods and data attributes, as `tasks.py`'s `Task` has
//! them (`__init__`, `get_name`, `set_name`, `get_coro`, `cancelling`,
//! `uncancel`, and `_must_cancel`, `_fut_waiter`, ...), and
//! `tasks.py`'s `create_task`, `current_task`, `all_tasks` and the
//! `sleep(0)` token (`_yield_now`, a `_Sleep0`); also `coroutines.py`'s
//! `iscoroutine`, which is what a task accepts.
//!
//! Each checks and binds its arguments as CPython does, then calls
//! [`Sched`]'s task operations (`init_task`, `task_cancel`, ...). It does not
//! step tasks: `__step` and `__wakeup` are the driver's, called by the loop
//! (their host-call forms here only refuse). What tasks inherit is
//! [`future`](super::future)'s (`cancel` too, which is a task's when called
//! on one), and a task's `repr()` is [`reprs`](super::reprs)'.

use super::{after_self, new_host_instance, HostFn};
use crate::sched::{FutState, Sched, TaskData};
use crate::trace::Event;
use crate::vm::args::{exactly_one, no_args, Params};
use crate::vm::value::*;
use crate::vm::{PyResult, Vm};

/// An async generator's `asend()` / `athrow()` / `aclose()` awaitable.
pub(crate) fn is_agen_op(v: &Value) -> bool {
    matches!(v, Value::Generator(g) if matches!(g.kind, GenKind::AgenOp { .. }))
}

/// `v` is the `sleep(0)` token?
pub(crate) fn is_sleep0(s: &Sched, v: &Value) -> bool {
    v.is(&s.cls.sleep0_token)
}

/// `_yield_now()`: the one `sleep(0)` token; awaiting it yields to the loop
/// once, as `tasks.__sleep0()` does.
#[inline(always)]
pub(super) fn yield_now(s: &Sched) -> PyResult<Value> {
    Ok(s.cls.sleep0_token.clone())
}

/// The `sleep(0)` token's `repr()`.
#[inline(always)]
pub(super) fn sleep0_repr() -> String {
    "<_Sleep0>".into()
}

/// `iscoroutine(obj)`.
#[inline(always)]
pub(super) fn is_coroutine(vm: &Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let [obj] = Params::py_function("iscoroutine", ["obj"], 1).bind(vm, args, kwargs)?;
    Ok(Value::Bool(matches!(obj, Some(Value::Coroutine(_))) || obj.is_some_and(is_agen_op)))
}

/// `current_task(loop=None)`.
#[inline(always)]
pub(super) fn current_task(
    s: &mut Sched,
    vm: &Vm,
    args: &[Value],
    kwargs: &Kwargs,
) -> PyResult<Value> {
    let [_loop] = Params::clinic("current_task", ["loop"], 0).bind(vm, args, kwargs)?;
    s.loop_obj(vm)?;
    Ok(s.current_task.map(|f| s.fut(f).obj.clone()).unwrap_or(Value::None))
}

/// `all_tasks(loop=None)`: the pending ones.
#[inline(always)]
pub(super) fn all_tasks(
    s: &mut Sched,
    vm: &mut Vm,
    args: &[Value],
    kwargs: &Kwargs,
) -> PyResult<Value> {
    let [lp] = Params::py_function("all_tasks", ["loop"], 0).bind(vm, args, kwargs)?;
    // `all_tasks(loop)` with a loop given needs no running loop.
    if lp.is_none_or(|l| l.is_none()) {
        s.loop_obj(vm)?;
    }
    let items: Vec<Value> = s
        .task_futs
        .clone()
        .into_iter()
        .filter(|f| s.fut(*f).state == FutState::Pending)
        .map(|f| s.fut(f).obj.clone())
        .collect();
    vm.new_set(s, items, false)
}

/// `create_task(coro, *, name=None, context=None)` and the loop's
/// `create_task`.
#[inline(always)]
pub(super) fn create_task(
    s: &mut Sched,
    vm: &mut Vm,
    f: HostFn,
    args: &[Value],
    kwargs: &Kwargs,
) -> PyResult<Value> {
    use HostFn::*;
    // Bound as CPython binds `create_task(coro, *, name=None, context=None)`
    // (a Python function, `BaseEventLoop.create_task` for the loop method):
    // a bad call fails here, before any task exists.
    const NAMES: [&str; 3] = ["coro", "name", "context"];
    let [coro, name, _context] = if f == LoopCreateTask {
        let params = Params::py_method("BaseEventLoop.create_task", NAMES, 1).positional(1);
        params.bind(vm, after_self(args), kwargs)?
    } else {
        Params::py_function("create_task", NAMES, 1).positional(1).bind(vm, args, kwargs)?
    };
    let (coro, name) = (coro.cloned().unwrap_or(Value::None), name.cloned());
    if f == CreateTask {
        s.loop_obj(vm)?;
    } else {
        s.current_loop(vm)?;
    }
    let obj = new_host_instance(&s.cls.task);
    s.init_task(vm, &obj, coro, name.unwrap_or(Value::None))?;
    Ok(obj)
}

/// `Task.__init__(coro, *, loop=None, name=None, ...)`.
#[inline(always)]
pub(super) fn init(s: &mut Sched, vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let me = args.first().cloned().unwrap_or(Value::None);
    // `eager_start` and `context` are accepted and not used.
    let [coro, _loop, name, _context, _eager_start] =
        Params::clinic("Task", ["coro", "loop", "name", "context", "eager_start"], 1)
            .positional(1)
            .bind(vm, after_self(args), kwargs)?;
    let coro = coro.cloned().unwrap_or(Value::None);
    s.init_task(vm, &me, coro, name.cloned().unwrap_or(Value::None))?;
    Ok(Value::None)
}

/// `Task.get_name()`.
#[inline(always)]
pub(super) fn get_name(s: &Sched, vm: &Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let f = s.self_fut(vm, args)?;
    no_args(vm, "Task.get_name", after_self(args), kwargs)?;
    Ok(s.task(f).map(|t| t.name.clone()).unwrap_or(Value::None))
}

/// `Task.set_name(value)`.
#[inline(always)]
pub(super) fn set_name(
    s: &mut Sched,
    vm: &mut Vm,
    args: &[Value],
    kwargs: &Kwargs,
) -> PyResult<Value> {
    let f = s.self_fut(vm, args)?;
    exactly_one(vm, "Task.set_name", after_self(args), kwargs)?;
    let v = args[1].clone();
    let name = vm.str(s, &v)?;
    let id = match s.task_mut(f) {
        Some(t) => {
            t.name = Value::str(name.clone());
            t.id
        }
        None => return Ok(Value::None),
    };
    let n = s.trace.intern(&name);
    s.trace.push(Event::TaskName { task: id, name: n });
    Ok(Value::None)
}

/// `Task.get_coro()`.
#[inline(always)]
pub(super) fn get_coro(s: &Sched, vm: &Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let f = s.self_fut(vm, args)?;
    no_args(vm, "Task.get_coro", after_self(args), kwargs)?;
    Ok(s.task(f).map(|t| t.coro.clone()).unwrap_or(Value::None))
}

/// `Task.cancelling()`.
#[inline(always)]
pub(super) fn cancelling(s: &Sched, vm: &Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let f = s.self_fut(vm, args)?;
    no_args(vm, "Task.cancelling", after_self(args), kwargs)?;
    Ok(Value::Int(s.task(f).map(|t| t.num_cancels_requested).unwrap_or(0)))
}

/// `Task.uncancel()`.
#[inline(always)]
pub(super) fn uncancel(s: &mut Sched, vm: &Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let f = s.self_fut(vm, args)?;
    no_args(vm, "Task.uncancel", after_self(args), kwargs)?;
    let t = s.task_mut(f).expect("a task");
    if t.num_cancels_requested > 0 {
        t.num_cancels_requested -= 1;
        if t.num_cancels_requested == 0 {
            t.must_cancel = false;
        }
    }
    Ok(Value::Int(t.num_cancels_requested))
}

/// `Task.set_result(result)`: refused.
#[inline(always)]
pub(super) fn set_result(vm: &Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    exactly_one(vm, "Task.set_result", after_self(args), kwargs)?;
    Err(vm.runtime_error("Task does not support set_result operation"))
}

/// `Task.set_exception(exception)`: refused.
#[inline(always)]
pub(super) fn set_exception(vm: &Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    exactly_one(vm, "Task.set_exception", after_self(args), kwargs)?;
    Err(vm.runtime_error("Task does not support set_exception operation"))
}

/// `Task.__step()` and `Task.__wakeup()` as host calls: refused (the driver
/// runs them, from the loop).
#[inline(always)]
pub(super) fn step(vm: &Vm) -> PyResult<Value> {
    Err(vm.runtime_error("a task's step runs only from the event loop"))
}

/// A task's own data attribute `n` (`_must_cancel`, `_fut_waiter`, ...).
#[inline(always)]
pub(super) fn attr(t: &TaskData, n: &str) -> Option<Value> {
    Some(match n {
        "_must_cancel" => Value::Bool(t.must_cancel),
        "_fut_waiter" => t.fut_waiter.clone(),
        "_coro" => t.coro.clone(),
        "_name" => t.name.clone(),
        "_num_cancels_requested" => Value::Int(t.num_cancels_requested),
        _ => return None,
    })
}
