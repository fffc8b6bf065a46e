//! The page's view of a run (`src/view/`), natively: steps, playback, the
//! console and the editor's highlighting, checked against the headless
//! runner and the reference outputs of every scenario and gallery example.

use loopscope::trace::Event;
use loopscope::view::code::{highlight, markers, Problem};
use loopscope::view::gallery::EXAMPLES;
use loopscope::view::playback::tick_delay;
use loopscope::view::settings::{Granularity, Speed};
use loopscope::view::{record, Action, Playback, Run, Steps};
use std::path::Path;
use std::rc::Rc;

mod common;
use common::programs;

fn run(src: &str) -> Run {
    record(src).unwrap_or_else(|p| panic!("refused: {p:?}"))
}

#[test]
fn the_console_at_the_end_is_the_runners_output() {
    for (path, src) in programs() {
        let expected = std::fs::read_to_string(path.with_extension("out")).unwrap();
        if expected.contains(": SyntaxError: ") || expected.contains(": unsupported: ") {
            continue;
        }
        let r = run(&src);
        assert_eq!(r.runner_output(), expected, "{}", path.display());
    }
}

#[test]
fn console_lines_appear_once_printed() {
    let r = run("import asyncio\nasync def main():\n    print('a')\n    await asyncio.sleep(1)\n    print('b', end='')\n    print('c')\nasyncio.run(main())\nprint('end', end='')\n");
    assert!(r.lines(0).is_empty());
    let texts = |step| r.lines(step).iter().map(|l| l.stamped()).collect::<Vec<_>>();
    assert_eq!(texts(r.len()), ["[0.000] a", "[1.000] bc", "[1.000] end"]);
    // Each line shows from the step after the event that completed it.
    for l in r.all_lines() {
        assert!(!texts(l.event).contains(&l.stamped()));
        assert!(texts(l.event + 1).contains(&l.stamped()));
    }
    assert_eq!(r.outcome_line(r.len() - 1), None);
    assert_eq!(r.outcome_line(r.len()), Some("[1.000] exit"));
}

#[test]
fn the_clock_at_each_step_is_the_states() {
    let src = std::fs::read_to_string("../shared/scenarios/30_blocking_sleep.py").unwrap();
    let r = run(&src);
    for step in 0..=r.len() {
        assert_eq!(r.clock(step), r.state(step).clock, "step {step}");
    }
}

#[test]
fn every_granularity_reaches_the_end_and_comes_back() {
    for (path, src) in programs().into_iter().step_by(7) {
        let Ok(r) = record(&src) else { continue };
        for g in Granularity::ALL {
            let s = &r.steps;
            let mut at = 0;
            let mut seen = vec![0];
            while at < s.len() {
                let n = s.next(at, g);
                assert!(n > at && s.is_stop(n, g), "{} {g:?} {at} -> {n}", path.display());
                at = n;
                seen.push(at);
            }
            assert_eq!(seen.len(), s.count(g), "{} {g:?}", path.display());
            while let Some(want) = seen.pop() {
                assert_eq!(at, want);
                assert_eq!(s.ordinal(at, g), seen.len() + 1);
                at = s.prev(at, g);
            }
        }
    }
}

#[test]
fn iteration_steps_are_the_references_loop_states() {
    // Each `@ready … @timers …` line of the reference is one iteration stop,
    // in order, until the main coroutine is done.
    for (path, src) in programs() {
        let Ok(expected) = std::fs::read_to_string(path.with_extension("trace")) else { continue };
        let Ok(r) = record(&src) else { continue };
        let lines = expected.lines().filter(|l| l.contains(" @ready [")).count();
        let main_done =
            r.trace.events.iter().position(|e| matches!(e, Event::MainDone)).unwrap_or(r.len());
        let iter_runs = (1..=main_done)
            .filter(|&n| {
                matches!(r.trace.events[n - 1], Event::IterRun)
                    && r.steps.is_stop(n, Granularity::Iteration)
            })
            .count();
        assert_eq!(iter_runs, lines, "{}", path.display());
    }
}

