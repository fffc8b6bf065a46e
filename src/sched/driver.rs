//! Running a program: module code, `asyncio.run` (CPython's `Runner`), the
//! loop's iterations (`BaseEventLoop._run_once`) and tasks' steps
//! (`Task.__step` / `__wakeup`), in bounded slices.
//!
//! Every piece of work is resumable: [`Program::step`] runs at most `fuel`
//! VM instructions and returns, keeping the task or callback it was in the
//! middle of, so a browser tab can interleave engine work with painting.

use super::causes;
use super::natives::{self, HostFn};
use super::{FutState, Sched};
use crate::syntax::Diagnostic;
use crate::trace::{Event, FutId, HandleId, TaskState};
use crate::vm::exc::ExcKind;
use crate::vm::frame::ExecStack;
use crate::vm::intern::{sym, Symbol};
use crate::vm::value::*;
use crate::vm::{Halt, Limits, PyErr, PyResult, Resume, RunResult, Vm};
use std::rc::Rc;

/// Python frames below module code when the reference harness runs a
/// program (its own module and `main()`), which count towards the
/// recursion limit.
pub(crate) const MODULE_DEPTH: usize = 2;
/// Python frames below a task's coroutine or a callback inside `asyncio.run`
/// under the reference harness (the harness, `asyncio.run`, `Runner.run`,
/// `run_until_complete`, `run_forever`, `_run_once`, `Handle._run`, ...).
pub(crate) const LOOP_DEPTH: usize = 11;

/// The prelude: CPython's asyncio, in the Python the VM runs.
pub(crate) const PRELUDE: &str = include_str!("prelude.py");

/// How a program ended.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    Exit,
    /// An exception escaped: its type name, `str(exc)`, and a short traceback
    /// (`(function, line)`, outermost first).
    Uncaught {
        type_name: String,
        message: String,
        traceback: Vec<(String, u32)>,
    },
    /// Nothing ready, no timer, the main task not done.
    Deadlock,
    /// The instruction budget ran out (the program would run forever).
    Halted,
}

impl Outcome {
    /// The runner's last line, without the timestamp.
    pub(crate) fn line(&self) -> String {
        match self {
            Outcome::Exit => "exit".into(),
            Outcome::Uncaught { type_name, message, .. } => {
                format!("uncaught {type_name}: {message}")
            }
            Outcome::Deadlock => "deadlock".into(),
            Outcome::Halted => "halted: step budget exhausted".into(),
        }
    }
}

/// Which `run_until_complete` of `asyncio.run` the loop is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stage {
    Main,
    /// `_cancel_all_tasks`: waiting for `gather(*to_cancel)`.
    CancelAll,
    /// `loop.shutdown_asyncgens()`.
    ShutdownGens,
    /// `loop.shutdown_default_executor()`.
    ShutdownExecutor,
}

/// What started the loop: `asyncio.run` (a `Runner`: new loop, cleanup at
/// the end), or `loop.run_until_complete` / `loop.run_forever` called by the
/// program on the current loop (the old style, before `asyncio.run`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum RunKind {
    Runner,
    UntilComplete,
    Forever,
}

/// A handle in the middle of running.
enum Running {
    Step { fut: FutId, handle: HandleId, stack: ExecStack },
    Callback { handle: HandleId, stack: ExecStack },
}

struct LoopRun {
    kind: RunKind,
    /// Nothing more to run: close or pause the loop and resume the module.
    finished: bool,
    /// The module stack, suspended in `asyncio.run(...)`.
    module: ExecStack,
    main: FutId,
    stage: Stage,
    /// The future `run_until_complete` waits for.
    target: FutId,
    /// What `asyncio.run` returns or raises.
    result: Option<Result<Value, PyErr>>,
    deadlocked: bool,
    in_iter: bool,
    remaining: usize,
    current: Option<Running>,
}

impl LoopRun {
    /// A run of the loop that has not started: the main stage, no target yet.
    fn new(kind: RunKind, module: ExecStack) -> Box<LoopRun> {
        Box::new(LoopRun {
            kind,
            finished: false,
            module,
            main: 0,
            stage: Stage::Main,
            target: 0,
            result: None,
            deadlocked: false,
            in_iter: false,
            remaining: 0,
            current: None,
        })
    }
}

enum Phase {
    Module { stack: ExecStack, resume: Option<Resume> },
    Loop(Box<LoopRun>),
    Done,
}

/// A compiled program with its VM and scheduler, run in slices.
pub struct Program {
    pub vm: Vm,
    pub sched: Sched,
    pub(crate) globals: Rc<Globals>,
    phase: Phase,
    pub(crate) outcome: Option<Outcome>,
}

impl Program {
    /// Compile `source` (and the asyncio prelude). Diagnostics if the program
    /// is invalid or outside the subset; it never half-runs.
    pub fn new(source: &str, limits: Limits) -> Result<Program, Vec<Diagnostic>> {
        Program::with_file(source, limits, "main.py")
    }

