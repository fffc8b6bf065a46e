//! `loopscope trace --json FILE`: the trace as a versioned JSON document.
//!
//! Format `loopscope-trace` version 1 (documented in `docs/trace-format.md`):
//! an object with the program `source`, the string table `strings`, the
//! handle-owner table `owners`, the primitive-state table `prims`, and
//! `events`, each event an array whose first item is its kind.

use super::{Event, OwnerArg, OwnerSpec, Trace};
use std::fmt::Write;

pub(crate) const FORMAT: &str = "loopscope-trace";
pub(crate) const VERSION: u32 = 1;

fn esc(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

fn num(out: &mut String, x: f64) {
    if x.is_finite() {
        // Rust's shortest round-trip form is valid JSON for finite floats.
        let _ = write!(out, "{x:?}");
    } else {
        out.push_str("null");
    }
}

fn ids(out: &mut String, v: &[u32]) {
    out.push('[');
    for (i, x) in v.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        let _ = write!(out, "{x}");
    }
    out.push(']');
}

/// The trace as JSON.
pub fn to_json(trace: &Trace, source: &str) -> String {
    let mut o = String::with_capacity(trace.events.len() * 24 + source.len() + 1024);
    let _ = write!(o, "{{\"format\":\"{FORMAT}\",\"version\":{VERSION},\"source\":");
    esc(&mut o, source);
    o.push_str(",\"strings\":[");
    for (i, s) in trace.strings.iter().enumerate() {
        if i > 0 {
            o.push(',');
        }
        esc(&mut o, s);
    }
    o.push_str("],\"owners\":[");
    for (i, spec) in trace.owners.iter().enumerate() {
        if i > 0 {
            o.push(',');
        }
        match spec {
            OwnerSpec::None => o.push_str("null"),
            OwnerSpec::Task(t) => {
                let _ = write!(o, "{{\"task\":{t}}}");
            }
            OwnerSpec::Args(_) | OwnerSpec::Arg(_) => {
                o.push_str("{\"args\":[");
                for (j, a) in spec.args().iter().enumerate() {
                    if j > 0 {
                        o.push(',');
                    }
                    match a {
                        OwnerArg::Task(t) => {
                            let _ = write!(o, "{{\"task\":{t}}}");
                        }
                        OwnerArg::Fut(f) => {
                            let _ = write!(o, "{{\"future\":{f}}}");
                        }
                    }
                }
                o.push_str("]}");
            }
        }
    }
    o.push_str("],\"prims\":[");
    for (i, p) in trace.prim_states.iter().enumerate() {
        if i > 0 {
            o.push(',');
        }
        let _ = write!(
            o,
            "{{\"id\":{},\"kind\":\"{}\",\"name\":{},\"value\":{},\"limit\":{},\"unfinished\":{},\"waiters_total\":{},\"holders\":",
            p.id,
            p.kind.as_str(),
            p.name,
            p.value,
            p.limit,
            p.unfinished,
            p.waiters_total
        );
        ids(&mut o, &p.holders);
        o.push_str(",\"waiters\":");
        ids(&mut o, &p.waiters);
        o.push_str(",\"putters\":");
        ids(&mut o, &p.putters);
        o.push_str(",\"items\":");
        ids(&mut o, &p.items);
        o.push('}');
    }
    o.push_str("],\"events\":[");
    for (i, e) in trace.events.iter().enumerate() {
        if i > 0 {
            o.push(',');
        }
        o.push('\n');
        event(&mut o, e);
    }
    o.push_str("\n]}\n");
    o
}

fn event(o: &mut String, e: &Event) {
    let _ = write!(o, "[\"{}\"", e.name());
    match e {
        Event::LoopStart
        | Event::LoopEnd
        | Event::IterStart
        | Event::IterRun
        | Event::TimerPop
        | Event::TimerDrop
        | Event::Heapify
        | Event::MainDone => {}
        Event::Clock(t) | Event::BlockingSleep { seconds: t } => {
            o.push(',');
            num(o, *t);
        }
        Event::TimerPush { handle, when } => {
            let _ = write!(o, ",{handle},");
            num(o, *when);
        }
        Event::HandleNew { handle, name, owner } => {
            let _ = write!(o, ",{handle},{name},{owner}");
        }
        Event::TaskNew { task, name, coro } => {
            let _ = write!(o, ",{task},{name},{coro}");
        }
        Event::TaskState { task, state, cause } => {
            let _ = write!(o, ",{task},\"{}\",{cause}", state.as_str());
        }
        Event::Line { task, start, end } => {
            let _ = write!(o, ",{task},{start},{end}");
        }
        Event::ReadyPush(x)
        | Event::ReadyPop(x)
        | Event::HandleEnd(x)
        | Event::Cancel(x)
        | Event::Print(x) => {
            let _ = write!(o, ",{x}");
        }
        Event::CallbackError(x) | Event::Traceback(x) | Event::Outcome(x) => {
            let _ = write!(o, ",{x}");
        }
        Event::TaskWait { task: a, fut: b }
        | Event::TaskName { task: a, name: b }
        | Event::Prim { prim: a, state: b }
        | Event::Stack { task: a, frames: b }
        | Event::TaskResult { task: a, text: b } => {
            let _ = write!(o, ",{a},{b}");
        }
    }
    o.push(']');
}
