//! What the state diagram, the ready queue and the timer heap show at a step,
//! as plain values with their positions worked out (the components only draw).

use crate::trace::{Event, HandleId, Owner, State, TaskId, TaskState, Trace};
use rustc_hash::FxHashMap;

// ---------------------------------------------------------------------------
// The state diagram
// ---------------------------------------------------------------------------

/// The diagram's coordinate space (the SVG's view box).
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))] // the web app's
pub(crate) const DIAGRAM_W: f32 = 720.0;
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))] // the web app's
pub(crate) const DIAGRAM_H: f32 = 336.0;
/// A state's box.
pub(crate) const NODE_W: f32 = 160.0;
pub(crate) const NODE_H: f32 = 88.0;
/// A task's token.
pub(crate) const TOKEN_W: f32 = 72.0;
pub(crate) const TOKEN_H: f32 = 22.0;
/// Tokens a state's box shows before the rest stack into a counted pile.
pub const SLOTS: usize = 4;
/// Up to this many tasks every one has a token in the page; past it, only
/// those a box shows (a 10,000-task run draws a few dozen, not 10,000).
pub(crate) const ALL_TOKENS_UP_TO: usize = 300;

/// The seven states in the order the diagram lists them.
pub(crate) const STATES: [TaskState; 7] = [
    TaskState::Created,
    TaskState::Ready,
    TaskState::Running,
    TaskState::Suspended,
    TaskState::Completed,
    TaskState::Error,
    TaskState::Cancelled,
];

/// Where a state's box is (its top-left corner): the loop's cycle
/// (Ready ⇄ Running → Suspended → Ready) in the middle, Created above
/// Running, the three ends on the right.
pub(crate) fn node_at(s: TaskState) -> (f32, f32) {
    match s {
        TaskState::Created => (280.0, 8.0),
        TaskState::Ready => (30.0, 124.0),
        TaskState::Running => (280.0, 124.0),
        TaskState::Suspended => (280.0, 240.0),
        TaskState::Completed => (540.0, 8.0),
        TaskState::Error => (540.0, 124.0),
        TaskState::Cancelled => (540.0, 240.0),
    }
}

/// A transition the loop can make a task take, as an arrow.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Arrow {
    pub from: TaskState,
    pub to: TaskState,
    /// Start and end points.
    pub(crate) a: (f32, f32),
    pub(crate) b: (f32, f32),
}

/// Every transition the scheduler records (`tests/view.rs` checks that no
/// scenario takes another), as CPython's `Task.__step` and `__wakeup` make
/// them: a task's first step runs it; a step ends suspended at an `await`
/// that must wait, ready again after `sleep(0)`, or finished; a completed
/// future's done callback makes its waiter ready; ready runs.
pub fn arrows() -> Vec<Arrow> {
    use TaskState::*;
    let mid = |s: TaskState| {
        let (x, y) = node_at(s);
        (x + NODE_W / 2.0, y + NODE_H / 2.0)
    };
    let (cx, _) = mid(Running);
    let (rx, ry) = node_at(Running);
    let (qx, qy) = node_at(Ready);
    let (sx, sy) = node_at(Suspended);
    let (ex, _) = node_at(Completed);
    vec![
        Arrow { from: Created, to: Running, a: (cx, node_at(Created).1 + NODE_H), b: (cx, ry) },
        Arrow { from: Ready, to: Running, a: (qx + NODE_W, ry + 30.0), b: (rx, ry + 30.0) },
        Arrow { from: Running, to: Ready, a: (rx, ry + 62.0), b: (qx + NODE_W, ry + 62.0) },
        Arrow { from: Running, to: Suspended, a: (cx, ry + NODE_H), b: (cx, sy) },
        Arrow {
            from: Suspended,
            to: Ready,
            a: (sx, sy + NODE_H / 2.0),
            b: (qx + NODE_W / 2.0, qy + NODE_H),
        },
        Arrow {
            from: Running,
            to: Completed,
            a: (rx + NODE_W, ry + 14.0),
            b: (ex, node_at(Completed).1 + NODE_H - 14.0),
        },
        Arrow {
            from: Running,
            to: Error,
            a: (rx + NODE_W, ry + NODE_H / 2.0),
            b: (ex, ry + NODE_H / 2.0),
        },
        Arrow {
            from: Running,
            to: Cancelled,
            a: (rx + NODE_W, ry + NODE_H - 14.0),
            b: (ex, node_at(Cancelled).1 + 14.0),
        },
    ]
}

