//! The scheduler: CPython 3.13's asyncio event loop, rebuilt natively.
//!
//! The loop's whole state is what `BaseEventLoop` keeps: `ready` (a FIFO of
//! handles), `scheduled` (a `heapq` array of timer handles) and the clock.
//! `BaseEventLoop._run_once` is followed rule for rule ([`driver`]: `begin_iteration`,
//! then the ready handles, one step each), futures
//! follow `futures.Future`, tasks follow `tasks.Task` (`__step`, `__wakeup`),
//! and `asyncio.run` follows `runners.Runner` (including its shutdown, which
//! cancels leftover tasks and runs two more tasks). Everything above those
//! (`sleep`, `gather`, `wait_for`, locks, queues, ...) is CPython's own Python
//! logic, rewritten in `prelude.py` and run by the VM.
//!
//! The scheduler records every move into a [`Trace`] and renders nothing: the
//! UI and the headless runner only ever read that trace (the runner's text is
//! [`trace::text`](crate::trace::text)'s).

pub mod causes;
pub mod driver;
pub mod natives;

use crate::trace::{Event, FutId, HandleId, OwnerArg, OwnerSpec, TaskId, TaskState, Trace};
use crate::vm::exc::ExcKind;
use crate::vm::frame::ExecStack;
use crate::vm::intern::{sym, Symbol};
use crate::vm::value::Kwargs as _Kw;
use crate::vm::value::*;
use crate::vm::{AwaitStart, Host, PyErr, PyResult, Vm};
use std::collections::VecDeque;
use std::rc::Rc;

pub use driver::{Outcome, Program};
pub use natives::HostKind;

/// `time.get_clock_info('monotonic').resolution` on Linux: timers due before
/// `now + CLOCK_RESOLUTION` run in the same iteration.
pub(crate) const CLOCK_RESOLUTION: f64 = 1e-09;
/// `_MIN_SCHEDULED_TIMER_HANDLES`.
pub(crate) const MIN_SCHEDULED_TIMER_HANDLES: usize = 100;
/// `_MIN_CANCELLED_TIMER_HANDLES_FRACTION`.
pub(crate) const MIN_CANCELLED_TIMER_HANDLES_FRACTION: f64 = 0.5;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum FutState {
    Pending,
    Cancelled,
    Finished,
}

impl FutState {
    /// As futures' reprs write it.
    pub(crate) fn name_lower(self) -> &'static str {
        match self {
            FutState::Pending => "pending",
            FutState::Cancelled => "cancelled",
            FutState::Finished => "finished",
        }
    }

    pub(crate) fn name(self) -> &'static str {
        match self {
            FutState::Pending => "PENDING",
            FutState::Cancelled => "CANCELLED",
            FutState::Finished => "FINISHED",
        }
    }
}

/// A task's own fields (`tasks.Task`).
#[derive(Debug)]
pub(crate) struct TaskData {
    /// Creation number (1, 2, ...), also the trace's task id.
    pub(crate) id: TaskId,
    pub(crate) name: Value,
    pub(crate) coro: Value,
    pub(crate) must_cancel: bool,
    pub(crate) fut_waiter: Value,
    pub(crate) num_cancels_requested: i64,
    /// Has its coroutine started (first `send`)?
    pub(crate) started: bool,
    pub(crate) state: TaskState,
    /// What the trace will say woke it when the future it awaits completes
    /// (set at each suspension: `timer fired`, `lock acquired`, ...).
    pub(crate) wake: &'static str,
}

/// A future (`futures.Future`); tasks are futures with [`TaskData`].
#[derive(Debug)]
pub(crate) struct Fut {
    pub(crate) state: FutState,
    pub(crate) result: Value,
    pub(crate) exception: Value,
    pub(crate) callbacks: Vec<Value>,
    pub(crate) cancel_message: Value,
    pub(crate) cancelled_exc: Value,
    pub(crate) blocking: bool,
    /// The Python object.
    pub(crate) obj: Value,
    /// The task that was running when it was made (0: none): for a lock's
    /// waiter future, the waiting task.
    pub(crate) created_by: TaskId,
    pub(crate) task: Option<Box<TaskData>>,
}

