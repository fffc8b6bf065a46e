//! `Handle`'s and `TimerHandle`'s native methods, data attributes and
//! `repr()`, as `events.py` has them (`cancel`, `cancelled`, `when`;
//! `_callback`, `_args`, `_cancelled`, `_when`, `_scheduled`), and a
//! handle's Python object, made when Python code first sees the handle.
//!
//! A handle's record ([`HandleRec`](crate::sched::HandleRec)) and what
//! scheduling, cancelling and running one does to the loop are [`Sched`]'s
//! (`call_soon`, `call_at`, `cancel_handle`) and the driver's; this module
//! only exposes handles to Python code.

use super::{new_host_instance, payload_id, self_only};
use crate::sched::Sched;
use crate::vm::value::*;
use crate::vm::{PyResult, Vm};

impl Sched {
    /// The handle's Python object (made on first use).
    pub(crate) fn handle_obj(&mut self, h: u32) -> Value {
        if let Some(o) = &self.handle(h).obj {
            return o.clone();
        }
        let cls = if self.handle(h).timer {
            self.cls.timer_handle.clone()
        } else {
            self.cls.handle.clone()
        };
        let o = new_host_instance(&cls);
        if let Value::Instance(i) = &o {
            *i.payload.borrow_mut() = Payload::Host(h);
        }
        self.handle_mut(h).obj = Some(o.clone());
        o
    }
}

/// `Handle.cancel()` (`TimerHandle` overrides it).
#[inline(always)]
pub(super) fn cancel(s: &mut Sched, vm: &Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let h = args.first().and_then(payload_id);
    let timer = h.is_some_and(|h| s.handle(h).timer);
    self_only(vm, if timer { "TimerHandle.cancel" } else { "Handle.cancel" }, args, kwargs)?;
    if let Some(h) = h {
        s.cancel_handle(h);
    }
    Ok(Value::None)
}

/// `Handle.cancelled()`.
#[inline(always)]
pub(super) fn cancelled(s: &Sched, vm: &Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    self_only(vm, "Handle.cancelled", args, kwargs)?;
    Ok(Value::Bool(args.first().and_then(payload_id).is_some_and(|h| s.handle(h).cancelled)))
}

/// `TimerHandle.when()`.
#[inline(always)]
pub(super) fn when(s: &Sched, vm: &Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    self_only(vm, "TimerHandle.when", args, kwargs)?;
    Ok(Value::Float(args.first().and_then(payload_id).map(|h| s.handle(h).when).unwrap_or(0.0)))
}

/// Handle `h`'s data attribute `n`.
#[inline(always)]
pub(super) fn attr(s: &Sched, h: u32, n: &str) -> Option<Value> {
    let h = s.handle(h);
    Some(match n {
        "_cancelled" => Value::Bool(h.cancelled),
        "_when" if h.timer => Value::Float(h.when),
        "_callback" => h.callback.clone(),
        "_args" => {
            if h.cancelled {
                Value::None
            } else {
                Value::tuple(h.args.clone())
            }
        }
        "_scheduled" => Value::Bool(h.scheduled),
        _ => return None,
    })
}

/// Handle `h`'s `repr()` (`Handle._repr_info`).
#[inline(always)]
pub(super) fn repr(s: &Sched, h: u32) -> String {
    let rec = s.handle(h);
    let name = crate::sched::callback_name(&rec.callback);
    let cls = if rec.timer { "TimerHandle" } else { "Handle" };
    if rec.cancelled {
        format!("<{cls} cancelled>")
    } else if rec.timer {
        format!("<{cls} when={} {name}()>", crate::pylib::float_repr::repr(rec.when))
    } else {
        format!("<{cls} {name}()>")
    }
}
