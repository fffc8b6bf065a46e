//! Printed output as lines stamped with the virtual time of their first
//! character, as the reference harness's `TimedStdout` stamps them.

use super::{Event, Trace};

/// One console line.
#[derive(Debug, Clone, PartialEq)]
pub struct ConsoleLine {
    /// Virtual time when its first character was written.
    pub(crate) at: f64,
    pub(crate) text: String,
    /// Index of the event that completed it.
    pub event: usize,
}

impl ConsoleLine {
    /// The line as the headless runner prints it: `[0.500] B done`.
    pub fn stamped(&self) -> String {
        format!("{} {}", stamp(self.at), self.text)
    }
}

/// The reference format's time stamp: `[0.500]`.
pub(crate) fn stamp(t: f64) -> String {
    format!("[{t:.3}]")
}

/// Assembles written text into stamped lines.
#[derive(Debug, Default, Clone)]
pub(crate) struct LineAssembler {
    partial: Option<(f64, String)>,
}

impl LineAssembler {
    /// Feed written text at clock `now`; completed lines (without their `\n`) go to `done`.
    pub(crate) fn write(&mut self, now: f64, text: &str, mut done: impl FnMut(f64, String)) {
        for piece in text.split_inclusive('\n') {
            let (t, mut buf) = self.partial.take().unwrap_or((now, String::new()));
            buf.push_str(piece);
            if let Some(line) = buf.strip_suffix('\n') {
                done(t, line.to_string());
            } else {
                self.partial = Some((t, buf));
            }
        }
    }

    /// The unfinished line, if any (the harness prints it with a newline at the end).
    pub(crate) fn flush(&mut self) -> Option<(f64, String)> {
        self.partial.take()
    }
}

/// The console after the first `upto` events: finished lines, plus the line
/// being written (if any) as the last item.
pub(crate) fn console(trace: &Trace, upto: usize) -> Vec<ConsoleLine> {
    let mut out = Vec::new();
    let mut asm = LineAssembler::default();
    let mut clock = 0.0;
    for (i, e) in trace.events.iter().take(upto).enumerate() {
        match e {
            Event::Clock(t) => clock = *t,
            Event::BlockingSleep { seconds } => clock += seconds,
            Event::Print(id) => asm.write(clock, trace.str(*id), |at, text| {
                out.push(ConsoleLine { at, text, event: i })
            }),
            _ => {}
        }
    }
    if let Some((at, text)) = asm.flush() {
        out.push(ConsoleLine { at, text, event: upto.saturating_sub(1) });
    }
    out
}
