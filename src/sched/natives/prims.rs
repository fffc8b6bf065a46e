//! The bookkeeping under `locks.py`'s and `queues.py`'s primitives
//! (`Lock`, `Event`, `Condition`, `Semaphore`, `BoundedSemaphore`, `Queue`,
//! `PriorityQueue`, `LifoQueue`): the host functions `_prim_new`,
//! `_prim_changed`, `_holder_add` and `_holder_remove` that the prelude's
//! classes call, and the snapshot of a primitive's fields that each of them
//! records in the trace.
//!
//! The primitives themselves are CPython's Python code in `prelude.py`, run by
//! the VM; this module only reads their fields (and marks each with its
//! `_prim_id`), never runs their Python code, and remembers what CPython keeps
//! nowhere: a primitive's display name and a semaphore's holders. The native
//! fast paths for the primitives' waiter deques are
//! [`shortcuts`](super::shortcuts)'.

use super::shortcuts::deque_parts;
use crate::sched::{FutState, Sched};
use crate::trace::{Event, PrimInfo, PrimKind};
use crate::vm::intern::Symbol;
use crate::vm::value::*;
use crate::vm::{PyResult, Vm};

/// A primitive registered by the prelude.
#[derive(Debug)]
pub struct PrimRec {
    pub(crate) kind: PrimKind,
    pub(crate) obj: Value,
    pub(crate) name: Option<String>,
    /// The display name's string id, once interned (cleared when `name` changes).
    pub(crate) name_id: Option<crate::trace::StrId>,
    /// A semaphore's holders, oldest first: the tasks that acquired it and
    /// have not released it (CPython keeps no such list; the UI draws it).
    pub(crate) holders: Vec<crate::trace::TaskId>,
}

/// `_prim_new(obj, kind)`: register a primitive of the kind its class names
/// (`'Lock'`, `'Semaphore'`, ...), mark the object with its id, and record its
/// first state.
#[inline(always)]
pub(super) fn prim_new(s: &mut Sched, vm: &mut Vm, args: &[Value]) -> PyResult<Value> {
    let obj = args.first().cloned().unwrap_or(Value::None);
    let kind = match args.get(1) {
        Some(Value::Str(k)) => match k.s.as_str() {
            "Lock" => PrimKind::Lock,
            "Event" => PrimKind::Event,
            "Condition" => PrimKind::Condition,
            "Semaphore" => PrimKind::Semaphore,
            "BoundedSemaphore" => PrimKind::BoundedSemaphore,
            "PriorityQueue" => PrimKind::PriorityQueue,
            "LifoQueue" => PrimKind::LifoQueue,
            _ => PrimKind::Queue,
        },
        _ => PrimKind::Queue,
    };
    s.prims.push(PrimRec {
        kind,
        obj: obj.clone(),
        name: None,
        name_id: None,
        holders: Vec::new(),
    });
    let id = s.prims.len() as u32;
    if let Value::Instance(i) = &obj {
        i.attrs.borrow_mut().set(PRIM_ATTRS.with(|a| a.prim_id), Value::Int(id as i64));
    }
    snapshot_prim(s, vm, id)?;
    Ok(Value::None)
}

/// `_prim_changed(obj)`: record the primitive's state again.
#[inline(always)]
pub(super) fn prim_changed(s: &mut Sched, vm: &mut Vm, args: &[Value]) -> PyResult<Value> {
    if let Some(id) = prim_id(args) {
        snapshot_prim(s, vm, id)?;
    }
    Ok(Value::None)
}

/// `_holder_add(prim)`: the running task (if any) now holds the primitive.
#[inline(always)]
pub(super) fn holder_add(s: &mut Sched, args: &[Value]) -> PyResult<Value> {
    let t = s.current_task_id();
    if let (Some(id), true) = (prim_id(args), t != 0) {
        s.prims[id as usize - 1].holders.push(t);
    }
    Ok(Value::None)
}

