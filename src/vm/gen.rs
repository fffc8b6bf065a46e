//! Generators, coroutines driven by the program, async generators and the
//! objects built on them (CPython's `Objects/genobject.c`).
//!
//! A generator's frames run on the stack of whoever resumes it, like a
//! called function's: resuming pushes them, and the frame at the bottom of
//! the generator gets an [`OnReturn`] saying what its `yield` and its return
//! mean for the resumer. There are two kinds of edges between frames:
//!
//! - **delegation**: `await x` and `yield from x` push the frames of `x` with
//!   [`OnReturn::Push`] (as a call does): `x`'s return value is the
//!   expression's value. An async generator awaited through `asend()` & co
//!   ([`OnReturn::AsyncGen`]) delegates too, for everything but its own `yield`.
//! - **resumption**: a `for` loop ([`OnReturn::ForIterGen`]), `next()`,
//!   `send()`, `throw()` and `close()` ([`OnReturn::Resumed`]).
//!
//! A `yield` (or an `await` that has to wait) goes down the delegation edges
//! to the first resumption edge: the frames above it (the generator and
//! what it delegates to) are put away in the generator object, and the
//! resumer gets the value. With no resumption edge in the stack the value
//! goes to the caller of [`Vm::run`], and the whole stack stays suspended:
//! a task's coroutine waiting on a future, however deep the `await`s and
//! `yield from`s go, or a generator iterated by native code. Nothing here
//! grows the Rust stack, except native code iterating a generator (`list(g)`),
//! which is bounded like every native call back into Python.

use super::exc::{with_exc, ExcKind};
use super::frame::{AgResume, ExecStack, Frame, OnReturn, Owner, Pending, Resumer};
use super::interp::Next;
use super::value::*;
use super::value::{finalize_pending, take_finalizers};
use super::{Host, PyErr, PyResult, Resume, RunResult, Vm, MAX_NATIVE_DEPTH, RECURSION_LIMIT};
use std::rc::Rc;

/// Something whose frames are resumed: a generator or async generator, or
/// a coroutine (driven by `send()` or through `coro.__await__()`).
#[derive(Clone, Debug)]
pub(crate) enum GenObj {
    Gen(Rc<Generator>),
    Coro(Rc<Coroutine>),
}

/// What resuming delivers at the suspended `yield`.
#[derive(Debug)]
pub(crate) enum ResumeAction {
    /// The value of the `yield` expression (`None` for `next`).
    Send(Value),
    /// Raise this exception at the `yield`.
    Throw(Value),
    /// Raise `GeneratorExit` at the `yield`.
    Close,
}

/// A resumption to carry out: the calls `next(g)`, `g.send(v)` & co return
/// one of these (see [`super::call::Invoke::Resume`]).
#[derive(Debug)]
pub(crate) struct ResumeReq {
    pub(crate) target: GenObj,
    pub(crate) action: ResumeAction,
    pub(crate) edge: OnReturn,
}

/// Where a `yield` went (see [`Vm::suspend`]).
pub(super) enum Suspend {
    /// No resumer in this stack: [`Vm::run`] returns `Yield(value)`.
    Driver(Value),
    /// A resumer in the stack got the value; it runs on.
    Continue,
    /// Raised in the resumer (`close()` of a generator that yielded).
    Err(PyErr),
}

/// What [`Vm::resume_check`] decided before any frame moves.
enum Check {
    Go,
    /// The resumption is over: this is its value.
    Value(Value),
    /// A `for` loop over an exhausted generator ends.
    ExitLoop(u32),
    Err(PyErr),
}

/// How a native resumption ended.
pub(crate) enum Outcome {
    Yielded(Value),
    Returned(Value),
}

impl GenObj {
    pub(crate) fn state(&self) -> CoroState {
        match self {
            GenObj::Gen(g) => g.state.get(),
            GenObj::Coro(c) => c.state.get(),
        }
    }

    fn set_state(&self, s: CoroState) {
        match self {
            GenObj::Gen(g) => g.state.set(s),
            GenObj::Coro(c) => c.state.set(s),
        }
    }

    fn take_stack(&self) -> Option<ExecStack> {
        match self {
            GenObj::Gen(g) => g.stack.borrow_mut().take(),
            GenObj::Coro(c) => c.stack.borrow_mut().take(),
        }
    }

    fn put_stack(&self, st: ExecStack) {
        match self {
            GenObj::Gen(g) => *g.stack.borrow_mut() = Some(st),
            GenObj::Coro(c) => *c.stack.borrow_mut() = Some(st),
        }
    }

    fn has_stack(&self) -> bool {
        match self {
            GenObj::Gen(g) => g.stack.borrow().is_some(),
            GenObj::Coro(c) => c.stack.borrow().is_some(),
        }
    }

    fn owner(&self) -> Owner {
        match self {
            GenObj::Gen(g) => Owner::Generator(g.clone()),
            GenObj::Coro(c) => Owner::Coroutine(c.clone()),
        }
    }

    /// How CPython's messages name it.
    pub(crate) fn what(&self) -> &'static str {
        match self {
            GenObj::Gen(g) if g.is_async_gen() => "async generator",
            GenObj::Gen(_) => "generator",
            GenObj::Coro(_) => "coroutine",
        }
    }
}

/// Set the state of a frame's generator or coroutine.
pub(super) fn set_owner_state(owner: &Owner, s: CoroState) {
    match owner {
        Owner::Coroutine(c) => c.state.set(s),
        Owner::Generator(g) => g.state.set(s),
        Owner::Plain => {}
    }
}

/// Is this the resumption edge of a generator (not a delegation)?
#[inline]
pub(super) fn is_resumer(r: &OnReturn) -> bool {
    matches!(r, OnReturn::ForIterGen { .. } | OnReturn::Resumed(_))
}

