//! How a run ended, in words: an uncaught exception's traceback as Python
//! prints it, a deadlock with what each stuck task waits on, a program
//! stopped by its step budget.

use super::code::Problem;
use super::i18n::{cause, Lang};
use super::inspect::inspect;
use super::run::Run;
use crate::trace::{Event, TaskState};

/// The end of a run, explained.
#[derive(Debug, Clone, PartialEq)]
pub struct Ending {
    /// Plain sentences about the end (empty for a normal exit).
    pub words: Vec<String>,
    /// An uncaught exception's traceback, as Python prints it.
    pub traceback: Option<String>,
    /// Where the exception was raised, for the editor and the error box.
    pub crash: Option<Problem>,
}

/// How `run` ended, explained in `lang`.
pub fn ending(run: &Run, lang: Lang) -> Ending {
    let trace = &run.trace;
    let outcome = trace.events.iter().rev().find_map(|e| match e {
        Event::Outcome(s) => Some(trace.str(*s)),
        _ => None,
    });
    let Some(outcome) = outcome else {
        return Ending { words: vec![], traceback: None, crash: None };
    };
    // The tasks as they were stuck: when the main coroutine gave up, before
    // asyncio.run's shutdown cancelled what was left.
    let stuck_at =
        trace.events.iter().position(|e| matches!(e, Event::MainDone)).unwrap_or(run.len());
    let end = run.state(stuck_at);
    let stuck = || -> Vec<String> {
        end.tasks
            .iter()
            .filter(|t| t.id != 0 && !t.state.is_done())
            .take(12)
            .map(|t| {
                let name = trace.str(t.name);
                let why = cause(lang, trace.str(t.cause));
                let detail = inspect(trace, &run.index, &end, t.id, lang).map(|i| i.waits_on.join("; ")).unwrap_or_default();
                let at = inspect(trace, &run.index, &end, t.id, lang)
                    .and_then(|i| i.chain.last().map(|f| format!("{}() {}:{}", f.name, f.line, f.col)))
                    .unwrap_or_default();
                let detail = if detail.is_empty() { String::new() } else { format!(" — {detail}") };
                match t.state {
                    TaskState::Suspended => lang.pick(
                        format!("{name} waits at {at}: {why}{detail}, and nothing will ever complete it."),
                        format!("{name} 停在 {at}：{why}{detail}，但再也没有东西能让它完成。"),
                    ),
                    s => lang.pick(format!("{name} is {} at {at}.", s.label(lang)), format!("{name} 处于{}状态，位于 {at}。", s.label(lang))),
                }
            })
            .collect()
    };
    // A deadlock or a runaway program: what happened, then each stuck task.
    let stopped = if outcome == "deadlock" {
        Some(lang.pick(
            "Deadlock: nothing is ready and no timer is scheduled, yet tasks still wait. Real asyncio would hang here for ever.",
            "死锁：就绪队列为空、也没有定时器，却仍有任务在等待。真实的 asyncio 会在这里永远挂起。",
        ))
    } else if outcome.starts_with("halted") {
        Some(lang.pick(
            "The program was stopped: it ran past its step budget (200 million instructions, or two million loop events in the browser). An endless loop is the usual reason: a `while True` without an `await` that waits, or one that only ever awaits asyncio.sleep(0).",
            "程序被停止了：它超出了执行步数上限（2 亿条指令，在浏览器中还有 200 万个事件的上限）。常见原因是死循环：没有真正等待的 `while True`，或者只 await asyncio.sleep(0) 的循环。",
        ))
    } else {
        None
    };
    if let Some(first) = stopped {
        let mut words = vec![first.to_string()];
        words.extend(stuck());
        return Ending { words, traceback: None, crash: None };
    }
    let Some(rest) = outcome.strip_prefix("uncaught ") else {
        return Ending { words: vec![], traceback: None, crash: None };
    };
    let frames: Vec<(String, u32, u32)> = trace
        .events
        .iter()
        .rev()
        .find_map(|e| match e {
            Event::Traceback(s) => Some(trace.str(*s)),
            _ => None,
        })
        .unwrap_or("")
        .lines()
        .filter_map(|l| {
            let mut p = l.split('\t');
            Some((p.next()?.to_string(), p.next()?.parse().ok()?, p.next()?.parse().ok()?))
        })
        .collect();
    let mut tb = String::from("Traceback (most recent call last):\n");
    for (name, line, _) in &frames {
        tb.push_str(&format!("  File \"main.py\", line {line}, in {name}\n"));
        if let Some(code) = run.source.lines().nth(*line as usize - 1) {
            tb.push_str(&format!("    {}\n", code.trim()));
        }
    }
    tb.push_str(rest);
    let crash = frames.last().map(|(_, _, start)| {
        let (line, col) = run.index.line_col(*start);
        let start = *start as usize;
        let end = run.source[start.min(run.source.len())..]
            .find('\n')
            .map_or(run.source.len(), |n| start + n);
        Problem { line, col, start, end, message: rest.to_string(), hint: None }
    });
    let words = vec![lang.pick(
        format!("An exception was not caught and ended the program: {rest}."),
        format!("一个异常没有被捕获，程序因此终止：{rest}。"),
    )];
    Ending { words, traceback: Some(tb), crash }
}