/// A `Handle` or `TimerHandle`.
#[derive(Debug)]
pub(crate) struct HandleRec {
    pub(crate) callback: Value,
    pub(crate) args: Vec<Value>,
    pub(crate) cancelled: bool,
    pub(crate) when: f64,
    pub(crate) timer: bool,
    /// In the heap (`TimerHandle._scheduled`).
    pub(crate) scheduled: bool,
    /// The Python object, made when Python code first sees the handle.
    pub(crate) obj: Option<Value>,
}

/// One `asyncio.run`'s event loop.
#[derive(Debug, Default)]
pub(crate) struct LoopState {
    pub(crate) ready: VecDeque<HandleId>,
    pub(crate) scheduled: Vec<crate::trace::heap::Entry>,
    pub(crate) stopping: bool,
    pub(crate) timer_cancelled_count: usize,
    pub(crate) closed: bool,
    /// Inside `run_forever` / `run_until_complete` (`asyncio.run` included).
    pub(crate) running: bool,
    pub(crate) obj: Value,
    /// `_asyncgens`: the async generators first iterated while the loop ran
    /// (CPython's WeakSet; here in the order they started).
    pub(crate) asyncgens: Vec<std::rc::Weak<Generator>>,
    /// A byte waits in the self-pipe (`call_soon_threadsafe` wrote it): the
    /// next select returns at once and queues `_read_from_self`.
    pub(crate) self_pipe: bool,
}

/// The host: event loop, futures, tasks, clock, output, trace.
pub struct Sched {
    pub trace: Trace,
    /// The virtual clock.
    pub(crate) clock: f64,
    pub(crate) futs: Vec<Fut>,
    pub(crate) handles: Vec<HandleRec>,
    pub(crate) lp: Option<LoopState>,
    /// `tasks._task_name_counter`: numbers for unnamed tasks.
    pub(crate) task_name_counter: u64,
    /// Tasks created so far (their creation numbers).
    pub(crate) tasks_created: u32,
    /// Future ids of tasks, by creation number - 1.
    pub(crate) task_futs: Vec<FutId>,
    /// `_current_tasks[loop]`.
    pub(crate) current_task: Option<FutId>,
    pub(crate) cls: natives::Classes,
    pub(crate) prims: Vec<natives::PrimRec>,
    /// Suspended stacks already described in the trace ([`causes::stack_text`]).
    pub(crate) stacks: rustc_hash::FxHashMap<causes::StackKey, crate::trace::StrId>,
}

impl Sched {
    pub(crate) fn new(vm: &mut Vm) -> Sched {
        let cls = natives::Classes::new(vm);
        Sched {
            trace: Trace::new(),
            clock: 0.0,
            // Natively, room up front as for the trace's events (only pages
            // written are backed): 10,000 tasks make 50,000 futures and
            // 90,000 handles, whose records would otherwise be copied at
            // every doubling.
            futs: if cfg!(target_arch = "wasm32") {
                Vec::new()
            } else {
                Vec::with_capacity(1 << 17)
            },
            handles: if cfg!(target_arch = "wasm32") {
                Vec::new()
            } else {
                Vec::with_capacity(1 << 18)
            },
            lp: None,
            task_name_counter: 0,
            tasks_created: 0,
            task_futs: Vec::new(),
            current_task: None,
            cls,
            prims: Vec::new(),
            stacks: Default::default(),
        }
    }

    // ---- objects --------------------------------------------------------------

    pub(crate) fn fut(&self, id: FutId) -> &Fut {
        &self.futs[id as usize - 1]
    }

    pub(crate) fn fut_mut(&mut self, id: FutId) -> &mut Fut {
        &mut self.futs[id as usize - 1]
    }

    /// The future id of a Python object, if it is a future or task.
    #[inline]
    pub(crate) fn fut_id(&self, v: &Value) -> Option<FutId> {
        let Value::Instance(i) = v else { return None };
        let c = &*i.class;
        if c.tag != TypeTag::Host
            || !(c.host_kind == HostKind::Future as u32 || c.host_kind == HostKind::Task as u32)
        {
            return None;
        }
        match &*i.payload.borrow() {
            Payload::Host(n) => Some(*n),
            _ => None,
        }
    }