impl Vm {
    /// A `yield` (or an `await` that has to wait) in `frame`, the top of
    /// `ex`, whose `pending` says what resuming it completes: hand `v` to the
    /// first resumer below the delegation edges (see the module's doc).
    #[inline(never)]
    pub(super) fn suspend(
        &mut self,
        ex: &mut ExecStack,
        frame: &mut Box<Frame>,
        v: Value,
    ) -> Suspend {
        // Down the delegation edges. With no resumer in this stack, its
        // generators and coroutines stay `Running` while the caller of
        // `run` holds it (a task's own coroutine is marked by the driver).
        let n = ex.frames.len();
        let mut i = n;
        loop {
            let f: &Frame = if i == n { frame } else { &ex.frames[i] };
            if is_resumer(&f.on_return) {
                break;
            }
            if i == 0 {
                return Suspend::Driver(v);
            }
            i -= 1;
        }
        if i == 0 {
            // A resumer edge needs the resumer's frame below it.
            return Suspend::Driver(v);
        }
        let edge = std::mem::replace(
            if i == n { &mut frame.on_return } else { &mut ex.frames[i].on_return },
            OnReturn::Push,
        );
        let mut chain = ex.frames.split_off(i);
        let resumer = ex.frames.pop().expect("checked above: a frame below the edge");
        let top = std::mem::replace(frame, resumer);
        chain.push(top);
        self.depth -= chain.len();
        for f in &chain {
            set_owner_state(&f.owner, CoroState::Suspended);
        }
        let owner = std::mem::replace(&mut chain[0].owner, Owner::Plain);
        let what = match &owner {
            Owner::Coroutine(_) => "coroutine",
            _ => "generator",
        };
        let st = ExecStack { frames: chain };
        match owner {
            Owner::Generator(g) => *g.stack.borrow_mut() = Some(st),
            Owner::Coroutine(c) => *c.stack.borrow_mut() = Some(st),
            Owner::Plain => {}
        }
        match edge {
            OnReturn::Resumed(Resumer::Close) => {
                Suspend::Err(self.runtime_error(format!("{what} ignored GeneratorExit")))
            }
            _ => {
                frame.stack.push(v);
                Suspend::Continue
            }
        }
    }

    /// The `yield` of an async generator: back to the `asend()` / `athrow()`
    /// / `aclose()` awaiting it.
    #[inline(never)]
    pub(super) fn agen_yield(
        &mut self,
        ex: &mut ExecStack,
        frame: &mut Box<Frame>,
        v: Value,
    ) -> Next {
        let kind = match &frame.on_return {
            OnReturn::AsyncGen(k) => k.clone(),
            _ => {
                return Next::Err(
                    self.runtime_error("async generator yielded with nothing awaiting it"),
                )
            }
        };
        let Some(resumer) = ex.frames.pop() else {
            return Next::Err(
                self.runtime_error("async generator yielded with nothing awaiting it"),
            );
        };
        let mut top = std::mem::replace(frame, resumer);
        self.depth -= 1;
        top.pending = Pending::Yield;
        top.on_return = OnReturn::Push;
        if let Owner::Generator(g) = std::mem::replace(&mut top.owner, Owner::Plain) {
            g.state.set(CoroState::Suspended);
            *g.stack.borrow_mut() = Some(ExecStack { frames: vec![top] });
        }
        match kind {
            AgResume::Close => {
                Next::Err(self.runtime_error("async generator ignored GeneratorExit"))
            }
            _ => {
                frame.stack.push(v);
                Next::Continue
            }
        }
    }

    /// Whether and how `req` may go on, before any frame moves.
    fn resume_check(&mut self, target: &GenObj, action: &ResumeAction, edge: &OnReturn) -> Check {
        let what = target.what();
        match target.state() {
            CoroState::Running => Check::Err(self.value_error(format!("{what} already executing"))),
            CoroState::Suspended if !target.has_stack() => {
                Check::Err(self.value_error(format!("{what} already executing")))
            }
            CoroState::Suspended => Check::Go,
            CoroState::Done => match action {
                ResumeAction::Close => Check::Value(Value::None),
                _ if matches!(target, GenObj::Coro(_)) => {
                    Check::Err(self.runtime_error("cannot reuse already awaited coroutine"))
                }
                ResumeAction::Throw(e) => Check::Err(PyErr::Exc(e.clone())),
                ResumeAction::Send(_) => match edge {
                    OnReturn::ForIterGen { exit } => Check::ExitLoop(*exit),
                    OnReturn::Resumed(Resumer::NextDefault(d)) => Check::Value(d.clone()),
                    OnReturn::Push => Check::Value(Value::None),
                    _ => {
                        Check::Err(PyErr::Exc(self.new_exc(ExcKind::StopIteration, String::new())))
                    }
                },
            },
            CoroState::Created => match action {
                ResumeAction::Send(v) if !v.is_none() => Check::Err(
                    self.type_error(format!("can't send non-None value to a just-started {what}")),
                ),
                ResumeAction::Send(_) => Check::Go,
                ResumeAction::Close => {
                    target.set_state(CoroState::Done);
                    drop(target.take_stack());
                    Check::Value(Value::None)
                }
                ResumeAction::Throw(e) => {
                    target.set_state(CoroState::Done);
                    drop(target.take_stack());
                    Check::Err(PyErr::Exc(e.clone()))
                }
            },
        }
    }

    /// Resume a generator (or coroutine) from the program: push its frames
    /// onto this stack above `frame` with `edge` at their bottom, and deliver
    /// `action` at its `yield`.
    #[inline(never)]
    pub(super) fn resume_chain(
        &mut self,
        host: &mut dyn Host,
        ex: &mut ExecStack,
        frame: &mut Box<Frame>,
        req: ResumeReq,
    ) -> Next {
        let ResumeReq { target, action, edge } = req;
        match self.resume_check(&target, &action, &edge) {
            Check::Go => {}
            Check::Value(v) => {
                frame.stack.push(v);
                return Next::Continue;
            }
            Check::ExitLoop(exit) => {
                frame.stack.pop();
                frame.ip = exit;
                return Next::Continue;
            }
            Check::Err(e) => return Next::Err(e),
        }
        let Some(st) = target.take_stack() else {
            return Next::Err(self.value_error(format!("{} already executing", target.what())));
        };
        let mut frames = st.frames;
        if self.depth + frames.len() > RECURSION_LIMIT {
            target.put_stack(ExecStack { frames });
            return Next::Err(
                self.new_error(ExcKind::RecursionError, "maximum recursion depth exceeded".into()),
            );
        }
        frames[0].on_return = edge;
        frames[0].owner = target.owner();
        for f in &frames {
            set_owner_state(&f.owner, CoroState::Running);
        }
        self.depth += frames.len();
        for f in frames {
            let caller = std::mem::replace(frame, f);
            ex.frames.push(caller);
        }
        match self.apply_resume(host, frame, action) {
            Ok(()) => Next::Continue,
            Err(e) => Next::Err(e),
        }
    }

