//! The task inspector: one task at one step, its coroutine chain down to
//! what it waits on, or what it ended with.

use super::i18n::Lang;
use super::panels::{short_number, timer_heap};

use crate::syntax::LineIndex;
use crate::trace::{State, TaskId, TaskState, Trace};

/// One coroutine of a task's chain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Frame {
    /// `main`, `worker`, `Account.withdraw`.
    pub name: String,
    /// 1-based line and column where it is (stopped).
    pub line: u32,
    pub(crate) col: u32,
}

/// What the inspector shows about a task.
#[derive(Debug, Clone, PartialEq)]
pub struct Inspect {
    pub(crate) task: TaskId,
    pub name: String,
    /// The coroutine it wraps (`worker`).
    pub coro: String,
    pub state: TaskState,
    /// Why it is in that state (the trace's cause).
    pub cause: String,
    /// Virtual time it entered that state.
    pub(crate) since: f64,
    /// Its coroutines, outermost first, each at its line (while suspended
    /// or ready, where it stopped; while running, where it was last seen).
    pub chain: Vec<Frame>,
    /// What the innermost coroutine waits on, in detail (a timer, a
    /// primitive's queue, another task).
    pub waits_on: Vec<String>,
    /// What it ended with: a result's `repr` or `ValueError: message`.
    pub result: Option<String>,
}

/// The inspector's view of `task` at `state`, or `None` if it does not exist yet.
pub fn inspect(
    trace: &Trace,
    index: &LineIndex,
    state: &State,
    task: TaskId,
    lang: Lang,
) -> Option<Inspect> {
    let t = state.task(task).filter(|t| t.id != 0)?;
    let mut chain: Vec<Frame> = trace
        .str(t.stack)
        .lines()
        .filter_map(|l| {
            let mut parts = l.split('\t');
            let name = parts.next()?.to_string();
            let line = parts.next()?.parse().ok()?;
            let start: u32 = parts.next()?.parse().ok()?;
            Some(Frame { name, line, col: index.line_col(start).1 })
        })
        .collect();
    // The innermost frame is where the task is now, if the trace says so.
    if t.line != (0, 0) && !t.state.is_done() {
        let (line, col) = index.line_col(t.line.0);
        match chain.last_mut() {
            Some(f) => {
                f.line = line;
                f.col = col;
            }
            None => chain.push(Frame { name: trace.str(t.coro).to_string(), line, col }),
        }
    }
    let mut waits_on = Vec::new();
    if matches!(t.state, TaskState::Suspended | TaskState::Ready) {
        for timer in timer_heap(trace, state, usize::MAX).iter().filter(|x| x.task == Some(task)) {
            let left = timer.when - state.clock;
            let left = short_number(left.max(0.0));
            let (label, when, slot) = (&timer.label, timer.when, timer.index);
            waits_on.push(lang.pick(
                format!(
                    "timer {label} at t={when:.3} ({left} s from now), heap slot {slot}{}",
                    if timer.cancelled { ", cancelled" } else { "" }
                ),
                format!(
                    "定时器 {label}，t={when:.3} 到期（还有 {left} 秒），位于堆数组第 {slot} 格{}",
                    if timer.cancelled { "，已取消" } else { "" }
                ),
            ));
        }
        for h in super::panels::ready_queue(trace, state, usize::MAX)
            .items
            .iter()
            .filter(|h| h.task == Some(task) && !h.cancelled)
        {
            let label = &h.label;
            waits_on.push(lang.pick(
                format!("{label} is in the ready queue: the loop will call it soon"),
                format!("{label} 已在就绪队列中：事件循环很快会执行它"),
            ));
        }
        for (_, idx) in &state.prims {
            let p = &trace.prim_states[*idx as usize];
            let name = trace.str(p.name);
            let kind = p.kind.as_str();
            if let Some(pos) = p.waiters.iter().position(|w| *w == task) {
                let (n, of) = (pos + 1, p.waiters_total.max(p.waiters.len() as u32));
                // Locks, semaphores and queues serve waiters in order; an
                // event wakes them all at once.
                let fifo = !matches!(p.kind, crate::trace::PrimKind::Event);
                waits_on.push(lang.pick(
                    format!(
                        "{kind} {name}: waiter {n} of {of}{}",
                        if fifo { ", served first come, first served" } else { "" }
                    ),
                    format!(
                        "{kind} {name}：第 {n} 个等待者（共 {of} 个）{}",
                        if fifo { "，先来先服务" } else { "" }
                    ),
                ));
            }
            if let Some(pos) = p.putters.iter().position(|w| *w == task) {
                let (n, of) = (pos + 1, p.putters.len());
                waits_on.push(lang.pick(
                    format!("{kind} {name}: putter {n} of {of}, waiting for a free slot"),
                    format!("{kind} {name}：第 {n} 个等待放入的任务（共 {of} 个），等待空位"),
                ));
            }
        }
        if waits_on.is_empty() {
            let cause = trace.str(t.cause);
            if let Some(other) = cause.strip_prefix("await ") {
                if state.tasks.iter().any(|x| trace.str(x.name) == other) {
                    waits_on.push(
                        lang.pick(format!("task {other} to finish"), format!("任务 {other} 结束")),
                    );
                }
            }
        }
    }
    let result = if t.state.is_done() && t.result != 0 {
        Some(trace.str(t.result).to_string())
    } else {
        None
    };
    Some(Inspect {
        task,
        name: trace.str(t.name).to_string(),
        coro: trace.str(t.coro).to_string(),
        state: t.state,
        cause: trace.str(t.cause).to_string(),
        since: t.since,
        chain,
        waits_on,
        result,
    })
}
