//! The asyncio objects and functions the scheduler implements natively:
//! `Future`, `Task`, `Handle`, `TimerHandle`, the loop object, `time`, and the
//! hooks the prelude uses. Each is dispatched by a [`HostFn`] id.
//!
//! This module is the registry and the way in: the host classes and the
//! builtin objects that stand for host functions ([`Classes`]), and the three
//! entry points the VM reaches through [`Host`](crate::vm::Host): [`call`]
//! (one match from a [`HostFn`] to its implementation), [`getattr`] and
//! [`repr`]. The implementations live with their object, split as CPython's
//! `Lib/asyncio` splits them:
//!
//! - `future`: `Future` (`futures.py`);
//! - `task`: `Task`, `create_task`, `current_task`, `all_tasks`, the
//!   `sleep(0)` token (`tasks.py`);
//! - `handle`: `Handle` and `TimerHandle` (`events.py`);
//! - `event_loop`: the loop's methods (`base_events.py`'s `BaseEventLoop`),
//!   the loop functions (`events.py`) and the `time` module's virtual clock;
//! - `reprs`: futures' and tasks' reprs (`base_futures.py`, `base_tasks.py`,
//!   `format_helpers.py`);
//! - `prims`: what the primitives of `locks.py` and `queues.py` (in
//!   `prelude.py`) record: `_prim_new`, `_prim_changed`, `_holder_add`,
//!   `_holder_remove`;
//! - `shortcuts`: `_deque_remove` and `_sem_wake_up_next`, native paths
//!   under the primitives' Python code.
//!
//! The functions that [`call`], [`getattr`] and [`repr`] hand over to were
//! their match arms, and are `#[inline(always)]`: the release build compiles
//! the dispatch as one function with the arms inline, as before the split,
//! not as one call per arm.
//!
//! None of it runs the loop or steps a task (that is the
//! [`driver`](super::driver)'s), and the state it works on, with the
//! operations the driver shares (`call_soon`, `set_result`, `init_task`,
//! `task_cancel`, ...), is [`Sched`]'s, in the parent module.

use super::Sched;
use crate::vm::args::{self, Params};
use crate::vm::exc::ExcKind;
use crate::vm::intern::Symbol;
use crate::vm::types::new_class;
use crate::vm::value::*;
use crate::vm::{PyResult, Vm};
use std::cell::RefCell;
use std::rc::Rc;

pub(crate) mod event_loop;
pub(crate) mod future;
pub(crate) mod handle;
pub(crate) mod prims;
pub(crate) mod reprs;
pub(crate) mod shortcuts;
pub(crate) mod task;

pub use prims::PrimRec;

/// Which host type a host class is (stored in `Class::host_kind`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u32)]
pub enum HostKind {
    Future = 1,
    Task = 2,
    Handle = 3,
    TimerHandle = 4,
    Loop = 5,
    Sleep0 = 6,
}

impl HostKind {
    pub(crate) fn from_u32(n: u32) -> Option<HostKind> {
        Some(match n {
            1 => HostKind::Future,
            2 => HostKind::Task,
            3 => HostKind::Handle,
            4 => HostKind::TimerHandle,
            5 => HostKind::Loop,
            6 => HostKind::Sleep0,
            _ => return None,
        })
    }
}

macro_rules! host_fns {
    ($($name:ident = $py:literal,)*) => {
        /// Every host function, by id.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        #[repr(u32)]
        pub(crate) enum HostFn { $($name,)* }

        impl HostFn {
            pub(crate) const ALL: &'static [HostFn] = &[$(HostFn::$name,)*];

            /// The Python name (CPython's own, so that traces name callbacks alike).
            pub(crate) fn py_name(self) -> &'static str {
                match self { $(HostFn::$name => $py,)* }
            }

            pub(crate) fn from_u32(n: u32) -> Option<HostFn> {
                HostFn::ALL.get(n as usize).copied()
            }
        }
    };
}