    /// [`Program::new`] for a program read from `file` (its `__file__`, and
    /// the file a coroutine's repr says it is running in).
    pub fn with_file(source: &str, limits: Limits, file: &str) -> Result<Program, Vec<Diagnostic>> {
        let mut vm = Vm::new(crate::compile::compile_source);
        vm.file_name = file.into();
        vm.limits = limits;
        let mut sched = Sched::new(&mut vm);
        // The scheduler's reserved room is not the program's (the prelude
        // runs next, under the memory limit).
        vm.host_bytes = sched.host_bytes();
        install_modules(&mut vm, &mut sched);
        let globals = Rc::new(Globals::new("__main__"));
        let code = crate::compile::compile_source(&mut vm, source, &globals, false)?;
        globals.set(sym::__name__, Value::str("__main__"));
        globals.set(sym::__file__, Value::str(file));
        let stack = vm.module_stack(code, globals.clone());
        Ok(Program {
            vm,
            sched,
            globals,
            phase: Phase::Module { stack, resume: Some(Resume::Start) },
            outcome: None,
        })
    }

    pub fn trace(&self) -> &crate::trace::Trace {
        &self.sched.trace
    }

    pub fn is_done(&self) -> bool {
        self.outcome.is_some()
    }

    /// Run until the program ends.
    pub fn run_to_end(&mut self) -> &Outcome {
        while !self.step(1_000_000) {}
        self.outcome.as_ref().unwrap()
    }

    /// Run at most about `fuel` instructions; true when the program has ended.
    pub(crate) fn step(&mut self, fuel: u64) -> bool {
        if self.outcome.is_some() {
            return true;
        }
        self.vm.fuel = fuel.max(1);
        loop {
            if self.outcome.is_some() {
                return true;
            }
            // The trace is the host's memory, not the program's.
            self.vm.host_bytes = self.sched.host_bytes();
            if self.sched.trace.len() > self.vm.limits.max_events {
                self.phase = self.finish(Outcome::Halted);
                return true;
            }
            if self.vm.fuel == 0 {
                return false;
            }
            let phase = std::mem::replace(&mut self.phase, Phase::Done);
            self.phase = match phase {
                Phase::Module { stack, resume } => self.module_slice(stack, resume),
                Phase::Loop(run) => self.loop_slice(run),
                Phase::Done => Phase::Done,
            };
        }
    }

    fn finish(&mut self, outcome: Outcome) -> Phase {
        let line = outcome.line();
        let id = self.sched.trace.intern(&line);
        self.sched.trace.push(Event::Outcome(id));
        self.outcome = Some(outcome);
        Phase::Done
    }

    fn uncaught(&mut self, e: PyErr) -> Phase {
        match e {
            PyErr::Halt(Halt::StepBudget) => self.finish(Outcome::Halted),
            PyErr::Halt(Halt::Unsupported(m)) => self.finish(Outcome::Uncaught {
                type_name: "RuntimeError".into(),
                message: m,
                traceback: vec![],
            }),
            PyErr::Exc(v) => {
                let type_name = self.vm.class_of(&v).name.to_string();
                let message = match self.vm.str(&mut self.sched, &v) {
                    Ok(s) => s,
                    Err(_) => "<exception str() failed>".into(),
                };
                let entries: Vec<crate::vm::value::TbEntry> = crate::vm::exc::with_exc(&v, |d| {
                    d.traceback.iter().rev().filter(|t| !t.internal).cloned().collect()
                })
                .unwrap_or_default();
                let text: String = entries
                    .iter()
                    .map(|t| format!("{}\t{}\t{}\n", t.name, t.line, t.start))
                    .collect();
                let text = self.sched.trace.intern(&text);
                self.sched.trace.push(Event::Traceback(text));
                let traceback = entries.into_iter().map(|t| (t.name.to_string(), t.line)).collect();
                self.finish(Outcome::Uncaught { type_name, message, traceback })
            }
        }
    }

    fn module_slice(&mut self, mut stack: ExecStack, resume: Option<Resume>) -> Phase {
        self.vm.depth = MODULE_DEPTH;
        let r = self.vm.run(&mut self.sched, &mut stack, resume.unwrap_or(Resume::Start));
        if !matches!(r, RunResult::OutOfFuel) && crate::vm::value::finalize_pending() {
            self.vm.run_finalizers(&mut self.sched);
        }
        match r {
            RunResult::Return(_) => self.finish(Outcome::Exit),
            RunResult::Raise(e) => self.uncaught(e),
            RunResult::OutOfFuel => Phase::Module { stack, resume: None },
            RunResult::Yield(_) => {
                let e = self.vm.runtime_error("'await' outside a coroutine");
                Phase::Module { stack, resume: Some(Resume::Throw(err_to_value(&self.vm, e))) }
            }
            RunResult::HostCall { id, args, kwargs } => {
                natives::prims::name_prims_from_globals(&mut self.sched, &self.globals);
                if id == HostFn::Run as u32 {
                    self.start_run(stack, args, kwargs)
                } else if id == HostFn::LoopRunUntilComplete as u32
                    || id == HostFn::LoopRunForever as u32
                {
                    self.start_loop(stack, id == HostFn::LoopRunForever as u32, args)
                } else {
                    let e = self.vm.runtime_error("unsupported host call");
                    Phase::Module { stack, resume: Some(Resume::Throw(err_to_value(&self.vm, e))) }
                }
            }
        }
    }