    /// Deliver a resumption at the suspended `yield` / `await` of `frame`
    /// (its `pending`): push the value sent in, or finish the `await`, or
    /// return the exception to raise there.
    #[inline(never)]
    pub(super) fn apply_resume(
        &mut self,
        host: &mut dyn Host,
        frame: &mut Frame,
        action: ResumeAction,
    ) -> PyResult<()> {
        let pending = std::mem::replace(&mut frame.pending, Pending::None);
        let exc = match action {
            ResumeAction::Send(v) => {
                match pending {
                    Pending::Await => {
                        let obj = frame.stack.pop().unwrap_or(Value::None);
                        if obj.is_none() {
                            frame.stack.push(Value::None);
                        } else {
                            let r = host.await_resume(self, &obj)?;
                            frame.stack.push(r);
                        }
                    }
                    Pending::Yield | Pending::HostCall => frame.stack.push(v),
                    Pending::AwaitIter => {
                        // The `Await` runs again and takes the next item; only
                        // an iterator with a `send` method could take a value.
                        if !v.is_none() {
                            let it = frame.stack.pop().unwrap_or(Value::None);
                            return Err(self.attribute_error(&it, super::intern::sym::send));
                        }
                    }
                    Pending::None => {}
                }
                return Ok(());
            }
            ResumeAction::Throw(e) => e,
            ResumeAction::Close => self.new_exc(ExcKind::GeneratorExit, String::new()),
        };
        if matches!(pending, Pending::Await | Pending::AwaitIter) {
            frame.stack.pop();
        }
        Err(PyErr::Exc(exc))
    }

    /// Resume from native code (`list(g)`, a generator method called by
    /// native code): the generator's frames run on a nested stack.
    pub(crate) fn resume_native(
        &mut self,
        host: &mut dyn Host,
        target: &GenObj,
        action: ResumeAction,
    ) -> PyResult<Outcome> {
        match self.resume_check(target, &action, &OnReturn::Resumed(Resumer::Send)) {
            Check::Go => {}
            Check::Value(v) => return Ok(Outcome::Returned(v)),
            Check::ExitLoop(_) => return Ok(Outcome::Returned(Value::None)),
            Check::Err(e) => {
                // An exhausted generator: returned, for native iteration.
                if self.err_is(&e, ExcKind::StopIteration)
                    && matches!(action, ResumeAction::Send(_))
                    && target.state() == CoroState::Done
                {
                    return Ok(Outcome::Returned(Value::None));
                }
                return Err(e);
            }
        }
        if self.native_depth >= MAX_NATIVE_DEPTH || self.depth >= RECURSION_LIMIT {
            return Err(
                self.new_error(ExcKind::RecursionError, "maximum recursion depth exceeded".into())
            );
        }
        let Some(mut st) = target.take_stack() else {
            return Err(self.value_error(format!("{} already executing", target.what())));
        };
        st.frames[0].on_return = OnReturn::Push;
        st.frames[0].owner = target.owner();
        for f in &st.frames {
            set_owner_state(&f.owner, CoroState::Running);
        }
        // `run` does not mark a resumed stack: the frames were marked above.
        let resume = match action {
            ResumeAction::Send(v) => Resume::Send(v),
            ResumeAction::Throw(e) => Resume::Throw(e),
            ResumeAction::Close => {
                Resume::Throw(self.new_exc(ExcKind::GeneratorExit, String::new()))
            }
        };
        self.native_depth += 1;
        let fuel = std::mem::replace(&mut self.fuel, u64::MAX);
        let r = self.run(host, &mut st, resume);
        let used = u64::MAX - self.fuel;
        self.fuel = fuel.saturating_sub(used);
        self.native_depth -= 1;
        match r {
            RunResult::Yield(v) => {
                for f in &st.frames {
                    set_owner_state(&f.owner, CoroState::Suspended);
                }
                st.frames[0].owner = Owner::Plain;
                target.put_stack(st);
                Ok(Outcome::Yielded(v))
            }
            RunResult::Return(v) => {
                target.set_state(CoroState::Done);
                Ok(Outcome::Returned(v))
            }
            RunResult::Raise(e) => {
                target.set_state(CoroState::Done);
                Err(e)
            }
            RunResult::OutOfFuel => {
                target.set_state(CoroState::Done);
                Err(PyErr::Halt(super::Halt::StepBudget))
            }
            RunResult::HostCall { .. } => {
                target.set_state(CoroState::Done);
                Err(self.runtime_error("asyncio.run() cannot be called from here"))
            }
        }
    }

    /// `g.send(v)`, `next(g)`, `g.throw(e)`, `g.close()` called by native
    /// code: the edge's meaning applied to a native resumption.
    pub(crate) fn resume_native_req(
        &mut self,
        host: &mut dyn Host,
        req: ResumeReq,
    ) -> PyResult<Value> {
        let close = matches!(req.action, ResumeAction::Close);
        let r = self.resume_native(host, &req.target, req.action);
        match (r, &req.edge) {
            (Ok(Outcome::Yielded(_)), OnReturn::Resumed(Resumer::Close)) => {
                Err(self.runtime_error(format!("{} ignored GeneratorExit", req.target.what())))
            }
            (Ok(Outcome::Yielded(v)), _) => Ok(v),
            (Ok(Outcome::Returned(v)), OnReturn::Resumed(Resumer::Close)) => Ok(v),
            (Ok(Outcome::Returned(_)), OnReturn::Resumed(Resumer::NextDefault(d))) => Ok(d.clone()),
            (Ok(Outcome::Returned(v)), _) => {
                if close {
                    return Ok(v);
                }
                Err(PyErr::Exc(self.stop_iteration(v)))
            }
            (Err(e), OnReturn::Resumed(Resumer::Close))
                if self.err_is(&e, ExcKind::GeneratorExit) =>
            {
                Ok(Value::None)
            }
            (Err(e), _) => Err(e),
        }
    }

    /// `StopIteration(value)`, or `StopIteration()` for `None`, as a
    /// generator's return raises it.
    pub(crate) fn stop_iteration(&self, v: Value) -> Value {
        let args = if v.is_none() { vec![] } else { vec![v] };
        self.new_exc_args(self.types.exc_class(ExcKind::StopIteration).clone(), args)
    }

