//! What the trace says about a task beyond its state: why it waits, what woke
//! it, which coroutines it is suspended in, and what it ended with.
//!
//! CPython keeps none of this as text; the page needs it to label the state
//! diagram's arrows ("await asyncio.sleep()", "timer fired"), to fill the
//! task inspector (the coroutine chain, the result) and to explain a
//! deadlock. Everything here only reads the scheduler and the suspended
//! stack: it never runs Python code (a user `__repr__` or `__str__` could
//! print, which CPython would not), so what the program prints never depends
//! on it.

use super::Sched;
use crate::trace::StrId;
use crate::vm::frame::ExecStack;
use crate::vm::value::Value;
use crate::vm::Vm;
use std::rc::Rc;

/// Why a task waits, and what will be said when the future completes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct AwaitKind {
    /// The suspension's cause: `await asyncio.sleep()`.
    pub(crate) cause: &'static str,
    /// The wake-up's cause: `timer fired`.
    pub(crate) wake: &'static str,
}

/// The asyncio functions and methods a task can be suspended in (the
/// prelude's qualified names), outermost first when several are on a stack:
/// `async with lock` waits in `Lock.acquire` under
/// `_ContextManagerMixin.__aenter__`, and as_completed's `_wait_for_one`
/// waits in a `Queue.get` that is asyncio's own business.
const APIS: &[(&str, AwaitKind)] = &[
    ("sleep", AwaitKind { cause: "await asyncio.sleep()", wake: "timer fired" }),
    ("Lock.acquire", AwaitKind { cause: "await Lock.acquire()", wake: "lock acquired" }),
    (
        "Semaphore.acquire",
        AwaitKind { cause: "await Semaphore.acquire()", wake: "semaphore acquired" },
    ),
    ("Event.wait", AwaitKind { cause: "await Event.wait()", wake: "event set" }),
    ("Condition.wait_for", AwaitKind { cause: "await Condition.wait_for()", wake: "notified" }),
    ("Condition.wait", AwaitKind { cause: "await Condition.wait()", wake: "notified" }),
    ("Queue.join", AwaitKind { cause: "await Queue.join()", wake: "all items done" }),
    ("Queue.get", AwaitKind { cause: "await Queue.get()", wake: "item available" }),
    ("Queue.put", AwaitKind { cause: "await Queue.put()", wake: "free slot" }),
    (
        "_AsCompletedIterator._wait_for_one",
        AwaitKind { cause: "await as_completed()", wake: "a task finished" },
    ),
    ("wait", AwaitKind { cause: "await asyncio.wait()", wake: "wait() finished" }),
    (
        "_cancel_and_wait",
        AwaitKind { cause: "waiting for a cancellation", wake: "cancellation done" },
    ),
    ("wait_for", AwaitKind { cause: "await asyncio.wait_for()", wake: "wait_for() done" }),
    (
        "TaskGroup.__aexit__",
        AwaitKind { cause: "async with TaskGroup: waiting for its tasks", wake: "task group done" },
    ),
];

/// Awaiting a future that is not a task, by its class.
const FUTURES: &[(&str, AwaitKind)] = &[
    ("_GatheringFuture", AwaitKind { cause: "await asyncio.gather()", wake: "gather finished" }),
    ("Future", AwaitKind { cause: "await Future", wake: "future done" }),
];

/// Awaiting a task: the awaited task finishing wakes it.
pub(crate) const AWAIT_TASK_WAKE: &str = "awaited task finished";
/// A pending future cancelled under a task (`task.cancel()`, a timeout).
pub(crate) const CANCEL_WAKE: &str = "cancel()";

/// What the task whose suspended `stack` awaits `fut` is waiting for, and
/// the cause to record (interned).
pub(crate) fn await_kind(s: &mut Sched, stack: &ExecStack, fut: &Value) -> (StrId, AwaitKind) {
    // The asyncio frames inside the innermost user frame.
    let user = stack.frames.iter().rposition(|f| !f.code.internal).map_or(0, |i| i + 1);
    let inner = &stack.frames[user..];
    let known = inner
        .iter()
        .find_map(|f| APIS.iter().find(|(q, _)| **q == *f.code.qualname).map(|(_, k)| *k));
    if let Some(k) = known {
        return (s.trace.intern_static(k.cause), k);
    }
    if let Some(f) = inner.last() {
        // An asyncio coroutine this table does not name.
        let id = s.trace.intern(&format!("await {}()", f.code.qualname));
        return (id, AwaitKind { cause: "", wake: "future done" });
    }
    // The user's code awaits a future itself.
    if let Some(task) = s.fut_id(fut).and_then(|f| s.task(f)) {
        let name = match &task.name {
            Value::Str(n) => n.s.clone(),
            _ => String::new(),
        };
        let id = s.trace.intern(&format!("await {name}"));
        return (id, AwaitKind { cause: "", wake: AWAIT_TASK_WAKE });
    }
    let class = match fut {
        Value::Instance(i) => i.class.name.clone(),
        _ => Rc::from("Future"),
    };
    match FUTURES.iter().find(|(c, _)| **c == *class) {
        Some((_, k)) => (s.trace.intern_static(k.cause), *k),
        None => {
            let id = s.trace.intern(&format!("await {class}"));
            (id, AwaitKind { cause: "", wake: "future done" })
        }
    }
}