    /// `asyncio.run(main)`: a new loop, the main task, `run_until_complete`.
    fn start_run(
        &mut self,
        module: ExecStack,
        args: Vec<Value>,
        kwargs: Vec<(Symbol, Value)>,
    ) -> Phase {
        let main = args.into_iter().next().or_else(|| {
            kwargs.iter().find(|(k, _)| *k == Symbol::new("main")).map(|(_, v)| v.clone())
        });
        self.sched.new_loop();
        self.sched.lp.as_mut().unwrap().running = true;
        let mut run = LoopRun::new(RunKind::Runner, module);
        let coro = match main {
            Some(c @ Value::Coroutine(_)) => c,
            other => {
                let r = match &other {
                    Some(v) => self.vm.repr(&mut self.sched, v).unwrap_or_default(),
                    None => "None".into(),
                };
                let e = self.vm.value_error(format!("a coroutine was expected, got {r}"));
                run.result = Some(Err(e));
                self.next_stage(&mut run);
                return Phase::Loop(run);
            }
        };
        let obj = natives::new_host_instance(&self.sched.cls.task);
        match self.sched.init_task(&mut self.vm, &obj, coro, Value::None) {
            Ok(f) => {
                run.main = f;
                self.run_until_complete(&mut run, f);
            }
            Err(e) => {
                run.result = Some(Err(e));
                self.next_stage(&mut run);
            }
        }
        Phase::Loop(run)
    }

    /// `loop.run_until_complete(aw)` or `loop.run_forever()` on the current loop.
    fn start_loop(&mut self, module: ExecStack, forever: bool, args: Vec<Value>) -> Phase {
        let mut run =
            LoopRun::new(if forever { RunKind::Forever } else { RunKind::UntilComplete }, module);
        let fail = |this: &mut Program, mut run: Box<LoopRun>, e: PyErr| {
            run.result = Some(Err(e));
            run.finished = true;
            this.end_run(run)
        };
        match self.sched.lp.as_ref() {
            Some(lp) if lp.closed => {
                let e = self.vm.runtime_error("Event loop is closed");
                return fail(self, run, e);
            }
            None => {
                let e = self.vm.runtime_error("Event loop is closed");
                return fail(self, run, e);
            }
            _ => {}
        }
        self.sched.lp.as_mut().unwrap().running = true;
        if !forever {
            // `tasks.ensure_future(future, loop=self)`.
            let aw = args.get(1).cloned().unwrap_or(Value::None);
            let f = match self.sched.fut_id(&aw) {
                Some(f) => f,
                None if matches!(aw, Value::Coroutine(_)) => {
                    let obj = natives::new_host_instance(&self.sched.cls.task);
                    match self.sched.init_task(&mut self.vm, &obj, aw, Value::None) {
                        Ok(f) => f,
                        Err(e) => return fail(self, run, e),
                    }
                }
                None => {
                    let e = self
                        .vm
                        .type_error("An asyncio.Future, a coroutine or an awaitable is required");
                    return fail(self, run, e);
                }
            };
            self.run_until_complete(&mut run, f);
        }
        Phase::Loop(run)
    }

    /// `loop.run_until_complete(fut)`: add `_run_until_complete_cb`, then iterate.
    fn run_until_complete(&mut self, run: &mut LoopRun, f: FutId) {
        run.target = f;
        let cb = self.sched.cls.builtin(HostFn::RunUntilCompleteCb);
        if let Err(e) = self.sched.add_done_callback(&mut self.vm, f, cb) {
            run.result.get_or_insert(Err(e));
        }
    }