/// A task's token in the diagram.
#[derive(Debug, Clone, PartialEq)]
pub struct Token {
    pub task: TaskId,
    pub(crate) name: String,
    pub state: TaskState,
    /// Top-left corner.
    pub(crate) x: f32,
    pub(crate) y: f32,
    /// Stacked under its box's pile (drawn hidden: only the count shows).
    pub piled: bool,
}

/// A state's box: how many tasks are in it and how many the pile hides.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Node {
    pub state: TaskState,
    pub count: usize,
    pub hidden: usize,
}

/// A transition taken in the step just made.
#[derive(Debug, Clone, PartialEq)]
pub struct Taken {
    pub(crate) task: TaskId,
    pub from: TaskState,
    pub to: TaskState,
    pub(crate) cause: String,
}

/// The whole diagram at a step.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Diagram {
    pub nodes: Vec<Node>,
    pub tokens: Vec<Token>,
    /// The transitions the last step made, oldest first (the newest is labelled).
    pub taken: Vec<Taken>,
}

/// Where slot `i` of a state's box is.
fn slot(s: TaskState, i: usize) -> (f32, f32) {
    let (x, y) = node_at(s);
    let col = (i % 2) as f32;
    let row = (i / 2) as f32;
    (x + 6.0 + col * (TOKEN_W + 4.0), y + 30.0 + row * (TOKEN_H + 4.0))
}

/// The diagram at `state`, with the transitions made by `events`: the
/// events of the step just taken, which led from `before` to `state`.
pub fn diagram(trace: &Trace, before: &State, state: &State, events: &[Event]) -> Diagram {
    let tasks: Vec<_> = state.tasks.iter().filter(|t| t.id != 0).collect();
    let draw_all = tasks.len() <= ALL_TOKENS_UP_TO;
    let mut nodes: Vec<Node> =
        STATES.iter().map(|&s| Node { state: s, count: 0, hidden: 0 }).collect();
    let index = |s: TaskState| STATES.iter().position(|x| *x == s).expect("a state");
    for t in &tasks {
        nodes[index(t.state)].count += 1;
    }
    for n in &mut nodes {
        // The last slot shows the pile's count when there are more.
        if n.count > SLOTS {
            n.hidden = n.count - (SLOTS - 1);
        }
    }
    let mut seen = [0usize; 7];
    let mut tokens = Vec::new();
    for t in &tasks {
        let k = index(t.state);
        let i = seen[k];
        seen[k] += 1;
        let piled = nodes[k].hidden > 0 && i >= SLOTS - 1;
        if piled && !draw_all {
            continue;
        }
        let (x, y) = slot(t.state, i.min(SLOTS - 1));
        tokens.push(Token {
            task: t.id,
            name: trace.str(t.name).to_string(),
            state: t.state,
            x,
            y,
            piled,
        });
    }
    // The step's transitions, each from the state the task was in just before.
    let mut now: Vec<(TaskId, TaskState)> = Vec::new();
    let mut taken: Vec<Taken> = Vec::new();
    for e in events {
        match e {
            Event::TaskNew { task, .. } => now.push((*task, TaskState::Created)),
            Event::TaskState { task, state: to, cause } => {
                let from = match now.iter_mut().find(|(t, _)| t == task) {
                    Some(slot) => std::mem::replace(&mut slot.1, *to),
                    None => {
                        now.push((*task, *to));
                        before.task(*task).map_or(TaskState::Created, |t| t.state)
                    }
                };
                taken.retain(|x| x.task != *task);
                taken.push(Taken {
                    task: *task,
                    from,
                    to: *to,
                    cause: trace.str(*cause).to_string(),
                });
            }
            _ => {}
        }
    }
    Diagram { nodes, tokens, taken }
}