    /// `f` of the record of each future among `items` (a `Future` or `Task`
    /// instance, found through its payload), when it returns `Some`,
    /// collected: the hot loop of
    /// `natives::prims::snapshot_prim`'s list walks. The length is
    /// kept in a register (a `push` through a captured `&mut Vec` stores it
    /// back at every item).
    #[inline(always)]
    pub(crate) fn fut_ids_of(&self, items: &[Value], f: impl Fn(&Fut) -> Option<u32>) -> Vec<u32> {
        let futs = &self.futs[..];
        let mut out: Vec<u32> = Vec::with_capacity(items.len());
        let dst = out.as_mut_ptr();
        let mut n = 0;
        for v in items {
            let Value::Instance(i) = v else { continue };
            let c = &*i.class;
            if c.tag != TypeTag::Host || c.host_kind.wrapping_sub(HostKind::Future as u32) > 1 {
                continue;
            }
            // SAFETY: as in `fut_rec`.
            let Ok(Payload::Host(id)) = (unsafe { i.payload.try_borrow_unguarded() }) else {
                continue;
            };
            let Some(fut) = futs.get((*id as usize).wrapping_sub(1)) else { continue };
            if let Some(x) = f(fut) {
                // SAFETY: at most one value per item, and there is room for every item.
                unsafe { dst.add(n).write(x) };
                n += 1;
            }
        }
        // SAFETY: the first `n` values were written.
        unsafe { out.set_len(n) };
        out
    }

    /// The task data of a future id, if it is a task.
    pub(crate) fn task(&self, id: FutId) -> Option<&TaskData> {
        self.fut(id).task.as_deref()
    }

    pub(crate) fn task_mut(&mut self, id: FutId) -> Option<&mut TaskData> {
        self.fut_mut(id).task.as_deref_mut()
    }

    /// The task id (creation number) of a task object.
    pub(crate) fn task_id_of(&self, v: &Value) -> Option<TaskId> {
        self.fut_id(v).and_then(|f| self.task(f)).map(|t| t.id)
    }

    pub(crate) fn current_task_id(&self) -> TaskId {
        self.current_task.and_then(|f| self.task(f)).map(|t| t.id).unwrap_or(0)
    }

    /// A new pending future; `obj` is its Python object (an instance of
    /// `Future`, of a subclass, or of `Task`).
    pub(crate) fn new_future(&mut self, obj: &Value) -> FutId {
        let created_by = self.current_task_id();
        self.futs.push(Fut {
            state: FutState::Pending,
            result: Value::None,
            exception: Value::None,
            callbacks: Vec::new(),
            cancel_message: Value::None,
            cancelled_exc: Value::None,
            blocking: false,
            obj: obj.clone(),
            created_by,
            task: None,
        });
        let id = self.futs.len() as FutId;
        if let Value::Instance(i) = obj {
            *i.payload.borrow_mut() = Payload::Host(id);
        }
        id
    }

    /// `loop.create_future()`.
    pub(crate) fn create_future(&mut self) -> Value {
        let obj = natives::new_host_instance(&self.cls.future);
        self.new_future(&obj);
        obj
    }

    // ---- handles --------------------------------------------------------------

    /// The name and owner the reference harness shows for a callback and its arguments.
    fn describe(&mut self, vm: &mut Vm, callback: &Value, args: &[Value]) -> (u32, u32) {
        let trace = &mut self.trace;
        let name = match self.cls.static_callback_name(callback) {
            Some(name) => trace.intern_static(name),
            None => with_callback_name(callback, |name| {
                let name = name.trim_start_matches('_');
                trace.intern(if name.is_empty() { "?" } else { name })
            }),
        };
        let spec = self.owner_spec(vm, callback, args);
        let owner = self.trace.owner(spec);
        (name, owner)
    }