#[test]
fn callback_steps_show_each_task_running() {
    // Stepping by callback, a task is seen running at its every step: the
    // stop after a task's step begins has it in the running state.
    let src = loopscope::view::gallery::DEFAULT.source;
    let r = run(src);
    let mut at = 0;
    let mut running_seen = 0;
    while at < r.len() {
        at = r.steps.next(at, Granularity::Callback);
        let st = r.state(at);
        if let Some(Event::TaskState { state, .. }) = st.last {
            if state == loopscope::trace::TaskState::Running {
                running_seen += 1;
            }
        }
    }
    let steps = r
        .trace
        .events
        .iter()
        .filter(|e| {
            matches!(e, Event::TaskState { state: loopscope::trace::TaskState::Running, .. })
        })
        .count();
    assert_eq!(running_seen, steps);
}

fn playback(len_src: &str) -> Playback {
    let r = run(len_src);
    Playback::new(r.steps.clone(), 0, Speed::One, Granularity::Callback)
}

#[test]
fn playback_moves_by_the_granularity_and_pauses_on_manual_steps() {
    let p = playback(loopscope::view::gallery::DEFAULT.source);
    let steps = p.steps.clone();
    let playing = p.reduce(Action::TogglePlay);
    assert!(playing.playing);
    let ticked = playing.reduce(Action::Tick);
    assert_eq!(ticked.step, steps.next(0, Granularity::Callback));
    assert!(ticked.playing);
    let stepped = ticked.reduce(Action::Forward);
    assert!(!stepped.playing);
    assert_eq!(stepped.step, steps.next(ticked.step, Granularity::Callback));
    let back = stepped.reduce(Action::Back);
    assert_eq!(back.step, ticked.step);
    let by_print = back.reduce(Action::SetGranularity(Granularity::Print)).reduce(Action::Forward);
    assert!(steps.is_stop(by_print.step, Granularity::Print));
    assert_eq!(by_print.reduce(Action::ToEnd).step, steps.len());
    assert_eq!(by_print.reduce(Action::ToStart).step, 0);
    assert_eq!(by_print.reduce(Action::Seek(usize::MAX)).step, steps.len());
}

#[test]
fn playing_stops_at_the_end_and_starts_over_from_it() {
    let p = playback(loopscope::view::gallery::DEFAULT.source);
    let mut q = p.reduce(Action::Play);
    let mut ticks = 0;
    while q.playing {
        q = q.reduce(Action::Tick);
        ticks += 1;
        assert!(ticks < 10_000);
    }
    assert!(q.at_end());
    assert_eq!(ticks + 1, p.steps.count(Granularity::Callback));
    let again = q.reduce(Action::TogglePlay);
    assert!(again.playing && again.at_start());
    // A tick while paused does nothing.
    assert_eq!(p.reduce(Action::Tick), p);
}

#[test]
fn a_new_run_keeps_the_step_where_it_still_exists() {
    let short = run("print(1)\n");
    let long = run(loopscope::view::gallery::DEFAULT.source);
    let p = Playback::new(long.steps.clone(), 40, Speed::Two, Granularity::Iteration);
    assert_eq!(p.reduce(Action::Load(long.steps.clone())).step, 40);
    let q = p.reduce(Action::Load(short.steps.clone()));
    assert_eq!(q.step, short.len());
    assert!(Rc::ptr_eq(&q.steps, &short.steps));
    assert_eq!((q.speed, q.granularity), (Speed::Two, Granularity::Iteration));
}

#[test]
fn play_delays_follow_the_speed_or_the_virtual_clock() {
    assert_eq!(tick_delay(Speed::One, 5.0), 700);
    assert_eq!(tick_delay(Speed::Eight, 0.0), 88);
    assert_eq!(tick_delay(Speed::Quarter, 0.0), 2800);
    assert_eq!(tick_delay(Speed::RealTime, 0.5), 500);
    assert_eq!(tick_delay(Speed::RealTime, 0.0), 50);
}

#[test]
fn highlighting_keeps_every_line_and_marks_the_problem() {
    for (path, src) in programs() {
        let lines = highlight(&src, None);
        let joined: Vec<String> =
            lines.iter().map(|l| l.iter().map(|p| p.text.as_str()).collect()).collect();
        let want: Vec<&str> = src.split('\n').collect();
        assert_eq!(joined, want, "{}", path.display());
    }
    let src = "async def f():\n    await x  # 注释\nprint（1）\n";
    let at = src.find('（').unwrap();
    let lines = highlight(src, Some((at, at + '（'.len_utf8())));
    assert_eq!(lines[0][0].class, "tok-kw");
    assert!(lines[1].iter().any(|p| p.class == "tok-com" && p.text == "# 注释"));
    let marked: Vec<&str> =
        lines[2].iter().filter(|p| p.problem).map(|p| p.text.as_str()).collect();
    assert_eq!(marked, ["（"]);
    // A problem at the very end marks nothing it cannot, and does not panic.
    let lines = highlight("x = (", Some((5, 5)));
    assert_eq!(lines.len(), 1);
}

