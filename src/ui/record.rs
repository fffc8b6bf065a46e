//! Recording a program in the browser: the engine runs in slices of a few
//! milliseconds, each followed by a zero-delay timer, so the page keeps
//! painting and answering input while a long program (10,000 tasks) records.

use std::cell::Cell;
use std::rc::Rc;

use gloo_timers::future::TimeoutFuture;
use yew::Callback;

use crate::sched::Program;
use crate::view::code::Problem;
use crate::view::Run;
use crate::vm::Limits;

/// Milliseconds of engine work between two chances for the page to paint
/// and handle input (well under the 50 ms that makes a long task).
const SLICE_MS: f64 = 12.0;
/// VM instructions between two looks at the clock inside a slice.
const FUEL: u64 = 20_000;

/// The engine's limits in the page: the runner's, but a tenth of its trace
/// (two million events, 48 MB: four times bench/tasks10k.py's), so an
/// endless `await asyncio.sleep(0)` loop stops long before the tab's memory
/// is a problem. Both end such a program with `halted: step budget exhausted`.
pub(crate) fn limits() -> Limits {
    Limits { max_events: 2_000_000, ..Limits::default() }
}

/// How a recording ended.
pub(crate) enum Recorded {
    /// The program ran to its end (or its budget): the run to show.
    Done(Rc<Run>),
    /// The program was refused before running: what is wrong, where.
    Refused(Rc<Vec<Problem>>),
}

/// Which recording is current: starting a new one makes every older one
/// stop at its next slice, without reporting.
#[derive(Clone, Default)]
pub(crate) struct Generation(Rc<Cell<u32>>);

impl Generation {
    /// A new current generation; older recordings stop.
    pub(crate) fn bump(&self) -> u32 {
        self.0.set(self.0.get().wrapping_add(1));
        self.0.get()
    }

    fn is(&self, g: u32) -> bool {
        self.0.get() == g
    }
}

fn now() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map_or(0.0, |p| p.now())
}

/// Records `source` in slices, reporting the events recorded so far after
/// each slice and the outcome at the end, unless a newer recording starts
/// first (`generation` moved on), in which case it stops silently.
pub(crate) fn start(
    source: Rc<str>,
    generation: Generation,
    on_progress: Callback<usize>,
    on_done: Callback<Recorded>,
) {
    let me = generation.bump();
    yew::platform::spawn_local(async move {
        // Let the page paint the edit (and the "running" state) first.
        TimeoutFuture::new(0).await;
        if !generation.is(me) {
            return;
        }
        super::mark("loopscope:record-start");
        let mut program = match Program::new(&source, limits()) {
            Ok(p) => p,
            Err(diags) => {
                on_done
                    .emit(Recorded::Refused(Rc::new(Problem::from_diagnostics(&source, &diags))));
                return;
            }
        };
        super::mark("loopscope:compiled");
        loop {
            let began = now();
            let mut done = false;
            while !done && now() - began < SLICE_MS {
                done = program.step(FUEL);
            }
            if done {
                break;
            }
            on_progress.emit(program.trace().len());
            TimeoutFuture::new(0).await;
            if !generation.is(me) {
                return;
            }
        }
        // Freeing the program, deriving the run and drawing it are a task
        // each, so none is long (10,000 tasks: 20 ms, 10 ms, 40 ms).
        super::mark("loopscope:recorded");
        let trace = std::mem::take(&mut program.sched.trace);
        drop(program);
        TimeoutFuture::new(0).await;
        if !generation.is(me) {
            return;
        }
        let run = Run::new(trace, &source);
        super::mark("loopscope:derived");
        TimeoutFuture::new(0).await;
        if generation.is(me) {
            on_done.emit(Recorded::Done(Rc::new(run)));
        }
    });
}