    /// A generator-like frame returned `v` through a resumption edge: what
    /// the resumer gets (`Ok`) or raises (`Err`).
    pub(super) fn edge_return(&self, edge: OnReturn, v: Value) -> Result<Value, PyErr> {
        match edge {
            OnReturn::Resumed(Resumer::Send) => Err(PyErr::Exc(self.stop_iteration(v))),
            OnReturn::Resumed(Resumer::NextDefault(d)) => Ok(d),
            OnReturn::Resumed(Resumer::Close) => Ok(v),
            OnReturn::AsyncGen(AgResume::Step) => {
                Err(self.new_error(ExcKind::StopAsyncIteration, String::new()))
            }
            OnReturn::AsyncGen(AgResume::Default(d)) => Ok(d),
            OnReturn::AsyncGen(AgResume::Close) => Ok(Value::None),
            _ => Ok(v),
        }
    }

    /// An exception leaving a generator-like frame through `edge`: `Some`
    /// value for the resumer when the edge absorbs it (`close()` and
    /// `GeneratorExit`).
    pub(super) fn edge_absorbs(&self, edge: &OnReturn, exc: &Value) -> Option<Value> {
        match edge {
            OnReturn::Resumed(Resumer::Close) if self.exc_is(exc, ExcKind::GeneratorExit) => {
                Some(Value::None)
            }
            OnReturn::AsyncGen(AgResume::Close)
                if self.exc_is(exc, ExcKind::GeneratorExit)
                    || self.exc_is(exc, ExcKind::StopAsyncIteration) =>
            {
                Some(Value::None)
            }
            _ => None,
        }
    }

    /// Delegate to a generator-like object: `await` of what `__await__`
    /// returned or of an async generator's awaitable, `yield from` a generator.
    #[inline(never)]
    pub(super) fn delegate(
        &mut self,
        host: &mut dyn Host,
        ex: &mut ExecStack,
        frame: &mut Box<Frame>,
        g: Rc<Generator>,
    ) -> Next {
        match &g.kind {
            GenKind::Generator => {
                let req = ResumeReq {
                    target: GenObj::Gen(g.clone()),
                    action: ResumeAction::Send(Value::None),
                    edge: OnReturn::Push,
                };
                self.resume_chain(host, ex, frame, req)
            }
            GenKind::CoroWrapper(c) => {
                let req = ResumeReq {
                    target: GenObj::Coro(c.clone()),
                    action: ResumeAction::Send(Value::None),
                    edge: OnReturn::Push,
                };
                self.resume_chain(host, ex, frame, req)
            }
            GenKind::AgenOp { agen, op, arg, default } => {
                let name = match op {
                    AgenOpKind::Send => "asend",
                    AgenOpKind::Throw => "athrow",
                    AgenOpKind::Close => "aclose",
                };
                if g.state.get() != CoroState::Created {
                    let m = match op {
                        AgenOpKind::Send => "cannot reuse already awaited __anext__()/asend()",
                        _ => "cannot reuse already awaited aclose()/athrow()",
                    };
                    return Next::Err(self.runtime_error(m));
                }
                g.state.set(CoroState::Done);
                if let GenKind::AsyncGenerator { hooked } = &agen.kind {
                    if hooked.get().is_none() {
                        let taken = host.agen_firstiter(self, &Value::Generator(agen.clone()));
                        hooked.set(Some(taken));
                    }
                }
                let target = GenObj::Gen(agen.clone());
                if target.state() == CoroState::Running
                    || (target.state() == CoroState::Suspended && !target.has_stack())
                {
                    return Next::Err(self.runtime_error(format!(
                        "{name}(): asynchronous generator is already running"
                    )));
                }
                let action = match op {
                    AgenOpKind::Send => {
                        ResumeAction::Send(std::mem::replace(&mut *arg.borrow_mut(), Value::None))
                    }
                    AgenOpKind::Throw => ResumeAction::Throw(arg.borrow().clone()),
                    AgenOpKind::Close => ResumeAction::Close,
                };
                let edge = match (op, default) {
                    (AgenOpKind::Close, _) => AgResume::Close,
                    (_, Some(d)) => AgResume::Default(d.clone()),
                    _ => AgResume::Step,
                };
                if target.state() == CoroState::Done {
                    return match (action, edge) {
                        (ResumeAction::Close, _) => {
                            frame.stack.push(Value::None);
                            Next::Continue
                        }
                        (_, AgResume::Default(d)) => {
                            frame.stack.push(d);
                            Next::Continue
                        }
                        (ResumeAction::Throw(e), _) if *op == AgenOpKind::Throw => {
                            Next::Err(PyErr::Exc(e))
                        }
                        _ => Next::Err(self.new_error(ExcKind::StopAsyncIteration, String::new())),
                    };
                }
                if target.state() == CoroState::Created {
                    if let ResumeAction::Throw(e) = &action {
                        // Thrown into an async generator that never ran: it is closed.
                        target.set_state(CoroState::Done);
                        drop(target.take_stack());
                        return Next::Err(PyErr::Exc(e.clone()));
                    }
                    if let ResumeAction::Send(v) = &action {
                        if !v.is_none() {
                            return Next::Err(self.type_error(
                                "can't send non-None value to a just-started async generator",
                            ));
                        }
                    }
                }
                let req = ResumeReq { target, action, edge: OnReturn::AsyncGen(edge) };
                self.resume_chain(host, ex, frame, req)
            }
            GenKind::AsyncGenerator { .. } => Next::Err(
                self.type_error("object async_generator can't be used in 'await' expression"),
            ),
        }
    }

    /// A new generator-like object around a bound frame.
    pub(crate) fn new_generator(&self, kind: GenKind, f: &Function, frame: Box<Frame>) -> Value {
        Value::Generator(Rc::new(Generator {
            kind,
            name: f.name.borrow().clone(),
            qualname: f.qualname.borrow().clone(),
            state: std::cell::Cell::new(CoroState::Created),
            stack: std::cell::RefCell::new(Some(ExecStack { frames: vec![frame] })),
            code: Some(f.code.clone()),
            id: next_id(),
        }))
    }

    /// One of an async generator's awaitables.
    pub(crate) fn agen_op(
        &self,
        agen: &Rc<Generator>,
        op: AgenOpKind,
        arg: Value,
        default: Option<Value>,
    ) -> Value {
        Value::Generator(Rc::new(Generator {
            kind: GenKind::AgenOp {
                agen: agen.clone(),
                op,
                arg: std::cell::RefCell::new(arg),
                default,
            },
            name: agen.name.clone(),
            qualname: agen.qualname.clone(),
            state: std::cell::Cell::new(CoroState::Created),
            stack: std::cell::RefCell::new(None),
            code: None,
            id: next_id(),
        }))
    }

