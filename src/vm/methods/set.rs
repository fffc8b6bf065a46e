//! The methods of `set` and `frozenset` that take single values or other
//! sets (`add`, `discard`, `remove`, `pop`, `clear`, `issubset`, ...), and
//! the result of the set operators `| & - ^`, built in CPython's order.
//!
//! Not here: the methods that take iterables (`union`, `update`, ...,
//! `Vm::set_multi_method` in `setops`, which follows `setobject.c` step by
//! step), the table and its iteration order (`vm::set`, `pylib::settable`).

use crate::vm::code::BinOp;
use crate::vm::intern::{sym, Symbol};
use crate::vm::set::SetData;
use crate::vm::value::*;
use crate::vm::{Host, PyResult, Vm};
use std::rc::Rc;

impl Vm {
    pub(super) fn set_method(
        &mut self,
        host: &mut dyn Host,
        recv: &Value,
        s: &Rc<Set>,
        name: Symbol,
        args: &[Value],
        kwargs: &Kwargs,
    ) -> PyResult<Value> {
        let m = name;
        let owner = if s.frozen { "frozenset" } else { "set" };
        self.no_kwargs(owner, m, kwargs)?;
        if m == sym::add {
            self.expect_args("set", m, args, 1, 1)?;
            self.set_add(host, recv, args[0].clone())?;
            return Ok(Value::None);
        }
        if m == sym::discard || m == sym::remove {
            self.expect_args("set", m, args, 1, 1)?;
            // A set, unhashable, is looked up as the frozenset of its items
            // (`set_discard`'s retry).
            let key = match &args[0] {
                Value::Set(k) if !k.frozen => {
                    let items = k.data.borrow().iter().map(|(_, v)| v.clone()).collect();
                    self.new_set(host, items, true)?
                }
                other => other.clone(),
            };
            let (h, k) = self.key_for(host, recv, &key)?;
            let removed = s.data.borrow_mut().remove(h, &k);
            if !removed && m == sym::remove {
                return Err(self.key_error(args[0].clone()));
            }
            return Ok(Value::None);
        }
        if m == sym::pop {
            self.expect_args("set", m, args, 0, 0)?;
            let r = s.data.borrow_mut().pop();
            return r.ok_or_else(|| self.key_error(Value::str("pop from an empty set")));
        }
        if m == sym::clear {
            self.no_args_method("set", m, args, kwargs)?;
            s.data.borrow_mut().clear();
            return Ok(Value::None);
        }
        if m == sym::issubset || m == sym::issuperset || m == sym::isdisjoint {
            self.expect_args(owner, m, args, 1, 1)?;
            let other = self.set_arg(host, &args[0])?;
            let (a, b) = (s.data.borrow(), other.data.borrow());
            let r = if m == sym::issubset {
                a.iter().all(|(h, k)| b.contains(h, k))
            } else if m == sym::issuperset {
                b.iter().all(|(h, k)| a.contains(h, k))
            } else {
                a.iter().all(|(h, k)| !b.contains(h, k))
            };
            return Ok(Value::Bool(r));
        }
        // `setops` checks these two as a set's; a frozenset's say so.
        if m == sym::copy {
            self.expect_args(owner, m, args, 0, 0)?;
        } else if m == sym::symmetric_difference {
            self.expect_args(owner, m, args, 1, 1)?;
        }
        if let Some(r) = self.set_multi_method(host, s, m, args) {
            return r;
        }
        Err(self.attribute_error(recv, name))
    }

    fn set_arg(&mut self, host: &mut dyn Host, v: &Value) -> PyResult<Rc<Set>> {
        match v {
            Value::Set(s) => Ok(s.clone()),
            _ => {
                let items = self.iterate(host, v)?;
                match self.new_set(host, items, false)? {
                    Value::Set(s) => Ok(s),
                    _ => unreachable!(),
                }
            }
        }
    }
}

/// `a op b` for sets, building the result in CPython's order.
pub(crate) fn set_combine(
    vm: &mut Vm,
    host: &mut dyn Host,
    op: BinOp,
    a: &Rc<Set>,
    b: &Rc<Set>,
) -> PyResult<SetData> {
    let _ = (vm, host);
    let (x, y) = (a.data.borrow(), b.data.borrow());
    Ok(match op {
        BinOp::BitOr => x.union(&y),
        BinOp::BitAnd => x.intersection(&y),
        BinOp::Sub => x.difference(&y),
        _ => x.symmetric_difference(&y),
    })
}