    /// The current `run_until_complete` returned: go on with `Runner.close()`.
    fn next_stage(&mut self, run: &mut LoopRun) {
        if run.kind != RunKind::Runner {
            if run.result.is_none() && run.kind == RunKind::UntilComplete {
                let f = run.target;
                let r = if self.sched.fut(f).state == FutState::Pending {
                    // `future.remove_done_callback(_run_until_complete_cb)`.
                    let cb = self.sched.cls.builtin(HostFn::RunUntilCompleteCb);
                    self.sched.fut_mut(f).callbacks.retain(|c| !c.is(&cb));
                    Err(self.vm.runtime_error("Event loop stopped before Future completed."))
                } else {
                    self.sched.future_result(&mut self.vm, f)
                };
                run.result = Some(r);
            }
            run.finished = true;
            return;
        }
        loop {
            match run.stage {
                Stage::Main => {
                    if run.result.is_none() {
                        let r = if self.sched.fut(run.target).state == FutState::Pending {
                            Err(self
                                .vm
                                .runtime_error("Event loop stopped before Future completed."))
                        } else {
                            self.sched.future_result(&mut self.vm, run.target)
                        };
                        run.result = Some(r);
                    }
                    run.stage = Stage::CancelAll;
                    // `_cancel_all_tasks(loop)`.
                    let pending: Vec<FutId> = self
                        .sched
                        .task_futs
                        .clone()
                        .into_iter()
                        .filter(|f| self.sched.fut(*f).state == FutState::Pending)
                        .collect();
                    if pending.is_empty() {
                        continue;
                    }
                    let mut objs = Vec::new();
                    for f in &pending {
                        let _ = self.sched.task_cancel(&mut self.vm, *f, Value::None);
                        objs.push(self.sched.fut(*f).obj.clone());
                    }
                    let gather = self.asyncio_attr("gather");
                    let kw = vec![(Symbol::new("return_exceptions"), Value::Bool(true))];
                    match self.vm.call(&mut self.sched, &gather, objs, kw) {
                        Ok(outer) => match self.sched.fut_id(&outer) {
                            Some(g) => {
                                self.run_until_complete(run, g);
                                return;
                            }
                            None => continue,
                        },
                        Err(_) => continue,
                    }
                }
                Stage::CancelAll => {
                    run.stage = Stage::ShutdownGens;
                    if let Some(t) = self.shutdown_task("shutdown_asyncgens") {
                        self.run_until_complete(run, t);
                        return;
                    }
                }
                Stage::ShutdownGens => {
                    run.stage = Stage::ShutdownExecutor;
                    if let Some(t) = self.shutdown_task("shutdown_default_executor") {
                        self.run_until_complete(run, t);
                        return;
                    }
                }
                Stage::ShutdownExecutor => {
                    run.finished = true;
                    return;
                }
            }
        }
    }

    /// A task for one of the loop's shutdown coroutines (they take task numbers).
    fn shutdown_task(&mut self, name: &str) -> Option<FutId> {
        let f = self.asyncio_attr(&format!("_{name}"));
        let coro = self.vm.call(&mut self.sched, &f, vec![], vec![]).ok()?;
        let obj = natives::new_host_instance(&self.sched.cls.task);
        self.sched.init_task(&mut self.vm, &obj, coro, Value::None).ok()
    }

    fn asyncio_attr(&mut self, name: &str) -> Value {
        match self.vm.modules.get("asyncio") {
            Some(Value::Module(m)) => {
                m.attrs.borrow().get(Symbol::new(name)).cloned().unwrap_or(Value::None)
            }
            _ => Value::None,
        }
    }

    /// The loop is closed: resume the module with `asyncio.run`'s result.
    #[allow(clippy::boxed_local)] // runs live boxed in `Phase`; unboxing here would copy one
    fn end_run(&mut self, run: Box<LoopRun>) -> Phase {
        self.sched.current_task = None;
        if run.kind == RunKind::Runner {
            if let Some(lp) = self.sched.lp.as_mut() {
                lp.closed = true;
            }
            self.sched.lp = None;
            self.sched.trace.push(Event::LoopEnd);
        } else if let Some(lp) = self.sched.lp.as_mut() {
            lp.running = false;
            lp.stopping = false;
        }
        if run.deadlocked {
            return self.finish(Outcome::Deadlock);
        }
        let resume = match run.result {
            Some(Ok(v)) => Resume::Send(v),
            Some(Err(PyErr::Exc(e))) => Resume::Throw(e),
            Some(Err(e @ PyErr::Halt(_))) => return self.uncaught(e),
            None => Resume::Send(Value::None),
        };
        let stack = run.module;
        Phase::Module { stack, resume: Some(resume) }
    }

    fn loop_slice(&mut self, mut run: Box<LoopRun>) -> Phase {
        loop {
            if self.vm.fuel == 0 {
                return Phase::Loop(run);
            }
            if let Some(cur) = run.current.take() {
                match self.continue_running(&mut run, cur) {
                    Ok(()) => {}
                    Err(e) => return self.uncaught(e),
                }
                if run.current.is_some() {
                    return Phase::Loop(run);
                }
                if crate::vm::value::finalize_pending() {
                    self.vm.run_finalizers(&mut self.sched);
                }
                continue;
            }
            if run.in_iter && run.remaining > 0 {
                run.remaining -= 1;
                let Some(h) = self.sched.lp.as_mut().and_then(|lp| lp.ready.pop_front()) else {
                    run.remaining = 0;
                    continue;
                };
                self.sched.trace.push(Event::ReadyPop(h));
                if self.sched.handle(h).cancelled {
                    continue;
                }
                if let Err(e) = self.start_handle(&mut run, h) {
                    return self.uncaught(e);
                }
                if run.current.is_none() && crate::vm::value::finalize_pending() {
                    self.vm.run_finalizers(&mut self.sched);
                }
                continue;
            }
            if run.in_iter {
                run.in_iter = false;
                let stopping = self.sched.lp.as_ref().is_some_and(|lp| lp.stopping);
                if stopping {
                    // `run_forever` returns; `run_until_complete` goes on.
                    self.sched.lp.as_mut().unwrap().stopping = false;
                    self.next_stage(&mut run);
                    if run.finished {
                        return self.end_run(run);
                    }
                }
                continue;
            }
            if run.finished {
                return self.end_run(run);
            }
            // A new `_run_once` iteration.
            if !self.begin_iteration(&mut run) {
                // Deadlock: nothing ready, no timer. The reference harness's
                // selector raises; `Runner.close()` still cancels the leftover
                // tasks, and a second deadlock there ends everything.
                if run.kind == RunKind::Runner && run.stage == Stage::Main && !run.deadlocked {
                    run.deadlocked = true;
                    self.sched.trace.push(Event::MainDone);
                    run.result = Some(Err(PyErr::Halt(Halt::Unsupported("deadlock".into()))));
                    self.sched.lp.as_mut().unwrap().stopping = false;
                    self.next_stage(&mut run);
                    if run.finished {
                        return self.end_run(run);
                    }
                    continue;
                }
                run.deadlocked = true;
                return self.end_run(run);
            }
        }
    }