    /// `coro.__await__()`.
    pub(crate) fn coro_wrapper(&self, c: &Rc<Coroutine>) -> Value {
        Value::Generator(Rc::new(Generator {
            kind: GenKind::CoroWrapper(c.clone()),
            name: c.name.clone(),
            qualname: c.qualname.clone(),
            state: std::cell::Cell::new(CoroState::Created),
            stack: std::cell::RefCell::new(None),
            code: None,
            id: next_id(),
        }))
    }

    /// The exception's `value` when it is a `StopIteration` (its first
    /// argument, or `None`).
    pub(crate) fn stop_value(&self, exc: &Value) -> Value {
        with_exc(exc, |d| match &d.args {
            Value::Tuple(t) => t.0.first().cloned().unwrap_or(Value::None),
            _ => Value::None,
        })
        .unwrap_or(Value::None)
    }
}

/// `next(it[, default])`.
pub(crate) const NEXT: u32 = 0;
/// `g.send(value)`.
pub(crate) const SEND: u32 = 1;
/// `g.throw(exc)`.
pub(crate) const THROW: u32 = 2;
/// `g.close()`.
pub(crate) const CLOSE: u32 = 3;
/// `g.__next__()`.
pub(crate) const DUNDER_NEXT: u32 = 4;

/// An awaitable object the host handles (a future, a task, `sleep(0)`'s token).
#[inline]
pub(super) fn is_host_awaitable(v: &Value) -> bool {
    matches!(v, Value::Instance(i) if i.class.tag == TypeTag::Host)
}

/// What a generator method acts on: a generator (not an async one) or a coroutine.
fn gen_target(v: &Value) -> Option<GenObj> {
    match v {
        Value::Generator(g) => match &g.kind {
            GenKind::Generator => Some(GenObj::Gen(g.clone())),
            GenKind::CoroWrapper(c) => Some(GenObj::Coro(c.clone())),
            _ => None,
        },
        Value::Coroutine(c) => Some(GenObj::Coro(c.clone())),
        _ => None,
    }
}

impl Vm {
    /// A call of a [`BuiltinKind::Frame`] builtin: a resumption, or (for
    /// `next` of anything but a generator) the plain call.
    pub(crate) fn frame_builtin(
        &mut self,
        host: &mut dyn Host,
        id: u32,
        args: &[Value],
        kwargs: &Kwargs,
    ) -> PyResult<super::call::Invoke> {
        use super::call::Invoke;
        let name = match id {
            NEXT => "next",
            SEND => "send",
            THROW => "throw",
            CLOSE => "close",
            _ => "__next__",
        };
        if id == NEXT {
            if let (Some(target), true) = (
                args.first().and_then(gen_target),
                kwargs.is_empty() && (1..=2).contains(&args.len()),
            ) {
                if !matches!(args[0], Value::Coroutine(_)) {
                    let edge = match args.get(1) {
                        Some(d) => OnReturn::Resumed(Resumer::NextDefault(d.clone())),
                        None => OnReturn::Resumed(Resumer::Send),
                    };
                    return Ok(Invoke::Resume(ResumeReq {
                        target,
                        action: ResumeAction::Send(Value::None),
                        edge,
                    }));
                }
            }
            return super::builtins::b_next(self, host, args, kwargs).map(Invoke::Value);
        }
        let Some(target) = args.first().and_then(gen_target) else {
            let got = args.first().map(super::types::type_name).unwrap_or_else(|| "nothing".into());
            return Err(self.type_error(format!(
                "descriptor '{name}' requires a 'generator' object but received a '{got}'"
            )));
        };
        if !kwargs.is_empty() {
            return Err(
                self.type_error(format!("{}.{name}() takes no keyword arguments", target.what()))
            );
        }
        let n = args.len() - 1;
        let (action, edge) = match id {
            SEND => {
                if n != 1 {
                    return Err(self.type_error(format!(
                        "{}.send() takes exactly one argument ({n} given)",
                        gen_type_name(&args[0])
                    )));
                }
                (ResumeAction::Send(args[1].clone()), Resumer::Send)
            }
            THROW => {
                if !(1..=3).contains(&n) {
                    return Err(
                        self.type_error(format!("throw expected at least 1 argument, got {n}"))
                    );
                }
                let exc = self.exception_to_throw(host, &args[1..])?;
                (ResumeAction::Throw(exc), Resumer::Send)
            }
            CLOSE => {
                if n != 0 {
                    return Err(self.type_error(format!(
                        "{}.close() takes no arguments ({n} given)",
                        gen_type_name(&args[0])
                    )));
                }
                (ResumeAction::Close, Resumer::Close)
            }
            _ => {
                if n != 0 || matches!(args[0], Value::Coroutine(_)) {
                    return Err(
                        self.attribute_error(&args[0], super::intern::Symbol::new("__next__"))
                    );
                }
                (ResumeAction::Send(Value::None), Resumer::Send)
            }
        };
        Ok(Invoke::Resume(ResumeReq { target, action, edge: OnReturn::Resumed(edge) }))
    }

    /// The exception `throw(typ[, val[, tb]])` / `athrow(...)` raises: an
    /// instance, or a class called with `val`.
    pub(crate) fn exception_to_throw(
        &mut self,
        host: &mut dyn Host,
        args: &[Value],
    ) -> PyResult<Value> {
        let typ = &args[0];
        let val = args.get(1).cloned().unwrap_or(Value::None);
        match typ {
            Value::Class(c) if c.is_exception_class() => {
                if super::exc::is_exception(&val) {
                    return Ok(val);
                }
                let a = match val {
                    Value::None => vec![],
                    Value::Tuple(t) => t.0.clone(),
                    v => vec![v],
                };
                self.call(host, typ, a, vec![])
            }
            v if super::exc::is_exception(v) => {
                if !val.is_none() {
                    return Err(self.type_error("instance exception may not have a separate value"));
                }
                Ok(v.clone())
            }
            v => Err(self.type_error(format!(
                "exceptions must be classes or instances deriving from BaseException, not {}",
                super::types::type_name(v)
            ))),
        }
    }

