//! The asyncio objects and functions the scheduler implements natively:
//! `Future`, `Task`, `Handle`, `TimerHandle`, the loop object, `time`, and the
//! hooks the prelude uses. Each is dispatched by a [`HostFn`] id.

use super::{FutState, Sched};
use crate::trace::Event;
use crate::vm::exc::ExcKind;
use crate::vm::intern::Symbol;
use crate::vm::types::{new_class, type_name};
use crate::vm::value::*;
use crate::vm::{PyResult, Vm};
use std::cell::RefCell;
use std::rc::Rc;

pub(crate) mod prims;
pub(crate) mod reprs;
pub(crate) mod shortcuts;

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
    pub fn from_u32(n: u32) -> Option<HostKind> {
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
        pub enum HostFn { $($name,)* }

        impl HostFn {
            pub const ALL: &'static [HostFn] = &[$(HostFn::$name,)*];

            /// The Python name (CPython's own, so that traces name callbacks alike).
            pub fn py_name(self) -> &'static str {
                match self { $(HostFn::$name => $py,)* }
            }

            pub fn from_u32(n: u32) -> Option<HostFn> {
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
pub struct Classes {
    pub future: Rc<Class>,
    pub task: Rc<Class>,
    pub handle: Rc<Class>,
    pub timer_handle: Rc<Class>,
    pub loop_cls: Rc<Class>,
    pub sleep0: Rc<Class>,
    pub cancelled_error: Rc<Class>,
    pub invalid_state_error: Rc<Class>,
    builtins: Vec<Value>,
    /// The one `_yield_now()` token.
    pub sleep0_token: Value,
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
    pub fn new(vm: &mut Vm) -> Classes {
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
                LoopTime,
                LoopCallSoon,
                LoopCallSoonThreadsafe,
                LoopCallLater,
                LoopCallAt,
                LoopCreateFuture,
                LoopCreateTask,
                LoopGetDebug,
                LoopIsRunning,
                LoopIsClosed,
                LoopStop,
                LoopRunUntilComplete,
                LoopRunForever,
                LoopClose,
            ],
            &builtins,
        );
        set(&handle, &[HandleCancel, HandleCancelled], &builtins);
        set(&timer_handle, &[TimerWhen], &builtins);
        set(
            &future,
            &[
                FutInit,
                FutResult,
                FutException,
                FutDone,
                FutCancelled,
                FutCancel,
                FutAddDoneCallback,
                FutRemoveDoneCallback,
                FutSetResult,
                FutSetException,
                FutGetLoop,
                FutMakeCancelledError,
            ],
            &builtins,
        );
        set(
            &task,
            &[
                TaskInit,
                TaskGetName,
                TaskSetName,
                TaskGetCoro,
                TaskCancel,
                TaskCancelling,
                TaskUncancel,
                TaskSetResult,
                TaskSetException,
                TaskStep,
                TaskWakeup,
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
            sleep0,
            cancelled_error,
            invalid_state_error,
            builtins,
            sleep0_token,
        }
    }

    pub fn builtin(&self, f: HostFn) -> Value {
        self.builtins[f as usize].clone()
    }

    /// The host function of one of the builtin objects made here (not of a
    /// copy made elsewhere, whose name could differ).
    pub fn own_host_fn(&self, v: &Value) -> Option<HostFn> {
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
    pub fn static_callback_name(&self, cb: &Value) -> Option<&'static str> {
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
    pub fn asyncio_functions(&self) -> Vec<(&'static str, Value)> {
        use HostFn::*;
        let mut v: Vec<(&'static str, Value)> = [
            GetRunningLoop,
            GetEventLoop,
            CurrentTask,
            AllTasks,
            SetResultUnlessCancelled,
            YieldNow,
            IsCoroutine,
            IsFuture,
            Run,
            CreateTask,
            PrimNew,
            PrimChanged,
            HolderAdd,
            HolderRemove,
            DequeRemove,
            SemWakeUpNext,
            GetLoopOf,
            NewEventLoop,
            SetEventLoop,
            AsyncgensTake,
            RunningLoop,
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

    pub fn time_functions(&self) -> Vec<(&'static str, Value)> {
        use HostFn::*;
        [Time, Monotonic, PerfCounter, Sleep, TimeNs]
            .iter()
            .map(|f| (f.py_name(), self.builtin(*f)))
            .collect()
    }
}

/// A bare instance of a host class (its payload is set by its `__init__`).
pub fn new_host_instance(c: &Rc<Class>) -> Value {
    Value::Instance(Rc::new(Instance {
        class: c.clone(),
        attrs: RefCell::new(AttrMap::default()),
        payload: RefCell::new(Payload::None),
        id: next_id(),
    }))
}

/// An async generator's `asend()` / `athrow()` / `aclose()` awaitable.
pub fn is_agen_op(v: &Value) -> bool {
    matches!(v, Value::Generator(g) if matches!(g.kind, GenKind::AgenOp { .. }))
}

pub fn is_sleep0(s: &Sched, v: &Value) -> bool {
    v.is(&s.cls.sleep0_token)
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

/// Bind `loop.call_soon(callback, *args, context=None)` and the like, Python
/// methods of `BaseEventLoop`: `args[0]` is the loop, `params` the named
/// positional parameters after `self`. Returns their values and the extra
/// positional arguments. (`context` is accepted and not used.)
fn bind_loop_call(
    vm: &Vm,
    fname: &str,
    params: &[&str],
    args: &[Value],
    kwargs: &Kwargs,
) -> PyResult<(Vec<Value>, Vec<Value>)> {
    let pos = args.get(1..).unwrap_or(&[]);
    if kwargs.is_empty() && pos.len() >= params.len() {
        // Every parameter given by position: nothing to check.
        let (bound, extra) = pos.split_at(params.len());
        return Ok((bound.to_vec(), extra.to_vec()));
    }
    let mut bound: Vec<Option<Value>> =
        params.iter().enumerate().map(|(i, _)| pos.get(i).cloned()).collect();
    for (k, v) in kwargs {
        let name = k.to_string();
        if name == "context" {
            continue;
        }
        match params.iter().position(|p| *p == name) {
            Some(i) if bound[i].is_some() => {
                return Err(
                    vm.type_error(format!("{fname}() got multiple values for argument '{name}'"))
                );
            }
            Some(i) => bound[i] = Some(v.clone()),
            None => {
                let mut cands = vec!["self"];
                cands.extend_from_slice(params);
                cands.push("context");
                return Err(
                    vm.type_error(crate::pylib::suggest::unexpected_keyword(fname, &name, &cands))
                );
            }
        }
    }
    let missing: Vec<&str> =
        params.iter().zip(&bound).filter(|(_, v)| v.is_none()).map(|(p, _)| *p).collect();
    if !missing.is_empty() {
        let names = match missing.as_slice() {
            [a] => format!("'{a}'"),
            [a, b] => format!("'{a}' and '{b}'"),
            _ => missing.iter().map(|m| format!("'{m}'")).collect::<Vec<_>>().join(", "),
        };
        return Err(vm.type_error(format!(
            "{fname}() missing {} required positional argument{}: {names}",
            missing.len(),
            if missing.len() == 1 { "" } else { "s" }
        )));
    }
    let extra = pos.get(params.len()..).unwrap_or(&[]).to_vec();
    Ok((bound.into_iter().map(|v| v.unwrap_or(Value::None)).collect(), extra))
}

fn kw<'a>(kwargs: &'a Kwargs, name: &str) -> Option<&'a Value> {
    let s = Symbol::new(name);
    kwargs.iter().find(|(k, _)| *k == s).map(|(_, v)| v)
}

fn f64_of(vm: &Vm, v: &Value, what: &str) -> PyResult<f64> {
    match v {
        Value::Int(i) => Ok(*i as f64),
        Value::Bool(b) => Ok(*b as i64 as f64),
        Value::Float(f) => Ok(*f),
        Value::None => Err(vm.type_error(format!("{what} must not be None"))),
        other => Err(vm.type_error(format!(
            "unsupported operand type(s) for +: 'float' and '{}'",
            type_name(other)
        ))),
    }
}

impl Sched {
    fn self_fut(&self, vm: &Vm, args: &[Value]) -> PyResult<u32> {
        match args.first().and_then(|a| self.fut_id(a)) {
            Some(f) => Ok(f),
            None => Err(vm.runtime_error("Future object is not initialized.")),
        }
    }

    /// `get_running_loop()`.
    fn loop_obj(&mut self, vm: &Vm) -> PyResult<Value> {
        match &self.lp {
            Some(lp) if lp.running => Ok(lp.obj.clone()),
            _ => Err(vm.runtime_error("no running event loop")),
        }
    }

    /// The loop a future made now belongs to: the running one, else the
    /// current one (futures and tasks can be made before `run_until_complete`).
    fn current_loop(&mut self, vm: &Vm) -> PyResult<Value> {
        match &self.lp {
            Some(lp) if !lp.closed => Ok(lp.obj.clone()),
            _ => Err(vm.runtime_error("no running event loop")),
        }
    }

    /// The handle's Python object (made on first use).
    pub fn handle_obj(&mut self, h: u32) -> Value {
        if let Some(o) = &self.handle(h).obj {
            return o.clone();
        }
        let cls = if self.handle(h).timer {
            self.cls.timer_handle.clone()
        } else {
            self.cls.handle.clone()
        };
        let o = new_host_instance(&cls);
        if let Value::Instance(i) = &o {
            *i.payload.borrow_mut() = Payload::Host(h);
        }
        self.handle_mut(h).obj = Some(o.clone());
        o
    }
}

/// Dispatch a host function.
pub fn call(
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
        GetRunningLoop => s.loop_obj(vm),
        // 3.13: outside a running loop, the current loop, made on first use
        // (CPython also warns DeprecationWarning on stderr).
        GetEventLoop => match &s.lp {
            Some(lp) if !lp.closed => Ok(lp.obj.clone()),
            _ => Ok(s.new_loop()),
        },
        NewEventLoop => Ok(s.new_loop()),
        // `events._get_running_loop()`: the running loop, or None.
        RunningLoop => Ok(match &s.lp {
            Some(lp) if lp.running && !lp.closed => lp.obj.clone(),
            _ => Value::None,
        }),
        SetEventLoop => Ok(Value::None),
        CurrentTask => {
            s.loop_obj(vm)?;
            Ok(s.current_task.map(|f| s.fut(f).obj.clone()).unwrap_or(Value::None))
        }
        AllTasks => {
            // `all_tasks(loop)` with a loop given needs no running loop.
            if args.first().is_none_or(|l| l.is_none()) {
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
        SetResultUnlessCancelled => {
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
        YieldNow => Ok(s.cls.sleep0_token.clone()),
        IsCoroutine => Ok(Value::Bool(
            matches!(args.first(), Some(Value::Coroutine(_)))
                || args.first().is_some_and(is_agen_op),
        )),
        IsFuture => Ok(Value::Bool(args.first().is_some_and(|a| s.fut_id(a).is_some()))),
        Run => Err(vm.runtime_error("asyncio.run() cannot be called from here")),
        CreateTask | LoopCreateTask => {
            // Bound as CPython binds `create_task(coro, *, name=None, context=None)`
            // (a Python function, `BaseEventLoop.create_task` for the loop method):
            // a bad call fails here, before any task exists.
            let (fname, pos) = if f == LoopCreateTask {
                ("BaseEventLoop.create_task", args.get(1..).unwrap_or(&[]))
            } else {
                ("create_task", args)
            };
            for (k, _) in kwargs {
                if !k.with_str(|k| matches!(k, "coro" | "name" | "context")) {
                    let msg = k.with_str(|k| {
                        crate::pylib::suggest::unexpected_keyword(
                            fname,
                            k,
                            &["coro", "name", "context"],
                        )
                    });
                    return Err(vm.type_error(msg));
                }
            }
            if pos.len() > 1 {
                let given = pos.len() + (f == LoopCreateTask) as usize;
                let takes = 1 + (f == LoopCreateTask) as usize;
                return Err(vm.type_error(format!(
                    "{fname}() takes {takes} positional argument{} but {given} were given",
                    if takes == 1 { "" } else { "s" }
                )));
            }
            let coro = match (pos.first(), kw(kwargs, "coro")) {
                (Some(_), Some(_)) => {
                    return Err(
                        vm.type_error(format!("{fname}() got multiple values for argument 'coro'"))
                    );
                }
                (Some(c), None) | (None, Some(c)) => c.clone(),
                (None, None) => {
                    return Err(vm.type_error(format!(
                        "{fname}() missing 1 required positional argument: 'coro'"
                    )));
                }
            };
            let name = kw(kwargs, "name").cloned();
            if f == CreateTask {
                s.loop_obj(vm)?;
            } else {
                s.current_loop(vm)?;
            }
            let obj = new_host_instance(&s.cls.task);
            s.init_task(vm, &obj, coro, name.unwrap_or(Value::None))?;
            Ok(obj)
        }
        PrimNew => prims::prim_new(s, vm, args),
        PrimChanged => prims::prim_changed(s, vm, args),
        DequeRemove => Ok(Value::Bool(shortcuts::deque_remove(s, args))),
        SemWakeUpNext => shortcuts::sem_wake_up_next(s, vm, args),
        HolderAdd => prims::holder_add(s, args),
        HolderRemove => prims::holder_remove(s, args),
        GetLoopOf => s.current_loop(vm),
        Time | Monotonic | PerfCounter => Ok(Value::Float(s.clock)),
        TimeNs => Ok(Value::Int((s.clock * 1e9) as i64)),
        Sleep => {
            let secs = match args.first() {
                Some(v) => f64_of(vm, v, "sleep length")?,
                None => {
                    return Err(vm.type_error("time.sleep() takes exactly one argument (0 given)"))
                }
            };
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
        LoopTime => Ok(Value::Float(s.clock)),
        LoopCallSoon | LoopCallSoonThreadsafe => {
            let fname = if f == LoopCallSoon {
                "BaseEventLoop.call_soon"
            } else {
                "BaseEventLoop.call_soon_threadsafe"
            };
            let (mut bound, extra) = bind_loop_call(vm, fname, &["callback"], args, kwargs)?;
            let cb = bound.remove(0);
            let h = s.call_soon(vm, cb, extra)?;
            if f == LoopCallSoonThreadsafe {
                // `_write_to_self()`: the selector wakes at once.
                s.lp.as_mut().unwrap().self_pipe = true;
            }
            Ok(s.handle_obj(h))
        }
        ReadFromSelf => {
            // `_read_from_self`: drain the self-pipe.
            if let Some(lp) = s.lp.as_mut() {
                lp.self_pipe = false;
            }
            Ok(Value::None)
        }
        AsyncgensTake => {
            // `list(loop._asyncgens)` then `clear()`: the async generators
            // first iterated in this loop that are still alive.
            let gens = match s.lp.as_mut() {
                Some(lp) => std::mem::take(&mut lp.asyncgens),
                None => vec![],
            };
            Ok(Value::list(gens.iter().filter_map(|w| w.upgrade()).map(Value::Generator).collect()))
        }
        LoopCallLater | LoopCallAt => {
            let what = if f == LoopCallLater { "delay" } else { "when" };
            let fname = if f == LoopCallLater {
                "BaseEventLoop.call_later"
            } else {
                "BaseEventLoop.call_at"
            };
            let (bound, extra) = bind_loop_call(vm, fname, &[what, "callback"], args, kwargs)?;
            let t = &bound[0];
            if t.is_none() {
                return Err(vm.type_error(if f == LoopCallLater {
                    "delay must not be None"
                } else {
                    "when cannot be None"
                }));
            }
            let t = f64_of(vm, t, what)?;
            let cb = bound[1].clone();
            let when = if f == LoopCallLater { s.clock + t } else { t };
            let h = s.call_at(vm, when, cb, extra)?;
            Ok(s.handle_obj(h))
        }
        LoopCreateFuture => {
            s.current_loop(vm)?;
            Ok(s.create_future())
        }
        LoopGetDebug => Ok(Value::Bool(false)),
        LoopIsRunning => Ok(Value::Bool(s.lp.as_ref().is_some_and(|l| l.running))),
        LoopIsClosed => Ok(Value::Bool(s.lp.as_ref().is_none_or(|l| l.closed))),
        LoopStop => {
            if let Some(lp) = s.lp.as_mut() {
                lp.stopping = true;
            }
            Ok(Value::None)
        }
        HandleCancel => {
            if let Some(h) = args.first().and_then(payload_id) {
                s.cancel_handle(h);
            }
            Ok(Value::None)
        }
        HandleCancelled => Ok(Value::Bool(
            args.first().and_then(payload_id).is_some_and(|h| s.handle(h).cancelled),
        )),
        TimerWhen => Ok(Value::Float(
            args.first().and_then(payload_id).map(|h| s.handle(h).when).unwrap_or(0.0),
        )),
        FutInit => {
            let me = args.first().cloned().unwrap_or(Value::None);
            // `_asyncio.Future.__init__(*, loop=None)`'s Argument Clinic checks.
            if args.len() > 1 {
                return Err(vm.type_error("Future() takes no positional arguments"));
            }
            for (k, _) in kwargs {
                if *k != Symbol::new("loop") {
                    let msg = k.with_str(|k| {
                        crate::pylib::suggest::unexpected_keyword("Future", k, &["loop"])
                    });
                    return Err(vm.type_error(msg));
                }
            }
            s.current_loop(vm)?;
            s.new_future(&me);
            Ok(Value::None)
        }
        FutResult => {
            let f = s.self_fut(vm, args)?;
            s.future_result(vm, f)
        }
        FutException => {
            let f = s.self_fut(vm, args)?;
            s.future_exception(vm, f)
        }
        FutDone => {
            let f = s.self_fut(vm, args)?;
            Ok(Value::Bool(s.fut(f).state != FutState::Pending))
        }
        FutCancelled => {
            let f = s.self_fut(vm, args)?;
            Ok(Value::Bool(s.fut(f).state == FutState::Cancelled))
        }
        FutCancel => {
            let f = s.self_fut(vm, args)?;
            let msg = args.get(1).or(kw(kwargs, "msg")).cloned().unwrap_or(Value::None);
            if s.task(f).is_some() {
                return s.task_cancel(vm, f, msg).map(Value::Bool);
            }
            s.future_cancel(vm, f, msg).map(Value::Bool)
        }
        FutAddDoneCallback => {
            let f = s.self_fut(vm, args)?;
            let cb = args.get(1).cloned().ok_or_else(|| {
                vm.type_error("add_done_callback() missing 1 required positional argument: 'fn'")
            })?;
            s.add_done_callback(vm, f, cb)?;
            Ok(Value::None)
        }
        FutRemoveDoneCallback => {
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
        FutSetResult => {
            let f = s.self_fut(vm, args)?;
            if s.task(f).is_some() {
                return Err(vm.runtime_error("Task does not support set_result operation"));
            }
            s.set_result(vm, f, args.get(1).cloned().unwrap_or(Value::None))?;
            Ok(Value::None)
        }
        FutSetException => {
            let f = s.self_fut(vm, args)?;
            if s.task(f).is_some() {
                return Err(vm.runtime_error("Task does not support set_exception operation"));
            }
            s.set_exception(vm, f, args.get(1).cloned().unwrap_or(Value::None))?;
            Ok(Value::None)
        }
        FutGetLoop => s.current_loop(vm),
        FutMakeCancelledError => {
            let f = s.self_fut(vm, args)?;
            Ok(s.make_cancelled_error(vm, f))
        }
        TaskInit => {
            let me = args.first().cloned().unwrap_or(Value::None);
            let coro = args
                .get(1)
                .or(kw(kwargs, "coro"))
                .cloned()
                .ok_or_else(|| vm.type_error("Task() missing required argument 'coro'"))?;
            let name = kw(kwargs, "name").cloned().unwrap_or(Value::None);
            s.init_task(vm, &me, coro, name)?;
            Ok(Value::None)
        }
        TaskGetName => {
            let f = s.self_fut(vm, args)?;
            Ok(s.task(f).map(|t| t.name.clone()).unwrap_or(Value::None))
        }
        TaskSetName => {
            let f = s.self_fut(vm, args)?;
            let v = args.get(1).cloned().unwrap_or(Value::None);
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
        TaskGetCoro => {
            let f = s.self_fut(vm, args)?;
            Ok(s.task(f).map(|t| t.coro.clone()).unwrap_or(Value::None))
        }
        TaskCancel => {
            let f = s.self_fut(vm, args)?;
            let msg = args.get(1).or(kw(kwargs, "msg")).cloned().unwrap_or(Value::None);
            s.task_cancel(vm, f, msg).map(Value::Bool)
        }
        TaskCancelling => {
            let f = s.self_fut(vm, args)?;
            Ok(Value::Int(s.task(f).map(|t| t.num_cancels_requested).unwrap_or(0)))
        }
        TaskUncancel => {
            let f = s.self_fut(vm, args)?;
            let t = s.task_mut(f).expect("a task");
            if t.num_cancels_requested > 0 {
                t.num_cancels_requested -= 1;
                if t.num_cancels_requested == 0 {
                    t.must_cancel = false;
                }
            }
            Ok(Value::Int(t.num_cancels_requested))
        }
        TaskSetResult => Err(vm.runtime_error("Task does not support set_result operation")),
        TaskSetException => Err(vm.runtime_error("Task does not support set_exception operation")),
        TaskStep | TaskWakeup => {
            Err(vm.runtime_error("a task's step runs only from the event loop"))
        }
        LoopClose => {
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
        LoopRunUntilComplete | LoopRunForever => {
            Err(vm.runtime_error("This event loop is already running"))
        }
        RunUntilCompleteCb => {
            // `_run_until_complete_cb`: stop the loop.
            if let Some(lp) = s.lp.as_mut() {
                lp.stopping = true;
            }
            Ok(Value::None)
        }
    }
}

/// `f != fn` in `remove_done_callback`: bound methods compare by `__self__`
/// and function; everything else by identity or `__eq__`.
fn callbacks_equal(vm: &mut Vm, s: &mut Sched, a: &Value, b: &Value) -> PyResult<bool> {
    match (a, b) {
        (Value::Method(x), Value::Method(y)) => Ok(x.self_.is(&y.self_) && x.func.is(&y.func)),
        _ => vm.eq(s, a, b),
    }
}

/// Data attributes of host objects.
pub fn getattr(s: &mut Sched, vm: &mut Vm, obj: &Value, name: Symbol) -> Option<PyResult<Value>> {
    let kind = host_kind(obj)?;
    let id = payload_id(obj);
    let n = name.to_string();
    if !n.starts_with('_') {
        return None;
    }
    match kind {
        HostKind::Future | HostKind::Task => {
            let f = id?;
            let fut = s.fut(f);
            let v = match n.as_str() {
                "_state" => Value::str(fut.state.name()),
                "_result" => fut.result.clone(),
                "_exception" => fut.exception.clone(),
                "_cancel_message" => fut.cancel_message.clone(),
                "_asyncio_future_blocking" => Value::Bool(fut.blocking),
                "_loop" => return Some(s.current_loop(vm)),
                "_log_traceback" => Value::Bool(false),
                _ => {
                    let t = fut.task.as_ref()?;
                    match n.as_str() {
                        "_must_cancel" => Value::Bool(t.must_cancel),
                        "_fut_waiter" => t.fut_waiter.clone(),
                        "_coro" => t.coro.clone(),
                        "_name" => t.name.clone(),
                        "_num_cancels_requested" => Value::Int(t.num_cancels_requested),
                        _ => return None,
                    }
                }
            };
            Some(Ok(v))
        }
        HostKind::Handle | HostKind::TimerHandle => {
            let h = s.handle(id?);
            let v = match n.as_str() {
                "_cancelled" => Value::Bool(h.cancelled),
                "_when" if h.timer => Value::Float(h.when),
                "_callback" => h.callback.clone(),
                "_args" => {
                    if h.cancelled {
                        Value::None
                    } else {
                        Value::tuple(h.args.clone())
                    }
                }
                "_scheduled" => Value::Bool(h.scheduled),
                _ => return None,
            };
            Some(Ok(v))
        }
        _ => None,
    }
}

/// `repr()` of host objects, shaped like CPython's.
pub fn repr(s: &mut Sched, vm: &mut Vm, obj: &Value) -> Option<String> {
    let kind = host_kind(obj)?;
    Some(match kind {
        HostKind::Task => reprs::task_repr(s, vm, obj)?,
        HostKind::Future => reprs::future_repr(s, vm, obj)?,
        HostKind::Handle | HostKind::TimerHandle => {
            let h = payload_id(obj)?;
            let rec = s.handle(h);
            let name = super::callback_name(&rec.callback);
            let cls = if rec.timer { "TimerHandle" } else { "Handle" };
            if rec.cancelled {
                format!("<{cls} cancelled>")
            } else if rec.timer {
                format!("<{cls} when={} {name}()>", crate::pylib::float_repr::repr(rec.when))
            } else {
                format!("<{cls} {name}()>")
            }
        }
        HostKind::Loop => "<_UnixSelectorEventLoop running=True closed=False debug=False>".into(),
        HostKind::Sleep0 => "<_Sleep0>".into(),
    })
}

thread_local! {
    static SYM_SET_RESULT: Symbol = Symbol::new("set_result");
}

/// `set_result`, interned once per thread.
fn sym_set_result() -> Symbol {
    SYM_SET_RESULT.with(|s| *s)
}

/// `e` is an instance of `CancelledError`?
pub fn is_cancelled_error(s: &Sched, e: &Value) -> bool {
    match e {
        Value::Instance(i) => i.class.is_subclass(&s.cls.cancelled_error),
        _ => false,
    }
}