    fn owner_spec(&mut self, vm: &mut Vm, callback: &Value, args: &[Value]) -> OwnerSpec {
        if let Value::Method(m) = callback {
            if let Some(t) = self.task_id_of(&m.self_) {
                return OwnerSpec::Task(t);
            }
            if let Value::Instance(i) = &m.self_ {
                let inner = i.attrs.borrow().get(SYM_TASK.with(|s| *s)).cloned();
                if let Some(inner) = inner {
                    if let Some(t) = self.task_id_of(&inner) {
                        return OwnerSpec::Task(t);
                    }
                }
            }
        }
        let _ = vm;
        let cand = |f: FutId| match self.task(f) {
            Some(t) => OwnerArg::Task(t.id),
            None => OwnerArg::Fut(f),
        };
        let mut futs = args.iter().filter_map(|a| self.fut_id(a));
        let Some(first) = futs.next() else { return OwnerSpec::None };
        let Some(second) = futs.next() else { return OwnerSpec::Arg(cand(first)) };
        let mut cands = vec![cand(first), cand(second)];
        cands.extend(futs.map(cand));
        OwnerSpec::Args(cands)
    }

    fn new_handle(
        &mut self,
        vm: &mut Vm,
        callback: Value,
        args: Vec<Value>,
        timer: bool,
        when: f64,
    ) -> HandleId {
        let (name, owner) = self.describe(vm, &callback, &args);
        self.handles.push(HandleRec {
            callback,
            args,
            cancelled: false,
            when,
            timer,
            scheduled: false,
            obj: None,
        });
        let id = self.handles.len() as HandleId;
        self.trace.push(Event::HandleNew { handle: id, name, owner });
        id
    }

    /// Memory that is the scheduler's, not the program's, for `MemoryError`:
    /// the trace, and the room reserved for future and handle records.
    pub(crate) fn host_bytes(&self) -> usize {
        self.trace.heap_bytes()
            + (self.futs.capacity() - self.futs.len()) * std::mem::size_of::<Fut>()
            + (self.handles.capacity() - self.handles.len()) * std::mem::size_of::<HandleRec>()
    }

    pub(crate) fn handle(&self, id: HandleId) -> &HandleRec {
        &self.handles[id as usize - 1]
    }

    pub(crate) fn handle_mut(&mut self, id: HandleId) -> &mut HandleRec {
        &mut self.handles[id as usize - 1]
    }

    /// A new event loop becomes the current one (`new_event_loop`, the
    /// first `get_event_loop`, `asyncio.run`).
    pub(crate) fn new_loop(&mut self) -> Value {
        let obj = natives::new_host_instance(&self.cls.loop_cls);
        self.lp = Some(LoopState { obj: obj.clone(), ..Default::default() });
        self.trace.push(Event::LoopStart);
        obj
    }

    fn check_loop(&self, vm: &Vm) -> PyResult<()> {
        match &self.lp {
            Some(lp) if !lp.closed => Ok(()),
            Some(_) => Err(vm.runtime_error("Event loop is closed")),
            None => Err(vm.runtime_error("no running event loop")),
        }
    }

    /// `loop.call_soon(callback, *args)` (`_call_soon`): append a handle to `ready`.
    pub(crate) fn call_soon(
        &mut self,
        vm: &mut Vm,
        callback: Value,
        args: Vec<Value>,
    ) -> PyResult<HandleId> {
        self.check_loop(vm)?;
        let h = self.new_handle(vm, callback, args, false, 0.0);
        self.lp.as_mut().unwrap().ready.push_back(h);
        self.trace.push(Event::ReadyPush(h));
        Ok(h)
    }

    /// `loop.call_at(when, callback, *args)`: `heapq.heappush(loop._scheduled, timer)`.
    pub(crate) fn call_at(
        &mut self,
        vm: &mut Vm,
        when: f64,
        callback: Value,
        args: Vec<Value>,
    ) -> PyResult<HandleId> {
        self.check_loop(vm)?;
        let h = self.new_handle(vm, callback, args, true, when);
        let lp = self.lp.as_mut().unwrap();
        crate::trace::heap::push(
            &mut lp.scheduled,
            crate::trace::heap::Entry { when, handle: h },
            &mut crate::trace::heap::NoMoves,
        );
        self.handle_mut(h).scheduled = true;
        self.trace.push(Event::TimerPush { handle: h, when });
        Ok(h)
    }