    /// `_run_once` up to running the ready handles. False on deadlock.
    fn begin_iteration(&mut self, run: &mut LoopRun) -> bool {
        let s = &mut self.sched;
        s.trace.push(Event::IterStart);
        let lp = s.lp.as_mut().expect("a running loop");
        let sched_count = lp.scheduled.len();
        if sched_count > super::MIN_SCHEDULED_TIMER_HANDLES
            && (lp.timer_cancelled_count as f64 / sched_count as f64)
                > super::MIN_CANCELLED_TIMER_HANDLES_FRACTION
        {
            // Remove every cancelled timer and heapify what is left.
            let mut keep = Vec::with_capacity(sched_count);
            let entries = std::mem::take(&mut lp.scheduled);
            for e in entries {
                if s.handles[e.handle as usize - 1].cancelled {
                    s.handles[e.handle as usize - 1].scheduled = false;
                } else {
                    keep.push(e);
                }
            }
            crate::trace::heap::heapify(&mut keep, &mut crate::trace::heap::NoMoves);
            let lp = s.lp.as_mut().unwrap();
            lp.scheduled = keep;
            lp.timer_cancelled_count = 0;
            s.trace.push(Event::Heapify);
        } else {
            // Drop cancelled timers from the head of the heap.
            loop {
                let lp = s.lp.as_mut().unwrap();
                let Some(head) = lp.scheduled.first().copied() else { break };
                if !s.handles[head.handle as usize - 1].cancelled {
                    break;
                }
                lp.timer_cancelled_count = lp.timer_cancelled_count.saturating_sub(1);
                crate::trace::heap::pop(&mut lp.scheduled, &mut crate::trace::heap::NoMoves);
                s.handles[head.handle as usize - 1].scheduled = false;
                s.trace.push(Event::TimerDrop);
            }
        }
        let lp = s.lp.as_mut().unwrap();
        if lp.self_pipe {
            // `call_soon_threadsafe` wrote to the self-pipe: the selector
            // returns at once (the clock stays) and `_process_events` queues
            // the pipe's reader.
            let reader = Value::Method(Rc::new(Method {
                self_: lp.obj.clone(),
                func: s.cls.builtin(HostFn::ReadFromSelf),
            }));
            if let Err(e) = s.call_soon(&mut self.vm, reader, vec![]) {
                let _ = e;
            }
        } else if lp.ready.is_empty() && !lp.stopping {
            match lp.scheduled.first() {
                Some(head) => {
                    // The virtual selector waits exactly until the earliest deadline.
                    if head.when - s.clock > 0.0 {
                        s.clock = head.when;
                        s.trace.push(Event::Clock(s.clock));
                    }
                }
                None => return false,
            }
        }
        let end_time = s.clock + super::CLOCK_RESOLUTION;
        loop {
            let lp = s.lp.as_mut().unwrap();
            let Some(head) = lp.scheduled.first().copied() else { break };
            if head.when >= end_time {
                break;
            }
            crate::trace::heap::pop(&mut lp.scheduled, &mut crate::trace::heap::NoMoves);
            lp.ready.push_back(head.handle);
            s.handles[head.handle as usize - 1].scheduled = false;
            s.trace.push(Event::TimerPop);
            s.trace.push(Event::ReadyPush(head.handle));
            // A task whose timer fired is about to wake.
        }
        let lp = s.lp.as_ref().unwrap();
        run.remaining = lp.ready.len();
        run.in_iter = true;
        s.trace.push(Event::IterRun);
        true
    }