    /// `await x` where `x` is neither a coroutine nor a host future: call
    /// `type(x).__await__(x)` and check it returned an iterator.
    pub(super) fn awaitable_of(&mut self, host: &mut dyn Host, v: &Value) -> PyResult<Value> {
        let cls = self.class_of(v);
        let Some(f) = cls.lookup(super::intern::Symbol::new("__await__")) else {
            return Err(self.type_error(format!(
                "object {} can't be used in 'await' expression",
                super::types::type_name(v)
            )));
        };
        let r = self.call(host, &f, vec![v.clone()], vec![])?;
        match &r {
            Value::Coroutine(_) => Err(self.type_error("__await__() returned a coroutine")),
            Value::Generator(g)
                if matches!(g.kind, GenKind::Generator | GenKind::CoroWrapper(_)) =>
            {
                Ok(r)
            }
            Value::Iter(_) => Ok(r),
            Value::Instance(i) if i.class.lookup(super::intern::sym::__next__).is_some() => Ok(r),
            _ => Err(self.type_error(format!(
                "__await__() returned non-iterator of type '{}'",
                super::types::type_name(&r)
            ))),
        }
    }

    /// The `Await` of a plain iterator (what `__await__` returned, or what
    /// `yield from` goes through): its next item is yielded (the `Await`
    /// runs again on resumption); its end is the value.
    pub(super) fn await_iter(
        &mut self,
        host: &mut dyn Host,
        frame: &mut Frame,
        it: Value,
    ) -> PyResult<super::AwaitStart> {
        match self.next_or_stop(host, &it)? {
            Ok(v) => {
                frame.stack.push(it);
                frame.ip -= 1;
                frame.pending = Pending::AwaitIter;
                Ok(super::AwaitStart::Suspend(v))
            }
            Err(v) => Ok(super::AwaitStart::Ready(v)),
        }
    }

    /// The next item (`Ok`) or the value of the `StopIteration` that ended
    /// the iterator (`Err`).
    pub(crate) fn next_or_stop(
        &mut self,
        host: &mut dyn Host,
        it: &Value,
    ) -> PyResult<Result<Value, Value>> {
        match it {
            Value::Instance(i) => {
                let Some(f) = i.class.lookup(super::intern::sym::__next__) else {
                    return Err(self.type_error(format!(
                        "'{}' object is not an iterator",
                        super::types::type_name(it)
                    )));
                };
                match self.call(host, &f, vec![it.clone()], vec![]) {
                    Ok(v) => Ok(Ok(v)),
                    Err(PyErr::Exc(e)) if self.exc_is(&e, ExcKind::StopIteration) => {
                        Ok(Err(self.stop_value(&e)))
                    }
                    Err(e) => Err(e),
                }
            }
            _ => Ok(match self.next(host, it)? {
                Some(v) => Ok(v),
                None => Err(Value::None),
            }),
        }
    }

    /// `async for`'s `__aiter__` step.
    pub(super) fn aiter_of(&mut self, host: &mut dyn Host, v: Value) -> PyResult<Value> {
        if let Value::Generator(g) = &v {
            if g.is_async_gen() {
                return Ok(v);
            }
        }
        let cls = self.class_of(&v);
        let f = match (&v, cls.lookup(super::intern::Symbol::new("__aiter__"))) {
            (Value::Instance(_), Some(f)) => f,
            _ => {
                return Err(self.type_error(format!(
                    "'async for' requires an object with __aiter__ method, got {}",
                    super::types::type_name(&v)
                )))
            }
        };
        let r = self.call(host, &f, vec![v.clone()], vec![])?;
        let ok = match &r {
            Value::Generator(g) => g.is_async_gen(),
            Value::Instance(i) => i.class.lookup(super::intern::Symbol::new("__anext__")).is_some(),
            _ => false,
        };
        if !ok {
            return Err(self.type_error(format!(
                "'async for' received an object from __aiter__ that does not implement __anext__: {}",
                super::types::type_name(&r)
            )));
        }
        Ok(r)
    }

    /// `async for`'s `__anext__` step: the awaitable to await.
    pub(super) fn anext_awaitable(&mut self, host: &mut dyn Host, ait: &Value) -> PyResult<Value> {
        if let Value::Generator(g) = ait {
            if g.is_async_gen() {
                return Ok(self.agen_op(g, AgenOpKind::Send, Value::None, None));
            }
        }
        let cls = self.class_of(ait);
        let Some(f) = cls.lookup(super::intern::Symbol::new("__anext__")) else {
            return Err(self.type_error(format!(
                "'async for' requires an iterator with __anext__ method, got {}",
                super::types::type_name(ait)
            )));
        };
        let r = self.call(host, &f, vec![ait.clone()], vec![])?;
        match &r {
            Value::Coroutine(_) => Ok(r),
            Value::Generator(g) if matches!(g.kind, GenKind::AgenOp { .. }) => Ok(r),
            v if is_host_awaitable(v) => Ok(r),
            Value::Instance(i)
                if i.class.lookup(super::intern::Symbol::new("__await__")).is_some() =>
            {
                self.awaitable_of(host, &r)
            }
            _ => Err(self.type_error(format!(
                "'async for' received an invalid object from __anext__: {}",
                super::types::type_name(&r)
            ))),
        }
    }
}

/// The type name CPython's method errors print.
fn gen_type_name(v: &Value) -> &'static str {
    match v {
        Value::Coroutine(_) => "coroutine",
        Value::Generator(g) if matches!(g.kind, GenKind::CoroWrapper(_)) => "coroutine_wrapper",
        _ => "generator",
    }
}