/// `_holder_remove(prim)`. Released: by the running task if it holds it, else
/// the oldest holder goes (a release from outside the holder, or from no task
/// at all).
#[inline(always)]
pub(super) fn holder_remove(s: &mut Sched, args: &[Value]) -> PyResult<Value> {
    let t = s.current_task_id();
    if let Some(id) = prim_id(args) {
        let holders = &mut s.prims[id as usize - 1].holders;
        match holders.iter().position(|h| *h == t) {
            Some(i) if t != 0 => {
                holders.remove(i);
            }
            _ if !holders.is_empty() => {
                holders.remove(0);
            }
            _ => {}
        }
    }
    Ok(Value::None)
}

/// How many waiters, holders or items a primitive's recorded state lists.
pub(crate) const PRIM_LIST_CAP: usize = 32;

/// The prelude attributes [`snapshot_prim`] reads, interned once per thread
/// (interning hashes the name: too slow for a snapshot per primitive change).
#[derive(Clone, Copy)]
pub(super) struct PrimAttrs {
    pub(super) prim_id: Symbol,
    pub(super) locked: Symbol,
    pub(super) owner: Symbol,
    pub(super) waiters: Symbol,
    pub(super) value: Symbol,
    pub(super) lock: Symbol,
    pub(super) initial: Symbol,
    pub(super) queue: Symbol,
    pub(super) maxsize: Symbol,
    pub(super) unfinished_tasks: Symbol,
    pub(super) getters: Symbol,
    pub(super) putters: Symbol,
    pub(super) items: Symbol,
    pub(super) head: Symbol,
}

thread_local! {
    pub(super) static PRIM_ATTRS: PrimAttrs = PrimAttrs {
        prim_id: Symbol::new("_prim_id"),
        locked: Symbol::new("_locked"),
        owner: Symbol::new("_owner"),
        waiters: Symbol::new("_waiters"),
        value: Symbol::new("_value"),
        lock: Symbol::new("_lock"),
        initial: Symbol::new("_initial"),
        queue: Symbol::new("_queue"),
        maxsize: Symbol::new("_maxsize"),
        unfinished_tasks: Symbol::new("_unfinished_tasks"),
        getters: Symbol::new("_getters"),
        putters: Symbol::new("_putters"),
        items: Symbol::new("_items"),
        head: Symbol::new("_head"),
    };
}