#[test]
fn problems_have_line_col_and_the_input_method_hint() {
    let src = "import asyncio\nprint（1）\n";
    let Err(problems) = record(src) else { panic!("accepted") };
    let p: &Problem = &problems[0];
    assert_eq!((p.line, p.col), (2, 6));
    assert_eq!(p.located(), "2:6: SyntaxError: invalid character '（' (U+FF08)");
    assert_eq!(p.hint.as_deref(), Some("Did you mean '('?"));
}

#[test]
fn markers_name_each_unfinished_task_at_its_line() {
    let src = loopscope::view::gallery::DEFAULT.source;
    let r = run(src);
    let mut seen_running = false;
    for step in 0..=r.len() {
        let st = r.state(step);
        let ms = markers(&r.trace, &r.index, &st);
        for m in &ms {
            assert!(m.line >= 1 && (m.line as usize) <= src.lines().count());
            seen_running |= m.running;
        }
        assert!(ms.iter().filter(|m| m.running).count() <= 1);
        assert!(ms.windows(2).all(|w| w[0].line < w[1].line), "one mark a line");
        let unfinished =
            st.tasks.iter().filter(|t| t.id != 0 && !t.state.is_done() && t.line != (0, 0)).count();
        assert_eq!(ms.iter().map(|m| m.more + 1).sum::<usize>(), unfinished);
    }
    assert!(seen_running);
    assert!(markers(&r.trace, &r.index, &r.state(r.len())).is_empty());
}

#[test]
fn steps_of_an_empty_trace() {
    let r = run("");
    let s: &Steps = &r.steps;
    assert_eq!(s.next(0, Granularity::Event), s.len());
    assert_eq!(s.prev(0, Granularity::Event), 0);
    let _ = Path::new("");
}

#[test]
fn every_step_is_explained_in_both_languages() {
    use loopscope::view::explain::explain;
    use loopscope::view::i18n::Lang;
    for (path, src) in programs().into_iter().step_by(3) {
        let Ok(r) = record(&src) else { continue };
        for step in 0..=r.len().min(3000) {
            let st = r.state(step);
            for lang in [Lang::En, Lang::Zh] {
                let text = explain(&r, step, &st, lang);
                assert!(!text.trim().is_empty(), "{} step {step} {lang:?}", path.display());
            }
        }
    }
}

/// The reference's `@ready [...] @timers [...]` lines, in order, until main is done.
fn reference_loop_states(trace: &str) -> Vec<(Vec<String>, Vec<String>)> {
    let split = |s: &str| -> Vec<String> {
        if s.is_empty() {
            vec![]
        } else {
            s.split(", ").map(str::to_string).collect()
        }
    };
    trace
        .lines()
        .filter_map(|l| {
            let (_, rest) = l.split_once(" @ready [")?;
            let (ready, rest) = rest.split_once("] @timers [")?;
            let timers = rest.strip_suffix(']')?;
            Some((split(ready), split(timers)))
        })
        .collect()
}

#[test]
fn ready_queue_and_timer_heap_are_the_references_at_every_iteration() {
    use loopscope::view::panels::{ready_queue, timer_heap};
    let mut checked = 0;
    for (path, src) in programs() {
        let Ok(expected) = std::fs::read_to_string(path.with_extension("trace")) else { continue };
        let Ok(r) = record(&src) else { continue };
        let want = reference_loop_states(&expected);
        let mut got = Vec::new();
        let mut main_done = false;
        for (i, e) in r.trace.events.iter().enumerate() {
            match e {
                Event::MainDone => main_done = true,
                Event::IterRun if !main_done && r.state(i + 1).in_loop => {
                    let st = r.state(i + 1);
                    let ready: Vec<String> = ready_queue(&r.trace, &st, usize::MAX)
                        .items
                        .into_iter()
                        .filter(|h| !h.cancelled)
                        .map(|h| h.label)
                        .collect();
                    let timers: Vec<String> = timer_heap(&r.trace, &st, usize::MAX)
                        .into_iter()
                        .map(|t| {
                            format!(
                                "{}{:.3} {}",
                                if t.cancelled { "x" } else { "" },
                                t.when,
                                t.reference
                            )
                        })
                        .collect();
                    got.push((ready, timers));
                }
                _ => {}
            }
        }
        assert_eq!(got, want, "{}", path.display());
        checked += 1;
    }
    assert!(checked >= 40, "{checked}");
}

