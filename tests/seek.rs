//! `Trace::state_at(n)`, the page's seek, equals replaying the first `n`
//! events from the start, for every program with an expected output and for
//! many `n`: with the recorder's own checkpoint spacing and with one so tight
//! that nearly every seek starts from a checkpoint.

use loopscope::sched::Program;
use loopscope::trace::{State, Trace};
use loopscope::vm::Limits;

mod common;
use common::programs;

fn record(src: &str, checkpoint_every: Option<usize>) -> Option<Trace> {
    let mut p = Program::new(src, Limits::default()).ok()?;
    if let Some(every) = checkpoint_every {
        p.sched.trace.checkpoint_every = every;
    }
    p.run_to_end();
    Some(std::mem::take(&mut p.sched.trace))
}

/// Compares `state_at(n)` with the replay at every `n` up to `points`
/// events, then at a stride that still visits about `points` of them; returns
/// the number compared.
fn check(name: &str, trace: &Trace, points: usize) -> usize {
    let len = trace.len();
    let stride = if len <= points { 1 } else { len / points };
    let mut replay = State::default();
    let mut compared = 0;
    for n in 0..=len {
        if n % stride == 0 || n == len {
            let seek = trace.state_at(n);
            assert!(seek == replay, "{name}: state_at({n}) differs from the replay of {n} events");
            compared += 1;
        }
        if n < len {
            replay.apply(&trace.events[n]);
        }
    }
    assert!(trace.live() == &replay, "{name}: the live state differs from the full replay");
    compared
}

#[test]
fn seeking_equals_replaying_on_every_program() {
    let mut points = 0;
    let mut recorded = 0;
    for (path, src) in programs() {
        let name = path.display().to_string();
        for every in [None, Some(3)] {
            let Some(trace) = record(&src, every) else { continue };
            recorded += 1;
            points += check(&name, &trace, 3000);
        }
    }
    assert!(recorded >= 260, "only {recorded} recordings");
    assert!(points > 50_000, "only {points} seeks compared");
}

/// A long run: 10,000 tasks, where checkpoints are spaced by the state's size.
#[test]
fn seeking_equals_replaying_on_ten_thousand_tasks() {
    let src = std::fs::read_to_string("bench/tasks10k.py").unwrap();
    let trace = record(&src, None).expect("bench/tasks10k.py runs");
    assert!(trace.len() > 100_000, "only {} events", trace.len());
    assert!(check("bench/tasks10k.py", &trace, 200) >= 200);
}
