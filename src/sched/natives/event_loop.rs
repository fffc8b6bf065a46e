//! The loop object's native methods, as `base_events.py`'s `BaseEventLoop`
//! has them (`call_soon`, `call_later`, `call_at`, `time`, `create_future`,
//! `stop`, `close`, ...), `events.py`'s loop functions (`get_running_loop`,
//! `get_event_loop`, `new_event_loop`, `set_event_loop`,
//! `_get_running_loop`), and the `time` module's clock, which is the loop's
//! virtual clock (`time.sleep` blocks the loop by advancing it).
//!
//! It binds the arguments as CPython's Python signatures would and hands the
//! work to [`Sched`]'s loop operations (`call_soon`, `call_at`, `new_loop`,
//! ...). It does not run the loop: `run_until_complete`, `run_forever` and
//! `asyncio.run` are the driver's (their host-call forms here only refuse).

use super::{after_self, self_only, HostFn};
use crate::sched::Sched;
use crate::trace::Event;
use crate::vm::args::{exactly_one, float_arg, no_args, Params};
use crate::vm::types::type_name;
use crate::vm::value::*;
use crate::vm::{PyResult, Vm};

impl Sched {
    /// `get_running_loop()`.
    pub(super) fn loop_obj(&mut self, vm: &Vm) -> PyResult<Value> {
        match &self.lp {
            Some(lp) if lp.running => Ok(lp.obj.clone()),
            _ => Err(vm.runtime_error("no running event loop")),
        }
    }

    /// The loop a future made now belongs to: the running one, else the
    /// current one (futures and tasks can be made before `run_until_complete`).
    pub(super) fn current_loop(&mut self, vm: &Vm) -> PyResult<Value> {
        match &self.lp {
            Some(lp) if !lp.closed => Ok(lp.obj.clone()),
            _ => Err(vm.runtime_error("no running event loop")),
        }
    }
}

/// A delay or a time: a number, else the `TypeError` CPython's arithmetic on
/// it raises.
fn f64_of(vm: &Vm, v: &Value, what: &str) -> PyResult<f64> {
    match v {
        Value::Int(_) | Value::Bool(_) | Value::Float(_) => float_arg(vm, v),
        Value::None => Err(vm.type_error(format!("{what} must not be None"))),
        other => Err(vm.type_error(format!(
            "unsupported operand type(s) for +: 'float' and '{}'",
            type_name(other)
        ))),
    }
}

// ---- events.py: the loop functions -------------------------------------------

/// `get_event_loop()`.
#[inline(always)]
pub(super) fn get_event_loop(
    s: &mut Sched,
    vm: &Vm,
    args: &[Value],
    kwargs: &Kwargs,
) -> PyResult<Value> {
    no_args(vm, "_asyncio.get_event_loop", args, kwargs)?;
    // 3.13: outside a running loop, the current loop, made on first use
    // (CPython also warns DeprecationWarning on stderr).
    match &s.lp {
        Some(lp) if !lp.closed => Ok(lp.obj.clone()),
        _ => Ok(s.new_loop()),
    }
}

/// `events._get_running_loop()`: the running loop, or None.
#[inline(always)]
pub(super) fn running_loop(s: &Sched) -> PyResult<Value> {
    Ok(match &s.lp {
        Some(lp) if lp.running && !lp.closed => lp.obj.clone(),
        _ => Value::None,
    })
}

/// `set_event_loop(loop)`.
#[inline(always)]
pub(super) fn set_event_loop() -> PyResult<Value> {
    Ok(Value::None)
}

/// `asyncio.run()` as a host call: refused. (Its builtin is a driver one:
/// the driver runs `asyncio.run`, and the VM refuses it where the driver
/// cannot.)
#[inline(always)]
pub(super) fn run(vm: &Vm) -> PyResult<Value> {
    Err(vm.runtime_error("asyncio.run() cannot be called from here"))
}

// ---- the `time` module: the virtual clock ------------------------------------

/// `time.time()`, `time.monotonic()`, `time.perf_counter()`, and the loop's
/// `time()`.
#[inline(always)]
pub(super) fn time(s: &Sched) -> PyResult<Value> {
    Ok(Value::Float(s.clock))
}

/// `time.time_ns()`.
#[inline(always)]
pub(super) fn time_ns(s: &Sched) -> PyResult<Value> {
    Ok(Value::Int((s.clock * 1e9) as i64))
}

/// `time.sleep(secs)`: blocks the loop, so the clock moves by that much.
#[inline(always)]
pub(super) fn sleep(s: &mut Sched, vm: &Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    exactly_one(vm, "time.sleep", args, kwargs)?;
    let secs = f64_of(vm, &args[0], "sleep length")?;
    if secs < 0.0 {
        return Err(vm.value_error("sleep length must be non-negative"));
    }
    if secs.is_nan() {
        return Err(vm.value_error("Invalid value NaN (not a number)"));
    }
    s.clock += secs;
    s.trace.push(Event::BlockingSleep { seconds: secs });
    Ok(Value::None)
}

// ---- base_events.py: BaseEventLoop's methods ----------------------------------