#[test]
fn every_transition_is_an_arrow_of_the_diagram() {
    use loopscope::view::panels::{arrows, diagram};
    for (path, src) in programs() {
        let Ok(r) = record(&src) else { continue };
        let arrows = arrows();
        let mut at = 0;
        while at < r.len() {
            let next = r.steps.next(at, Granularity::Event);
            let (before, after) = (r.state(at), r.state(next));
            let d = diagram(&r.trace, &before, &after, &r.trace.events[at..next]);
            for t in &d.taken {
                assert!(
                    arrows.iter().any(|a| a.from == t.from && a.to == t.to),
                    "{}: {t:?}",
                    path.display()
                );
            }
            let live = after.tasks.iter().filter(|t| t.id != 0).count();
            assert_eq!(d.nodes.iter().map(|n| n.count).sum::<usize>(), live);
            if live <= 300 {
                assert_eq!(d.tokens.len(), live, "{}", path.display());
                for tok in &d.tokens {
                    assert_eq!(after.task(tok.task).unwrap().state, tok.state);
                }
            }
            at = next;
        }
    }
}

#[test]
fn piles_count_what_the_boxes_cannot_show() {
    use loopscope::view::panels::{diagram, SLOTS};
    let src = std::fs::read_to_string("../shared/scenarios/36_fanout_200.py").unwrap();
    let r = run(&src);
    let mut saw_pile = false;
    for step in (0..=r.len()).step_by(97) {
        let st = r.state(step);
        let d = diagram(&r.trace, &st, &st, &[]);
        for n in &d.nodes {
            let visible = d.tokens.iter().filter(|t| t.state == n.state && !t.piled).count();
            if n.count > SLOTS {
                saw_pile = true;
                assert_eq!(visible, SLOTS - 1);
                assert_eq!(n.hidden, n.count - (SLOTS - 1));
            } else {
                assert_eq!((visible, n.hidden), (n.count, 0));
            }
        }
    }
    assert!(saw_pile);
}

#[test]
fn the_inspector_follows_a_task_to_its_result() {
    use loopscope::trace::TaskState;
    use loopscope::view::i18n::Lang;
    use loopscope::view::inspect::inspect;
    let src = "import asyncio\n\nasync def worker(n):\n    await asyncio.sleep(n)\n    return n * 2\n\nasync def main():\n    t = asyncio.create_task(worker(0.5))\n    print(await t)\n\nasyncio.run(main())\n";
    let r = run(src);
    let mut suspended = false;
    for step in 0..=r.len() {
        let st = r.state(step);
        let Some(i) = inspect(&r.trace, &r.index, &st, 2, Lang::En) else { continue };
        assert_eq!((i.name.as_str(), i.coro.as_str()), ("Task-2", "worker"));
        if i.state == TaskState::Suspended && !suspended {
            suspended = true;
            assert_eq!(i.cause, "await asyncio.sleep()");
            assert_eq!(
                i.chain.iter().map(|f| (f.name.as_str(), f.line)).collect::<Vec<_>>(),
                [("worker", 4)]
            );
            assert!(
                i.waits_on[0].starts_with("timer set_result_unless_cancelled(Task-2) at t=0.500"),
                "{:?}",
                i.waits_on
            );
        }
    }
    assert!(suspended);
    let end = inspect(&r.trace, &r.index, &r.state(r.len()), 2, Lang::Zh).unwrap();
    assert_eq!(end.result.as_deref(), Some("1.0"));
    let main = inspect(&r.trace, &r.index, &r.state(r.len()), 1, Lang::En).unwrap();
    assert_eq!(main.result.as_deref(), Some("None"));
}

