//! `loopscope run [--trace] FILE`: the headless runner's text output,
//! rendered from a recorded trace alone: every printed line stamped with the
//! virtual time of its first character, then the outcome; with `--trace`,
//! also the ready queue and timer heap at each loop iteration, exactly as
//! `../shared/reference/run --trace` prints.
//!
//! Everything it needs is in the trace: the printed text
//! ([`Event::Print`]), the outcome line ([`Event::Outcome`]), the moments the
//! reference harness prints its loop-state line ([`Event::IterRun`], until
//! [`Event::MainDone`]), and the ready queue, timer heap and handle labels
//! that [`State`] rebuilds by replaying the events. It does not run a
//! program, read the scheduler's or the VM's state, or write anywhere but
//! the string it returns; [`json`](super::json) is the trace's other
//! rendering.

use super::console::{stamp, LineAssembler};
use super::{Event, State, Trace};

/// Render a finished trace as the reference harness prints it.
pub fn render(trace: &Trace, with_loop_state: bool) -> String {
    let mut out = String::new();
    let mut state = State::default();
    let mut lines = LineAssembler::default();
    let mut tracing_done = false;
    for e in &trace.events {
        if with_loop_state && !tracing_done {
            state.apply(e);
        } else {
            // Printed lines and the outcome need only the clock.
            state.apply_clock(e);
        }
        match e {
            Event::IterRun if with_loop_state && !tracing_done && state.in_loop => {
                let ready: Vec<String> = state
                    .ready
                    .iter()
                    .filter(|h| state.handles.get(h).is_some_and(|i| !i.cancelled))
                    .map(|h| state.label(trace, *h))
                    .collect();
                let timers: Vec<String> = state
                    .heap
                    .iter()
                    .map(|en| {
                        let cancelled = state.handles.get(&en.handle).is_some_and(|i| i.cancelled);
                        format!(
                            "{}{:.3} {}",
                            if cancelled { "x" } else { "" },
                            en.when,
                            state.label(trace, en.handle)
                        )
                    })
                    .collect();
                out.push_str(&format!(
                    "{} @ready [{}] @timers [{}]\n",
                    stamp(state.clock),
                    ready.join(", "),
                    timers.join(", ")
                ));
            }
            Event::MainDone => tracing_done = true,
            Event::Print(id) => {
                lines.write(state.clock, trace.str(*id), |t, line| {
                    out.push_str(&format!("{} {line}\n", stamp(t)));
                });
            }
            Event::Outcome(id) => {
                if let Some((t, buf)) = lines.flush() {
                    out.push_str(&format!("{} {}\n", stamp(t), buf));
                }
                out.push_str(&format!("{} {}\n", stamp(state.clock), trace.str(*id)));
            }
            _ => {}
        }
    }
    out
}
