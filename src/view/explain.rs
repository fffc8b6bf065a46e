//! One or two plain sentences for the current step, in English and Chinese:
//! what the event loop just did, in the course's words.
//!
//! A step is explained by the event that brought the page there (the last
//! visible event before it), read against the state at the step: for the
//! end of a task's step, the state the task left it in and why; for the
//! start of an iteration, what is ready and whether the clock jumped.

use super::i18n::Lang;
use super::run::Run;
use crate::trace::{Event, Owner, State, TaskState, Trace};

/// The sentence(s) for `step` of `run`.
pub fn explain(run: &Run, step: usize, state: &State, lang: Lang) -> String {
    let trace = &run.trace;
    if step == 0 {
        return lang
            .pick(
                "Nothing has run yet. Press play, or step forward (→) to watch the program one step at a time.",
                "程序还没有开始运行。按“播放”，或按 → 一步一步观察程序的执行。",
            )
            .to_string();
    }
    // The last event that shows something.
    let events = &trace.events[..step.min(trace.len())];
    let Some((i, e)) = events.iter().enumerate().rev().find(|(_, e)| !quiet(e)) else {
        return lang
            .pick(
                "The module's code runs from the top, outside any event loop.",
                "模块代码从头开始运行，此时还没有事件循环。",
            )
            .to_string();
    };
    let task_name = |t: u32| {
        state.task(t).map(|t| trace.str(t.name).to_string()).unwrap_or_else(|| format!("Task-{t}"))
    };
    let handle_label = |h: u32| state.handles.get(&h).map(|_| state.label(trace, h));
    match *e {
        Event::LoopStart => lang.pick(
            "asyncio.run() creates a new event loop, wraps the coroutine in the main task and puts the task's first step in the ready queue.".into(),
            "asyncio.run() 创建一个新的事件循环，把协程包装成主任务，并把任务的第一步放进就绪队列。".into(),
        ),
        Event::LoopEnd => lang.pick(
            "asyncio.run() closes the event loop.".into(),
            "asyncio.run() 关闭事件循环。".into(),
        ),
        Event::IterRun => {
            let n = state.ready.len();
            let first = state.ready.front().map(|h| state.label(trace, *h)).unwrap_or_default();
            let jumped = matches!(events.get(i.wrapping_sub(2)), Some(Event::Clock(_)) | Some(Event::TimerPop))
                || events[..i].iter().rev().take_while(|e| !matches!(e, Event::IterStart)).any(|e| matches!(e, Event::Clock(_)));
            let clock = if jumped {
                lang.pick(
                    format!("Nothing was ready, so the clock jumped to {:.3} s, the earliest timer's deadline, and the due timers moved to the ready queue. ", state.clock),
                    format!("没有就绪的回调，时钟直接跳到最早的定时器到期时刻 {:.3} 秒，到期的定时器被移入就绪队列。", state.clock),
                )
            } else {
                String::new()
            };
            let ready = if n == 1 { "1 callback is ready".to_string() } else { format!("{n} callbacks are ready") };
            lang.pick(
                format!("{clock}Iteration {} of the event loop: {ready}, {first} first; the loop runs them in order.", state.iteration),
                format!("{clock}事件循环第 {} 轮：就绪队列里有 {n} 个回调，第一个是 {first}，事件循环按顺序执行它们。", state.iteration),
            )
        }
        Event::ReadyPop(h) => {
            let label = handle_label(h).unwrap_or_default();
            lang.pick(
                format!("The loop takes {label} from the front of the ready queue and calls it."),
                format!("事件循环从就绪队列头部取出 {label} 并执行它。"),
            )
        }
        Event::TaskState { task, state: s, cause } => task_sentence(trace, state, lang, task, &task_name(task), s, trace.str(cause)),
        Event::HandleEnd(_) => {
            // What the callback that just ended did to a task, last.
            let began = events[..i].iter().rposition(|e| matches!(e, Event::ReadyPop(_))).unwrap_or(0);
            let changed = events[began..i].iter().rev().find_map(|e| match e {
                Event::TaskState { task, state, cause } if *state != TaskState::Running => Some((*task, *state, *cause)),
                _ => None,
            });
            match changed {
                Some((t, s, c)) => task_sentence(trace, state, lang, t, &task_name(t), s, trace.str(c)),
                None => lang.pick(
                    "The callback returned: control is back with the event loop, which moves on to the next ready callback.".into(),
                    "回调执行完毕：控制权回到事件循环，它继续执行下一个就绪的回调。".into(),
                ),
            }
        }
        Event::TaskNew { task, coro, .. } => lang.pick(
            format!("{} is created for the coroutine {}(): its first step is put in the ready queue; it does not run yet.", task_name(task), trace.str(coro)),
            format!("为协程 {}() 创建了任务 {}：它的第一步被放进就绪队列，但还没有开始运行。", trace.str(coro), task_name(task)),
        ),
        Event::TimerPush { handle, when } => {
            let owner = state.handles.get(&handle).map(|info| state.owner(trace, info));
            let who = match owner {
                Some(Owner::Task(t)) => task_name(t),
                _ => "-".into(),
            };
            lang.pick(
                format!("A timer for t = {when:.3} s (for {who}) is pushed onto the timer heap."),
                format!("一个在 t = {when:.3} 秒到期的定时器（属于 {who}）被压入定时器堆。"),
            )
        }
        Event::TimerPop | Event::TimerDrop | Event::Heapify | Event::Clock(_) => lang.pick(
            format!("The loop's clock reads {:.3} s: due timers leave the heap.", state.clock),
            format!("事件循环的时钟为 {:.3} 秒：到期的定时器离开定时器堆。", state.clock),
        ),
        Event::Cancel(h) => lang.pick(
            format!("A handle ({}) is cancelled: it stays where it is, but will be skipped.", handle_label(h).unwrap_or_default()),
            format!("一个回调句柄（{}）被取消：它仍留在原处，但轮到它时会被跳过。", handle_label(h).unwrap_or_default()),
        ),
        Event::ReadyPush(h) => lang.pick(
            format!("{} is appended to the ready queue.", handle_label(h).unwrap_or_default()),
            format!("{} 被加入就绪队列尾部。", handle_label(h).unwrap_or_default()),
        ),
        Event::Print(_) => {
            let who = match state.current_task {
                0 => lang.pick("The module code", "模块代码").to_string(),
                t => task_name(t),
            };
            let line = run.lines(step).last().map(|l| l.text.clone()).unwrap_or_default();
            lang.pick(format!("{who} prints “{line}”."), format!("{who} 打印了“{line}”。"))
        }
        Event::BlockingSleep { seconds } => lang.pick(
            format!("time.sleep({seconds}) blocks the whole thread for {seconds} s: the event loop is frozen and no other task can run."),
            format!("time.sleep({seconds}) 阻塞了整个线程 {seconds} 秒：事件循环被冻结，其他任务都无法运行。"),
        ),
        Event::Prim { .. } => lang.pick(
            "A synchronization primitive changed state.".into(),
            "一个同步原语的状态发生了变化。".into(),
        ),
        Event::TaskName { task, .. } => lang.pick(
            format!("The task is renamed {}.", task_name(task)),
            format!("任务被改名为 {}。", task_name(task)),
        ),
        Event::Line { .. } => lang.pick("The program moves to another line.".into(), "程序执行到另一行。".into()),
        Event::CallbackError(text) => lang.pick(
            format!("An exception escaped a callback; the loop logs it and carries on: {}", trace.str(text)),
            format!("一个回调抛出了异常；事件循环记录它后继续运行：{}", trace.str(text)),
        ),
        Event::Outcome(text) => outcome_sentence(lang, trace.str(text)),
        Event::HandleNew { .. }
        | Event::TaskWait { .. }
        | Event::IterStart
        | Event::MainDone
        | Event::Stack { .. }
        | Event::TaskResult { .. }
        | Event::Traceback(_) => String::new(),
    }
}

