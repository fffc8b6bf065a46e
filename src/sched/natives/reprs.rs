//! `repr()` of futures and tasks, shaped like CPython's: `Future.__repr__`
//! (`base_futures._future_repr_info`) and `Task.__repr__`
//! (`base_tasks._task_repr_info`), with what they use: `coroutines.py`'s
//! `_format_coroutine`, `format_helpers.py`'s `_format_callback_source`, and
//! `reprlib.repr` for a result. The library's own functions are shown where
//! CPython 3.13's asyncio sources have them ([`ASYNCIO_DIR`],
//! `LIBRARY_SOURCE`).
//!
//! It only formats: it changes no future or task (a result's repr may still
//! run the program's own `__repr__`, as CPython's does).

use super::{payload_id, HostFn};
use crate::sched::{FutState, Sched};
use crate::vm::intern::Symbol;
use crate::vm::value::*;
use crate::vm::Vm;

/// `Task.__repr__`: `base_tasks._task_repr_info`: state, name, coro,
/// wait_for, result or exception, callbacks.
#[inline(always)]
pub(super) fn task_repr(s: &mut Sched, vm: &mut Vm, obj: &Value) -> Option<String> {
    let f = payload_id(obj)?;
    let cls = class_name(obj);
    let fut = s.fut(f);
    let t = fut.task.as_ref()?;
    let name = match &t.name {
        Value::Str(n) => n.s.clone(),
        _ => String::new(),
    };
    let state = if fut.state == FutState::Pending && t.num_cancels_requested > 0 {
        "cancelling"
    } else {
        fut.state.name_lower()
    };
    let (coro, waiter) = (t.coro.clone(), t.fut_waiter.clone());
    let current = s.current_task == Some(f);
    let mut info = vec![state.to_string(), format!("name={}", crate::pylib::text::repr_str(&name))];
    if let Value::Coroutine(c) = &coro {
        info.push(format!("coro=<{}>", coro_repr(vm, c, current)));
    }
    if !waiter.is_none() {
        info.push(format!("wait_for={}", vm.repr(s, &waiter).ok()?));
    }
    info.extend(future_info(s, vm, f)?);
    Some(format!("<{cls} {}>", info.join(" ")))
}

/// `Future.__repr__`: `base_futures._future_repr_info`.
#[inline(always)]
pub(super) fn future_repr(s: &mut Sched, vm: &mut Vm, obj: &Value) -> Option<String> {
    let f = payload_id(obj)?;
    let cls = class_name(obj);
    let mut info = vec![s.fut(f).state.name_lower().to_string()];
    info.extend(future_info(s, vm, f)?);
    Some(format!("<{cls} {}>", info.join(" ")))
}

/// Where CPython 3.13's asyncio is installed on the reference machine: its
/// reprs name the library's source files (`cb=[_run_until_complete_cb() at
/// .../base_events.py:182]`), and the headless runner prints what it prints.
pub(crate) const ASYNCIO_DIR: &str = "/root/.pyenv/versions/3.13.0/lib/python3.13/asyncio";

/// The library's functions that reprs show, as CPython names and places
/// them: (our qualname, CPython's qualname, file, `def` line, line while
/// suspended in it).
const LIBRARY_SOURCE: &[(&str, &str, &str, u32, u32)] = &[
    ("sleep", "sleep", "tasks.py", 703, 718),
    ("wait", "wait", "tasks.py", 424, 451),
    ("wait_for", "wait_for", "tasks.py", 459, 507),
    ("_wrap_awaitable", "_ensure_future.<locals>._wrap_awaitable", "tasks.py", 736, 737),
    ("gather.<locals>._done_callback", "gather.<locals>._done_callback", "tasks.py", 820, 820),
    ("_wait.<locals>._on_completion", "_wait.<locals>._on_completion", "tasks.py", 521, 521),
    ("_release_waiter", "_release_waiter", "tasks.py", 454, 454),
    (
        "shield.<locals>._inner_done_callback",
        "shield.<locals>._inner_done_callback",
        "tasks.py",
        958,
        958,
    ),
    (
        "shield.<locals>._outer_done_callback",
        "shield.<locals>._outer_done_callback",
        "tasks.py",
        975,
        975,
    ),
    (
        "_AsCompletedIterator._handle_completion",
        "_AsCompletedIterator._handle_completion",
        "tasks.py",
        618,
        618,
    ),
    ("TaskGroup._on_task_done", "TaskGroup._on_task_done", "taskgroups.py", 202, 202),
    ("_shutdown_asyncgens", "BaseEventLoop.shutdown_asyncgens", "base_events.py", 572, 584),
    (
        "_shutdown_default_executor",
        "BaseEventLoop.shutdown_default_executor",
        "base_events.py",
        597,
        612,
    ),
];