/// The user's coroutines a suspended stack runs in, outermost first, one per
/// line as `qualname\tline\tbyte offset` (the inspector's chain), interned.
/// Stacks seen before (the same code at the same places) are found without
/// building the text again.
pub(crate) fn stack_text(s: &mut Sched, vm: &Vm, stack: &ExecStack) -> StrId {
    let mut key = StackKey::default();
    for f in stack.frames.iter().filter(|f| !f.code.internal) {
        if !key.push(Rc::as_ptr(&f.code) as *const u8 as usize, f.ip) {
            key = StackKey::default();
            break;
        }
    }
    if key.len > 0 {
        if let Some(id) = s.stacks.get(&key) {
            return *id;
        }
    }
    let mut text = String::new();
    for f in stack.frames.iter().filter(|f| !f.code.internal) {
        let span = f.current_span();
        text.push_str(&format!("{}\t{}\t{}\n", f.code.qualname, vm.line_of(span), span.start));
    }
    let id = s.trace.intern(&text);
    if key.len > 0 {
        s.stacks.insert(key, id);
    }
    id
}

/// Up to eight frames, as (code object, instruction): a stack's identity.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub(crate) struct StackKey {
    frames: [(usize, u32); 8],
    len: u8,
}

impl StackKey {
    fn push(&mut self, code: usize, ip: u32) -> bool {
        if self.len as usize == self.frames.len() {
            return false;
        }
        self.frames[self.len as usize] = (code, ip);
        self.len += 1;
        true
    }
}

/// Longest result text kept (the inspector shows it on one line).
const MAX_RESULT: usize = 120;

/// A task's result as the inspector shows it: the `repr` of plain values
/// (numbers, strings, `None`, and lists, tuples and dicts of them), else
/// the type's name, never running the program's own `__repr__`.
pub(crate) fn result_text(vm: &mut Vm, s: &mut Sched, v: &Value) -> String {
    plain_repr(vm, s, v, MAX_RESULT)
}

/// `repr(v)` for plain values, `<T object>` for the rest, at most `max`
/// characters: what the page may show of a value without running the
/// program's code.
pub(crate) fn plain_repr(vm: &mut Vm, s: &mut Sched, v: &Value, max: usize) -> String {
    let text = if is_plain(v, 3) {
        vm.repr(s, v).unwrap_or_else(|_| "?".into())
    } else {
        format!("<{} object>", crate::vm::types::type_name(v))
    };
    clip(text, max)
}

/// An exception as the inspector shows it: `ValueError: bad input` (the
/// message is its first argument when that is a plain value, so a class's
/// own `__str__` never runs).
pub(crate) fn exception_text(vm: &mut Vm, s: &mut Sched, e: &Value) -> String {
    let name = vm.class_of(e).name.to_string();
    let args = crate::vm::exc::exc_args(e);
    let text = match args.as_slice() {
        [] => name,
        [Value::Str(m)] => format!("{name}: {}", m.s),
        [a] if is_plain(a, 2) => format!("{name}: {}", vm.str(s, a).unwrap_or_default()),
        _ if args.iter().all(|a| is_plain(a, 2)) => {
            let t = Value::Tuple(Rc::new(crate::vm::value::Tuple(args.clone())));
            format!("{name}: {}", vm.repr(s, &t).unwrap_or_default())
        }
        _ => name,
    };
    clip(text, MAX_RESULT)
}

fn clip(mut text: String, max: usize) -> String {
    if text.chars().count() > max {
        text = text.chars().take(max - 1).collect();
        text.push('…');
    }
    text
}

/// Values whose `repr` runs no Python code, nested at most `depth` deep.
fn is_plain(v: &Value, depth: u32) -> bool {
    match v {
        Value::None | Value::Bool(_) | Value::Int(_) | Value::Float(_) | Value::Str(_) => true,
        Value::Tuple(t) if depth > 0 => {
            t.0.len() <= 32 && t.0.iter().all(|x| is_plain(x, depth - 1))
        }
        Value::List(l) if depth > 0 => {
            let items = l.0.borrow();
            items.len() <= 32 && items.iter().all(|x| is_plain(x, depth - 1))
        }
        _ => false,
    }
}