/// Events the explanation looks past: bookkeeping, and a task's line.
fn quiet(e: &Event) -> bool {
    e.is_bookkeeping() || matches!(e, Event::Line { .. })
}

/// A task's change of state, with its cause (read against `state`, the
/// state at the step: a sleep's timer, its deadline).
fn task_sentence(
    trace: &Trace,
    state: &State,
    lang: Lang,
    task: u32,
    name: &str,
    s: TaskState,
    cause: &str,
) -> String {
    let timer = || {
        super::panels::timer_heap(trace, state, usize::MAX)
            .into_iter()
            .find(|t| t.task == Some(task) && !t.cancelled)
    };
    match (s, cause) {
        (TaskState::Suspended, "await asyncio.sleep()") => {
            if let Some(t) = timer() {
                let delay = super::panels::short_number(t.when - state.clock);
                return lang.pick(
                    format!("{name} awaits asyncio.sleep({delay}): it is suspended, and a timer for t = {:.3} s is on the heap to wake it.", t.when),
                    format!("{name} 执行 await asyncio.sleep({delay})：它暂停了，堆中有一个 t = {:.3} 秒到期的定时器负责唤醒它。", t.when),
                );
            }
        }
        (TaskState::Ready, "timer fired") => {
            return lang.pick(
                format!("{name}'s timer fired: the future its sleep awaits is done, so {name} is ready and its wakeup waits in the ready queue."),
                format!("{name} 的定时器到期：它 sleep 所等待的 Future 已完成，于是 {name} 进入就绪状态，它的 wakeup 回调在就绪队列中等待。"),
            );
        }
        _ => {}
    }
    match s {
        TaskState::Created => lang.pick(format!("{name} is created."), format!("{name} 已创建。")),
        TaskState::Ready => lang.pick(
            format!("{name} is ready ({cause}): its step waits in the ready queue."),
            format!("{name} 进入就绪状态（{cause}）：它的下一步在就绪队列中等待。"),
        ),
        TaskState::Running => lang.pick(
            format!("{name} is running ({cause}): its coroutine executes until the next await that has to wait."),
            format!("{name} 正在运行（{cause}）：它的协程一直执行，直到遇到需要等待的 await。"),
        ),
        TaskState::Suspended => lang.pick(
            format!("{name} is suspended at {cause}: it gives control back to the event loop until that completes."),
            format!("{name} 在 {cause} 处暂停：它把控制权交还给事件循环，直到等待的操作完成。"),
        ),
        TaskState::Completed => lang.pick(
            format!("{name} returned: it is completed, and whoever awaits it will be woken."),
            format!("{name} 正常返回：任务已完成，等待它的任务将被唤醒。"),
        ),
        TaskState::Error => lang.pick(
            format!("{name} {cause}: it ends with an error, kept in the task until someone awaits it."),
            format!("{name} 抛出了异常（{cause}）：任务以异常结束，异常保存在任务中，直到有人 await 它。"),
        ),
        TaskState::Cancelled => lang.pick(
            format!("{name} is cancelled ({cause})."),
            format!("{name} 已取消（{cause}）。"),
        ),
    }
}

/// The end of the program.
fn outcome_sentence(lang: Lang, outcome: &str) -> String {
    if outcome == "exit" {
        lang.pick("The program finished normally.".into(), "程序正常结束。".into())
    } else if outcome == "deadlock" {
        lang.pick(
            "Deadlock: tasks still wait, but nothing is ready and no timer is scheduled, so nothing can ever wake them. Real asyncio would hang here forever.".into(),
            "死锁：仍有任务在等待，但就绪队列为空、也没有定时器，再也没有东西能唤醒它们。真实的 asyncio 会在这里永远挂起。".into(),
        )
    } else if let Some(rest) = outcome.strip_prefix("uncaught ") {
        lang.pick(
            format!("An exception escaped asyncio.run(): {rest}. The program stops."),
            format!("异常从 asyncio.run() 中逃逸出来：{rest}。程序终止。"),
        )
    } else if outcome.starts_with("halted") {
        lang.pick(
            "The program ran past its step budget (an endless loop?) and was stopped.".into(),
            "程序超出了执行步数上限（可能是死循环？），已被停止。".into(),
        )
    } else {
        outcome.to_string()
    }
}
