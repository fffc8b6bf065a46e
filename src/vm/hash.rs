//! Hashing, and the keys of dicts and sets: `hash()` (numbers, tuples, ranges and
//! frozensets by CPython's algorithms in `pylib::hash`, strings by their
//! cached hash, instances by `__hash__`, the rest by [`Value::identity`],
//! which `id()` shows too); the key a dict or set stores or looks up for a
//! value ([`Vm::key_for`]: an instance whose class defines `__eq__` is
//! matched against the stored keys by calling it); and filling sets and
//! dicts from values (`{a, b}`, `dict.update`, `{**m}`).
//!
//! It does not hold the tables (`dict`, `set`) or compare builtin keys: the
//! tables do that natively, without calling back into Python
//! (`dict::keys_equal`).

use super::dict::DictData;
use super::intern::sym;
use super::types::type_name;
use super::value::*;
use super::{Host, PyResult, Vm};
use crate::pylib;
use std::cell::RefCell;
use std::rc::Rc;

/// The hash of a str value (used for namespace dicts without a host at hand).
pub(crate) fn str_hash(v: &Value) -> i64 {
    match v {
        Value::Str(s) => s.hash(),
        _ => 0,
    }
}

impl Vm {
    pub(crate) fn hash(&mut self, host: &mut dyn Host, v: &Value) -> PyResult<i64> {
        use pylib::hash as ph;
        Ok(match v {
            Value::Int(i) => ph::hash_int(*i),
            Value::Bool(b) => *b as i64,
            Value::Float(f) => match ph::hash_float(*f) {
                ph::FloatHash::Value(h) => h,
                ph::FloatHash::Identity => (v.identity() >> 4) as i64,
            },
            Value::Str(s) => s.hash(),
            Value::None => ph::HASH_NONE,
            Value::Tuple(t) => {
                self.enter_nested("while hashing")?;
                let mut hs = Vec::with_capacity(t.0.len());
                for x in t.0.clone().iter() {
                    match self.hash(host, x) {
                        Ok(h) => hs.push(h),
                        Err(e) => {
                            self.nested -= 1;
                            return Err(e);
                        }
                    }
                }
                self.nested -= 1;
                ph::hash_tuple(&hs)
            }
            Value::Set(s) if s.frozen => {
                let hs: Vec<i64> = s.data.borrow().iter().map(|(h, _)| h).collect();
                ph::hash_frozenset(&hs)
            }
            Value::Range(r) => {
                // `range_hash`: the tuple `(len, start, step)`, with `start`
                // and `step` None for an empty range and `step` None for a
                // range of one item (the fields `range == range` compares).
                let len = r.len();
                let (start, step) = match len {
                    0 => (ph::HASH_NONE, ph::HASH_NONE),
                    1 => (ph::hash_int(r.start), ph::HASH_NONE),
                    _ => (ph::hash_int(r.start), ph::hash_int(r.step)),
                };
                ph::hash_tuple(&[ph::hash_int(len), start, step])
            }
            Value::List(_) | Value::Dict(_) | Value::Set(_) => {
                return Err(self.type_error(format!("unhashable type: '{}'", type_name(v))))
            }
            Value::Iter(it) if matches!(&*it.kind.borrow(), IterKind::View { .. }) => {
                return Err(self.type_error(format!("unhashable type: '{}'", type_name(v))))
            }
            Value::Slice(_) => return Err(self.type_error("unhashable type: 'slice'")),
            Value::Instance(i) => {
                if let Some(h) = host.hash(self, v) {
                    return Ok(h);
                }
                match i.class.lookup(sym::__hash__) {
                    Some(Value::None) => {
                        return Err(self.type_error(format!("unhashable type: '{}'", i.class.name)))
                    }
                    Some(f) => match self.call(host, &f, vec![v.clone()], vec![])? {
                        Value::Int(h) => {
                            if h == -1 {
                                -2
                            } else {
                                h
                            }
                        }
                        _ => {
                            return Err(self.type_error("__hash__ method should return an integer"))
                        }
                    },
                    None => (v.identity() >> 4) as i64,
                }
            }
            _ => (v.identity() >> 4) as i64,
        })
    }

    /// The hash of `key` and the key object a dict or set should use for it:
    /// an instance whose class defines `__eq__` is matched against the stored
    /// keys with `__eq__` (the table itself compares other keys natively).
    pub(crate) fn key_for(
        &mut self,
        host: &mut dyn Host,
        container: &Value,
        key: &Value,
    ) -> PyResult<(i64, Value)> {
        match key {
            Value::Int(i) => return Ok((pylib::hash::hash_int(*i), key.clone())),
            Value::Str(s) => return Ok((s.hash(), key.clone())),
            _ => {}
        }
        let h = self.hash(host, key)?;
        if let Value::Instance(i) = key {
            if i.class.lookup(sym::__eq__).is_some() {
                let cands = match container {
                    Value::Dict(d) => d.0.borrow().keys_with_hash(h),
                    Value::Set(s) => s.data.borrow().keys_with_hash(h),
                    _ => vec![],
                };
                for c in cands {
                    if c.is(key) || self.eq(host, &c, key)? {
                        return Ok((h, c));
                    }
                }
            }
        }
        Ok((h, key.clone()))
    }

