//! Iteration: `iter()` and `next()` for builtin values, generators and
//! instances (`__iter__` and `__next__`, or the old sequence protocol through
//! `__getitem__`); the builtin iterators' steps (sequences, strings, ranges,
//! dict and set iterators with their "changed size during iteration" checks,
//! `enumerate`, `zip`, `map`, `filter`, `reversed`); collecting an iterable;
//! and unpacking (`a, *b = v`) with CPython's messages.
//!
//! It does not run `for` loops: the dispatch loop (`interp`) steps range and
//! list iterators inline and runs a generator's frames on its own stack, and
//! calls [`Vm::next`] only for the other iterators. Generators themselves
//! (resuming, `send`, `throw`) and async iteration are `gen`'s; a generator
//! advanced from native code is resumed through `gen` here. `in` is an
//! operator (`ops`).

use super::exc::ExcKind;
use super::intern::sym;
use super::types::type_name;
use super::value::*;
use super::{Host, PyErr, PyResult, Vm};
use std::cell::RefCell;
use std::rc::Rc;

impl Vm {
    pub(crate) fn get_iter(&mut self, host: &mut dyn Host, v: Value) -> PyResult<Value> {
        let kind = match &v {
            Value::List(_) | Value::Tuple(_) => IterKind::Seq { seq: v.clone(), index: 0 },
            Value::Str(s) => IterKind::Str { s: s.clone(), byte: 0 },
            Value::Range(r) => IterKind::Range { next: r.start, stop: r.stop, step: r.step },
            Value::Dict(d) => {
                let len = d.0.borrow().len();
                IterKind::Dict { dict: d.clone(), pos: 0, what: DictIterWhat::Keys, len }
            }
            Value::Set(s) => {
                let d = s.data.borrow();
                IterKind::Set { set: s.clone(), keys: d.keys(), pos: 0, len: d.len() }
            }
            Value::Iter(it) => {
                if let IterKind::View { dict, what } = &*it.kind.borrow() {
                    let len = dict.0.borrow().len();
                    IterKind::Dict { dict: dict.clone(), pos: 0, what: *what, len }
                } else {
                    return Ok(v.clone());
                }
            }
            Value::Generator(g) => {
                if matches!(g.kind, GenKind::Generator | GenKind::CoroWrapper(_)) {
                    return Ok(v);
                }
                return Err(self.type_error(format!("'{}' object is not iterable", type_name(&v))));
            }
            Value::Instance(i) => match i.class.lookup(sym::__iter__) {
                Some(f) => {
                    let it = self.call(host, &f, vec![v.clone()], vec![])?;
                    let is_iterator = match &it {
                        Value::Instance(j) => j.class.lookup(sym::__next__).is_some(),
                        Value::Iter(k) => !matches!(&*k.kind.borrow(), IterKind::View { .. }),
                        Value::Generator(g) => {
                            matches!(g.kind, GenKind::Generator | GenKind::CoroWrapper(_))
                        }
                        _ => false,
                    };
                    if !is_iterator {
                        return Err(self.type_error(format!(
                            "iter() returned non-iterator of type '{}'",
                            type_name(&it)
                        )));
                    }
                    return Ok(it);
                }
                None => {
                    if i.class.lookup(sym::__getitem__).is_some() {
                        // The old sequence protocol: obj[0], obj[1], ... until IndexError.
                        IterKind::GetItem { obj: v.clone(), index: 0 }
                    } else {
                        return Err(
                            self.type_error(format!("'{}' object is not iterable", type_name(&v)))
                        );
                    }
                }
            },
            _ => return Err(self.type_error(format!("'{}' object is not iterable", type_name(&v)))),
        };
        Ok(Value::Iter(Rc::new(IterObj { kind: RefCell::new(kind) })))
    }

    /// Advance an iterator: `Some(item)` or `None` when exhausted.
    pub(crate) fn next(&mut self, host: &mut dyn Host, it: &Value) -> PyResult<Option<Value>> {
        match it {
            Value::Iter(obj) => self.next_builtin(host, obj),
            Value::Generator(g) => self.next_generator(host, g),
            Value::Instance(i) => match i.class.lookup(sym::__next__) {
                Some(f) => match self.call(host, &f, vec![it.clone()], vec![]) {
                    Ok(v) => Ok(Some(v)),
                    Err(e) if self.err_is(&e, ExcKind::StopIteration) => Ok(None),
                    Err(e) => Err(e),
                },
                None => {
                    Err(self.type_error(format!("'{}' object is not an iterator", type_name(it))))
                }
            },
            _ => Err(self.type_error(format!("'{}' object is not an iterator", type_name(it)))),
        }
    }