host_fns! {
    GetRunningLoop = "get_running_loop",
    GetEventLoop = "get_event_loop",
    CurrentTask = "current_task",
    AllTasks = "all_tasks",
    SetResultUnlessCancelled = "_set_result_unless_cancelled",
    YieldNow = "_yield_now",
    IsCoroutine = "iscoroutine",
    IsFuture = "isfuture",
    Run = "run",
    CreateTask = "create_task",
    PrimNew = "_prim_new",
    PrimChanged = "_prim_changed",
    HolderAdd = "_holder_add",
    HolderRemove = "_holder_remove",
    DequeRemove = "_deque_remove",
    SemWakeUpNext = "_sem_wake_up_next",
    GetLoopOf = "_get_loop",
    Time = "time",
    Monotonic = "monotonic",
    PerfCounter = "perf_counter",
    Sleep = "sleep",
    TimeNs = "time_ns",
    LoopTime = "time",
    LoopCallSoon = "call_soon",
    LoopCallSoonThreadsafe = "call_soon_threadsafe",
    LoopCallLater = "call_later",
    LoopCallAt = "call_at",
    LoopCreateFuture = "create_future",
    LoopCreateTask = "create_task",
    LoopGetDebug = "get_debug",
    LoopIsRunning = "is_running",
    LoopIsClosed = "is_closed",
    LoopStop = "stop",
    HandleCancel = "cancel",
    HandleCancelled = "cancelled",
    TimerWhen = "when",
    FutInit = "__init__",
    FutResult = "result",
    FutException = "exception",
    FutDone = "done",
    FutCancelled = "cancelled",
    FutCancel = "cancel",
    FutAddDoneCallback = "add_done_callback",
    FutRemoveDoneCallback = "remove_done_callback",
    FutSetResult = "set_result",
    FutSetException = "set_exception",
    FutGetLoop = "get_loop",
    FutMakeCancelledError = "_make_cancelled_error",
    TaskInit = "__init__",
    TaskGetName = "get_name",
    TaskSetName = "set_name",
    TaskGetCoro = "get_coro",
    TaskCancel = "cancel",
    TaskCancelling = "cancelling",
    TaskUncancel = "uncancel",
    TaskSetResult = "set_result",
    TaskSetException = "set_exception",
    TaskStep = "__step",
    TaskWakeup = "__wakeup",
    RunUntilCompleteCb = "_run_until_complete_cb",
    NewEventLoop = "new_event_loop",
    SetEventLoop = "set_event_loop",
    LoopRunUntilComplete = "run_until_complete",
    LoopRunForever = "run_forever",
    LoopClose = "close",
    ReadFromSelf = "_read_from_self",
    AsyncgensTake = "_asyncgens_take",
    RunningLoop = "_running_loop",
}

/// The host classes and the builtin objects for host functions.
pub(crate) struct Classes {
    pub(crate) future: Rc<Class>,
    pub(crate) task: Rc<Class>,
    pub(crate) handle: Rc<Class>,
    pub(crate) timer_handle: Rc<Class>,
    pub(crate) loop_cls: Rc<Class>,
    pub(crate) cancelled_error: Rc<Class>,
    pub(crate) invalid_state_error: Rc<Class>,
    builtins: Vec<Value>,
    /// The one `_yield_now()` token.
    pub(crate) sleep0_token: Value,
}

fn host_builtin(f: HostFn, owner: &str) -> Value {
    let name = f.py_name();
    let qual = if owner.is_empty() { name.to_string() } else { format!("{owner}.{name}") };
    let driver = matches!(f, HostFn::Run | HostFn::LoopRunUntilComplete | HostFn::LoopRunForever);
    let kind = if driver { BuiltinKind::Driver(f as u32) } else { BuiltinKind::Host(f as u32) };
    Value::Builtin(Rc::new(Builtin {
        name: name.into(),
        qualname: qual.into(),
        kind,
        id: next_id(),
    }))
}

