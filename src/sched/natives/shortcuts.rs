//! Native shortcuts under the prelude's primitives: `_Deque.remove`
//! ([`deque_remove`], a waiter future leaving a primitive's deque) and
//! `Semaphore._wake_up_next` ([`sem_wake_up_next`]), for the plain cases
//! only.
//!
//! Each one does what the Python code it stands for would do, without running
//! Python code; where it cannot be sure of doing the same (an object whose
//! `==` or `done()` could be the program's own, such as a subclass's; a field
//! of an unexpected type), it declines (`false` or `None`) and the prelude's
//! Python code runs instead, and raises what it raises. What the primitives
//! record in the trace is [`prims`](super::prims)'.

use super::prims::PRIM_ATTRS;
use crate::sched::{FutState, Sched};
use crate::vm::value::*;
use crate::vm::{PyResult, Vm};
use std::rc::Rc;

/// `_Deque.remove(x)` for the case the primitives meet (a waiter future
/// leaving a lock's, semaphore's or queue's deque), without running Python:
/// `x` and every item before it are plain `Future`/`Task` objects, whose
/// `==` is identity. `false` when that does not hold or `x` is absent, and
/// the prelude's Python code decides (and raises) instead. Removing the
/// first item advances `_head` as `_Deque._advance` does.
pub(super) fn deque_remove(s: &Sched, args: &[Value]) -> bool {
    let [Value::Instance(d), x] = args else { return false };
    if !is_plain_future(s, x, true) {
        return false;
    }
    let Some((list, head)) = deque_parts(d) else { return false };
    let mut items = list.0.borrow_mut();
    if head > items.len() {
        return false;
    }
    let mut found = None;
    for (k, v) in items[head..].iter().enumerate() {
        if v.is(x) {
            found = Some(head + k);
            break;
        }
        if !is_plain_future(s, v, true) {
            return false;
        }
    }
    let Some(i) = found else { return false };
    if i != head {
        items.remove(i);
        return true;
    }
    // `_advance`.
    let old = std::mem::replace(&mut items[head], Value::None);
    let mut head = head + 1;
    if head == items.len() {
        items.clear();
        head = 0;
    } else if head > 16 && head * 2 > items.len() {
        items.drain(..head);
        head = 0;
    }
    drop(items);
    d.attrs.borrow_mut().set(PRIM_ATTRS.with(|a| a.head), Value::Int(head as i64));
    drop(old);
    true
}

/// The prelude's `_Deque` `d` as its `_items` list and `_head` (its items are
/// `_items[_head:]`).
pub(super) fn deque_parts(d: &Instance) -> Option<(Rc<List>, usize)> {
    let a = PRIM_ATTRS.with(|a| *a);
    let attrs = d.attrs.borrow();
    match (attrs.get(a.items), attrs.get(a.head)) {
        (Some(Value::List(l)), Some(&Value::Int(h))) if h >= 0 => Some((l.clone(), h as usize)),
        _ => None,
    }
}

/// Whether `v` is a `Future` (or, with `or_task`, a `Task`) of the host's own
/// class, not a subclass: its `==` is identity and `done()` is its state.
fn is_plain_future(s: &Sched, v: &Value, or_task: bool) -> bool {
    match v {
        Value::Instance(i) => {
            Rc::ptr_eq(&i.class, &s.cls.future) || (or_task && Rc::ptr_eq(&i.class, &s.cls.task))
        }
        _ => false,
    }
}

/// `Semaphore._wake_up_next()` when its waiters are plain `Future`s (as
/// `acquire` makes them): the first one not done gets `True` and `_value`
/// drops by one; `True` if one was woken, `False` if none. `None` (the
/// prelude's Python code then runs instead) for anything else in the deque,
/// or a `_value` that is not an int.
pub(super) fn sem_wake_up_next(s: &mut Sched, vm: &mut Vm, args: &[Value]) -> PyResult<Value> {
    let [Value::Instance(sem)] = args else { return Ok(Value::None) };
    let a = PRIM_ATTRS.with(|a| *a);
    let deque = match sem.attrs.borrow().get(a.waiters) {
        Some(Value::None) => return Ok(Value::Bool(false)),
        Some(Value::Instance(d)) => d.clone(),
        _ => return Ok(Value::None),
    };
    let target = {
        let Some((list, head)) = deque_parts(&deque) else { return Ok(Value::None) };
        let items = list.0.borrow();
        let Some(live) = items.get(head..) else { return Ok(Value::None) };
        let mut target = None;
        for v in live {
            let Some(f) = s.fut_id(v).filter(|_| is_plain_future(s, v, false)) else {
                return Ok(Value::None);
            };
            if s.fut(f).state == FutState::Pending {
                target = Some(f);
                break;
            }
        }
        target
    };
    let Some(f) = target else { return Ok(Value::Bool(false)) };
    let value = match sem.attrs.borrow().get(a.value) {
        Some(Value::Int(v)) => v.checked_sub(1),
        _ => None,
    };
    let Some(value) = value else { return Ok(Value::None) };
    sem.attrs.borrow_mut().set(a.value, Value::Int(value));
    s.set_result(vm, f, Value::Bool(true))?;
    Ok(Value::Bool(true))
}