    fn next_generator(
        &mut self,
        host: &mut dyn Host,
        g: &Rc<Generator>,
    ) -> PyResult<Option<Value>> {
        let target = match &g.kind {
            GenKind::Generator => super::gen::GenObj::Gen(g.clone()),
            GenKind::CoroWrapper(c) => super::gen::GenObj::Coro(c.clone()),
            _ => {
                return Err(self.type_error(format!(
                    "'{}' object is not an iterator",
                    type_name(&Value::Generator(g.clone()))
                )))
            }
        };
        match self.resume_native(host, &target, super::gen::ResumeAction::Send(Value::None))? {
            super::gen::Outcome::Yielded(v) => Ok(Some(v)),
            super::gen::Outcome::Returned(_) => Ok(None),
        }
    }

    fn next_builtin(&mut self, host: &mut dyn Host, obj: &Rc<IterObj>) -> PyResult<Option<Value>> {
        let mut k = obj.kind.borrow_mut();
        match &mut *k {
            IterKind::Seq { seq, index } => {
                let item = match seq {
                    Value::List(l) => l.0.borrow().get(*index).cloned(),
                    Value::Tuple(t) => t.0.get(*index).cloned(),
                    _ => None,
                };
                match item {
                    Some(v) => {
                        *index += 1;
                        Ok(Some(v))
                    }
                    None => {
                        let t = if matches!(seq, Value::Tuple(_)) {
                            IterType::Tuple
                        } else {
                            IterType::List
                        };
                        *k = IterKind::Exhausted(t);
                        Ok(None)
                    }
                }
            }
            IterKind::Str { s, byte } => match s.s[*byte..].chars().next() {
                Some(c) => {
                    *byte += c.len_utf8();
                    Ok(Some(Value::str(c.to_string())))
                }
                None => Ok(None),
            },
            IterKind::Range { next, stop, step } => {
                if (*step > 0 && *next < *stop) || (*step < 0 && *next > *stop) {
                    let v = *next;
                    *next = next.wrapping_add(*step);
                    Ok(Some(Value::Int(v)))
                } else {
                    Ok(None)
                }
            }
            IterKind::Dict { dict, pos, what, len } => {
                let d = dict.0.borrow();
                if d.len() != *len {
                    *len = usize::MAX;
                    drop(d);
                    return Err(self.runtime_error("dictionary changed size during iteration"));
                }
                match d.entry_from(*pos) {
                    Some((e, next)) => {
                        *pos = next;
                        Ok(Some(match what {
                            DictIterWhat::Keys => e.key.clone(),
                            DictIterWhat::Values => e.value.clone(),
                            DictIterWhat::Items => {
                                Value::tuple(vec![e.key.clone(), e.value.clone()])
                            }
                        }))
                    }
                    None => Ok(None),
                }
            }
            IterKind::Set { set, keys, pos, len } => {
                if set.data.borrow().len() != *len {
                    *len = usize::MAX;
                    return Err(self.runtime_error("Set changed size during iteration"));
                }
                match keys.get(*pos) {
                    Some(key) => {
                        *pos += 1;
                        Ok(Some(key.clone()))
                    }
                    None => Ok(None),
                }
            }
            IterKind::Enumerate { inner, count } => {
                let inner = inner.clone();
                let n = *count;
                *count += 1;
                drop(k);
                Ok(self.next(host, &inner)?.map(|v| Value::tuple(vec![Value::Int(n), v])))
            }
            IterKind::Zip { inners, strict } => {
                let inners = inners.clone();
                let strict = *strict;
                drop(k);
                let mut items = Vec::with_capacity(inners.len());
                // CPython's `zip_next`: "argument 2 is shorter than argument 1",
                // "argument 3 is shorter than arguments 1-2", and the longer cases.
                let plural = |i: usize| if i == 1 { " ".to_string() } else { "s 1-".to_string() };
                for (i, it) in inners.iter().enumerate() {
                    match self.next(host, it)? {
                        Some(v) => items.push(v),
                        None => {
                            if strict {
                                if i > 0 {
                                    return Err(self.value_error(format!(
                                        "zip() argument {} is shorter than argument{}{}",
                                        i + 1,
                                        plural(i),
                                        i
                                    )));
                                }
                                for (j, other) in inners.iter().enumerate().skip(1) {
                                    if self.next(host, other)?.is_some() {
                                        return Err(self.value_error(format!(
                                            "zip() argument {} is longer than argument{}{}",
                                            j + 1,
                                            plural(j),
                                            j
                                        )));
                                    }
                                }
                            }
                            return Ok(None);
                        }
                    }
                }
                if items.is_empty() {
                    return Ok(None);
                }
                Ok(Some(Value::tuple(items)))
            }
            IterKind::Map { func, inners } => {
                let (func, inners) = (func.clone(), inners.clone());
                drop(k);
                let mut args = Vec::with_capacity(inners.len());
                for it in &inners {
                    match self.next(host, it)? {
                        Some(v) => args.push(v),
                        None => return Ok(None),
                    }
                }
                Ok(Some(self.call(host, &func, args, vec![])?))
            }
            IterKind::Filter { func, inner } => {
                let (func, inner) = (func.clone(), inner.clone());
                drop(k);
                while let Some(v) = self.next(host, &inner)? {
                    let keep = if func.is_none() {
                        self.truthy(host, &v)?
                    } else {
                        let r = self.call(host, &func, vec![v.clone()], vec![])?;
                        self.truthy(host, &r)?
                    };
                    if keep {
                        return Ok(Some(v));
                    }
                }
                Ok(None)
            }
            IterKind::Reversed { seq, index } => {
                if *index < 0 {
                    return Ok(None);
                }
                let item = match seq {
                    Value::List(l) => l.0.borrow().get(*index as usize).cloned(),
                    Value::Tuple(t) => t.0.get(*index as usize).cloned(),
                    Value::Str(s) => {
                        s.s.chars().nth(*index as usize).map(|c| Value::str(c.to_string()))
                    }
                    Value::Range(r) => Some(Value::Int(r.start + *index * r.step)),
                    _ => None,
                };
                *index -= 1;
                match item {
                    Some(v) => Ok(Some(v)),
                    None => {
                        *index = -1;
                        Ok(None)
                    }
                }
            }
            IterKind::GetItem { obj: target, index } => {
                let (target, i) = (target.clone(), *index);
                *index += 1;
                drop(k);
                match self.getitem(host, &target, &Value::Int(i)) {
                    Ok(v) => Ok(Some(v)),
                    Err(e)
                        if self.err_is(&e, ExcKind::IndexError)
                            || self.err_is(&e, ExcKind::StopIteration) =>
                    {
                        *obj.kind.borrow_mut() = IterKind::Exhausted(IterType::Iterator);
                        Ok(None)
                    }
                    Err(e) => Err(e),
                }
            }
            IterKind::View { .. } => {
                drop(k);
                Err(self.type_error("'dict_keys' object is not an iterator"))
            }
            IterKind::Exhausted(_) => Ok(None),
        }
    }