impl Classes {
    pub(crate) fn new(vm: &mut Vm) -> Classes {
        let object = vm.types.object.clone();
        // The modules CPython's classes say they are from.
        let mk = |name: &str, module: &str, bases: Vec<Rc<Class>>, kind: HostKind| {
            new_class(name, module, bases, TypeTag::Host, kind as u32)
        };
        let future = mk("Future", "_asyncio", vec![object.clone()], HostKind::Future);
        let task = mk("Task", "_asyncio", vec![future.clone()], HostKind::Task);
        let handle = mk("Handle", "asyncio.events", vec![object.clone()], HostKind::Handle);
        let timer_handle =
            mk("TimerHandle", "asyncio.events", vec![handle.clone()], HostKind::TimerHandle);
        let loop_cls = mk("_VirtualEventLoop", "asyncio", vec![object.clone()], HostKind::Loop);
        let sleep0 = mk("_Sleep0", "asyncio", vec![object.clone()], HostKind::Sleep0);
        let base_exc = vm.types.exc_class(ExcKind::BaseException).clone();
        let exc = vm.types.exc_class(ExcKind::Exception).clone();
        let cancelled_error = new_class(
            "CancelledError",
            "asyncio.exceptions",
            vec![base_exc],
            TypeTag::Exception,
            0,
        );
        let invalid_state_error =
            new_class("InvalidStateError", "asyncio.exceptions", vec![exc], TypeTag::Exception, 0);
        let mut builtins = Vec::new();
        for f in HostFn::ALL {
            let owner = match *f as u32 {
                x if (HostFn::LoopTime as u32..=HostFn::LoopStop as u32).contains(&x) => {
                    "_VirtualEventLoop"
                }
                x if x == HostFn::ReadFromSelf as u32 => "_VirtualEventLoop",
                x if (HostFn::HandleCancel as u32..=HostFn::TimerWhen as u32).contains(&x) => {
                    "Handle"
                }
                x if (HostFn::FutInit as u32..=HostFn::FutMakeCancelledError as u32)
                    .contains(&x) =>
                {
                    "Future"
                }
                x if (HostFn::TaskInit as u32..=HostFn::TaskWakeup as u32).contains(&x) => "Task",
                _ => "",
            };
            builtins.push(host_builtin(*f, owner));
        }
        let set = |c: &Rc<Class>, fs: &[HostFn], builtins: &[Value]| {
            for f in fs {
                c.set_attr(Symbol::new(f.py_name()), builtins[*f as usize].clone());
            }
        };
        use HostFn::*;
        set(
            &loop_cls,
            &[
                LoopTime, LoopCallSoon, LoopCallSoonThreadsafe, LoopCallLater, LoopCallAt,
                LoopCreateFuture, LoopCreateTask, LoopGetDebug, LoopIsRunning, LoopIsClosed,
                LoopStop, LoopRunUntilComplete, LoopRunForever, LoopClose,
            ],
            &builtins,
        );
        set(&handle, &[HandleCancel, HandleCancelled], &builtins);
        set(&timer_handle, &[TimerWhen], &builtins);
        set(
            &future,
            &[
                FutInit, FutResult, FutException, FutDone, FutCancelled, FutCancel,
                FutAddDoneCallback, FutRemoveDoneCallback, FutSetResult, FutSetException,
                FutGetLoop, FutMakeCancelledError,
            ],
            &builtins,
        );
        set(
            &task,
            &[
                TaskInit, TaskGetName, TaskSetName, TaskGetCoro, TaskCancel, TaskCancelling,
                TaskUncancel, TaskSetResult, TaskSetException, TaskStep, TaskWakeup,
            ],
            &builtins,
        );
        let sleep0_token = new_host_instance(&sleep0);
        Classes {
            future,
            task,
            handle,
            timer_handle,
            loop_cls,
            cancelled_error,
            invalid_state_error,
            builtins,
            sleep0_token,
        }
    }

    pub(crate) fn builtin(&self, f: HostFn) -> Value {
        self.builtins[f as usize].clone()
    }

    /// The host function of one of the builtin objects made here (not of a
    /// copy made elsewhere, whose name could differ).
    pub(crate) fn own_host_fn(&self, v: &Value) -> Option<HostFn> {
        let Value::Builtin(b) = v else { return None };
        let BuiltinKind::Host(id) = b.kind else { return None };
        match self.builtins.get(id as usize) {
            Some(Value::Builtin(own)) if Rc::ptr_eq(own, b) => HostFn::from_u32(id),
            _ => None,
        }
    }

    /// [`with_callback_name`](super::with_callback_name) of a callback that is
    /// one of these builtins or a bound method of one, without the leading
    /// underscores: a `'static` name, so that it interns by address.
    pub(crate) fn static_callback_name(&self, cb: &Value) -> Option<&'static str> {
        let name = match cb {
            Value::Builtin(_) => self.own_host_fn(cb)?.py_name(),
            Value::Method(m) => match self.own_host_fn(&m.func)? {
                HostFn::FutSetResult | HostFn::FutSetException | HostFn::FutResult => "wrapper",
                f => f.py_name(),
            },
            _ => return None,
        };
        let name = name.trim_start_matches('_');
        Some(if name.is_empty() { "?" } else { name })
    }

    /// Module-level functions of `asyncio` implemented natively.
    pub(crate) fn asyncio_functions(&self) -> Vec<(&'static str, Value)> {
        use HostFn::*;
        let mut v: Vec<(&'static str, Value)> = [
            GetRunningLoop, GetEventLoop, CurrentTask, AllTasks, SetResultUnlessCancelled,
            YieldNow, IsCoroutine, IsFuture, Run, CreateTask, PrimNew, PrimChanged, HolderAdd,
            HolderRemove, DequeRemove, SemWakeUpNext, GetLoopOf, NewEventLoop, SetEventLoop,
            AsyncgensTake, RunningLoop,
        ]
        .iter()
        .map(|f| (f.py_name(), self.builtin(*f)))
        .collect();
        v.push(("_VirtualEventLoop", Value::Class(self.loop_cls.clone())));
        v.push(("Future", Value::Class(self.future.clone())));
        v.push(("Task", Value::Class(self.task.clone())));
        v.push(("Handle", Value::Class(self.handle.clone())));
        v.push(("TimerHandle", Value::Class(self.timer_handle.clone())));
        v.push(("CancelledError", Value::Class(self.cancelled_error.clone())));
        v.push(("InvalidStateError", Value::Class(self.invalid_state_error.clone())));
        v
    }

    pub(crate) fn time_functions(&self) -> Vec<(&'static str, Value)> {
        use HostFn::*;
        [Time, Monotonic, PerfCounter, Sleep, TimeNs]
            .iter()
            .map(|f| (f.py_name(), self.builtin(*f)))
            .collect()
    }
}