impl Vm {
    /// Attributes of generators, coroutines, async generators and their
    /// helpers: the data ones (`gi_running`, `cr_frame`, ...), then the
    /// methods of their class.
    pub(crate) fn gen_getattr(
        &mut self,
        obj: &Value,
        name: super::intern::Symbol,
    ) -> PyResult<Value> {
        let (prefix, state, code, qualname, gname, stack_frames) = match obj {
            Value::Coroutine(c) => {
                let code = c
                    .stack
                    .borrow()
                    .as_ref()
                    .and_then(|s| s.frames.first().map(|f| f.code.clone()));
                (
                    "cr",
                    c.state.get(),
                    code,
                    c.qualname.clone(),
                    c.name.clone(),
                    c.stack.borrow().as_ref().map(|s| s.frames.len()),
                )
            }
            Value::Generator(g) => {
                let prefix = match &g.kind {
                    GenKind::Generator => "gi",
                    GenKind::AsyncGenerator { .. } => "ag",
                    _ => "",
                };
                (
                    prefix,
                    g.state.get(),
                    g.code.clone(),
                    g.qualname.clone(),
                    g.name.clone(),
                    g.stack.borrow().as_ref().map(|s| s.frames.len()),
                )
            }
            _ => return Err(self.attribute_error(obj, name)),
        };
        let attr = name.to_string();
        if !prefix.is_empty() {
            if attr == "__name__" {
                return Ok(Value::str(&*gname));
            }
            if attr == "__qualname__" {
                return Ok(Value::str(&*qualname));
            }
            if let Some(field) = attr.strip_prefix(prefix).and_then(|r| r.strip_prefix('_')) {
                match field {
                    "running" => return Ok(Value::Bool(state == CoroState::Running)),
                    "suspended" => return Ok(Value::Bool(state == CoroState::Suspended)),
                    "frame" => {
                        if state == CoroState::Done {
                            return Ok(Value::None);
                        }
                        return Ok(self.frame_object(obj));
                    }
                    "code" => {
                        return Ok(match code {
                            Some(c) => Value::Code(c),
                            None => Value::None,
                        })
                    }
                    "yieldfrom" if prefix == "gi" => return Ok(self.delegate_of(obj, stack_frames)),
                    "await" if prefix != "gi" => return Ok(self.delegate_of(obj, stack_frames)),
                    "origin" if prefix == "cr" => return Ok(Value::None),
                    _ => {}
                }
            }
        }
        if attr == "__class__" {
            return Ok(Value::Class(self.class_of(obj)));
        }
        match self.class_of(obj).lookup(name) {
            Some(f @ Value::Builtin(_)) => {
                Ok(Value::Method(Rc::new(Method { self_: obj.clone(), func: f })))
            }
            Some(v) => Ok(v),
            None => Err(self.attribute_error(obj, name)),
        }
    }

    /// What a suspended generator or coroutine delegates to (`gi_yieldfrom`, `cr_await`).
    fn delegate_of(&self, obj: &Value, frames: Option<usize>) -> Value {
        if frames.unwrap_or(0) < 2 {
            return Value::None;
        }
        let st = match obj {
            Value::Coroutine(c) => c.stack.borrow(),
            Value::Generator(g) => g.stack.borrow(),
            _ => return Value::None,
        };
        match st.as_ref().map(|s| &s.frames[1].owner) {
            Some(Owner::Coroutine(c)) => Value::Coroutine(c.clone()),
            Some(Owner::Generator(g)) => Value::Generator(g.clone()),
            _ => Value::None,
        }
    }

    /// A `frame` object for `gi_frame` & co: `f_lineno` of where it stands,
    /// `f_code`, `f_locals` (a snapshot).
    fn frame_object(&mut self, obj: &Value) -> Value {
        let st = match obj {
            Value::Coroutine(c) => c.stack.borrow(),
            Value::Generator(g) => g.stack.borrow(),
            _ => return Value::None,
        };
        let inst = Instance {
            class: self.types.frame.clone(),
            attrs: Default::default(),
            payload: Default::default(),
            id: next_id(),
        };
        if let Some(f) = st.as_ref().and_then(|s| s.frames.first()) {
            let line = if f.ip == 0 { f.code.first_line } else { self.line_of(f.current_span()) };
            let mut a = inst.attrs.borrow_mut();
            a.set(super::intern::Symbol::new("f_lineno"), Value::Int(line as i64));
            a.set(super::intern::Symbol::new("f_code"), Value::Code(f.code.clone()));
        }
        Value::Instance(Rc::new(inst))
    }
}

