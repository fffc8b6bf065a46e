//! Subscription and size: `obj[key]`, `obj[key] = v` and `del obj[key]` for
//! lists, tuples, strings, ranges, dicts and instances (`__getitem__`,
//! `__setitem__`, `__delitem__`), `C[...]` on a class (`__class_getitem__`,
//! or a `types.GenericAlias` for `list[int]`); integer indices and slices
//! (CPython's `PySlice_AdjustIndices`); and `len()`.
//!
//! It does not hash keys or choose the stored key a dict lookup compares
//! against (that is `hash`'s `key_for`), and it does not do the containers'
//! methods (`list.pop`, `dict.get`: `methods`) or the `in` operator (`ops`).

use super::intern::{sym, Symbol};
use super::types::type_name;
use super::value::*;
use super::{Host, PyResult, Vm};
use crate::pylib;
use std::rc::Rc;

impl Vm {
    pub(crate) fn len(&mut self, host: &mut dyn Host, v: &Value) -> PyResult<i64> {
        Ok(match v {
            Value::Str(s) => s.nchars as i64,
            Value::List(l) => l.0.borrow().len() as i64,
            Value::Tuple(t) => t.0.len() as i64,
            Value::Dict(d) => d.0.borrow().len() as i64,
            Value::Set(s) => s.data.borrow().len() as i64,
            Value::Range(r) => r.len(),
            Value::Iter(it) if matches!(&*it.kind.borrow(), IterKind::View { .. }) => {
                match &*it.kind.borrow() {
                    IterKind::View { dict, .. } => dict.0.borrow().len() as i64,
                    _ => unreachable!(),
                }
            }
            Value::Instance(i) => match i.class.lookup(sym::__len__) {
                Some(f) => match self.call(host, &f, vec![v.clone()], vec![])? {
                    Value::Int(n) if n >= 0 => n,
                    Value::Int(_) => return Err(self.value_error("__len__() should return >= 0")),
                    other => {
                        return Err(self.type_error(format!(
                            "'{}' object cannot be interpreted as an integer",
                            type_name(&other)
                        )))
                    }
                },
                None => {
                    return Err(
                        self.type_error(format!("object of type '{}' has no len()", type_name(v)))
                    )
                }
            },
            _ => {
                return Err(
                    self.type_error(format!("object of type '{}' has no len()", type_name(v)))
                )
            }
        })
    }

    pub(crate) fn getitem(
        &mut self,
        host: &mut dyn Host,
        obj: &Value,
        key: &Value,
    ) -> PyResult<Value> {
        match obj {
            Value::List(l) => match key {
                Value::Slice(s) => {
                    let items = l.0.borrow().clone();
                    let idx = self.slice_indices(s, items.len())?;
                    Ok(Value::list(idx.into_iter().map(|i| items[i].clone()).collect()))
                }
                _ => {
                    let i = self.index_of(key, "list")?;
                    let items = l.0.borrow();
                    let n = items.len() as i64;
                    let j = if i < 0 { i + n } else { i };
                    if j < 0 || j >= n {
                        drop(items);
                        return Err(self.index_error("list index out of range"));
                    }
                    Ok(items[j as usize].clone())
                }
            },
            Value::Tuple(t) => match key {
                Value::Slice(s) => {
                    let idx = self.slice_indices(s, t.0.len())?;
                    Ok(Value::tuple(idx.into_iter().map(|i| t.0[i].clone()).collect()))
                }
                _ => {
                    let i = self.index_of(key, "tuple")?;
                    let n = t.0.len() as i64;
                    let j = if i < 0 { i + n } else { i };
                    if j < 0 || j >= n {
                        return Err(self.index_error("tuple index out of range"));
                    }
                    Ok(t.0[j as usize].clone())
                }
            },
            Value::Str(s) => match key {
                Value::Slice(sl) => {
                    let chars: Vec<char> = s.s.chars().collect();
                    let idx = self.slice_indices(sl, chars.len())?;
                    Ok(Value::str(idx.into_iter().map(|i| chars[i]).collect::<String>()))
                }
                _ => {
                    let i = self.index_of(key, "string")?;
                    let n = s.nchars as i64;
                    let j = if i < 0 { i + n } else { i };
                    if j < 0 || j >= n {
                        return Err(self.index_error("string index out of range"));
                    }
                    let c = if s.is_ascii() {
                        s.s.as_bytes()[j as usize] as char
                    } else {
                        s.s.chars().nth(j as usize).unwrap()
                    };
                    Ok(Value::str(c.to_string()))
                }
            },
            Value::Dict(d) => {
                let (h, key) = &self.key_for(host, obj, key)?;
                let h = *h;
                let v = d.0.borrow().get(h, key).cloned();
                match v {
                    Some(v) => Ok(v),
                    None => Err(self.key_error(key.clone())),
                }
            }
            Value::Range(r) => match key {
                Value::Slice(s) => {
                    let n = r.len() as usize;
                    let (start, stop, step) = self.slice_bounds(s, n)?;
                    Ok(Value::Range(Rc::new(RangeObj {
                        start: r.start + start * r.step,
                        stop: r.start + stop * r.step,
                        step: step * r.step,
                    })))
                }
                _ => {
                    let i = self.index_of(key, "range object")?;
                    let n = r.len();
                    let j = if i < 0 { i + n } else { i };
                    if j < 0 || j >= n {
                        return Err(self.index_error("range object index out of range"));
                    }
                    Ok(Value::Int(r.start + j * r.step))
                }
            },
            Value::Instance(i) => {
                match i.class.lookup(sym::__getitem__) {
                    Some(f) => self.call(host, &f, vec![obj.clone(), key.clone()], vec![]),
                    None => Err(self
                        .type_error(format!("'{}' object is not subscriptable", type_name(obj)))),
                }
            }
            Value::Class(c) if c.lookup(Symbol::new("__class_getitem__")).is_some() => {
                // `C[...]`: `__class_getitem__`, an implicit classmethod.
                let f = c.lookup(Symbol::new("__class_getitem__")).unwrap();
                let f = match &f {
                    Value::Instance(i) => match &*i.payload.borrow() {
                        Payload::ClassMethod(g) | Payload::StaticMethod(g) => g.clone(),
                        _ => f.clone(),
                    },
                    _ => f,
                };
                self.call(host, &f, vec![obj.clone(), key.clone()], vec![])
            }
            Value::Class(c)
                if matches!(
                    c.tag,
                    TypeTag::List
                        | TypeTag::Dict
                        | TypeTag::Tuple
                        | TypeTag::Set
                        | TypeTag::FrozenSet
                        | TypeTag::Type
                ) || (c.tag == TypeTag::Host && matches!(&*c.name, "Future" | "Task")) =>
            {
                // `list[int]`, `asyncio.Future[int]`: a `types.GenericAlias`.
                self.library_call(host, "types", "GenericAlias", vec![obj.clone(), key.clone()])
            }
            Value::Class(c) => {
                Err(self.type_error(format!("type '{}' is not subscriptable", c.name)))
            }
            _ => Err(self.type_error(format!("'{}' object is not subscriptable", type_name(obj)))),
        }
    }

