//! The recorded trace: a closed enum of events, the state they build up,
//! checkpoints for fast seeking, and the trace's two renderings for the
//! command line ([`text`], the headless runner's output, and [`json`]).
//!
//! The scheduler appends [`Event`]s as it runs; nothing else writes here. The
//! UI and the headless runner only read: [`Trace::state_at`] rebuilds the
//! complete visible state (tasks, ready queue, timer heap, primitives,
//! console, clock) after any event by replaying from the nearest checkpoint.
//! The heap is replayed with Python's own `heapq` algorithm ([`heap`]), so the
//! array order (and every sift swap, for animation) is derived, not stored.
//! Nothing here depends on the scheduler or the VM: a trace is plain data.

pub mod console;
pub mod heap;
pub mod json;
pub mod state;
pub mod text;

pub use state::{HandleInfo, Owner, PrimInfo, PrimKind, State, TaskInfo, TaskState};

use rustc_hash::FxHashMap;

/// Index into the trace's string table.
pub(crate) type StrId = u32;
/// A loop handle (`Handle` or `TimerHandle`), numbered from 1 across the run.
pub(crate) type HandleId = u32;
/// A task, by creation number (1 = the first task, as CPython counts).
pub(crate) type TaskId = u32;
/// A future (tasks are futures too; see [`Event::TaskNew`]).
pub(crate) type FutId = u32;
/// A synchronisation primitive or queue.
pub(crate) type PrimId = u32;

/// Who a handle concerns, as the reference harness names it: the task it is a
/// method of, else the task among its arguments or waiting on a future among
/// its arguments (resolved at display time: a future's waiter changes).
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum OwnerSpec {
    None,
    Task(TaskId),
    /// Candidates in argument order: a task, or a future whose earliest-created
    /// waiting task is the owner.
    Args(Vec<OwnerArg>),
    /// [`OwnerSpec::Args`] with a single candidate (the usual case: a done
    /// callback's future), without a list to allocate.
    Arg(OwnerArg),
}