    pub(crate) fn new_set(
        &mut self,
        host: &mut dyn Host,
        items: Vec<Value>,
        frozen: bool,
    ) -> PyResult<Value> {
        let set =
            Value::Set(Rc::new(Set { data: RefCell::new(super::set::SetData::new()), frozen }));
        for v in items {
            let (h, v) = self.key_for(host, &set, &v)?;
            if let Value::Set(s) = &set {
                s.data.borrow_mut().insert(h, v);
            }
        }
        Ok(set)
    }

    pub(crate) fn set_add(&mut self, host: &mut dyn Host, s: &Value, v: Value) -> PyResult<()> {
        let (h, v) = self.key_for(host, s, &v)?;
        if let Value::Set(s) = s {
            s.data.borrow_mut().insert(h, v);
        }
        Ok(())
    }

    /// `target.update(m)` (dict displays with `**`, `dict.update`, `|=`);
    /// `merge` refuses repeated keys as a call's `**kwargs` does.
    pub(crate) fn dict_update_from(
        &mut self,
        host: &mut dyn Host,
        target: &Value,
        m: &Value,
        merge: bool,
    ) -> PyResult<()> {
        let Value::Dict(t) = target else { return Ok(()) };
        let pairs: Vec<(i64, Value, Value)> = match m {
            Value::Dict(d) => {
                d.0.borrow().iter().map(|e| (e.hash, e.key.clone(), e.value.clone())).collect()
            }
            Value::Instance(_) if self.class_of(m).lookup(sym::keys).is_some() => {
                let keys = self.call_method(host, m, sym::keys, vec![], vec![])?;
                let mut out = Vec::new();
                for k in self.iterate(host, &keys)? {
                    let v = self.getitem(host, m, &k)?;
                    let h = self.hash(host, &k)?;
                    out.push((h, k, v));
                }
                out
            }
            _ => {
                if merge {
                    return Err(self.type_error(format!(
                        "argument after ** must be a mapping, not {}",
                        type_name(m)
                    )));
                }
                let mut out = Vec::new();
                for (n, item) in self.iterate(host, m)?.into_iter().enumerate() {
                    let kv = self.iterate(host, &item).map_err(|_| {
                        self.type_error(format!(
                            "cannot convert dictionary update sequence element #{n} to a sequence"
                        ))
                    })?;
                    if kv.len() != 2 {
                        return Err(self.value_error(format!(
                            "dictionary update sequence element #{n} has length {}; 2 is required",
                            kv.len()
                        )));
                    }
                    let h = self.hash(host, &kv[0])?;
                    out.push((h, kv[0].clone(), kv[1].clone()));
                }
                out
            }
        };
        let mut d = t.0.borrow_mut();
        for (h, k, v) in pairs {
            if merge && d.contains(h, &k) {
                drop(d);
                let name = match &k {
                    Value::Str(s) => s.s.clone(),
                    _ => "?".into(),
                };
                return Err(
                    self.type_error(format!("got multiple values for keyword argument '{name}'"))
                );
            }
            d.insert(h, k, v);
        }
        Ok(())
    }

    pub(crate) fn new_dict(&self, d: DictData) -> Value {
        Value::Dict(Rc::new(Dict(RefCell::new(d))))
    }
}

impl Value {
    /// A stable identity number for `id()` and identity hashing.
    pub(crate) fn identity(&self) -> u64 {
        match self {
            Value::Instance(i) => i.id,
            Value::Function(f) => f.id,
            Value::Class(c) => c.id,
            Value::Coroutine(c) => c.id,
            Value::Generator(g) => g.id,
            Value::Builtin(b) => b.id,
            Value::List(l) => Rc::as_ptr(l) as usize as u64,
            Value::Dict(d) => Rc::as_ptr(d) as usize as u64,
            Value::Set(s) => Rc::as_ptr(s) as usize as u64,
            Value::Tuple(t) => Rc::as_ptr(t) as usize as u64,
            Value::Str(s) => Rc::as_ptr(s) as usize as u64,
            Value::Method(m) => Rc::as_ptr(m) as usize as u64,
            Value::Module(m) => Rc::as_ptr(m) as usize as u64,
            Value::Iter(i) => Rc::as_ptr(i) as usize as u64,
            Value::Int(i) => *i as u64,
            _ => 0,
        }
    }
}