// ---------------------------------------------------------------------------
// The ready queue
// ---------------------------------------------------------------------------

/// A handle in the ready queue (or running).
#[derive(Debug, Clone, PartialEq)]
pub struct ReadyItem {
    pub(crate) handle: HandleId,
    /// As the reference harness names it: `step(Task-2)`.
    pub label: String,
    /// The task it concerns.
    pub(crate) task: Option<TaskId>,
    /// Cancelled: the loop will skip it.
    pub cancelled: bool,
}

/// `loop._ready` at a step, and the handle running now.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ReadyQueue {
    pub(crate) running: Option<ReadyItem>,
    /// The queue from its head, at most the number asked for.
    pub items: Vec<ReadyItem>,
    /// How many more handles the queue holds after `items`.
    pub(crate) more: usize,
}

/// Handles and timers the page describes at most per step: a 10,000-task
/// program's queue is drawn as its head and a count.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))] // the web app's
pub(crate) const SHOWN: usize = 300;

/// A handle as the page shows it; a cancelled one keeps the name and task
/// it had (CPython drops its callback, so the reference calls it `NoneType(-)`).
/// `waiters` is [`State::waiters`].
fn item(trace: &Trace, state: &State, waiters: &FxHashMap<u32, TaskId>, h: HandleId) -> ReadyItem {
    match state.handles.get(&h) {
        Some(info) => {
            let live = crate::trace::HandleInfo { cancelled: false, ..info.clone() };
            let task = match state.owner_with(trace, &live, |f| waiters.get(&f).copied()) {
                Owner::Task(t) => Some(t),
                Owner::None => None,
            };
            let name = trace.str(info.name);
            let label = match task.and_then(|t| state.task(t)) {
                Some(t) => format!("{name}({})", trace.str(t.name)),
                None => format!("{name}(-)"),
            };
            ReadyItem { handle: h, label, task, cancelled: info.cancelled }
        }
        None => ReadyItem { handle: h, label: "?(-)".into(), task: None, cancelled: false },
    }
}

/// The ready queue at `state`, head first: its first `max` handles.
pub fn ready_queue(trace: &Trace, state: &State, max: usize) -> ReadyQueue {
    let waiters = state.waiters();
    ReadyQueue {
        running: state.running.map(|h| item(trace, state, &waiters, h)),
        items: state.ready.iter().take(max).map(|h| item(trace, state, &waiters, *h)).collect(),
        more: state.ready.len().saturating_sub(max),
    }
}

// ---------------------------------------------------------------------------
// The timer heap
// ---------------------------------------------------------------------------

/// A timer in `loop._scheduled`.
#[derive(Debug, Clone, PartialEq)]
pub struct Timer {
    pub(crate) handle: HandleId,
    /// Its place in the heap's array.
    pub(crate) index: usize,
    pub when: f64,
    /// The page's label (a cancelled timer keeps its callback and task).
    pub(crate) label: String,
    /// The reference harness's label: `NoneType(-)` once cancelled.
    pub reference: String,
    pub(crate) task: Option<TaskId>,
    pub cancelled: bool,
}

/// The heap as its array, in heapq order: its first `max` entries.
pub fn timer_heap(trace: &Trace, state: &State, max: usize) -> Vec<Timer> {
    let waiters = state.waiters();
    state
        .heap
        .iter()
        .take(max)
        .enumerate()
        .map(|(index, e)| {
            let it = item(trace, state, &waiters, e.handle);
            Timer {
                handle: e.handle,
                index,
                when: e.when,
                reference: if it.cancelled { "NoneType(-)".to_string() } else { it.label.clone() },
                label: it.label,
                task: it.task,
                cancelled: it.cancelled,
            }
        })
        .collect()
}

/// Where heap position `i` sits in a binary tree drawn `width` wide, with
/// `level_h` between levels: (x of its centre, level).
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))] // the web app's
pub(crate) fn tree_position(i: usize, width: f32) -> (f32, u32) {
    let level = usize::BITS - (i + 1).leading_zeros() - 1;
    let first = (1usize << level) - 1;
    let across = 1usize << level;
    let x = ((i - first) as f32 + 0.5) / across as f32 * width;
    (x, level)
}

