//! Where playback may rest: the steps of a run and which granularity stops at each.
//!
//! A *step* is a prefix of the trace: step `n` is the state after the first
//! `n` events, so step 0 is before anything happened and step `len` is the
//! end. The scrubber ranges over every step and a share link's `step=N` names
//! one; the granularity only decides where step forward, step back and play
//! come to rest:
//!
//! - **callback**: a callback starts (for a task's step: once the task is
//!   running), a callback ends, the loop begins an iteration, and every
//!   moment outside the loop's callbacks (module code printing, `asyncio.run`
//!   starting or closing a loop, a blocking `time.sleep`);
//! - **iteration**: the loop begins an iteration (`_run_once`, once due
//!   timers have moved to the ready queue: the reference harness's `@ready …
//!   @timers …` moment), plus loops starting and closing;
//! - **print**: a line was written;
//! - **event**: any event that changes what the page shows.
//!
//! Every granularity also stops at the start and at the end.

use crate::trace::{Event, HandleId, TaskState, Trace};
use crate::view::settings::Granularity;
use rustc_hash::FxHashSet;

/// The step stops at an event that changes what the page shows.
const EVENT: u8 = 1;
/// The step is a callback boundary (or a moment outside the loop's callbacks).
const CALLBACK: u8 = 2;
/// The step is the start of a loop iteration.
const ITERATION: u8 = 4;
/// The step follows a `print`.
const PRINT: u8 = 8;
/// Every granularity stops here (the start and the end).
const ALL: u8 = EVENT | CALLBACK | ITERATION | PRINT;

/// The bit a granularity stops at.
fn mask(g: Granularity) -> u8 {
    match g {
        Granularity::Callback => CALLBACK,
        Granularity::Iteration => ITERATION,
        Granularity::Print => PRINT,
        Granularity::Event => EVENT,
    }
}

/// For each step of a run, which granularities stop there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Steps {
    /// One entry per step, `0..=len`: a set of the bits above.
    kinds: Vec<u8>,
}

impl Steps {
    /// The steps of a recorded trace.
    pub(crate) fn new(trace: &Trace) -> Steps {
        let events = &trace.events;
        let mut kinds = vec![0u8; events.len() + 1];
        kinds[0] = ALL;
        *kinds.last_mut().expect("at least step 0") = ALL;
        // Handles cancelled and not yet popped: their pop runs nothing.
        let mut cancelled: FxHashSet<HandleId> = FxHashSet::default();
        // Inside a loop iteration's callbacks (between a callback's start and end).
        let mut in_callback = false;
        let mut i = 0;
        while i < events.len() {
            let e = &events[i];
            let mut at = i + 1;
            let mut bits = if e.is_bookkeeping() { 0 } else { EVENT };
            match e {
                Event::ReadyPop(h) => {
                    if cancelled.remove(h) {
                        bits = EVENT;
                    } else {
                        // A task's step: rest once the task is running.
                        if let Some(Event::TaskWait { .. }) = events.get(at) {
                            at += 1;
                        }
                        if let Some(Event::TaskState { state: TaskState::Running, .. }) =
                            events.get(at)
                        {
                            at += 1;
                        }
                        bits = EVENT | CALLBACK;
                        in_callback = true;
                    }
                }
                Event::HandleEnd(_) => {
                    bits |= CALLBACK;
                    in_callback = false;
                }
                Event::Cancel(h) => {
                    cancelled.insert(*h);
                }
                Event::IterRun => bits |= CALLBACK | ITERATION,
                Event::LoopStart | Event::LoopEnd => {
                    bits |= CALLBACK | ITERATION;
                    in_callback = false;
                }
                Event::Print(_) => bits |= PRINT | if in_callback { 0 } else { CALLBACK },
                Event::BlockingSleep { .. } | Event::CallbackError(_) => bits |= CALLBACK,
                Event::Outcome(_) => bits = ALL,
                Event::TaskNew { .. } | Event::TaskState { .. } if !in_callback => bits |= CALLBACK,
                _ => {}
            }
            kinds[at] |= bits;
            // Events folded into a callback's start are not stops of their own.
            i = at;
        }
        Steps { kinds }
    }

    /// The steps of a run with no events: the start, which is the end.
    pub fn empty() -> Steps {
        Steps { kinds: vec![ALL] }
    }

    /// The last step (the number of events).
    pub fn len(&self) -> usize {
        self.kinds.len() - 1
    }

    /// A run with no events.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Whether playback at granularity `g` rests at `step`.
    pub fn is_stop(&self, step: usize, g: Granularity) -> bool {
        self.kinds.get(step).is_some_and(|k| k & mask(g) != 0)
    }

    /// The first stop after `step` (the end if there is none).
    pub fn next(&self, step: usize, g: Granularity) -> usize {
        let m = mask(g);
        let from = (step + 1).min(self.len());
        self.kinds[from..].iter().position(|k| k & m != 0).map_or(self.len(), |i| from + i)
    }

    /// The last stop before `step` (the start if there is none).
    pub fn prev(&self, step: usize, g: Granularity) -> usize {
        let m = mask(g);
        let to = step.min(self.len());
        self.kinds[..to].iter().rposition(|k| k & m != 0).unwrap_or(0)
    }

    /// How many stops granularity `g` has (for the controls' "3 / 17").
    pub fn count(&self, g: Granularity) -> usize {
        let m = mask(g);
        self.kinds.iter().filter(|k| *k & m != 0).count()
    }

    /// The 1-based number of the stop at or before `step` among `g`'s stops.
    pub fn ordinal(&self, step: usize, g: Granularity) -> usize {
        let m = mask(g);
        let to = step.min(self.len());
        self.kinds[..=to].iter().filter(|k| *k & m != 0).count()
    }
}