/// A bare instance of a host class (its payload is set by its `__init__`).
pub(crate) fn new_host_instance(c: &Rc<Class>) -> Value {
    Value::Instance(Rc::new(Instance {
        class: c.clone(),
        attrs: RefCell::new(AttrMap::default()),
        payload: RefCell::new(Payload::None),
        id: next_id(),
    }))
}

fn host_kind(v: &Value) -> Option<HostKind> {
    match v {
        Value::Instance(i) if i.class.tag == TypeTag::Host => HostKind::from_u32(i.class.host_kind),
        _ => None,
    }
}

fn payload_id(v: &Value) -> Option<u32> {
    v.host_ref()
}

/// A method's arguments after `self` (`args[0]`), which is what the
/// binders in `vm::args` check: CPython's messages count them without it
/// (`Future.result() takes no arguments (1 given)`), or add it back
/// themselves (`BaseEventLoop.stop() takes 1 positional argument but 2 were
/// given`).
#[inline(always)]
fn after_self(args: &[Value]) -> &[Value] {
    args.get(1..).unwrap_or(&[])
}

/// A method defined in Python that takes nothing but `self`
/// (`BaseEventLoop.stop`, `Handle.cancel`): CPython's `TypeError` for
/// anything more.
#[inline(always)]
fn self_only(vm: &Vm, fname: &str, args: &[Value], kwargs: &Kwargs) -> PyResult<()> {
    Params::py_method(fname, [], 0).bind(vm, after_self(args), kwargs).map(|[]| ())
}

