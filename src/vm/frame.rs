//! Frames and frame stacks.
//!
//! Python calls never recurse on the Rust stack: a call pushes a [`Frame`] onto
//! an [`ExecStack`], a return pops it. A task's coroutine and everything it
//! awaits share one `ExecStack`, so suspending at an `await` (however deep) is
//! just keeping that stack aside, and resuming is running it again. A
//! suspended stack is plain data: its frames say which line each is on and
//! hold their locals.

use super::code::Code;
use super::value::{CellObj, Coroutine, Dict, Generator, Globals, Value};
use std::rc::Rc;

/// What happens to the value a frame returns (or the exception it raises).
#[derive(Debug, Clone)]
pub(crate) enum OnReturn {
    /// Push it onto the caller's stack (calls, awaits).
    Push,
    /// `__init__` finished: check it returned `None`, push the instance.
    Init(Value),
    /// A class body finished: build the class from its namespace.
    BuildClass { name: Rc<str>, bases: Vec<Value>, qualname: Rc<str> },
    /// A generator driven by a `for` loop: a `yield` pushes the item for the
    /// loop; a return jumps the caller to `exit` (the loop's end) after
    /// popping the iterator.
    ForIterGen { exit: u32 },
    /// A generator or coroutine resumed by `next()`, `send()`, `throw()` or
    /// `close()` from the program: where its `yield` and its return go.
    Resumed(Resumer),
    /// An async generator resumed by awaiting `__anext__()`, `asend()`,
    /// `athrow()` or `aclose()`: its own `yield` comes back here, while an
    /// `await` inside it suspends the whole stack as usual.
    AsyncGen(AgResume),
}

/// The resumer of a generator (see [`OnReturn::Resumed`]).
#[derive(Debug, Clone)]
pub(crate) enum Resumer {
    /// `next(g)`, `g.send(v)`, `g.throw(e)`: a yield is the call's value, a
    /// return raises `StopIteration(value)`.
    Send,
    /// `next(g, default)`: a return gives `default`.
    NextDefault(Value),
    /// `g.close()`: a yield raises RuntimeError, a return gives its value,
    /// `GeneratorExit` gives `None`.
    Close,
}

/// The resumer of an async generator (see [`OnReturn::AsyncGen`]).
#[derive(Debug, Clone)]
pub(crate) enum AgResume {
    /// `__anext__()`, `asend()`, `athrow()`: a return raises `StopAsyncIteration`.
    Step,
    /// `anext(agen, default)`: a return gives `default`.
    Default(Value),
    /// `aclose()`: a yield raises RuntimeError, a return or `GeneratorExit` gives `None`.
    Close,
}

/// Who owns a frame's execution (to finish its coroutine or generator object).
#[derive(Debug, Clone)]
pub(crate) enum Owner {
    Plain,
    Coroutine(Rc<Coroutine>),
    Generator(Rc<Generator>),
}

#[derive(Debug)]
pub struct Frame {
    pub(crate) code: Rc<Code>,
    pub(crate) globals: Rc<Globals>,
    /// Index of the next instruction.
    pub(crate) ip: u32,
    pub(crate) locals: Vec<Value>,
    /// Cell variables, then free variables (`Code::cellvars`, `Code::freevars`).
    pub(crate) cells: Vec<Rc<CellObj>>,
    pub(crate) stack: Vec<Value>,
    /// The exception being handled in this frame (`sys.exc_info()`), for bare
    /// `raise` and implicit chaining.
    pub(crate) handled: Value,
    /// Class bodies: the namespace being filled.
    pub(crate) ns: Option<Rc<Dict>>,
    pub(crate) on_return: OnReturn,
    pub(crate) owner: Owner,
    /// What a resumption completes (set when the stack suspends in this frame).
    pub(crate) pending: Pending,
    /// Active handler blocks (`Setup` … `PopBlock`), innermost last.
    pub(crate) blocks: Vec<Block>,
}

/// Why a frame is suspended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Pending {
    None,
    /// At an `await`: the awaited host object is on top of the stack.
    Await,
    /// At a call of a host function that needs the driver (`asyncio.run`):
    /// the result is pushed on resumption.
    HostCall,
    /// At a `yield`: the value sent in is pushed on resumption.
    Yield,
    /// At an `await` / `yield from` of a plain iterator (on top of the
    /// stack), whose item was yielded: resumption runs the `Await` again,
    /// which takes the next item.
    AwaitIter,
}

/// A handler block: where to go and how high the stack was at `Setup`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Block {
    pub(crate) handler: u32,
    pub(crate) depth: u32,
}

impl Frame {
    pub(crate) fn new(code: Rc<Code>, globals: Rc<Globals>) -> Frame {
        let nlocals = code.varnames.len();
        Frame {
            locals: vec![Value::Undef; nlocals],
            cells: Vec::new(),
            stack: Vec::with_capacity(8),
            ip: 0,
            code,
            globals,
            handled: Value::None,
            ns: None,
            on_return: OnReturn::Push,
            owner: Owner::Plain,
            pending: Pending::None,
            blocks: Vec::new(),
        }
    }

    /// The source span of the instruction being executed (or last executed).
    pub(crate) fn current_span(&self) -> crate::syntax::Span {
        let ip = self.ip.saturating_sub(1) as usize;
        self.code.spans.get(ip).copied().unwrap_or_default()
    }
}

/// A stack of frames executing together: a task's coroutines, a callback, a
/// generator being advanced, or the module.
#[derive(Debug, Default)]
pub(crate) struct ExecStack {
    /// Outermost first. Boxed: a frame moves between stacks (a task's, a
    /// generator's, the pool) by pointer, never by copy.
    #[allow(clippy::vec_box)]
    pub(crate) frames: Vec<Box<Frame>>,
}

impl ExecStack {
    pub(crate) fn new(frame: Frame) -> ExecStack {
        ExecStack { frames: vec![Box::new(frame)] }
    }

    /// The innermost frame that is user code (not the asyncio prelude), with
    /// its span: where the UI marks this stack's line.
    pub(crate) fn user_span(&self) -> Option<(Rc<Code>, crate::syntax::Span)> {
        self.frames
            .iter()
            .rev()
            .find(|f| !f.code.internal)
            .map(|f| (f.code.clone(), f.current_span()))
    }
}
