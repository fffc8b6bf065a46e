//! The set methods and constructors that take arbitrary iterables, following
//! Objects/setobject.c step for step (`set_update_internal`, `set_union`,
//! `set_intersection_multi`, `set_difference_multi`, ...): which operand is
//! walked, whether the table is presized, merged or filled key by key, and
//! whether a result starts as a copy is what decides the iteration order a
//! program prints.

use super::set::SetData;
use super::value::*;
use super::{Host, PyResult, Vm};
use std::cell::RefCell;
use std::rc::Rc;

fn new_set_value(frozen: bool) -> (Rc<Set>, Value) {
    let s = Rc::new(Set { data: RefCell::new(SetData::new()), frozen });
    let v = Value::Set(s.clone());
    (s, v)
}

impl Vm {
    /// `set_update_internal(target, other)`: a set is merged (`set_merge`), a
    /// dict presizes the table and adds its keys, anything else is iterated and
    /// added key by key. `target` must be a set value.
    pub(crate) fn set_update_internal(
        &mut self,
        host: &mut dyn Host,
        target: &Value,
        other: &Value,
    ) -> PyResult<()> {
        let Value::Set(t) = target else { return Ok(()) };
        match other {
            Value::Set(o) => {
                if !Rc::ptr_eq(t, o) {
                    t.data.borrow_mut().update_from(&o.data.borrow());
                }
                Ok(())
            }
            Value::Dict(d) => {
                let entries: Vec<(i64, Value)> =
                    d.0.borrow().iter().map(|e| (e.hash, e.key.clone())).collect();
                t.data.borrow_mut().presize_for_dict(entries.len());
                for (h, k) in entries {
                    // The dict's stored hash; a key with its own `__eq__` is
                    // matched against the set's keys with it.
                    let k = self.canonical_key(host, target, h, k)?;
                    t.data.borrow_mut().insert(h, k);
                }
                Ok(())
            }
            _ => {
                let it = self.get_iter(host, other.clone())?;
                while let Some(k) = self.next(host, &it)? {
                    self.set_add(host, target, k)?;
                }
                Ok(())
            }
        }
    }

    /// The key a set should store for `key` (hash `h`): an equal key already
    /// there if `key`'s class defines `__eq__`, else `key`.
    fn canonical_key(
        &mut self,
        host: &mut dyn Host,
        target: &Value,
        h: i64,
        key: Value,
    ) -> PyResult<Value> {
        if let (Value::Instance(i), Value::Set(t)) = (&key, target) {
            if i.class.lookup(super::intern::sym::__eq__).is_some() {
                let cands = t.data.borrow().keys_with_hash(h);
                for c in cands {
                    if c.is(&key) || self.eq(host, &c, &key)? {
                        return Ok(c);
                    }
                }
            }
        }
        Ok(key)
    }

    /// `set(iterable)` / `frozenset(iterable)` (`make_new_set`):
    /// `frozenset(f)` of a frozenset is `f` itself.
    pub(crate) fn new_set_from(
        &mut self,
        host: &mut dyn Host,
        iterable: Option<&Value>,
        frozen: bool,
    ) -> PyResult<Value> {
        if let (true, Some(Value::Set(f))) = (frozen, iterable) {
            if f.frozen {
                return Ok(iterable.cloned().unwrap_or(Value::None));
            }
        }
        let (_, v) = new_set_value(frozen);
        if let Some(it) = iterable {
            self.set_update_internal(host, &v, it)?;
        }
        Ok(v)
    }

    /// `set_copy`: a new set (or frozenset) of the same kind, merged from `s`.
    fn set_copy_of(&self, s: &Rc<Set>) -> Rc<Set> {
        Rc::new(Set { data: RefCell::new(s.data.borrow().copy()), frozen: s.frozen })
    }

    /// `set_intersection(so, other)`.
    fn set_intersection(
        &mut self,
        host: &mut dyn Host,
        so: &Rc<Set>,
        other: &Value,
    ) -> PyResult<Rc<Set>> {
        if let Value::Set(o) = other {
            if Rc::ptr_eq(so, o) {
                return Ok(self.set_copy_of(so));
            }
            let data = so.data.borrow().intersection(&o.data.borrow());
            return Ok(Rc::new(Set { data: RefCell::new(data), frozen: so.frozen }));
        }
        let (result, result_v) = new_set_value(so.frozen);
        let so_v = Value::Set(so.clone());
        let it = self.get_iter(host, other.clone())?;
        while let Some(k) = self.next(host, &it)? {
            let (h, k) = self.key_for(host, &so_v, &k)?;
            if so.data.borrow().contains(h, &k) {
                self.set_add(host, &result_v, k)?;
                if result.data.borrow().len() >= so.data.borrow().len() {
                    break;
                }
            }
        }
        Ok(result)
    }

    /// `set_difference_update_internal(so, other)`: `other`'s keys discarded,
    /// then a rebuild if dummies fill more than a quarter of the table.
    fn set_difference_update_internal(
        &mut self,
        host: &mut dyn Host,
        so: &Rc<Set>,
        other: &Value,
    ) -> PyResult<()> {
        match other {
            Value::Set(o) if Rc::ptr_eq(so, o) => so.data.borrow_mut().clear(),
            Value::Set(o) => {
                let o = o.data.borrow();
                so.data.borrow_mut().update_op(crate::vm::code::BinOp::Sub, &o, false);
            }
            _ => {
                let so_v = Value::Set(so.clone());
                let it = self.get_iter(host, other.clone())?;
                while let Some(k) = self.next(host, &it)? {
                    let (h, k) = self.key_for(host, &so_v, &k)?;
                    so.data.borrow_mut().remove(h, &k);
                }
                so.data.borrow_mut().shrink_after_discards();
            }
        }
        Ok(())
    }