    /// `Handle.cancel()` (and `TimerHandle.cancel()`, which tells the loop).
    pub(crate) fn cancel_handle(&mut self, h: HandleId) {
        let rec = self.handle_mut(h);
        if rec.cancelled {
            return;
        }
        rec.cancelled = true;
        rec.callback = Value::None;
        rec.args = Vec::new();
        let counted = rec.timer && rec.scheduled;
        if counted {
            if let Some(lp) = self.lp.as_mut() {
                lp.timer_cancelled_count += 1;
            }
        }
        self.trace.push(Event::Cancel(h));
    }

    // ---- futures ----------------------------------------------------------------

    /// `Future.__schedule_callbacks`: every callback via `call_soon(cb, self)`,
    /// in registration order. A task's `__wakeup` among them makes the task
    /// ready (for the trace: CPython has no such state, only the handle in
    /// `_ready`), with what woke it.
    pub(crate) fn schedule_callbacks(&mut self, vm: &mut Vm, f: FutId) -> PyResult<()> {
        let callbacks = std::mem::take(&mut self.fut_mut(f).callbacks);
        let obj = self.fut(f).obj.clone();
        for cb in callbacks {
            let woken = self.wakeup_task(&cb);
            self.call_soon(vm, cb, vec![obj.clone()])?;
            if let Some(t) = woken {
                self.note_woken(t, f);
            }
        }
        Ok(())
    }

    /// The task a callback is the `__wakeup` of.
    fn wakeup_task(&self, cb: &Value) -> Option<FutId> {
        let Value::Method(m) = cb else { return None };
        let Value::Builtin(b) = &m.func else { return None };
        if !matches!(b.kind, BuiltinKind::Host(id) if id == natives::HostFn::TaskWakeup as u32) {
            return None;
        }
        self.fut_id(&m.self_)
    }

    /// Task `t`, suspended on future `f`, is ready now that `f` is done.
    fn note_woken(&mut self, t: FutId, f: FutId) {
        let Some(task) = self.task(t) else { return };
        if task.state != TaskState::Suspended {
            return;
        }
        let wake = if self.fut(f).state == FutState::Cancelled {
            causes::CANCEL_WAKE
        } else if task.wake.is_empty() {
            "future done"
        } else {
            task.wake
        };
        self.set_task_state_static(t, TaskState::Ready, wake);
    }

    fn invalid_state(&self, vm: &Vm, msg: &str) -> PyErr {
        PyErr::Exc(vm.new_exc_args(self.cls.invalid_state_error.clone(), vec![Value::str(msg)]))
    }

    /// `Future.set_result`.
    pub(crate) fn set_result(&mut self, vm: &mut Vm, f: FutId, v: Value) -> PyResult<()> {
        if self.fut(f).state != FutState::Pending {
            return Err(self.invalid_state(vm, "invalid state"));
        }
        let fut = self.fut_mut(f);
        fut.result = v;
        fut.state = FutState::Finished;
        self.schedule_callbacks(vm, f)
    }

    /// `Future.set_exception`.
    pub(crate) fn set_exception(&mut self, vm: &mut Vm, f: FutId, exc: Value) -> PyResult<()> {
        if self.fut(f).state != FutState::Pending {
            return Err(self.invalid_state(vm, "invalid state"));
        }
        let mut exc = exc;
        if let Value::Class(c) = &exc {
            if c.is_exception_class() {
                exc = vm.call(self, &exc.clone(), vec![], vec![])?;
            }
        }
        if !crate::vm::exc::is_exception(&exc) {
            return Err(vm.type_error("invalid exception object"));
        }
        if vm.exc_is(&exc, ExcKind::StopIteration) {
            let new = vm.new_exc(
                ExcKind::RuntimeError,
                "StopIteration interacts badly with generators and cannot be raised into a Future"
                    .into(),
            );
            crate::vm::exc::with_exc(&new, |d| {
                d.cause = exc.clone();
                d.context = exc.clone();
            });
            exc = new;
        }
        let fut = self.fut_mut(f);
        fut.exception = exc;
        fut.state = FutState::Finished;
        self.schedule_callbacks(vm, f)
    }