impl OwnerSpec {
    /// The candidates of [`OwnerSpec::Args`] or [`OwnerSpec::Arg`].
    pub(crate) fn args(&self) -> &[OwnerArg] {
        match self {
            OwnerSpec::Args(a) => a,
            OwnerSpec::Arg(a) => std::slice::from_ref(a),
            _ => &[],
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum OwnerArg {
    Task(TaskId),
    Fut(FutId),
}

/// One thing that happened. Events are small (at most 24 bytes); text lives
/// in the string table.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Event {
    /// `asyncio.run()` started a new event loop.
    LoopStart,
    /// The event loop closed (end of `asyncio.run()`).
    LoopEnd,
    /// A `_run_once` iteration begins.
    IterStart,
    /// The iteration's ready handles are about to run (timers already moved):
    /// the moment the reference harness prints its `@ready … @timers …` line.
    IterRun,
    /// The virtual clock jumped to the next timer's deadline.
    Clock(f64),
    /// `time.sleep(seconds)` blocked the loop; the clock moved by that much.
    BlockingSleep { seconds: f64 },
    /// A handle was made (by `call_soon`, `call_at`, a done callback, ...).
    HandleNew { handle: HandleId, name: StrId, owner: u32 },
    /// `loop._ready.append(handle)`.
    ReadyPush(HandleId),
    /// `loop._ready.popleft()`: the handle runs now unless it was cancelled.
    ReadyPop(HandleId),
    /// The handle's callback returned (or raised).
    HandleEnd(HandleId),
    /// `handle.cancel()`.
    Cancel(HandleId),
    /// `heapq.heappush(loop._scheduled, timer)`.
    TimerPush { handle: HandleId, when: f64 },
    /// `heapq.heappop(loop._scheduled)` of a due timer (it goes to ready next).
    TimerPop,
    /// A cancelled timer popped from the head of the heap and dropped.
    TimerDrop,
    /// More than half of over 100 timers were cancelled: drop them all and heapify.
    Heapify,
    /// A task was created.
    TaskNew { task: TaskId, name: StrId, coro: StrId },
    /// A task moved to another state; `cause` explains why ("timer fired", ...).
    TaskState { task: TaskId, state: TaskState, cause: StrId },
    /// The task's `_fut_waiter` (0: none).
    TaskWait { task: TaskId, fut: FutId },
    /// A task renamed with `set_name`.
    TaskName { task: TaskId, name: StrId },
    /// The source position of a task (0: module code or a plain callback):
    /// where it runs now or where it stopped.
    Line { task: TaskId, start: u32, end: u32 },
    /// Output written by `print` (may hold several lines or a partial one).
    Print(StrId),
    /// A primitive changed; its full state is in the primitive table.
    Prim { prim: PrimId, state: u32 },
    /// An exception escaped a callback (CPython logs it to stderr).
    CallbackError(StrId),
    /// The user's coroutines a task is suspended in, outermost first, one
    /// per line as `qualname\tline\tbyte offset` (for the task inspector).
    Stack { task: TaskId, frames: StrId },
    /// What a finished task ended with: the `repr` of its result, or
    /// `ValueError: message` (for the task inspector).
    TaskResult { task: TaskId, text: StrId },
    /// The traceback of the exception that ended the program, outermost
    /// first, one line per frame as `function\tline\tbyte offset`.
    Traceback(StrId),
    /// The main coroutine of `asyncio.run()` finished: the reference harness
    /// stops printing loop states from here on.
    MainDone,
    /// The program ended: `exit`, `uncaught T: msg`, `deadlock`, `halted: ...`.
    Outcome(StrId),
}

impl Event {
    /// Events that only keep the books (a new handle, a task's waiter, the
    /// start of an iteration, the end of the main coroutine, what the task
    /// inspector and a traceback read): nothing changes on the page until a
    /// visible event follows them.
    pub(crate) fn is_bookkeeping(&self) -> bool {
        matches!(
            self,
            Event::HandleNew { .. }
                | Event::TaskWait { .. }
                | Event::IterStart
                | Event::MainDone
                | Event::Stack { .. }
                | Event::TaskResult { .. }
                | Event::Traceback(_)
        )
    }

    /// The event's name in `docs/trace-format.md` (`ready_push`, `task_state`, ...).
    pub(crate) fn name(&self) -> &'static str {
        match self {
            Event::LoopStart => "loop_start",
            Event::LoopEnd => "loop_end",
            Event::IterStart => "iter_start",
            Event::IterRun => "iter_run",
            Event::Clock(_) => "clock",
            Event::BlockingSleep { .. } => "blocking_sleep",
            Event::HandleNew { .. } => "handle_new",
            Event::ReadyPush(_) => "ready_push",
            Event::ReadyPop(_) => "ready_pop",
            Event::HandleEnd(_) => "handle_end",
            Event::Cancel(_) => "cancel",
            Event::TimerPush { .. } => "timer_push",
            Event::TimerPop => "timer_pop",
            Event::TimerDrop => "timer_drop",
            Event::Heapify => "heapify",
            Event::TaskNew { .. } => "task_new",
            Event::TaskState { .. } => "task_state",
            Event::TaskWait { .. } => "task_wait",
            Event::TaskName { .. } => "task_name",
            Event::Line { .. } => "line",
            Event::Print(_) => "print",
            Event::Prim { .. } => "prim",
            Event::CallbackError(_) => "callback_error",
            Event::Stack { .. } => "stack",
            Event::TaskResult { .. } => "task_result",
            Event::Traceback(_) => "traceback",
            Event::MainDone => "main_done",
            Event::Outcome(_) => "outcome",
        }
    }
}

/// The recorded run.
#[derive(Debug, Default, Clone)]
pub struct Trace {
    pub events: Vec<Event>,
    pub(crate) strings: Vec<String>,
    string_index: FxHashMap<String, StrId>,
    /// [`Trace::intern_static`]'s ids, by the string's address and length.
    static_index: FxHashMap<(usize, usize), StrId>,
    pub(crate) owners: Vec<OwnerSpec>,
    /// Primitive states referenced by [`Event::Prim`].
    pub(crate) prim_states: Vec<PrimInfo>,
    /// Checkpoints: the state after event `n` (exclusive prefix length).
    checkpoints: Vec<(usize, State)>,
    /// Events between checkpoints, at least; the gap grows to sixteen times
    /// the state's size, so checkpoints cost about a sixth of the memory of
    /// the events they cover (seeking replays at most that many events:
    /// bench/tasks10k.py's worst seek is 3.3 ms).
    pub checkpoint_every: usize,
    /// The state after all events so far (kept up to date while recording).
    live: State,
    since_checkpoint: usize,
    text_bytes: usize,
    /// The sum of the checkpoints' weights (for [`Trace::heap_bytes`]).
    checkpoint_weight: usize,
}

impl Trace {
    pub(crate) fn new() -> Trace {
        let mut t = Trace { checkpoint_every: 2048, ..Default::default() };
        t.owners.push(OwnerSpec::None);
        t.intern("");
        t.checkpoints.push((0, State::default()));
        // Natively, address space for two million events up front (48 MB,
        // only the pages written are ever backed): a long run's events are
        // then never copied into a buffer twice the size, whose fresh pages
        // the copy faults in (about a tenth of bench/tasks10k's time). Not
        // on wasm, where reserving would grow the page's memory at once.
        #[cfg(not(target_arch = "wasm32"))]
        {
            t.events.reserve(1 << 21);
            t.prim_states.reserve(1 << 16);
        }
        t
    }