    /// Start running a popped handle.
    fn start_handle(&mut self, run: &mut LoopRun, h: HandleId) -> PyResult<()> {
        self.vm.host_bytes = self.sched.host_bytes();
        let (cb, args) = {
            let rec = self.sched.handle_mut(h);
            if rec.obj.is_none() {
                // No Python object can reach this handle (it never left the
                // scheduler), and a handle runs once: its callback and
                // arguments need not outlive the run.
                (std::mem::replace(&mut rec.callback, Value::None), std::mem::take(&mut rec.args))
            } else {
                (rec.callback.clone(), rec.args.clone())
            }
        };
        // Task.__step and Task.__wakeup run natively, in slices.
        if let Value::Method(m) = &cb {
            if let Value::Builtin(b) = &m.func {
                if let BuiltinKind::Host(id) = b.kind {
                    if id == HostFn::TaskStep as u32 || id == HostFn::TaskWakeup as u32 {
                        let f = self.sched.fut_id(&m.self_).expect("a task's method");
                        let exc = if id == HostFn::TaskWakeup as u32 {
                            // `__wakeup(future)`: `future.result()`, passing its exception on.
                            let fut = args.first().cloned().unwrap_or(Value::None);
                            match self.sched.fut_id(&fut) {
                                Some(wf) => match self.sched.future_result(&mut self.vm, wf) {
                                    Ok(_) => None,
                                    Err(PyErr::Exc(e)) => Some(e),
                                    Err(e) => return Err(e),
                                },
                                None => None,
                            }
                        } else {
                            args.first().cloned()
                        };
                        return self.begin_step(run, f, h, exc);
                    }
                }
            }
        }
        if let Value::Builtin(b) = &cb {
            if let BuiltinKind::Host(id) = b.kind {
                if id == HostFn::RunUntilCompleteCb as u32 {
                    if let Some(lp) = self.sched.lp.as_mut() {
                        lp.stopping = true;
                    }
                    self.sched.trace.push(Event::HandleEnd(h));
                    return Ok(());
                }
            }
        }
        self.sched.current_task = None;
        self.vm.depth = LOOP_DEPTH;
        match self.vm.invoke(&mut self.sched, cb, args, Vec::new()) {
            Ok(crate::vm::call::Invoke::Value(_)) => {
                self.sched.trace.push(Event::HandleEnd(h));
            }
            Ok(crate::vm::call::Invoke::Frame(f)) => {
                run.current =
                    Some(Running::Callback { handle: h, stack: ExecStack { frames: vec![f] } });
            }
            Ok(crate::vm::call::Invoke::Driver { .. }) => {
                let e = self
                    .vm
                    .runtime_error("asyncio.run() cannot be called from a running event loop");
                self.callback_error(h, PyErr::Exc(err_to_value(&self.vm, e)))?;
            }
            Ok(crate::vm::call::Invoke::Resume(req)) => {
                match self.vm.resume_native_req(&mut self.sched, req) {
                    Ok(_) => self.sched.trace.push(Event::HandleEnd(h)),
                    Err(e) => self.callback_error(h, e)?,
                }
            }
            Err(e) => self.callback_error(h, e)?,
        }
        Ok(())
    }

    /// CPython logs an exception from a callback (`call_exception_handler`)
    /// and goes on; a halt stops everything.
    fn callback_error(&mut self, h: HandleId, e: PyErr) -> PyResult<()> {
        match e {
            PyErr::Halt(_) => Err(e),
            PyErr::Exc(v) => {
                let msg = self.vm.str(&mut self.sched, &v).unwrap_or_default();
                let tn = self.vm.class_of(&v).name.to_string();
                let id = self.sched.trace.text(&format!("{tn}: {msg}"));
                self.sched.trace.push(Event::CallbackError(id));
                self.sched.trace.push(Event::HandleEnd(h));
                Ok(())
            }
        }
    }

    /// `Task.__step(exc)` up to running the coroutine.
    fn begin_step(
        &mut self,
        run: &mut LoopRun,
        f: FutId,
        h: HandleId,
        exc: Option<Value>,
    ) -> PyResult<()> {
        let s = &mut self.sched;
        if s.fut(f).state != FutState::Pending {
            self.sched.trace.push(Event::HandleEnd(h));
            return Ok(());
        }
        let mut exc = exc;
        let must_cancel = s.task(f).unwrap().must_cancel;
        if must_cancel {
            if !exc.as_ref().is_some_and(|e| natives::is_cancelled_error(s, e)) {
                exc = Some(s.make_cancelled_error(&mut self.vm, f));
            }
            s.task_mut(f).unwrap().must_cancel = false;
        }
        let t = s.task_mut(f).unwrap();
        t.fut_waiter = Value::None;
        let id = t.id;
        let first = !t.started;
        t.started = true;
        let coro = t.coro.clone();
        s.trace.push(Event::TaskWait { task: id, fut: 0 });
        s.current_task = Some(f);
        let cause = if exc.is_some() {
            "CancelledError thrown in"
        } else if first {
            "first step"
        } else {
            "resumed"
        };
        let cause = if exc.as_ref().is_some_and(|e| !natives::is_cancelled_error(s, e)) {
            "exception thrown in"
        } else {
            cause
        };
        s.set_task_state_static(f, TaskState::Running, cause);
        let Value::Coroutine(c) = &coro else { unreachable!("a task's coroutine") };
        let stack = c.stack.borrow_mut().take();
        let Some(mut stack) = stack else {
            // The coroutine was closed or is running elsewhere.
            let e = self.vm.runtime_error("cannot reuse already awaited coroutine");
            return self.end_step(run, f, h, RunResult::Raise(e), ExecStack::default());
        };
        c.state.set(CoroState::Running);
        let resume = match exc {
            Some(e) => Resume::Throw(e),
            None if first => Resume::Start,
            None => Resume::Send(Value::None),
        };
        self.vm.depth = LOOP_DEPTH;
        let r = self.vm.run(&mut self.sched, &mut stack, resume);
        self.after_run_step(run, f, h, r, stack)
    }