    /// `Future.cancel` (the base-class one; tasks override it).
    pub(crate) fn future_cancel(&mut self, vm: &mut Vm, f: FutId, msg: Value) -> PyResult<bool> {
        if self.fut(f).state != FutState::Pending {
            return Ok(false);
        }
        let fut = self.fut_mut(f);
        fut.state = FutState::Cancelled;
        fut.cancel_message = msg;
        self.schedule_callbacks(vm, f)?;
        Ok(true)
    }

    /// `Future._make_cancelled_error`.
    pub(crate) fn make_cancelled_error(&mut self, vm: &mut Vm, f: FutId) -> Value {
        let fut = self.fut_mut(f);
        if !fut.cancelled_exc.is_none() {
            return std::mem::replace(&mut fut.cancelled_exc, Value::None);
        }
        let args =
            if fut.cancel_message.is_none() { vec![] } else { vec![fut.cancel_message.clone()] };
        vm.new_exc_args(self.cls.cancelled_error.clone(), args)
    }

    /// `Future.result()`.
    pub(crate) fn future_result(&mut self, vm: &mut Vm, f: FutId) -> PyResult<Value> {
        match self.fut(f).state {
            FutState::Cancelled => Err(PyErr::Exc(self.make_cancelled_error(vm, f))),
            FutState::Pending => Err(self.invalid_state(vm, "Result is not set.")),
            FutState::Finished => {
                let fut = self.fut(f);
                if !fut.exception.is_none() {
                    return Err(PyErr::Exc(fut.exception.clone()));
                }
                Ok(fut.result.clone())
            }
        }
    }

    /// `Future.exception()`.
    pub(crate) fn future_exception(&mut self, vm: &mut Vm, f: FutId) -> PyResult<Value> {
        match self.fut(f).state {
            FutState::Cancelled => Err(PyErr::Exc(self.make_cancelled_error(vm, f))),
            FutState::Pending => Err(self.invalid_state(vm, "Exception is not set.")),
            FutState::Finished => Ok(self.fut(f).exception.clone()),
        }
    }

    /// `Future.add_done_callback(fn)`: at once via `call_soon` if done.
    pub(crate) fn add_done_callback(&mut self, vm: &mut Vm, f: FutId, cb: Value) -> PyResult<()> {
        if self.fut(f).state != FutState::Pending {
            let obj = self.fut(f).obj.clone();
            self.call_soon(vm, cb, vec![obj])?;
        } else {
            self.fut_mut(f).callbacks.push(cb);
        }
        Ok(())
    }

    // ---- tasks --------------------------------------------------------------------

    /// `Task.__init__`: name, first step via `call_soon`, registration.
    pub(crate) fn init_task(
        &mut self,
        vm: &mut Vm,
        obj: &Value,
        coro: Value,
        name: Value,
    ) -> PyResult<FutId> {
        // An async generator's `aclose()` & co pass for coroutines
        // (`collections.abc.Coroutine` by their methods): the task drives
        // them through a coroutine awaiting them, step for step the same.
        let coro = if natives::task::is_agen_op(&coro) {
            let wrap = match vm.modules.get("asyncio") {
                Some(Value::Module(m)) => {
                    m.attrs.borrow().get(Symbol::new("_wrap_awaitable")).cloned()
                }
                _ => None,
            };
            match wrap {
                Some(w) => vm.call(self, &w, vec![coro], vec![])?,
                None => coro,
            }
        } else {
            coro
        };
        if !matches!(coro, Value::Coroutine(_)) {
            let r = vm.repr(self, &coro)?;
            return Err(vm.type_error(format!("a coroutine was expected, got {r}")));
        }
        self.check_loop(vm)?;
        let f = self.new_future(obj);
        let name = match name {
            Value::None => {
                self.task_name_counter += 1;
                Value::str(format!("Task-{}", self.task_name_counter))
            }
            Value::Str(_) => name,
            other => Value::str(vm.str(self, &other)?),
        };
        self.tasks_created += 1;
        let id = self.tasks_created;
        self.task_futs.push(f);
        let coro_name = match &coro {
            Value::Coroutine(c) => c.qualname.clone(),
            _ => "?".into(),
        };
        let name_s = match &name {
            Value::Str(s) => s.s.clone(),
            _ => String::new(),
        };
        self.fut_mut(f).task = Some(Box::new(TaskData {
            id,
            name,
            coro,
            must_cancel: false,
            fut_waiter: Value::None,
            num_cancels_requested: 0,
            started: false,
            state: TaskState::Created,
            wake: "",
        }));
        let n = self.trace.intern(&name_s);
        let c = self.trace.intern(&coro_name);
        self.trace.push(Event::TaskNew { task: id, name: n, coro: c });
        let step = self.task_method(obj, natives::HostFn::TaskStep);
        self.call_soon(vm, step, vec![])?;
        Ok(f)
    }