    /// Intern a string.
    pub(crate) fn intern(&mut self, s: &str) -> StrId {
        if let Some(&i) = self.string_index.get(s) {
            return i;
        }
        let i = self.strings.len() as StrId;
        self.strings.push(s.to_string());
        self.string_index.insert(s.to_string(), i);
        i
    }

    /// [`Trace::intern`] a string that lives for the whole program: looked up
    /// by its address (no hashing of its text) once it has been interned.
    #[inline]
    pub(crate) fn intern_static(&mut self, s: &'static str) -> StrId {
        let key = (s.as_ptr() as usize, s.len());
        if let Some(&i) = self.static_index.get(&key) {
            return i;
        }
        let i = self.intern(s);
        self.static_index.insert(key, i);
        i
    }

    /// A string that is not worth interning (printed text): appended.
    pub(crate) fn text(&mut self, s: &str) -> StrId {
        self.text_bytes += s.len();
        let i = self.strings.len() as StrId;
        self.strings.push(s.to_string());
        i
    }

    pub fn str(&self, id: StrId) -> &str {
        &self.strings[id as usize]
    }

    pub(crate) fn owner(&mut self, spec: OwnerSpec) -> u32 {
        match spec {
            OwnerSpec::None => 0,
            spec => {
                self.owners.push(spec);
                (self.owners.len() - 1) as u32
            }
        }
    }

    pub(crate) fn prim_state(&mut self, p: PrimInfo) -> u32 {
        self.prim_states.push(p);
        (self.prim_states.len() - 1) as u32
    }

    /// Record an event.
    pub(crate) fn push(&mut self, e: Event) {
        self.live.apply(&e);
        self.events.push(e);
        self.since_checkpoint += 1;
        // Due every `max(checkpoint_every, 16 * weight)` events: the weight
        // is only worth computing once the first bound is reached.
        if self.since_checkpoint >= self.checkpoint_every
            && self.since_checkpoint >= 16 * self.live.weight()
        {
            self.since_checkpoint = 0;
            self.checkpoint_weight += self.live.weight();
            self.checkpoints.push((self.events.len(), self.live.clone()));
        }
    }

    /// The state after all recorded events.
    pub fn live(&self) -> &State {
        &self.live
    }

    pub fn len(&self) -> usize {
        self.events.len()
    }

    pub fn is_empty(&self) -> bool {
        self.events.is_empty()
    }

    /// The state after the first `n` events.
    pub fn state_at(&self, n: usize) -> State {
        let n = n.min(self.events.len());
        if n == self.events.len() {
            return self.live.clone();
        }
        let i = match self.checkpoints.binary_search_by_key(&n, |(k, _)| *k) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        let (start, base) = &self.checkpoints[i];
        let mut s = base.clone();
        for e in &self.events[*start..n] {
            s.apply(e);
        }
        s
    }

    /// Heap held by the trace (events, text, checkpoints), roughly.
    /// What the seek checkpoints hold, roughly.
    pub fn checkpoint_bytes(&self) -> usize {
        self.checkpoint_weight * 96
    }

    pub fn heap_bytes(&self) -> usize {
        self.events.capacity() * std::mem::size_of::<Event>()
            + self.strings.capacity() * 24
            + self.text_bytes
            + self.checkpoint_bytes()
            + self.prim_states.capacity() * std::mem::size_of::<PrimInfo>()
    }

    /// Approximate memory use of the recorded events, for the size budget.
    pub fn bytes(&self) -> usize {
        self.events.len() * std::mem::size_of::<Event>()
            + self.strings.iter().map(|s| s.len() + 24).sum::<usize>()
            + self.owners.len() * 32
            + self.prim_states.iter().map(|p| p.weight()).sum::<usize>()
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn events_are_small() {
        assert!(
            std::mem::size_of::<super::Event>() <= 24,
            "{}",
            std::mem::size_of::<super::Event>()
        );
    }
}