/// Dispatch a host function to its implementation, in the module of the
/// object it belongs to.
pub(crate) fn call(
    s: &mut Sched,
    vm: &mut Vm,
    id: u32,
    args: &[Value],
    kwargs: &Kwargs,
) -> PyResult<Value> {
    let Some(f) = HostFn::from_u32(id) else {
        return Err(vm.runtime_error("unknown host function"));
    };
    use HostFn::*;
    match f {
        GetRunningLoop => {
            args::no_args(vm, "_asyncio.get_running_loop", args, kwargs)?;
            s.loop_obj(vm)
        }
        GetEventLoop => event_loop::get_event_loop(s, vm, args, kwargs),
        NewEventLoop => Ok(s.new_loop()),
        RunningLoop => event_loop::running_loop(s),
        SetEventLoop => event_loop::set_event_loop(),
        CurrentTask => task::current_task(s, vm, args, kwargs),
        AllTasks => task::all_tasks(s, vm, args, kwargs),
        SetResultUnlessCancelled => future::set_result_unless_cancelled(s, vm, args),
        YieldNow => task::yield_now(s),
        IsCoroutine => task::is_coroutine(vm, args, kwargs),
        IsFuture => future::is_future(s, vm, args, kwargs),
        Run => event_loop::run(vm),
        CreateTask | LoopCreateTask => task::create_task(s, vm, f, args, kwargs),
        PrimNew => prims::prim_new(s, vm, args),
        PrimChanged => prims::prim_changed(s, vm, args),
        DequeRemove => Ok(Value::Bool(shortcuts::deque_remove(s, args))),
        SemWakeUpNext => shortcuts::sem_wake_up_next(s, vm, args),
        HolderAdd => prims::holder_add(s, args),
        HolderRemove => prims::holder_remove(s, args),
        GetLoopOf => s.current_loop(vm),
        Time | Monotonic | PerfCounter => event_loop::time(s),
        TimeNs => event_loop::time_ns(s),
        Sleep => event_loop::sleep(s, vm, args, kwargs),
        LoopTime => event_loop::time(s),
        LoopCallSoon | LoopCallSoonThreadsafe => event_loop::call_soon(s, vm, f, args, kwargs),
        ReadFromSelf => event_loop::read_from_self(s),
        AsyncgensTake => event_loop::asyncgens_take(s),
        LoopCallLater | LoopCallAt => event_loop::call_at(s, vm, f, args, kwargs),
        LoopCreateFuture => event_loop::create_future(s, vm, args, kwargs),
        LoopGetDebug => {
            self_only(vm, "BaseEventLoop.get_debug", args, kwargs)?;
            event_loop::get_debug()
        }
        LoopIsRunning => {
            self_only(vm, "BaseEventLoop.is_running", args, kwargs)?;
            event_loop::is_running(s)
        }
        LoopIsClosed => {
            self_only(vm, "BaseEventLoop.is_closed", args, kwargs)?;
            event_loop::is_closed(s)
        }
        LoopStop => {
            self_only(vm, "BaseEventLoop.stop", args, kwargs)?;
            event_loop::stop(s)
        }
        HandleCancel => handle::cancel(s, vm, args, kwargs),
        HandleCancelled => handle::cancelled(s, vm, args, kwargs),
        TimerWhen => handle::when(s, vm, args, kwargs),
        FutInit => future::init(s, vm, args, kwargs),
        FutResult => future::result(s, vm, args, kwargs),
        FutException => future::exception(s, vm, args, kwargs),
        FutDone => future::done(s, vm, args, kwargs),
        FutCancelled => future::cancelled(s, vm, args, kwargs),
        FutCancel => future::cancel(s, vm, args, kwargs),
        FutAddDoneCallback => future::add_done_callback(s, vm, args, kwargs),
        FutRemoveDoneCallback => future::remove_done_callback(s, vm, args, kwargs),
        FutSetResult => future::set_outcome(s, vm, args, kwargs, false),
        FutSetException => future::set_outcome(s, vm, args, kwargs, true),
        FutGetLoop => {
            args::defining_class_only(vm, "get_loop", after_self(args), kwargs)?;
            s.current_loop(vm)
        }
        FutMakeCancelledError => future::make_cancelled_error(s, vm, args, kwargs),
        TaskInit => task::init(s, vm, args, kwargs),
        TaskGetName => task::get_name(s, vm, args, kwargs),
        TaskSetName => task::set_name(s, vm, args, kwargs),
        TaskGetCoro => task::get_coro(s, vm, args, kwargs),
        TaskCancel => future::cancel(s, vm, args, kwargs),
        TaskCancelling => task::cancelling(s, vm, args, kwargs),
        TaskUncancel => task::uncancel(s, vm, args, kwargs),
        TaskSetResult => task::set_result(vm, args, kwargs),
        TaskSetException => task::set_exception(vm, args, kwargs),
        TaskStep | TaskWakeup => task::step(vm),
        LoopClose => {
            self_only(vm, "_UnixSelectorEventLoop.close", args, kwargs)?;
            event_loop::close(s, vm)
        }
        LoopRunUntilComplete | LoopRunForever => event_loop::run_until_complete(vm),
        RunUntilCompleteCb => event_loop::run_until_complete_cb(s),
    }
}

/// Data attributes of host objects.
pub(crate) fn getattr(
    s: &mut Sched,
    vm: &mut Vm,
    obj: &Value,
    name: Symbol,
) -> Option<PyResult<Value>> {
    let kind = host_kind(obj)?;
    let id = payload_id(obj);
    let n = name.to_string();
    if !n.starts_with('_') {
        return None;
    }
    match kind {
        HostKind::Future | HostKind::Task => future::attr(s, vm, id?, &n),
        HostKind::Handle | HostKind::TimerHandle => handle::attr(s, id?, &n).map(Ok),
        _ => None,
    }
}

/// `repr()` of host objects, shaped like CPython's.
pub(crate) fn repr(s: &mut Sched, vm: &mut Vm, obj: &Value) -> Option<String> {
    let kind = host_kind(obj)?;
    Some(match kind {
        HostKind::Task => reprs::task_repr(s, vm, obj)?,
        HostKind::Future => reprs::future_repr(s, vm, obj)?,
        HostKind::Handle | HostKind::TimerHandle => handle::repr(s, payload_id(obj)?),
        HostKind::Loop => event_loop::repr(),
        HostKind::Sleep0 => task::sleep0_repr(),
    })
}

/// `e` is an instance of `CancelledError`?
pub(crate) fn is_cancelled_error(s: &Sched, e: &Value) -> bool {
    match e {
        Value::Instance(i) => i.class.is_subclass(&s.cls.cancelled_error),
        _ => false,
    }
}