    /// A bound native method of a task (`task.__step`, `task.__wakeup`).
    pub(crate) fn task_method(&self, obj: &Value, f: natives::HostFn) -> Value {
        Value::Method(Rc::new(Method { self_: obj.clone(), func: self.cls.builtin(f) }))
    }

    /// Record a task's state change.
    pub(crate) fn set_task_state(&mut self, f: FutId, state: TaskState, cause: &str) {
        if self.task(f).is_none() {
            return;
        }
        let cause = self.trace.intern(cause);
        self.set_task_state_id(f, state, cause);
    }

    /// [`Sched::set_task_state`] with a fixed cause, interned by address.
    pub(crate) fn set_task_state_static(
        &mut self,
        f: FutId,
        state: TaskState,
        cause: &'static str,
    ) {
        if self.task(f).is_none() {
            return;
        }
        let cause = self.trace.intern_static(cause);
        self.set_task_state_id(f, state, cause);
    }

    /// [`Sched::set_task_state`] with an interned cause.
    pub(crate) fn set_task_state_id(
        &mut self,
        f: FutId,
        state: TaskState,
        cause: crate::trace::StrId,
    ) {
        let Some(t) = self.task_mut(f) else { return };
        t.state = state;
        let id = t.id;
        self.trace.push(Event::TaskState { task: id, state, cause });
    }

    /// `Task.cancel(msg)`.
    pub(crate) fn task_cancel(&mut self, vm: &mut Vm, f: FutId, msg: Value) -> PyResult<bool> {
        if self.fut(f).state != FutState::Pending {
            return Ok(false);
        }
        let waiter = {
            let t = self.task_mut(f).expect("a task");
            t.num_cancels_requested += 1;
            t.fut_waiter.clone()
        };
        if !waiter.is_none() {
            let kw = vec![(sym::msg, msg.clone())];
            let r = vm.call_method(self, &waiter, Symbol::new("cancel"), vec![], kw)?;
            if vm.truthy(self, &r)? {
                return Ok(true);
            }
        }
        let t = self.task_mut(f).expect("a task");
        t.must_cancel = true;
        self.fut_mut(f).cancel_message = msg;
        Ok(true)
    }

    // ---- output -------------------------------------------------------------------

    fn note_line(&mut self, vm: &Vm, task: TaskId, stack: &ExecStack) {
        let _ = vm;
        if let Some((_, span)) = stack.user_span() {
            self.trace.push(Event::Line { task, start: span.start, end: span.end });
        }
    }
}

/// A callback's `__name__` (bound methods: their function's).
pub(crate) fn callback_name(cb: &Value) -> String {
    with_callback_name(cb, str::to_string)
}

thread_local! {
    /// `_task`, interned once per thread.
    static SYM_TASK: Symbol = Symbol::new("_task");
}

/// [`callback_name`], lent to `f` instead of copied.
pub(crate) fn with_callback_name<R>(cb: &Value, f: impl FnOnce(&str) -> R) -> R {
    // The reference harness rewords three Future methods' errors to the C
    // implementation's by wrapping them, so as callbacks they are named
    // `wrapper` (e.g. `loop.call_later(0.5, fut.set_result, 1)`).
    if let Value::Method(m) = cb {
        if let Value::Builtin(b) = &m.func {
            if let BuiltinKind::Host(id) = b.kind {
                use natives::HostFn::*;
                if [FutSetResult as u32, FutSetException as u32, FutResult as u32].contains(&id) {
                    return f("wrapper");
                }
            }
        }
    }
    match cb {
        Value::Function(func) => f(&func.name.borrow()),
        Value::Builtin(b) => f(&b.name),
        Value::Method(m) => with_callback_name(&m.func, f),
        Value::MethodName(n) => n.with_str(f),
        Value::Class(c) => f(&c.name),
        Value::None => f("NoneType"),
        Value::Instance(i) => f(&i.class.name),
        other => f(&crate::vm::types::type_name(other)),
    }
}