    /// `d[key] = v` with the key's hash known; checks memory as the dict grows.
    #[inline]
    pub(crate) fn dict_store(&mut self, d: &Dict, h: i64, key: Value, v: Value) -> PyResult<()> {
        let grew = d.0.borrow_mut().insert(h, key, v);
        if grew && d.0.borrow().len().is_multiple_of(64) {
            self.alloc(64 * 40)?;
        }
        Ok(())
    }

    pub(crate) fn setitem(
        &mut self,
        host: &mut dyn Host,
        obj: &Value,
        key: Value,
        v: Value,
    ) -> PyResult<()> {
        match obj {
            Value::List(l) => match &key {
                Value::Slice(s) => {
                    let new = match &v {
                        Value::List(_)
                        | Value::Tuple(_)
                        | Value::Str(_)
                        | Value::Dict(_)
                        | Value::Set(_)
                        | Value::Range(_)
                        | Value::Iter(_)
                        | Value::Generator(_)
                        | Value::Instance(_) => self.iterate(host, &v)?,
                        _ => return Err(self.type_error("must assign iterable to extended slice")),
                    };
                    let len = l.0.borrow().len();
                    let (start, stop, step) = self.slice_bounds(s, len)?;
                    if step == 1 {
                        let stop = stop.max(start);
                        l.0.borrow_mut().splice(start as usize..stop as usize, new);
                        Ok(())
                    } else {
                        let idx = self.slice_indices(s, len)?;
                        if idx.len() != new.len() {
                            return Err(self.value_error(format!(
                                "attempt to assign sequence of size {} to extended slice of size {}",
                                new.len(),
                                idx.len()
                            )));
                        }
                        let mut items = l.0.borrow_mut();
                        for (i, x) in idx.into_iter().zip(new) {
                            items[i] = x;
                        }
                        Ok(())
                    }
                }
                _ => {
                    let i = self.index_of(&key, "list")?;
                    let mut items = l.0.borrow_mut();
                    let n = items.len() as i64;
                    let j = if i < 0 { i + n } else { i };
                    if j < 0 || j >= n {
                        drop(items);
                        return Err(self.index_error("list assignment index out of range"));
                    }
                    items[j as usize] = v;
                    Ok(())
                }
            },
            Value::Dict(d) => {
                // int and str keys hash without a call back into Python.
                let (h, key) = match &key {
                    Value::Int(i) => (pylib::hash::hash_int(*i), key),
                    Value::Str(s) => (s.hash(), key),
                    _ => self.key_for(host, obj, &key)?,
                };
                self.dict_store(d, h, key, v)
            }
            Value::Instance(i) => match i.class.lookup(sym::__setitem__) {
                Some(f) => self.call(host, &f, vec![obj.clone(), key, v], vec![]).map(|_| ()),
                None => Err(self.type_error(format!(
                    "'{}' object does not support item assignment",
                    type_name(obj)
                ))),
            },
            _ => Err(self.type_error(format!(
                "'{}' object does not support item assignment",
                type_name(obj)
            ))),
        }
    }