    fn after_run_step(
        &mut self,
        run: &mut LoopRun,
        f: FutId,
        h: HandleId,
        r: RunResult,
        stack: ExecStack,
    ) -> PyResult<()> {
        match r {
            RunResult::OutOfFuel => {
                run.current = Some(Running::Step { fut: f, handle: h, stack });
                Ok(())
            }
            RunResult::HostCall { .. } => {
                // `asyncio.run()` inside a running loop.
                let e = self
                    .vm
                    .runtime_error("asyncio.run() cannot be called from a running event loop");
                let mut stack = stack;
                self.vm.depth = LOOP_DEPTH;
                let r = self.vm.run(
                    &mut self.sched,
                    &mut stack,
                    Resume::Throw(err_to_value(&self.vm, e)),
                );
                self.after_run_step(run, f, h, r, stack)
            }
            r => self.end_step(run, f, h, r, stack),
        }
    }

    fn continue_running(&mut self, run: &mut LoopRun, cur: Running) -> PyResult<()> {
        match cur {
            Running::Step { fut, handle, mut stack } => {
                self.vm.depth = LOOP_DEPTH;
                let r = self.vm.run(&mut self.sched, &mut stack, Resume::Start);
                self.after_run_step(run, fut, handle, r, stack)
            }
            Running::Callback { handle, mut stack } => {
                self.vm.depth = LOOP_DEPTH;
                let r = self.vm.run(&mut self.sched, &mut stack, Resume::Start);
                match r {
                    RunResult::OutOfFuel => {
                        run.current = Some(Running::Callback { handle, stack });
                        Ok(())
                    }
                    RunResult::Return(_) => {
                        self.sched.trace.push(Event::HandleEnd(handle));
                        Ok(())
                    }
                    RunResult::Raise(e) => self.callback_error(handle, e),
                    RunResult::Yield(_) | RunResult::HostCall { .. } => {
                        let e = self.vm.runtime_error("a callback cannot await");
                        self.callback_error(handle, e)
                    }
                }
            }
        }
    }