#[test]
fn an_error_keeps_its_exception_for_the_inspector() {
    use loopscope::view::i18n::Lang;
    use loopscope::view::inspect::inspect;
    let src = "import asyncio\n\nclass Loud(Exception):\n    def __str__(self):\n        print('side effect!')\n        return 'loud'\n\nasync def bad():\n    raise ValueError('bad input', 3)\n\nasync def loud():\n    raise Loud('x')\n\nasync def main():\n    r = await asyncio.gather(bad(), loud(), return_exceptions=True)\n    print(len(r))\n\nasyncio.run(main())\n";
    let r = run(src);
    assert_eq!(
        r.runner_output(),
        "[0.000] 2\n[0.000] exit\n",
        "describing an exception runs no Python code"
    );
    let end = r.state(r.len());
    let bad = inspect(&r.trace, &r.index, &end, 2, Lang::En).unwrap();
    assert_eq!(bad.result.as_deref(), Some("ValueError: ('bad input', 3)"));
    let loud = inspect(&r.trace, &r.index, &end, 3, Lang::En).unwrap();
    assert_eq!(loud.result.as_deref(), Some("Loud: x"));
}

#[test]
fn primitives_show_holders_and_fifo_waiters() {
    use loopscope::trace::PrimKind;
    use loopscope::view::panels::primitives;
    let src = "import asyncio\n\nsem = asyncio.Semaphore(2)\n\nasync def worker(i):\n    async with sem:\n        await asyncio.sleep(1)\n\nasync def main():\n    await asyncio.gather(*(worker(i) for i in range(4)))\n\nasyncio.run(main())\n";
    let r = run(src);
    let mut full = false;
    for step in 0..=r.len() {
        let ps = primitives(&r.trace, &r.state(step), &r.prim_names);
        if let Some(p) = ps.first() {
            assert_eq!((p.kind, p.name.as_str(), p.limit), (PrimKind::Semaphore, "sem", 2));
            // A permit handed to a woken waiter is taken before the waiter
            // runs and counts as a holder (CPython 3.13: no barging).
            assert!(p.holders.len() as i64 <= 2 - p.value, "step {step}: {p:?}");
            if p.waiters.len() == 2 {
                full = true;
                let names: Vec<&str> = p.waiters.iter().map(|(_, n)| n.as_str()).collect();
                assert_eq!(names, ["Task-4", "Task-5"]);
            }
        }
    }
    assert!(full);
}

#[test]
fn timeline_lanes_cover_each_task_from_creation_to_the_end() {
    use loopscope::view::timeline::lanes;
    for (path, src) in programs().into_iter().step_by(5) {
        let Ok(r) = record(&src) else { continue };
        let (ls, total, end_time, end_step) = lanes(&r.trace, 300);
        assert_eq!(ls.len(), total.min(300), "{}", path.display());
        assert_eq!(end_step, r.len());
        assert_eq!(end_time, r.clock(r.len()));
        for l in &ls {
            for w in l.segments.windows(2) {
                assert_eq!((w[0].t1, w[0].s1), (w[1].t0, w[1].s0), "{} {}", path.display(), l.name);
            }
            let last = l.segments.last().unwrap();
            assert_eq!((last.s1, last.t1), (r.len(), end_time));
            assert_eq!(last.state, r.state(r.len()).task(l.task).unwrap().state);
        }
    }
}

#[test]
fn a_time_maps_to_the_step_the_clock_reaches_it() {
    let src = "import asyncio\nasync def main():\n    await asyncio.sleep(1)\n    await asyncio.sleep(2)\nasyncio.run(main())\n";
    let r = run(src);
    assert_eq!(r.step_at_time(0.0), 0);
    let s = r.step_at_time(0.5);
    assert_eq!(r.clock(s), 1.0);
    assert!(r.clock(s - 1) < 1.0);
    assert_eq!(r.clock(r.step_at_time(2.5)), 3.0);
    assert_eq!(r.step_at_time(99.0), r.len());
}

#[test]
fn endings_explain_a_crash_a_deadlock_and_a_runaway() {
    use loopscope::view::i18n::Lang;
    use loopscope::view::outcome::ending;
    let src = std::fs::read_to_string("../shared/scenarios/05_uncaught_exception.py").unwrap();
    let r = run(&src);
    let e = ending(&r, Lang::En);
    let tb = e.traceback.unwrap();
    assert!(
        tb.starts_with("Traceback (most recent call last):\n  File \"main.py\", line "),
        "{tb}"
    );
    assert!(tb.ends_with("KeyError: 'banana'"), "{tb}");
    let crash = e.crash.unwrap();
    assert_eq!(crash.located(), "10:13: KeyError: 'banana'");
    let src = std::fs::read_to_string("../shared/scenarios/33_deadlock_event.py").unwrap();
    let e = ending(&run(&src), Lang::En);
    assert!(e.words[0].starts_with("Deadlock"));
    let stuck: Vec<&String> = e.words[1..].iter().collect();
    assert!(!stuck.is_empty());
    assert_eq!(
        stuck
            .iter()
            .filter(|w| w.contains("await Event.wait() — Event start_signal: waiter"))
            .count(),
        2,
        "{stuck:?}"
    );
    let e = ending(&run("while True:\n    pass\n"), Lang::Zh);
    assert!(e.words[0].contains("步数上限"));
    assert_eq!(ending(&run("print(1)\n"), Lang::En).words, Vec::<String>::new());
}