    /// All items of an iterable.
    pub(crate) fn iterate(&mut self, host: &mut dyn Host, v: &Value) -> PyResult<Vec<Value>> {
        match v {
            Value::List(l) => return Ok(l.0.borrow().clone()),
            Value::Tuple(t) => return Ok(t.0.clone()),
            _ => {}
        }
        let it = self.get_iter(host, v.clone())?;
        let mut out = Vec::new();
        while let Some(x) = self.next(host, &it)? {
            out.push(x);
            if out.len() % 4096 == 0 {
                self.check_alloc(out.len(), 16)?;
            }
        }
        Ok(out)
    }

    /// `a, b = v` (`after` is `Some(n)` for a starred target with `n` names after it).
    pub(crate) fn unpack(
        &mut self,
        host: &mut dyn Host,
        v: &Value,
        before: usize,
        after: Option<usize>,
    ) -> PyResult<Vec<Value>> {
        let items = match v {
            Value::List(_)
            | Value::Tuple(_)
            | Value::Str(_)
            | Value::Dict(_)
            | Value::Set(_)
            | Value::Range(_)
            | Value::Iter(_)
            | Value::Generator(_)
            | Value::Instance(_) => self.iterate(host, v).map_err(|e| {
                if self.err_is(&e, ExcKind::TypeError) && !matches!(v, Value::Instance(_)) {
                    self.type_error(format!("cannot unpack non-iterable {} object", type_name(v)))
                } else {
                    e
                }
            })?,
            _ => {
                return Err(
                    self.type_error(format!("cannot unpack non-iterable {} object", type_name(v)))
                )
            }
        };
        match after {
            None => {
                if items.len() > before {
                    return Err(
                        self.value_error(format!("too many values to unpack (expected {before})"))
                    );
                }
                if items.len() < before {
                    return Err(self.value_error(format!(
                        "not enough values to unpack (expected {before}, got {})",
                        items.len()
                    )));
                }
                Ok(items)
            }
            Some(after) => {
                if items.len() < before + after {
                    return Err(self.value_error(format!(
                        "not enough values to unpack (expected at least {}, got {})",
                        before + after,
                        items.len()
                    )));
                }
                let mut out = Vec::with_capacity(before + after + 1);
                out.extend(items[..before].iter().cloned());
                out.push(Value::list(items[before..items.len() - after].to_vec()));
                out.extend(items[items.len() - after..].iter().cloned());
                Ok(out)
            }
        }
    }

    /// `f(*x)` / `[*x]` with a non-iterable: CPython names the operator.
    pub(crate) fn star_error(&self, e: PyErr, v: &Value, star: &str) -> PyErr {
        if self.err_is(&e, ExcKind::TypeError) && !matches!(v, Value::Instance(_)) {
            let _ = star;
            return self
                .type_error(format!("Value after * must be an iterable, not {}", type_name(v)));
        }
        e
    }
}