/// A transition's cause as the diagram labels it: a suspension in
/// `asyncio.sleep()` names its delay, read off the task's timer in the heap
/// (`await asyncio.sleep(0.5)`).
pub fn cause_label(trace: &Trace, state: &State, taken: &Taken) -> String {
    if taken.cause == "await asyncio.sleep()" {
        let timer = timer_heap(trace, state, usize::MAX)
            .into_iter()
            .find(|t| t.task == Some(taken.task) && !t.cancelled);
        if let Some(t) = timer {
            return format!("await asyncio.sleep({})", short_number(t.when - state.clock));
        }
    }
    taken.cause.clone()
}

/// A number of seconds as a learner wrote it: at most six decimals, no
/// trailing zeros (`0.5`, `1`, `0.2` for `0.20000000000000004`).
pub(crate) fn short_number(x: f64) -> String {
    let s = format!("{x:.6}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" {
        "0".to_string()
    } else {
        s.to_string()
    }
}

// ---------------------------------------------------------------------------
// Primitives
// ---------------------------------------------------------------------------

/// A lock, semaphore, event, condition or queue as its card shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct Primitive {
    pub(crate) id: u32,
    pub kind: crate::trace::PrimKind,
    /// The variable it is bound to, or `Semaphore 1`.
    pub name: String,
    /// Semaphore: permits left; lock: 1 when locked; event: 1 when set;
    /// queue: items in it.
    pub value: i64,
    /// Semaphore: its initial value; queue: maxsize (0: unbounded).
    pub limit: i64,
    /// Lock owner, semaphore holders.
    pub holders: Vec<(TaskId, String)>,
    /// Waiting tasks in FIFO order (queue getters), and how many in all.
    pub waiters: Vec<(TaskId, String)>,
    pub(crate) waiters_total: u32,
    /// Queue putters.
    pub(crate) putters: Vec<(TaskId, String)>,
    /// Queue items' reprs, head first.
    pub(crate) items: Vec<String>,
    /// Queue: unfinished tasks (what `join()` waits for).
    pub(crate) unfinished: i64,
}

/// The name each primitive ends up with: the global variable the scheduler
/// finds it bound to once the module's code has run, else `Semaphore 1`
/// (its first states, recorded before the assignment, say the latter).
pub(crate) fn primitive_names(trace: &Trace) -> Vec<(u32, crate::trace::StrId)> {
    let mut names: Vec<(u32, crate::trace::StrId)> = Vec::new();
    for p in &trace.prim_states {
        match names.iter_mut().find(|(id, _)| *id == p.id) {
            Some(slot) => slot.1 = p.name,
            None => names.push((p.id, p.name)),
        }
    }
    names
}

/// Every primitive the program has created, in creation order, named by
/// [`primitive_names`].
pub fn primitives(
    trace: &Trace,
    state: &State,
    names: &[(u32, crate::trace::StrId)],
) -> Vec<Primitive> {
    let name = |t: &TaskId| {
        (*t, state.task(*t).map_or_else(|| format!("Task-{t}"), |x| trace.str(x.name).to_string()))
    };
    let mut out: Vec<Primitive> = state
        .prims
        .iter()
        .map(|(_, idx)| {
            let p = &trace.prim_states[*idx as usize];
            Primitive {
                id: p.id,
                kind: p.kind,
                name: trace
                    .str(names.iter().find(|(id, _)| *id == p.id).map_or(p.name, |(_, n)| *n))
                    .to_string(),
                value: p.value,
                limit: p.limit,
                holders: p.holders.iter().map(name).collect(),
                waiters: p.waiters.iter().map(name).collect(),
                waiters_total: p.waiters_total.max(p.waiters.len() as u32),
                putters: p.putters.iter().map(name).collect(),
                items: p.items.iter().map(|s| trace.str(*s).to_string()).collect(),
                unfinished: p.unfinished,
            }
        })
        .collect();
    out.sort_by_key(|p| p.id);
    out
}
