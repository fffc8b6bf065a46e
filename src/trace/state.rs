//! The visible state of a run at one point of its trace, and how each event changes it.

use super::heap::{self, Entry};
use super::{Event, FutId, HandleId, OwnerArg, OwnerSpec, PrimId, StrId, TaskId, Trace};
use rustc_hash::FxHashMap;
use std::collections::VecDeque;

/// The course's task states.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TaskState {
    /// Made by `create_task`; its first step is queued but has not run.
    Created,
    /// Its step (or wake-up) is in the ready queue.
    Ready,
    /// Its coroutine is executing now.
    Running,
    /// Stopped at an `await`, waiting for a future (or a timer).
    Suspended,
    Completed,
    /// Finished with an exception.
    Error,
    Cancelled,
}

impl TaskState {
    pub fn as_str(self) -> &'static str {
        match self {
            TaskState::Created => "created",
            TaskState::Ready => "ready",
            TaskState::Running => "running",
            TaskState::Suspended => "suspended",
            TaskState::Completed => "completed",
            TaskState::Error => "error",
            TaskState::Cancelled => "cancelled",
        }
    }

    pub fn is_done(self) -> bool {
        matches!(self, TaskState::Completed | TaskState::Error | TaskState::Cancelled)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct TaskInfo {
    pub id: TaskId,
    pub name: StrId,
    pub(crate) coro: StrId,
    pub state: TaskState,
    /// Why it last changed state.
    pub(crate) cause: StrId,
    /// The future it waits on (0: none).
    pub(crate) waiting: FutId,
    /// Where it runs or stopped (byte span in the program).
    pub line: (u32, u32),
    /// Virtual time of its last state change (for the timeline).
    pub(crate) since: f64,
    /// The coroutines it is suspended in ([`Event::Stack`]; 0: none yet).
    pub(crate) stack: StrId,
    /// What it ended with ([`Event::TaskResult`]; 0: not finished).
    pub(crate) result: StrId,
}

#[derive(Debug, Clone, PartialEq)]
pub struct HandleInfo {
    pub(crate) name: StrId,
    pub(crate) owner: u32,
    /// Timers: the deadline.
    pub(crate) when: Option<f64>,
    pub(crate) cancelled: bool,
}

/// The owner of a handle, resolved against the current state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Owner {
    None,
    Task(TaskId),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PrimKind {
    Lock,
    Event,
    Condition,
    Semaphore,
    BoundedSemaphore,
    Queue,
    PriorityQueue,
    LifoQueue,
}

impl PrimKind {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            PrimKind::Lock => "Lock",
            PrimKind::Event => "Event",
            PrimKind::Condition => "Condition",
            PrimKind::Semaphore => "Semaphore",
            PrimKind::BoundedSemaphore => "BoundedSemaphore",
            PrimKind::Queue => "Queue",
            PrimKind::PriorityQueue => "PriorityQueue",
            PrimKind::LifoQueue => "LifoQueue",
        }
    }
}

/// A primitive's state as the UI shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct PrimInfo {
    pub(crate) id: PrimId,
    pub(crate) kind: PrimKind,
    /// Display name (`Semaphore 1`, or the variable it is bound to).
    pub(crate) name: StrId,
    /// Semaphore value; queue size; lock: 1 when locked; event: 1 when set.
    pub(crate) value: i64,
    /// Queue maxsize; semaphore initial value.
    pub(crate) limit: i64,
    /// Tasks holding it (lock owner, semaphore holders).
    pub(crate) holders: Vec<TaskId>,
    /// Tasks waiting, in FIFO order (queue getters for queues).
    pub(crate) waiters: Vec<TaskId>,
    /// Queue putters.
    pub(crate) putters: Vec<TaskId>,
    /// Queue items (their reprs).
    pub(crate) items: Vec<StrId>,
    /// Queue: unfinished tasks (for `join`).
    pub(crate) unfinished: i64,
    /// How many waiters there are in all (`waiters` lists the first few).
    pub(crate) waiters_total: u32,
}

impl PrimInfo {
    pub(crate) fn weight(&self) -> usize {
        64 + 4 * (self.holders.len() + self.waiters.len() + self.putters.len() + self.items.len())
    }
}

