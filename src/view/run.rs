//! A recorded run as the page reads it: the trace, the program it came from,
//! and what is worth working out once instead of at every step (the steps,
//! the console's lines, the clock's jumps).

use super::steps::Steps;
use crate::syntax::LineIndex;
use crate::trace::console::{self, ConsoleLine};
use crate::trace::{Event, State, Trace};
use std::rc::Rc;

/// A finished recording and what the page derives from it once.
#[derive(Debug)]
pub struct Run {
    pub trace: Trace,
    /// The program text, for line numbers and the editor's marks.
    pub(crate) source: Rc<str>,
    pub index: LineIndex,
    pub steps: Rc<Steps>,
    /// Every printed line, stamped, with the event that completed it (a line
    /// left unfinished at the end is completed by the outcome).
    lines: Vec<ConsoleLine>,
    /// The outcome event's index and the runner's last line (`[1.000] exit`).
    outcome: Option<(usize, String)>,
    /// `(step, clock)` at every step where the clock moved.
    clock_moves: Vec<(usize, f64)>,
    /// Each primitive's name ([`super::panels::primitive_names`]).
    pub prim_names: Vec<(u32, crate::trace::StrId)>,
}

impl Run {
    /// Derives what the page needs from a finished recording of `source`.
    pub(crate) fn new(trace: Trace, source: &str) -> Run {
        let steps = Rc::new(Steps::new(&trace));
        let lines = console::console(&trace, trace.len());
        let mut clock = 0.0;
        let mut clock_moves = Vec::new();
        let mut outcome = None;
        for (i, e) in trace.events.iter().enumerate() {
            match e {
                Event::Clock(t) => {
                    clock = *t;
                    clock_moves.push((i + 1, clock));
                }
                Event::BlockingSleep { seconds } => {
                    clock += seconds;
                    clock_moves.push((i + 1, clock));
                }
                Event::Outcome(id) => {
                    outcome = Some((i, format!("{} {}", console::stamp(clock), trace.str(*id))));
                }
                _ => {}
            }
        }
        let prim_names = super::panels::primitive_names(&trace);
        Run {
            index: LineIndex::new(source),
            source: source.into(),
            steps,
            lines,
            outcome,
            clock_moves,
            prim_names,
            trace,
        }
    }

    /// The last step.
    pub fn len(&self) -> usize {
        self.trace.len()
    }

    /// No event at all.
    pub fn is_empty(&self) -> bool {
        self.trace.is_empty()
    }

    /// Everything visible at `step`.
    pub fn state(&self, step: usize) -> State {
        self.trace.state_at(step)
    }

    /// The virtual clock at `step`.
    pub fn clock(&self, step: usize) -> f64 {
        let i = self.clock_moves.partition_point(|(s, _)| *s <= step);
        if i == 0 {
            0.0
        } else {
            self.clock_moves[i - 1].1
        }
    }

    /// The first step at which the clock has reached `t` (the end if it never does).
    pub fn step_at_time(&self, t: f64) -> usize {
        if t <= 0.0 {
            return 0;
        }
        self.clock_moves.iter().find(|(_, c)| *c >= t).map_or(self.len(), |(s, _)| *s)
    }

    /// The printed lines complete at `step`, oldest first.
    pub fn lines(&self, step: usize) -> &[ConsoleLine] {
        let n = self.lines.partition_point(|l| l.event < step);
        &self.lines[..n]
    }

    /// Every printed line of the run.
    pub fn all_lines(&self) -> &[ConsoleLine] {
        &self.lines
    }

    /// The runner's last line (`[1.000] exit`, `[0.000] deadlock`, ...) once
    /// `step` has reached it.
    pub fn outcome_line(&self, step: usize) -> Option<&str> {
        self.outcome.as_ref().filter(|(i, _)| *i < step).map(|(_, l)| l.as_str())
    }

    /// What the headless runner prints for this run (without `--trace`):
    /// the console's lines at the end, then the outcome.
    pub fn runner_output(&self) -> String {
        let mut out = String::new();
        for l in &self.lines {
            out.push_str(&l.stamped());
            out.push('\n');
        }
        if let Some(o) = self.outcome_line(self.len()) {
            out.push_str(o);
            out.push('\n');
        }
        out
    }
}

/// Runs `source` to its end and derives its [`Run`]; the problems found in
/// it if it is refused. (The web app records in slices instead, so the page
/// keeps answering; this is the same run in one go.)
pub fn record(source: &str) -> Result<Run, Vec<super::code::Problem>> {
    match crate::sched::Program::new(source, crate::vm::Limits::default()) {
        Ok(mut program) => {
            program.run_to_end();
            let trace = std::mem::take(&mut program.sched.trace);
            Ok(Run::new(trace, source))
        }
        Err(diags) => Err(super::code::Problem::from_diagnostics(source, &diags)),
    }
}