impl Host for Sched {
    fn call(&mut self, vm: &mut Vm, id: u32, args: &[Value], kwargs: &_Kw) -> PyResult<Value> {
        natives::call(self, vm, id, args, kwargs)
    }

    fn write(&mut self, vm: &mut Vm, text: &str) {
        if text.is_empty() {
            return;
        }
        if vm.site_user {
            let task = self.current_task_id();
            self.trace.push(Event::Line { task, start: vm.site.start, end: vm.site.end });
        }
        let id = self.trace.text(text);
        self.trace.push(Event::Print(id));
    }

    fn await_start(&mut self, vm: &mut Vm, obj: &Value) -> PyResult<AwaitStart> {
        if natives::task::is_sleep0(self, obj) {
            return Ok(AwaitStart::Suspend(Value::None));
        }
        let Some(f) = self.fut_id(obj) else {
            return Err(vm.type_error(format!(
                "object {} can't be used in 'await' expression",
                crate::vm::types::type_name(obj)
            )));
        };
        if self.fut(f).state == FutState::Pending {
            self.fut_mut(f).blocking = true;
            return Ok(AwaitStart::Suspend(obj.clone()));
        }
        Ok(AwaitStart::Ready(self.future_result(vm, f)?))
    }

    fn await_resume(&mut self, vm: &mut Vm, obj: &Value) -> PyResult<Value> {
        if natives::task::is_sleep0(self, obj) {
            return Ok(Value::None);
        }
        let Some(f) = self.fut_id(obj) else { return Ok(Value::None) };
        if self.fut(f).state == FutState::Pending {
            return Err(vm.runtime_error("await wasn't used with future"));
        }
        self.future_result(vm, f)
    }

    fn getattr(&mut self, vm: &mut Vm, obj: &Value, name: Symbol) -> Option<PyResult<Value>> {
        natives::getattr(self, vm, obj, name)
    }

    fn repr(&mut self, vm: &mut Vm, obj: &Value) -> Option<String> {
        natives::repr(self, vm, obj)
    }

    fn module_natives(&mut self, _vm: &mut Vm, module: &str) -> Vec<(&'static str, Value)> {
        match module {
            "time" => self.cls.time_functions(),
            _ => Vec::new(),
        }
    }

    fn agen_firstiter(&mut self, _vm: &mut Vm, agen: &Value) -> bool {
        // `_asyncgen_firstiter_hook`, installed while the loop runs.
        match (self.lp.as_mut(), agen) {
            (Some(lp), Value::Generator(g)) if lp.running && !lp.closed => {
                lp.asyncgens.push(Rc::downgrade(g));
                true
            }
            _ => false,
        }
    }

    fn agen_finalize(&mut self, vm: &mut Vm, agen: &Value) -> bool {
        // `_asyncgen_finalizer_hook`: `call_soon_threadsafe(create_task, agen.aclose())`.
        let Value::Generator(g) = agen else { return false };
        let Some(lp) = self.lp.as_ref() else { return false };
        if lp.closed {
            return false;
        }
        let create_task = Value::Method(Rc::new(Method {
            self_: lp.obj.clone(),
            func: self.cls.builtin(natives::HostFn::LoopCreateTask),
        }));
        let aclose = vm.agen_op(g, AgenOpKind::Close, Value::None, None);
        if self.call_soon(vm, create_task, vec![aclose]).is_err() {
            return false;
        }
        self.lp.as_mut().unwrap().self_pipe = true;
        true
    }

    fn hash(&mut self, _vm: &mut Vm, obj: &Value) -> Option<i64> {
        // The reference harness hashes a task by its creation number.
        self.task_id_of(obj).map(|t| t as i64)
    }
}