    /// The rest of `__step_run_and_handle_result`.
    fn end_step(
        &mut self,
        run: &mut LoopRun,
        f: FutId,
        h: HandleId,
        r: RunResult,
        stack: ExecStack,
    ) -> PyResult<()> {
        let vm = &mut self.vm;
        let s = &mut self.sched;
        let coro = s.task(f).unwrap().coro.clone();
        let Value::Coroutine(c) = &coro else { unreachable!() };
        let tid = s.task(f).unwrap().id;
        match r {
            RunResult::Return(v) => {
                c.state.set(CoroState::Done);
                if s.task(f).unwrap().must_cancel {
                    s.task_mut(f).unwrap().must_cancel = false;
                    let msg = s.fut(f).cancel_message.clone();
                    s.future_cancel(vm, f, msg)?;
                    s.set_task_state_static(
                        f,
                        TaskState::Cancelled,
                        "cancelled before it could finish",
                    );
                } else {
                    let text = causes::result_text(vm, s, &v);
                    let text = s.trace.intern(&text);
                    s.set_result(vm, f, v)?;
                    s.trace.push(Event::TaskResult { task: tid, text });
                    s.set_task_state_static(f, TaskState::Completed, "returned");
                }
            }
            RunResult::Raise(PyErr::Exc(e)) => {
                c.state.set(CoroState::Done);
                if natives::is_cancelled_error(s, &e) {
                    s.fut_mut(f).cancelled_exc = e;
                    s.future_cancel(vm, f, Value::None)?;
                    s.set_task_state_static(f, TaskState::Cancelled, "raised CancelledError");
                } else {
                    let tn = vm.class_of(&e).name.to_string();
                    let text = causes::exception_text(vm, s, &e);
                    let text = s.trace.intern(&text);
                    s.set_exception(vm, f, e)?;
                    s.trace.push(Event::TaskResult { task: tid, text });
                    s.set_task_state(f, TaskState::Error, &format!("raised {tn}"));
                }
            }
            RunResult::Raise(e) => return Err(e),
            RunResult::Yield(result) => {
                s.note_line(vm, tid, &stack);
                *c.stack.borrow_mut() = Some(stack);
                c.state.set(CoroState::Suspended);
                let obj = s.fut(f).obj.clone();
                if let Some(wf) = s.fut_id(&result) {
                    if s.fut(wf).blocking {
                        if wf == f {
                            let r = vm.repr(s, &obj)?;
                            let e = vm.runtime_error(format!("Task cannot await on itself: {r}"));
                            let step = s.task_method(&obj, HostFn::TaskStep);
                            s.call_soon(vm, step, vec![err_to_value(vm, e)])?;
                            s.set_task_state_static(f, TaskState::Ready, "error: awaited itself");
                        } else {
                            s.fut_mut(wf).blocking = false;
                            let wake = s.task_method(&obj, HostFn::TaskWakeup);
                            s.add_done_callback(vm, wf, wake)?;
                            s.task_mut(f).unwrap().fut_waiter = result.clone();
                            s.trace.push(Event::TaskWait { task: tid, fut: wf });
                            let frames = causes::stack_text(
                                s,
                                vm,
                                c.stack.borrow().as_ref().expect("kept above"),
                            );
                            s.trace.push(Event::Stack { task: tid, frames });
                            let (cause, kind) = causes::await_kind(
                                s,
                                c.stack.borrow().as_ref().expect("kept above"),
                                &result,
                            );
                            s.task_mut(f).unwrap().wake = kind.wake;
                            s.set_task_state_id(f, TaskState::Suspended, cause);
                            if s.task(f).unwrap().must_cancel {
                                let msg = s.fut(f).cancel_message.clone();
                                let r = vm.call_method(
                                    s,
                                    &result,
                                    Symbol::new("cancel"),
                                    vec![],
                                    vec![(sym::msg, msg)],
                                )?;
                                if vm.truthy(s, &r)? {
                                    s.task_mut(f).unwrap().must_cancel = false;
                                }
                            }
                        }
                    } else {
                        let (a, b) = (vm.repr(s, &obj)?, vm.repr(s, &result)?);
                        let e = vm.runtime_error(format!(
                            "yield was used instead of yield from in task {a} with {b}"
                        ));
                        let step = s.task_method(&obj, HostFn::TaskStep);
                        s.call_soon(vm, step, vec![err_to_value(vm, e)])?;
                        s.set_task_state_static(f, TaskState::Ready, "error: bad yield");
                    }
                } else if result.is_none() {
                    // A bare yield (`sleep(0)`) gives up the loop for one iteration.
                    let step = s.task_method(&obj, HostFn::TaskStep);
                    s.call_soon(vm, step, vec![])?;
                    s.set_task_state_static(f, TaskState::Ready, "await sleep(0)");
                } else {
                    let r = vm.repr(s, &result)?;
                    let e = vm.runtime_error(format!("Task got bad yield: {r}"));
                    let step = s.task_method(&obj, HostFn::TaskStep);
                    s.call_soon(vm, step, vec![err_to_value(vm, e)])?;
                    s.set_task_state_static(f, TaskState::Ready, "error: bad yield");
                }
            }
            RunResult::OutOfFuel | RunResult::HostCall { .. } => {
                unreachable!("handled by after_run_step")
            }
        }
        s.current_task = None;
        s.trace.push(Event::HandleEnd(h));
        if f == run.main && s.fut(f).state != FutState::Pending && run.stage == Stage::Main {
            s.trace.push(Event::MainDone);
        }
        Ok(())
    }
}

/// The exception value of an error (halts become RuntimeError).
pub(crate) fn err_to_value(vm: &Vm, e: PyErr) -> Value {
    match e {
        PyErr::Exc(v) => v,
        PyErr::Halt(Halt::StepBudget) => {
            vm.new_exc(ExcKind::RuntimeError, "step budget exhausted".into())
        }
        PyErr::Halt(Halt::Unsupported(m)) => vm.new_exc(ExcKind::RuntimeError, m),
    }
}

/// Make the `asyncio` and `time` modules: native parts, then the prelude.
fn install_modules(vm: &mut Vm, sched: &mut Sched) {
    let g = Rc::new(Globals::new("asyncio"));
    for (n, v) in sched.cls.asyncio_functions() {
        g.set(Symbol::new(n), v);
    }
    for (n, f) in crate::vm::gen::library_natives() {
        let b = Builtin {
            name: n.into(),
            qualname: n.into(),
            kind: BuiltinKind::Native(f),
            id: next_id(),
        };
        g.set(Symbol::new(n), Value::Builtin(Rc::new(b)));
    }
    g.set(sym::__name__, Value::str("asyncio"));
    let code = match vm.compile_internal(PRELUDE, &g) {
        Ok(c) => c,
        Err(d) => panic!(
            "the asyncio prelude does not compile: {}",
            d.first().map(|d| d.message.as_str()).unwrap_or("")
        ),
    };
    let mut stack = vm.module_stack(code, g.clone());
    let fuel = std::mem::replace(&mut vm.fuel, u64::MAX);
    match vm.run(sched, &mut stack, Resume::Start) {
        RunResult::Return(_) => {}
        _ => panic!("the asyncio prelude failed to run"),
    }
    vm.fuel = fuel;
    vm.steps = 0;
    let m = Rc::new(Module { name: "asyncio".into(), attrs: Default::default() });
    let names = g.names.borrow().clone();
    let values = g.values.borrow().clone();
    for (n, v) in names.into_iter().zip(values) {
        if !v.is_undef() {
            m.attrs.borrow_mut().set(n, v);
        }
    }
    vm.modules.insert("asyncio".into(), Value::Module(m));
}
