//! The timeline: one lane per task, its states over the run, drawn over
//! virtual time (or over steps, when the run takes no virtual time).

use crate::trace::{Event, TaskId, TaskState, Trace};

/// A stretch of a task's life in one state.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Segment {
    pub state: TaskState,
    /// Virtual time and step at which it began and ended.
    pub t0: f64,
    pub t1: f64,
    pub s0: usize,
    pub s1: usize,
}

/// One task's lane.
#[derive(Debug, Clone, PartialEq)]
pub struct Lane {
    pub task: TaskId,
    pub name: String,
    pub segments: Vec<Segment>,
}

/// The run's lanes (at most `max` of them, the first tasks created) and its
/// span: `(lanes, total tasks, end time, end step)`.
pub fn lanes(trace: &Trace, max: usize) -> (Vec<Lane>, usize, f64, usize) {
    let mut lanes: Vec<Lane> = Vec::new();
    let mut total = 0;
    let mut clock = 0.0;
    for (i, e) in trace.events.iter().enumerate() {
        match e {
            Event::Clock(t) => clock = *t,
            Event::BlockingSleep { seconds } => clock += seconds,
            Event::TaskNew { task, name, .. } => {
                total += 1;
                if (*task as usize) <= max {
                    lanes.push(Lane {
                        task: *task,
                        name: trace.str(*name).to_string(),
                        segments: vec![Segment {
                            state: TaskState::Created,
                            t0: clock,
                            t1: clock,
                            s0: i + 1,
                            s1: i + 1,
                        }],
                    });
                }
            }
            Event::TaskName { task, name } => {
                if let Some(l) = lanes.iter_mut().find(|l| l.task == *task) {
                    l.name = trace.str(*name).to_string();
                }
            }
            Event::TaskState { task, state, .. } if (*task as usize) <= max => {
                if let Some(l) = lanes.get_mut(*task as usize - 1).filter(|l| l.task == *task) {
                    if let Some(last) = l.segments.last_mut() {
                        last.t1 = clock;
                        last.s1 = i + 1;
                    }
                    l.segments.push(Segment {
                        state: *state,
                        t0: clock,
                        t1: clock,
                        s0: i + 1,
                        s1: i + 1,
                    });
                }
            }
            _ => {}
        }
    }
    let end = trace.len();
    for l in &mut lanes {
        if let Some(last) = l.segments.last_mut() {
            last.t1 = clock;
            last.s1 = end;
        }
    }
    (lanes, total, clock, end)
}