/// Read a primitive's fields and record its state.
pub(crate) fn snapshot_prim(s: &mut Sched, vm: &mut Vm, id: u32) -> PyResult<()> {
    let (kind, obj) = {
        let p = &s.prims[id as usize - 1];
        (p.kind, p.obj.clone())
    };
    let a = PRIM_ATTRS.with(|a| *a);
    let get = |name: Symbol| -> Value {
        match &obj {
            Value::Instance(i) => i.attrs.borrow().get(name).cloned().unwrap_or(Value::None),
            _ => Value::None,
        }
    };
    // `f` of the first `PRIM_LIST_CAP` items of a list or deque, and its
    // length: a semaphore with 10,000 waiters is drawn as its first few and a
    // count. The items are borrowed, not copied: `f` must not run Python code.
    let with_list = |v: &Value, f: &mut dyn FnMut(&[Value])| -> u32 {
        let mut take = |l: &List, head: usize| {
            let items = l.0.borrow();
            let live = items.get(head..).unwrap_or(&[]);
            f(&live[..live.len().min(PRIM_LIST_CAP)]);
            live.len() as u32
        };
        match v {
            Value::List(l) => take(l, 0),
            // The prelude's `_Deque`: its items are `_items[_head:]`.
            Value::Instance(i) => match deque_parts(i) {
                Some((l, head)) => take(&l, head),
                None => {
                    f(&[]);
                    0
                }
            },
            _ => {
                f(&[]);
                0
            }
        }
    };
    // The tasks waiting on the pending futures of a list, and the list's length.
    let waiter_tasks = |s: &Sched, list: &Value| -> (Vec<u32>, u32) {
        let mut out = Vec::new();
        let n = with_list(list, &mut |futs| {
            out = s.fut_ids_of(futs, |fut| {
                (fut.state == FutState::Pending && fut.created_by != 0).then_some(fut.created_by)
            });
        });
        (out, n)
    };
    let task_ids = |s: &Sched, ts: &[Value]| -> Vec<u32> {
        s.fut_ids_of(ts, |f| f.task.as_deref().map(|t| t.id))
    };
    let int = |v: &Value| match v {
        Value::Int(i) => *i,
        Value::Bool(b) => *b as i64,
        _ => 0,
    };
    let mut info = PrimInfo {
        id,
        kind,
        name: 0,
        value: 0,
        limit: 0,
        holders: vec![],
        waiters: vec![],
        putters: vec![],
        items: vec![],
        unfinished: 0,
        waiters_total: 0,
    };
    match kind {
        PrimKind::Lock => {
            info.value = int(&get(a.locked));
            let owner = get(a.owner);
            info.holders = task_ids(s, &[owner]);
            (info.waiters, info.waiters_total) = waiter_tasks(s, &get(a.waiters));
        }
        PrimKind::Event => {
            info.value = int(&get(a.value));
            (info.waiters, info.waiters_total) = waiter_tasks(s, &get(a.waiters));
        }
        PrimKind::Condition => {
            let lock = get(a.lock);
            if let Value::Instance(l) = &lock {
                info.value = int(&l.attrs.borrow().get(a.locked).cloned().unwrap_or(Value::None));
                let owner = l.attrs.borrow().get(a.owner).cloned().unwrap_or(Value::None);
                info.holders = task_ids(s, &[owner]);
            }
            (info.waiters, info.waiters_total) = waiter_tasks(s, &get(a.waiters));
        }
        PrimKind::Semaphore | PrimKind::BoundedSemaphore => {
            info.value = int(&get(a.value));
            info.limit = int(&get(a.initial));
            let holders = &s.prims[id as usize - 1].holders;
            info.holders = holders[..holders.len().min(PRIM_LIST_CAP)].to_vec();
            (info.waiters, info.waiters_total) = waiter_tasks(s, &get(a.waiters));
        }
        PrimKind::Queue | PrimKind::PriorityQueue | PrimKind::LifoQueue => {
            // Copied, and described without running the program's own
            // `__repr__` (CPython's queue never calls it: a `print` in it
            // would add output).
            let mut items = Vec::new();
            let total = with_list(&get(a.queue), &mut |l| items = l.to_vec());
            info.value = total as i64;
            info.limit = int(&get(a.maxsize));
            info.unfinished = int(&get(a.unfinished_tasks));
            for it in items.iter().take(32) {
                let r = crate::sched::causes::plain_repr(vm, s, it, 40);
                let sid = s.trace.intern(&r);
                info.items.push(sid);
            }
            (info.waiters, info.waiters_total) = waiter_tasks(s, &get(a.getters));
            (info.putters, _) = waiter_tasks(s, &get(a.putters));
        }
    }
    info.name = match s.prims[id as usize - 1].name_id {
        Some(n) => n,
        None => {
            let name = prim_name(s, id);
            let n = s.trace.intern(&name);
            s.prims[id as usize - 1].name_id = Some(n);
            n
        }
    };
    let st = s.trace.prim_state(info);
    s.trace.push(Event::Prim { prim: id, state: st });
    Ok(())
}

/// The primitive id `_prim_new` gave the object in `args[0]`.
fn prim_id(args: &[Value]) -> Option<u32> {
    match args.first() {
        Some(Value::Instance(i)) => match i.attrs.borrow().get(PRIM_ATTRS.with(|a| a.prim_id)) {
            Some(Value::Int(n)) => Some(*n as u32),
            _ => None,
        },
        _ => None,
    }
}

fn prim_name(s: &mut Sched, id: u32) -> String {
    let p = &s.prims[id as usize - 1];
    if let Some(n) = &p.name {
        return n.clone();
    }
    let n = format!(
        "{} {}",
        p.kind.as_str(),
        s.prims.iter().take(id as usize).filter(|q| q.kind == p.kind).count()
    );
    n
}

/// Name a primitive after the global variable holding it, if any.
pub(crate) fn name_prims_from_globals(s: &mut Sched, globals: &Globals) {
    let names = globals.names.borrow().clone();
    let values = globals.values.borrow().clone();
    for p in s.prims.iter_mut() {
        if p.name.is_some() {
            continue;
        }
        for (n, v) in names.iter().zip(values.iter()) {
            if v.is(&p.obj) {
                p.name = Some(n.to_string());
                p.name_id = None;
                break;
            }
        }
    }
}