/// Everything visible at one step.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct State {
    pub clock: f64,
    /// Loop iterations so far (in this `asyncio.run`).
    pub(crate) iteration: u32,
    pub in_loop: bool,
    pub ready: VecDeque<HandleId>,
    pub heap: Vec<Entry>,
    /// Live handles (in the ready queue, the heap, or running).
    pub(crate) handles: FxHashMap<HandleId, HandleInfo>,
    /// The handle being run.
    pub(crate) running: Option<HandleId>,
    /// Tasks by id - 1.
    pub tasks: Vec<TaskInfo>,
    /// Primitive id → index into `Trace::prim_states`.
    pub(crate) prims: Vec<(PrimId, u32)>,
    /// Print events so far.
    pub(crate) prints: usize,
    /// The task (or 0) whose line was last reported.
    pub(crate) current_task: TaskId,
    pub(crate) main_done: bool,
    /// A blocking `time.sleep` happened in the last step.
    pub(crate) frozen: bool,
    pub(crate) outcome: Option<StrId>,
    /// The last event applied (for explanations).
    pub last: Option<Event>,
}

impl State {
    /// A rough size, to space checkpoints.
    pub(crate) fn weight(&self) -> usize {
        self.tasks.len()
            + self.handles.len()
            + self.heap.len()
            + self.ready.len()
            + self.prims.len()
    }

    pub fn task(&self, id: TaskId) -> Option<&TaskInfo> {
        self.tasks.get((id as usize).wrapping_sub(1))
    }

    fn task_mut(&mut self, id: TaskId) -> Option<&mut TaskInfo> {
        self.tasks.get_mut((id as usize).wrapping_sub(1))
    }

    /// The owner of a handle now: the reference harness's rule (a task's own
    /// method; else, in argument order, a task argument or the earliest-created
    /// pending task waiting on a future argument).
    pub(crate) fn owner(&self, trace: &Trace, handle: &HandleInfo) -> Owner {
        self.owner_with(trace, handle, |f| {
            self.tasks.iter().find(|t| t.waiting == f && !t.state.is_done()).map(|t| t.id)
        })
    }

    /// [`State::owner`], with `waiter(f)` saying which task waits on future
    /// `f` (a reader labelling many handles looks it up in a table made once).
    pub(crate) fn owner_with(
        &self,
        trace: &Trace,
        handle: &HandleInfo,
        waiter: impl Fn(FutId) -> Option<TaskId>,
    ) -> Owner {
        if handle.cancelled {
            return Owner::None;
        }
        match &trace.owners[handle.owner as usize] {
            OwnerSpec::None => Owner::None,
            OwnerSpec::Task(t) => Owner::Task(*t),
            spec @ (OwnerSpec::Args(_) | OwnerSpec::Arg(_)) => {
                for a in spec.args() {
                    match a {
                        OwnerArg::Task(t) => return Owner::Task(*t),
                        OwnerArg::Fut(f) => {
                            if let Some(t) = waiter(*f) {
                                return Owner::Task(t);
                            }
                        }
                    }
                }
                Owner::None
            }
        }
    }

    /// For each future some unfinished task waits on, the earliest-created
    /// such task: [`State::owner_with`]'s table.
    pub(crate) fn waiters(&self) -> FxHashMap<FutId, TaskId> {
        let mut map = FxHashMap::default();
        for t in self.tasks.iter().filter(|t| t.waiting != 0 && !t.state.is_done()) {
            map.entry(t.waiting).or_insert(t.id);
        }
        map
    }

    /// `name(owner)` as the reference harness labels a handle.
    pub(crate) fn label(&self, trace: &Trace, h: HandleId) -> String {
        let Some(info) = self.handles.get(&h) else { return "?(-)".into() };
        let name = if info.cancelled { "NoneType" } else { trace.str(info.name) };
        match self.owner(trace, info) {
            Owner::None => format!("{name}(-)"),
            Owner::Task(t) => {
                let tn = self.task(t).map(|t| trace.str(t.name)).unwrap_or("?");
                format!("{name}({tn})")
            }
        }
    }

    /// Apply one event's effect on the clock alone: all a reader that needs
    /// only the time (the headless runner's plain output) must replay.
    pub(crate) fn apply_clock(&mut self, e: &Event) {
        match e {
            Event::Clock(t) => self.clock = *t,
            Event::BlockingSleep { seconds } => self.clock += seconds,
            _ => {}
        }
    }

    // The rare or heavy events, out of line: `apply`, run once per event
    // while recording, then saves fewer registers on entry and exit.

    #[inline(never)]
    #[cold]
    fn loop_start(&mut self) {
        self.in_loop = true;
        self.iteration = 0;
        self.ready.clear();
        self.heap.clear();
        self.handles.clear();
        self.main_done = false;
    }

    #[inline(never)]
    #[cold]
    fn loop_end(&mut self) {
        self.in_loop = false;
        self.ready.clear();
        self.heap.clear();
        self.handles.clear();
        self.running = None;
    }