/// `loop.call_soon(callback, *args)` and `loop.call_soon_threadsafe(...)`.
#[inline(always)]
pub(super) fn call_soon(
    s: &mut Sched,
    vm: &mut Vm,
    f: HostFn,
    args: &[Value],
    kwargs: &Kwargs,
) -> PyResult<Value> {
    let fname = if f == HostFn::LoopCallSoon {
        "BaseEventLoop.call_soon"
    } else {
        "BaseEventLoop.call_soon_threadsafe"
    };
    // `call_soon(self, callback, *args, context=None)`.
    let params = Params::py_method(fname, ["callback", "context"], 1).positional(1).varargs();
    let args = after_self(args);
    let [cb, _context] = params.bind(vm, args, kwargs)?;
    let cb = cb.cloned().unwrap_or(Value::None);
    let h = s.call_soon(vm, cb, params.extra(args).to_vec())?;
    if f == HostFn::LoopCallSoonThreadsafe {
        // `_write_to_self()`: the selector wakes at once.
        s.lp.as_mut().unwrap().self_pipe = true;
    }
    Ok(s.handle_obj(h))
}

/// `loop._read_from_self()`.
#[inline(always)]
pub(super) fn read_from_self(s: &mut Sched) -> PyResult<Value> {
    // `_read_from_self`: drain the self-pipe.
    if let Some(lp) = s.lp.as_mut() {
        lp.self_pipe = false;
    }
    Ok(Value::None)
}

/// `_asyncgens_take(loop)`, for `shutdown_asyncgens`.
#[inline(always)]
pub(super) fn asyncgens_take(s: &mut Sched) -> PyResult<Value> {
    // `list(loop._asyncgens)` then `clear()`: the async generators
    // first iterated in this loop that are still alive.
    let gens = match s.lp.as_mut() {
        Some(lp) => std::mem::take(&mut lp.asyncgens),
        None => vec![],
    };
    Ok(Value::list(gens.iter().filter_map(|w| w.upgrade()).map(Value::Generator).collect()))
}

/// `loop.call_later(delay, callback, *args)` and `loop.call_at(when, callback, *args)`.
#[inline(always)]
pub(super) fn call_at(
    s: &mut Sched,
    vm: &mut Vm,
    f: HostFn,
    args: &[Value],
    kwargs: &Kwargs,
) -> PyResult<Value> {
    let what = if f == HostFn::LoopCallLater { "delay" } else { "when" };
    let fname = if f == HostFn::LoopCallLater {
        "BaseEventLoop.call_later"
    } else {
        "BaseEventLoop.call_at"
    };
    // `call_later(self, delay, callback, *args, context=None)`, `call_at`'s
    // the same with `when`.
    let params = Params::py_method(fname, [what, "callback", "context"], 2).positional(2).varargs();
    let args = after_self(args);
    let [t, cb, _context] = params.bind(vm, args, kwargs)?;
    let (t, cb) = (t.unwrap_or(&Value::None), cb.cloned().unwrap_or(Value::None));
    if t.is_none() {
        return Err(vm.type_error(if f == HostFn::LoopCallLater {
            "delay must not be None"
        } else {
            "when cannot be None"
        }));
    }
    let t = f64_of(vm, t, what)?;
    let when = if f == HostFn::LoopCallLater { s.clock + t } else { t };
    let h = s.call_at(vm, when, cb, params.extra(args).to_vec())?;
    Ok(s.handle_obj(h))
}

/// `loop.create_future()`.
#[inline(always)]
pub(super) fn create_future(
    s: &mut Sched,
    vm: &Vm,
    args: &[Value],
    kwargs: &Kwargs,
) -> PyResult<Value> {
    self_only(vm, "BaseEventLoop.create_future", args, kwargs)?;
    s.current_loop(vm)?;
    Ok(s.create_future())
}

/// `loop.get_debug()`.
#[inline(always)]
pub(super) fn get_debug() -> PyResult<Value> {
    Ok(Value::Bool(false))
}

/// `loop.is_running()`.
#[inline(always)]
pub(super) fn is_running(s: &Sched) -> PyResult<Value> {
    Ok(Value::Bool(s.lp.as_ref().is_some_and(|l| l.running)))
}

/// `loop.is_closed()`.
#[inline(always)]
pub(super) fn is_closed(s: &Sched) -> PyResult<Value> {
    Ok(Value::Bool(s.lp.as_ref().is_none_or(|l| l.closed)))
}

/// `loop.stop()`.
#[inline(always)]
pub(super) fn stop(s: &mut Sched) -> PyResult<Value> {
    if let Some(lp) = s.lp.as_mut() {
        lp.stopping = true;
    }
    Ok(Value::None)
}

/// `loop.close()`.
#[inline(always)]
pub(super) fn close(s: &mut Sched, vm: &Vm) -> PyResult<Value> {
    if let Some(lp) = s.lp.as_mut() {
        if lp.running {
            return Err(vm.runtime_error("Cannot close a running event loop"));
        }
        if !lp.closed {
            lp.closed = true;
            s.trace.push(Event::LoopEnd);
        }
    }
    Ok(Value::None)
}

/// `loop.run_until_complete()` and `loop.run_forever()` as host calls:
/// refused, the loop is running. (Their builtins are driver ones: the driver
/// runs them.)
#[inline(always)]
pub(super) fn run_until_complete(vm: &Vm) -> PyResult<Value> {
    Err(vm.runtime_error("This event loop is already running"))
}

/// `base_events._run_until_complete_cb(fut)`.
#[inline(always)]
pub(super) fn run_until_complete_cb(s: &mut Sched) -> PyResult<Value> {
    // `_run_until_complete_cb`: stop the loop.
    if let Some(lp) = s.lp.as_mut() {
        lp.stopping = true;
    }
    Ok(Value::None)
}

/// The loop's `repr()`.
#[inline(always)]
pub(super) fn repr() -> String {
    "<_UnixSelectorEventLoop running=True closed=False debug=False>".into()
}