#[test]
fn a_page_opens_the_links_program_else_the_learners_else_the_default() {
    use loopscope::view::share::{encode_program, parse, ShareError};
    use loopscope::view::start::{is_own_work, opening, Origin};
    let mine = Some("print('mine')\n".to_string());
    let code = format!("#code/{}", encode_program("print('linked')\n"));
    let o = opening(parse("", &code), mine.clone(), false);
    assert_eq!((o.source.as_str(), o.origin), ("print('linked')\n", Origin::Link));
    let o = opening(parse("", ""), mine.clone(), false);
    assert_eq!((o.source.as_str(), o.origin), ("print('mine')\n", Origin::Saved));
    let o = opening(parse("", "#code/%%%"), mine.clone(), false);
    assert_eq!(o.origin, Origin::Saved, "a damaged link keeps the learner's work");
    assert_eq!(o.errors, vec![ShareError::BadEscape]);
    let o = opening(parse("?embed=1", ""), mine.clone(), true);
    assert_eq!(o.origin, Origin::Default, "an embed shows its link, not the browser's program");
    let o = opening(parse("?example=lock", ""), mine, false);
    assert_eq!(o.origin, Origin::Example("lock"));
    assert!(is_own_work("print(1)\n"));
    assert!(!is_own_work(EXAMPLES[3].source));
    assert!(!is_own_work("  \n"));
}

#[test]
fn a_sleep_is_explained_with_its_timer_and_the_wake_up_with_its_cause() {
    use loopscope::trace::TaskState;
    use loopscope::view::explain::explain;
    use loopscope::view::i18n::Lang;
    let src = "import asyncio\n\nasync def nap():\n    await asyncio.sleep(0.5)\n\nasync def main():\n    await asyncio.create_task(nap())\n\nasyncio.run(main())\n";
    let r = run(src);
    let at = |state: TaskState| {
        (1..=r.len())
            .find(|&n| matches!(r.trace.events[n - 1], Event::TaskState { task: 2, state: s, .. } if s == state))
            .unwrap()
    };
    let s = at(TaskState::Suspended);
    let text = explain(&r, s, &r.state(s), Lang::En);
    assert_eq!(text, "Task-2 awaits asyncio.sleep(0.5): it is suspended, and a timer for t = 0.500 s is on the heap to wake it.");
    let w = at(TaskState::Ready);
    assert!(explain(&r, w, &r.state(w), Lang::En).starts_with("Task-2's timer fired"));
    assert!(explain(&r, w, &r.state(w), Lang::Zh).contains("定时器到期"));
}

#[test]
fn enter_keeps_the_indentation_and_opens_a_block_after_a_colon() {
    use loopscope::view::code::newline_indent;
    assert_eq!(newline_indent("import asyncio"), "\n");
    assert_eq!(newline_indent("async def main():"), "\n    ");
    assert_eq!(newline_indent("x\n    for i in range(3):  # loop"), "\n        ");
    assert_eq!(newline_indent("x\n    print('a:')"), "\n    ");
    assert_eq!(newline_indent("    \t"), "\n    \t");
    assert_eq!(newline_indent(""), "\n");
}

#[test]
fn the_input_method_hint_speaks_chinese_too() {
    use loopscope::view::i18n::{hint, Lang};
    assert_eq!(
        hint(Lang::Zh, "Did you mean '('?"),
        "这是中文输入法打出的全角字符：你是不是想输入 '('？"
    );
    assert!(hint(Lang::Zh, "a full-width space: did you mean ' '?").contains("全角空格"));
    assert_eq!(hint(Lang::En, "Did you mean '('?"), "Did you mean '('?");
}