fn library_source(qualname: &str) -> Option<(&'static str, String, u32, u32)> {
    LIBRARY_SOURCE
        .iter()
        .find(|e| e.0 == qualname)
        .map(|e| (e.1, format!("{ASYNCIO_DIR}/{}", e.2), e.3, e.4))
}

fn class_name(obj: &Value) -> String {
    match obj {
        Value::Instance(i) => i.class.name.to_string(),
        _ => "Future".into(),
    }
}

/// `coroutines._format_coroutine`: `main() running at main.py:7`, or
/// `main() done, defined at main.py:3`.
fn coro_repr(vm: &Vm, c: &Coroutine, current: bool) -> String {
    let lib = if c.code.internal { library_source(&c.qualname) } else { None };
    let (name, file, def_line) = match &lib {
        Some((n, f, d, _)) => (n.to_string(), f.clone(), *d),
        None => (c.qualname.to_string(), vm.file_name.to_string(), c.code.first_line),
    };
    if c.state.get() == CoroState::Done {
        return format!("{name}() done, defined at {file}:{def_line}");
    }
    let st = c.stack.borrow();
    let line = match (&lib, st.as_ref().and_then(|st| st.frames.first())) {
        (_, Some(f)) if f.ip == 0 => def_line,
        (Some((_, _, _, suspended)), _) => *suspended,
        (None, Some(f)) => vm.line_of(f.current_span()),
        // Running: the task printing itself, at the call it makes.
        (None, None) if current && vm.site_user => vm.line_of(vm.site),
        (None, None) => def_line,
    };
    format!("{name}() running at {file}:{line}")
}

/// The result or exception and the callbacks of a future's repr.
fn future_info(s: &mut Sched, vm: &mut Vm, f: crate::trace::FutId) -> Option<Vec<String>> {
    let mut info = Vec::new();
    let fut = s.fut(f);
    if fut.state == FutState::Finished {
        let (e, v) = (fut.exception.clone(), fut.result.clone());
        if !e.is_none() {
            info.push(format!("exception={}", vm.repr(s, &e).ok()?));
        } else {
            info.push(format!("result={}", short_repr(s, vm, &v, 6)?));
        }
    }
    let cbs = s.fut(f).callbacks.clone();
    if !cbs.is_empty() {
        let n = cbs.len();
        let show: Vec<&Value> =
            if n <= 2 { cbs.iter().collect() } else { vec![&cbs[0], &cbs[n - 1]] };
        let mut parts = Vec::new();
        for cb in show {
            parts.push(callback_source(s, vm, cb)?);
        }
        let text = if n > 2 {
            format!("{}, <{} more>, {}", parts[0], n - 2, parts[1])
        } else {
            parts.join(", ")
        };
        info.push(format!("cb=[{text}]"));
    }
    Some(info)
}

/// `format_helpers._format_callback_source`: `qualname(args)() at FILE:LINE`
/// (a partial's arguments in the first parentheses; no source for builtins).
fn callback_source(s: &mut Sched, vm: &mut Vm, cb: &Value) -> Option<String> {
    let mut func = cb.clone();
    let mut partial_args: Option<Vec<Value>> = None;
    if let Value::Instance(i) = &func {
        if &*i.class.name == "partial" {
            let attrs = i.attrs.borrow();
            let inner = attrs.get(Symbol::new("func")).cloned();
            let args = match attrs.get(Symbol::new("args")) {
                Some(Value::Tuple(t)) => t.0.clone(),
                _ => vec![],
            };
            drop(attrs);
            if let Some(inner) = inner {
                func = inner;
                partial_args = Some(args);
            }
        }
    }
    let call = match &partial_args {
        Some(args) => {
            let mut parts = Vec::new();
            for a in args {
                parts.push(vm.repr(s, a).ok()?);
            }
            format!("({})()", parts.join(", "))
        }
        None => "()".to_string(),
    };
    let (qual, source) = match &func {
        Value::Builtin(b) => match s.cls.own_host_fn(&func) {
            Some(HostFn::RunUntilCompleteCb) => (
                "_run_until_complete_cb".to_string(),
                Some((format!("{ASYNCIO_DIR}/base_events.py"), 182)),
            ),
            _ => (b.qualname.to_string(), None),
        },
        Value::Method(m) => match (&m.func, s.cls.own_host_fn(&m.func)) {
            (_, Some(HostFn::TaskWakeup)) => ("Task.task_wakeup".to_string(), None),
            (_, Some(h)) => (format!("{}.{}", class_name(&m.self_), h.py_name()), None),
            (Value::Function(f), _) => function_source(vm, f),
            (Value::Builtin(b), _) => (b.qualname.to_string(), None),
            _ => ("?".into(), None),
        },
        Value::Function(f) => function_source(vm, f),
        other => (vm.repr(s, other).ok()?, None),
    };
    Some(match source {
        Some((file, line)) => format!("{qual}{call} at {file}:{line}"),
        None => format!("{qual}{call}"),
    })
}