    /// `set_difference(so, other)`.
    fn set_difference(
        &mut self,
        host: &mut dyn Host,
        so: &Rc<Set>,
        other: &Value,
    ) -> PyResult<Rc<Set>> {
        let other_size = match other {
            Value::Set(o) => o.data.borrow().len(),
            Value::Dict(d) => d.0.borrow().len(),
            _ => usize::MAX,
        };
        if other_size == usize::MAX || (so.data.borrow().len() >> 2) > other_size {
            // set_copy_and_difference
            let result = self.set_copy_of(so);
            self.set_difference_update_internal(host, &result, other)?;
            return Ok(result);
        }
        let data = match other {
            Value::Set(o) => so.data.borrow().difference(&o.data.borrow()),
            Value::Dict(d) => {
                let mut data = SetData::new();
                let d = d.0.borrow();
                for (h, k) in so.data.borrow().iter() {
                    if !d.contains(h, k) {
                        data.insert(h, k.clone());
                    }
                }
                data
            }
            _ => unreachable!("other_size says set or dict"),
        };
        Ok(Rc::new(Set { data: RefCell::new(data), frozen: so.frozen }))
    }

    /// `set_symmetric_difference_update(so, other)`.
    fn set_symmetric_difference_update(
        &mut self,
        host: &mut dyn Host,
        so: &Rc<Set>,
        other: &Value,
    ) -> PyResult<()> {
        use crate::vm::code::BinOp;
        match other {
            Value::Set(o) if Rc::ptr_eq(so, o) => so.data.borrow_mut().clear(),
            Value::Set(o) => {
                let o = o.data.borrow();
                so.data.borrow_mut().update_op(BinOp::BitXor, &o, false);
            }
            Value::Dict(d) => {
                let entries: Vec<(i64, Value)> =
                    d.0.borrow().iter().map(|e| (e.hash, e.key.clone())).collect();
                let mut data = so.data.borrow_mut();
                for (h, k) in entries {
                    if !data.remove(h, &k) {
                        data.insert(h, k);
                    }
                }
            }
            _ => {
                let other_set = self.new_set_from(host, Some(other), false)?;
                if let Value::Set(o) = &other_set {
                    let o = o.data.borrow();
                    so.data.borrow_mut().update_op(BinOp::BitXor, &o, false);
                }
            }
        }
        Ok(())
    }

    /// The set methods that take other iterables: `update`, `union`,
    /// `intersection[_update]`, `difference[_update]`,
    /// `symmetric_difference[_update]` and `copy`. `None` if `name` is none of
    /// these.
    pub(crate) fn set_multi_method(
        &mut self,
        host: &mut dyn Host,
        s: &Rc<Set>,
        name: super::intern::Symbol,
        args: &[Value],
    ) -> Option<PyResult<Value>> {
        use super::intern::sym;
        let m = name;
        let me = Value::Set(s.clone());
        let r = if m == sym::copy {
            if let Err(e) = self.expect_args("set", m, args, 0, 0) {
                return Some(Err(e));
            }
            if s.frozen {
                Ok(me)
            } else {
                Ok(Value::Set(self.set_copy_of(s)))
            }
        } else if m == sym::update {
            (|| {
                for a in args {
                    self.set_update_internal(host, &me, a)?;
                }
                Ok(Value::None)
            })()
        } else if m == sym::union {
            (|| {
                let result = Value::Set(self.set_copy_of(s));
                for a in args {
                    if a.is(&me) {
                        continue;
                    }
                    self.set_update_internal(host, &result, a)?;
                }
                Ok(result)
            })()
        } else if m == sym::intersection || m == sym::intersection_update {
            (|| {
                let mut result = s.clone();
                if args.is_empty() {
                    result = self.set_copy_of(s);
                }
                for a in args {
                    result = self.set_intersection(host, &result, a)?;
                }
                if m == sym::intersection_update {
                    let body = std::mem::take(&mut *result.data.borrow_mut());
                    s.data.borrow_mut().take_body(body);
                    return Ok(Value::None);
                }
                Ok(Value::Set(result))
            })()
        } else if m == sym::difference {
            (|| {
                let Some((first, rest)) = args.split_first() else {
                    return Ok(Value::Set(self.set_copy_of(s)));
                };
                let result = self.set_difference(host, s, first)?;
                for a in rest {
                    self.set_difference_update_internal(host, &result, a)?;
                }
                Ok(Value::Set(result))
            })()
        } else if m == sym::difference_update {
            (|| {
                for a in args {
                    self.set_difference_update_internal(host, s, a)?;
                }
                Ok(Value::None)
            })()
        } else if m == sym::symmetric_difference || m == sym::symmetric_difference_update {
            (|| {
                self.expect_args("set", m, args, 1, 1)?;
                if m == sym::symmetric_difference_update {
                    self.set_symmetric_difference_update(host, s, &args[0])?;
                    return Ok(Value::None);
                }
                let (result, result_v) = new_set_value(s.frozen);
                self.set_update_internal(host, &result_v, &args[0])?;
                let data = s.data.borrow();
                result.data.borrow_mut().update_op(crate::vm::code::BinOp::BitXor, &data, false);
                drop(data);
                Ok(result_v)
            })()
        } else {
            return None;
        };
        Some(r)
    }
}