    #[inline(never)]
    #[cold]
    fn heapify(&mut self) {
        let handles = &self.handles;
        let (keep, dropped): (Vec<Entry>, Vec<Entry>) =
            self.heap.iter().partition(|e| !handles.get(&e.handle).is_some_and(|i| i.cancelled));
        for d in dropped {
            self.handles.remove(&d.handle);
        }
        self.heap = keep;
        heap::heapify(&mut self.heap, &mut heap::NoMoves);
    }

    #[inline(never)]
    fn task_new(&mut self, task: TaskId, name: StrId, coro: StrId) {
        let idx = task as usize - 1;
        let info = TaskInfo {
            id: task,
            name,
            coro,
            state: TaskState::Created,
            cause: 0,
            waiting: 0,
            line: (0, 0),
            since: self.clock,
            stack: 0,
            result: 0,
        };
        if idx >= self.tasks.len() {
            self.tasks.resize(idx + 1, TaskInfo { id: 0, ..info.clone() });
        }
        self.tasks[idx] = info;
    }

    /// Apply one event (the state needs nothing from the trace to do so).
    pub fn apply(&mut self, e: &Event) {
        self.frozen = false;
        match e {
            Event::LoopStart => self.loop_start(),
            Event::LoopEnd => self.loop_end(),
            Event::IterStart => {
                self.iteration += 1;
                self.running = None;
            }
            Event::IterRun => {}
            Event::Clock(_) => self.apply_clock(e),
            Event::BlockingSleep { .. } => {
                self.apply_clock(e);
                self.frozen = true;
            }
            Event::HandleNew { handle, name, owner } => {
                self.handles.insert(
                    *handle,
                    HandleInfo { name: *name, owner: *owner, when: None, cancelled: false },
                );
            }
            Event::ReadyPush(h) => self.ready.push_back(*h),
            Event::ReadyPop(h) => {
                if self.ready.front() == Some(h) {
                    self.ready.pop_front();
                } else if let Some(i) = self.ready.iter().position(|x| x == h) {
                    self.ready.remove(i);
                }
                let cancelled = self.handles.get(h).is_none_or(|i| i.cancelled);
                if cancelled {
                    self.handles.remove(h);
                } else {
                    self.running = Some(*h);
                }
            }
            Event::HandleEnd(h) => {
                self.handles.remove(h);
                if self.running == Some(*h) {
                    self.running = None;
                }
            }
            Event::Cancel(h) => {
                if let Some(i) = self.handles.get_mut(h) {
                    i.cancelled = true;
                }
            }
            Event::TimerPush { handle, when } => {
                if let Some(i) = self.handles.get_mut(handle) {
                    i.when = Some(*when);
                }
                heap::push(
                    &mut self.heap,
                    Entry { when: *when, handle: *handle },
                    &mut heap::NoMoves,
                );
            }
            Event::TimerPop => {
                heap::pop(&mut self.heap, &mut heap::NoMoves);
            }
            Event::TimerDrop => {
                if let Some(top) = heap::pop(&mut self.heap, &mut heap::NoMoves) {
                    self.handles.remove(&top.handle);
                }
            }
            Event::Heapify => self.heapify(),
            Event::TaskNew { task, name, coro } => self.task_new(*task, *name, *coro),
            Event::TaskState { task, state, cause } => {
                let clock = self.clock;
                if let Some(t) = self.task_mut(*task) {
                    t.state = *state;
                    t.cause = *cause;
                    t.since = clock;
                    if state.is_done() {
                        t.waiting = 0;
                    }
                }
            }
            Event::TaskWait { task, fut } => {
                if let Some(t) = self.task_mut(*task) {
                    t.waiting = *fut;
                }
            }
            Event::TaskName { task, name } => {
                if let Some(t) = self.task_mut(*task) {
                    t.name = *name;
                }
            }
            Event::Line { task, start, end } => {
                self.current_task = *task;
                if let Some(t) = self.task_mut(*task) {
                    t.line = (*start, *end);
                }
            }
            Event::Print(_) => self.prints += 1,
            Event::Prim { prim, state } => match self.prims.iter_mut().find(|(p, _)| p == prim) {
                Some(slot) => slot.1 = *state,
                None => self.prims.push((*prim, *state)),
            },
            Event::CallbackError(_) | Event::Traceback(_) => {}
            Event::Stack { task, frames } => {
                if let Some(t) = self.task_mut(*task) {
                    t.stack = *frames;
                }
            }
            Event::TaskResult { task, text } => {
                if let Some(t) = self.task_mut(*task) {
                    t.result = *text;
                }
            }
            Event::MainDone => self.main_done = true,
            Event::Outcome(s) => self.outcome = Some(*s),
        }
        self.last = Some(*e);
    }
}