fn function_source(vm: &Vm, f: &Function) -> (String, Option<(String, u32)>) {
    let q = f.qualname.borrow().to_string();
    if f.code.internal {
        return match library_source(&q) {
            Some((n, file, def, _)) => (n.to_string(), Some((file, def))),
            None => (q, None),
        };
    }
    (q, Some((vm.file_name.to_string(), f.code.first_line)))
}

/// `reprlib.repr`, which futures' reprs use for a result: containers past
/// six items (dicts four) and six levels deep, text past thirty
/// characters (ints forty) are shortened.
fn short_repr(s: &mut Sched, vm: &mut Vm, v: &Value, level: usize) -> Option<String> {
    fn cut(text: String, max: usize) -> String {
        let n = text.chars().count();
        if n <= max {
            return text;
        }
        let i = (max - 3) / 2;
        let j = max - 3 - i;
        let head: String = text.chars().take(i).collect();
        let tail: String = text.chars().skip(n - j).collect();
        format!("{head}...{tail}")
    }
    let seq = |s: &mut Sched,
               vm: &mut Vm,
               xs: &[Value],
               max: usize,
               open: &str,
               close: &str|
     -> Option<String> {
        if xs.is_empty() {
            return Some(format!("{open}{close}"));
        }
        if level == 0 {
            return Some(format!("{open}...{close}"));
        }
        let mut parts = Vec::new();
        for x in xs.iter().take(max) {
            parts.push(short_repr(s, vm, x, level - 1)?);
        }
        if xs.len() > max {
            parts.push("...".into());
        }
        let one = if open == "(" && xs.len() == 1 { "," } else { "" };
        Some(format!("{open}{}{one}{close}", parts.join(", ")))
    };
    match v {
        Value::List(l) => {
            let xs = l.0.borrow().clone();
            seq(s, vm, &xs, 6, "[", "]")
        }
        Value::Tuple(t) => seq(s, vm, &t.0.clone(), 6, "(", ")"),
        Value::Int(_) => Some(cut(vm.repr(s, v).ok()?, 40)),
        Value::Set(set) => {
            // Sorted when the items can be (`reprlib._possibly_sorted`).
            let items: Vec<Value> = set.data.borrow().keys();
            let items = vm.sort_values(s, items, &Value::None, false).unwrap_or_else(|(v, _)| v);
            let (open, close) = if set.frozen { ("frozenset({", "})") } else { ("{", "}") };
            if items.is_empty() {
                return vm.repr(s, v).ok();
            }
            seq(s, vm, &items, 6, open, close)
        }
        Value::Dict(d) => {
            let keys: Vec<Value> = d.0.borrow().keys();
            if keys.is_empty() {
                return Some("{}".into());
            }
            if level == 0 {
                return Some("{...}".into());
            }
            let keys = vm.sort_values(s, keys, &Value::None, false).unwrap_or_else(|(v, _)| v);
            let mut parts = Vec::new();
            for k in keys.iter().take(4) {
                let val = vm.getitem(s, v, k).ok()?;
                parts.push(format!(
                    "{}: {}",
                    short_repr(s, vm, k, level - 1)?,
                    short_repr(s, vm, &val, level - 1)?
                ));
            }
            if keys.len() > 4 {
                parts.push("...".into());
            }
            Some(format!("{{{}}}", parts.join(", ")))
        }
        Value::None | Value::Bool(_) | Value::Float(_) => vm.repr(s, v).ok(),
        _ => Some(cut(vm.repr(s, v).ok()?, 30)),
    }
}