/// The methods of the generator-like classes.
pub(crate) fn install(vm: &mut Vm) {
    let frame_method = |class: &Rc<Class>, name: &str, id: u32| {
        class.set_attr(
            super::intern::Symbol::new(name),
            Value::Builtin(Rc::new(Builtin {
                name: name.into(),
                qualname: format!("{}.{name}", class.name).into(),
                kind: BuiltinKind::Frame(id),
                id: next_id(),
            })),
        );
    };
    vm.builtins.insert(
        super::intern::Symbol::new("next"),
        Value::Builtin(Rc::new(Builtin {
            name: "next".into(),
            qualname: "next".into(),
            kind: BuiltinKind::Frame(NEXT),
            id: next_id(),
        })),
    );
    let native = |name: &str, f: NativeFn| {
        Value::Builtin(Rc::new(Builtin {
            name: name.into(),
            qualname: name.into(),
            kind: BuiltinKind::Native(f),
            id: next_id(),
        }))
    };
    vm.builtins.insert(
        super::intern::Symbol::new("aiter"),
        native("aiter", |vm, h, args, kw| {
            if args.len() != 1 || !kw.is_empty() {
                return Err(vm.type_error(format!("aiter expected 1 argument, got {}", args.len())));
            }
            vm.aiter_of(h, args[0].clone()).map_err(|e| match &args[0] {
                Value::Instance(_) | Value::Generator(_) => e,
                v => vm.type_error(format!(
                    "'{}' object is not an async iterable",
                    super::types::type_name(v)
                )),
            })
        }),
    );
    vm.builtins.insert(
        super::intern::Symbol::new("anext"),
        native("anext", |vm, h, args, kw| {
            if !(1..=2).contains(&args.len()) || !kw.is_empty() {
                return Err(vm.type_error(format!("anext expected at least 1 argument, got {}", args.len())));
            }
            if let Value::Generator(g) = &args[0] {
                if g.is_async_gen() {
                    return Ok(vm.agen_op(g, AgenOpKind::Send, Value::None, args.get(1).cloned()));
                }
            }
            let has_anext = matches!(&args[0], Value::Instance(i) if i.class.lookup(super::intern::Symbol::new("__anext__")).is_some());
            if !has_anext {
                return Err(vm.type_error(format!("'{}' object is not an async iterator", super::types::type_name(&args[0]))));
            }
            if args.len() == 2 {
                return Err(PyErr::Halt(super::Halt::Unsupported(
                    "anext() with a default of an async iterator that is not an async generator".into(),
                )));
            }
            vm.anext_awaitable(h, &args[0])
        }),
    );
    let t = &vm.types;
    for c in [&t.generator, &t.coroutine_wrapper] {
        frame_method(c, "send", SEND);
        frame_method(c, "throw", THROW);
        frame_method(c, "close", CLOSE);
        frame_method(c, "__next__", DUNDER_NEXT);
        super::types::add_native(c, "__iter__", |_vm, _h, args, _kw| Ok(args[0].clone()));
    }
    frame_method(&t.coroutine, "send", SEND);
    frame_method(&t.coroutine, "throw", THROW);
    frame_method(&t.coroutine, "close", CLOSE);
    super::types::add_native(&t.coroutine, "__await__", |vm, _h, args, _kw| match &args[0] {
        Value::Coroutine(c) => Ok(vm.coro_wrapper(c)),
        v => Err(vm.type_error(format!(
            "descriptor '__await__' requires a 'coroutine' object but received a '{}'",
            super::types::type_name(v)
        ))),
    });
    let ag = t.async_generator.clone();
    fn agen_self(vm: &Vm, args: &[Value], m: &str) -> PyResult<Rc<Generator>> {
        match args.first() {
            Some(Value::Generator(g)) if g.is_async_gen() => Ok(g.clone()),
            v => Err(vm.type_error(format!(
                "descriptor '{m}' requires a 'async_generator' object but received a '{}'",
                v.map(super::types::type_name).unwrap_or_else(|| "nothing".into())
            ))),
        }
    }
    super::types::add_native(&ag, "__aiter__", |vm, _h, args, _kw| {
        Ok(Value::Generator(agen_self(vm, args, "__aiter__")?))
    });
    super::types::add_native(&ag, "__anext__", |vm, _h, args, _kw| {
        let g = agen_self(vm, args, "__anext__")?;
        Ok(vm.agen_op(&g, AgenOpKind::Send, Value::None, None))
    });
    super::types::add_native(&ag, "asend", |vm, _h, args, _kw| {
        let g = agen_self(vm, args, "asend")?;
        if args.len() != 2 {
            return Err(vm.type_error(format!(
                "async_generator.asend() takes exactly one argument ({} given)",
                args.len() - 1
            )));
        }
        Ok(vm.agen_op(&g, AgenOpKind::Send, args[1].clone(), None))
    });
    super::types::add_native(&ag, "athrow", |vm, h, args, _kw| {
        let g = agen_self(vm, args, "athrow")?;
        if !(2..=4).contains(&args.len()) {
            return Err(vm.type_error(format!(
                "athrow expected at least 1 argument, got {}",
                args.len() - 1
            )));
        }
        let e = vm.exception_to_throw(h, &args[1..])?;
        Ok(vm.agen_op(&g, AgenOpKind::Throw, e, None))
    });
    super::types::add_native(&ag, "aclose", |vm, _h, args, _kw| {
        let g = agen_self(vm, args, "aclose")?;
        Ok(vm.agen_op(&g, AgenOpKind::Close, Value::None, None))
    });
    for c in [&t.agen_asend, &t.agen_athrow] {
        super::types::add_native(c, "__await__", |_vm, _h, args, _kw| Ok(args[0].clone()));
    }
}

impl Vm {
    /// Finalize the suspended generators that lost their last reference
    /// (CPython's `_PyGen_Finalize`): `close()` a generator, hand an async
    /// generator to the event loop's finalizer. What they raise is ignored
    /// (CPython writes it to stderr).
    pub(crate) fn run_finalizers(&mut self, host: &mut dyn Host) {
        let mut rounds = 0;
        while finalize_pending() && rounds < 64 {
            rounds += 1;
            for g in take_finalizers() {
                let hooked = matches!(&g.kind, GenKind::AsyncGenerator { hooked } if hooked.get() == Some(true));
                if hooked && host.agen_finalize(self, &Value::Generator(g.clone())) {
                    continue;
                }
                let r = self.resume_native(host, &GenObj::Gen(g.clone()), ResumeAction::Close);
                // Still suspended (it yielded again): CPython frees it anyway.
                if g.state.get() != CoroState::Done {
                    g.state.set(CoroState::Done);
                    drop(g.stack.borrow_mut().take());
                }
                if let Err(PyErr::Halt(_)) = r {
                    // Out of budget: the run is over anyway.
                    return;
                }
            }
        }
    }
}

/// `inspect.isawaitable(obj)`: a coroutine, an async generator's awaitable,
/// a host future, or an object whose class has `__await__`.
pub(crate) fn is_awaitable(vm: &Vm, v: &Value) -> bool {
    match v {
        Value::Coroutine(_) => true,
        Value::Generator(g) => matches!(g.kind, GenKind::AgenOp { .. }),
        Value::Instance(i) => {
            i.class.tag == TypeTag::Host
                || i.class.lookup(super::intern::Symbol::new("__await__")).is_some()
        }
        _ => {
            let _ = vm;
            false
        }
    }
}

/// What kind of function `f` is, through bound methods and
/// `functools.partial` objects: its code object's kind.
pub(crate) fn function_kind(f: &Value) -> Option<super::code::CodeKind> {
    let mut v = f.clone();
    for _ in 0..100 {
        v = match &v {
            Value::Function(f) => return Some(f.code.kind),
            Value::Method(m) => m.func.clone(),
            Value::Instance(i) if &*i.class.name == "partial" => {
                match i.attrs.borrow().get(super::intern::Symbol::new("func")) {
                    Some(inner) => inner.clone(),
                    None => return None,
                }
            }
            _ => return None,
        };
    }
    None
}

/// The natives the asyncio prelude (and the other library modules) use.
pub(crate) fn library_natives() -> Vec<(&'static str, NativeFn)> {
    vec![
        ("_isawaitable", |vm, _h, args, _kw| {
            Ok(Value::Bool(args.first().is_some_and(|v| is_awaitable(vm, v))))
        }),
        // `Queue[int]`: a `types.GenericAlias`.
        ("_generic_alias", |vm, h, args, _kw| {
            vm.library_call(h, "types", "GenericAlias", args.to_vec())
        }),
        ("_unsupported", |vm, h, args, _kw| {
            let what = match args.first() {
                Some(v) => vm.str(h, v)?,
                None => String::new(),
            };
            Err(PyErr::Halt(super::Halt::Unsupported(format!("unsupported: {what}"))))
        }),
        ("_is_coroutine_function", |_vm, _h, args, _kw| {
            Ok(Value::Bool(
                args.first().and_then(function_kind) == Some(super::code::CodeKind::AsyncFunction),
            ))
        }),
    ]
}