    pub(crate) fn delitem(
        &mut self,
        host: &mut dyn Host,
        obj: &Value,
        key: &Value,
    ) -> PyResult<()> {
        match obj {
            Value::List(l) => match key {
                Value::Slice(s) => {
                    let len = l.0.borrow().len();
                    let mut idx = self.slice_indices(s, len)?;
                    idx.sort_unstable();
                    // One pass over the list, not one shift per deleted item:
                    // `del items[:n]` on a long list stays linear. A slice's
                    // indices are distinct, so one sorted walk finds them all.
                    let mut doomed = idx.into_iter().peekable();
                    let mut i = 0;
                    l.0.borrow_mut().retain(|_| {
                        let del = doomed.peek() == Some(&i);
                        if del {
                            doomed.next();
                        }
                        i += 1;
                        !del
                    });
                    Ok(())
                }
                _ => {
                    let i = self.index_of(key, "list")?;
                    let mut items = l.0.borrow_mut();
                    let n = items.len() as i64;
                    let j = if i < 0 { i + n } else { i };
                    if j < 0 || j >= n {
                        drop(items);
                        return Err(self.index_error("list assignment index out of range"));
                    }
                    items.remove(j as usize);
                    Ok(())
                }
            },
            Value::Dict(d) => {
                let (h, key) = &self.key_for(host, obj, key)?;
                let removed = d.0.borrow_mut().remove(*h, key);
                match removed {
                    Some(_) => Ok(()),
                    None => Err(self.key_error(key.clone())),
                }
            }
            Value::Instance(i) => match i.class.lookup(sym::__delitem__) {
                Some(f) => self.call(host, &f, vec![obj.clone(), key.clone()], vec![]).map(|_| ()),
                None => Err(self.type_error(format!(
                    "'{}' object doesn't support item deletion",
                    type_name(obj)
                ))),
            },
            _ => Err(self
                .type_error(format!("'{}' object doesn't support item deletion", type_name(obj)))),
        }
    }

    /// An integer index (`list indices must be integers or slices, not str`).
    fn index_of(&self, key: &Value, what: &str) -> PyResult<i64> {
        match key {
            Value::Int(i) => Ok(*i),
            Value::Bool(b) => Ok(*b as i64),
            _ if what == "string" => Err(self
                .type_error(format!("string indices must be integers, not '{}'", type_name(key)))),
            _ => Err(self.type_error(format!(
                "{what} indices must be integers or slices, not {}",
                type_name(key)
            ))),
        }
    }

    /// `slice.indices(len)`: start, stop, step (CPython's `PySlice_AdjustIndices`).
    pub(crate) fn slice_bounds(&self, s: &SliceObj, len: usize) -> PyResult<(i64, i64, i64)> {
        let get = |v: &Value| -> PyResult<Option<i64>> {
            match v {
                Value::None => Ok(None),
                Value::Int(i) => Ok(Some(*i)),
                Value::Bool(b) => Ok(Some(*b as i64)),
                _ => Err(self.type_error(
                    "slice indices must be integers or None or have an __index__ method",
                )),
            }
        };
        let step = get(&s.step)?.unwrap_or(1);
        if step == 0 {
            return Err(self.value_error("slice step cannot be zero"));
        }
        let len = len as i64;
        let (lower, upper) = if step < 0 { (-1, len - 1) } else { (0, len) };
        let adj = |v: Option<i64>, default: i64| -> i64 {
            match v {
                None => default,
                Some(i) if i < 0 => (i + len).max(lower),
                Some(i) => i.min(upper),
            }
        };
        let start = adj(get(&s.start)?, if step < 0 { upper } else { lower });
        let stop = adj(get(&s.stop)?, if step < 0 { lower } else { upper });
        Ok((start, stop, step))
    }

    /// The indices a slice selects.
    pub(crate) fn slice_indices(&self, s: &SliceObj, len: usize) -> PyResult<Vec<usize>> {
        let (start, stop, step) = self.slice_bounds(s, len)?;
        let mut out = Vec::new();
        let mut i = start;
        if step > 0 {
            while i < stop {
                out.push(i as usize);
                i += step;
            }
        } else {
            while i > stop {
                out.push(i as usize);
                i += step;
            }
        }
        Ok(out)
    }
}
