//! `dict`: an insertion-ordered hash table, like CPython's compact dict.
//!
//! Entries live in a vector in insertion order (a deleted entry leaves a hole
//! until the next resize); a separate index table maps hashes to entry
//! positions. Hashes are computed by the VM (which can raise `TypeError:
//! unhashable type`) before a key reaches this table, and key equality is
//! [`keys_equal`], which never calls back into Python code.

use super::value::Value;
use crate::pylib::int_ops::compare_int_float;
use std::cmp::Ordering;

const EMPTY: u32 = u32::MAX;
const DUMMY: u32 = u32::MAX - 1;

#[derive(Debug, Clone)]
pub(crate) struct Entry {
    pub(crate) hash: i64,
    pub(crate) key: Value,
    pub(crate) value: Value,
}

#[derive(Debug, Default, Clone)]
pub(crate) struct DictData {
    entries: Vec<Option<Entry>>,
    indices: Vec<u32>,
    len: usize,
}

/// Equality of hashable keys as Python's `==` sees it for the builtin types
/// (`1 == 1.0 == True`, tuples element-wise, everything else by identity).
pub(crate) fn keys_equal(a: &Value, b: &Value) -> bool {
    keys_equal_depth(a, b, 0)
}

fn keys_equal_depth(a: &Value, b: &Value, depth: usize) -> bool {
    use Value::*;
    if depth > 400 {
        // Hashing such a key already raised RecursionError; never recurse deeper.
        return a.is(b);
    }
    match (a, b) {
        (Int(x), Int(y)) => x == y,
        (Str(x), Str(y)) => std::rc::Rc::ptr_eq(x, y) || x.s == y.s,
        (Bool(x), Bool(y)) => x == y,
        (Int(x), Bool(y)) | (Bool(y), Int(x)) => *x == *y as i64,
        (Float(x), Float(y)) => x == y,
        // Exactly, as `float_richcompare` does (not through `x as f64`).
        (Int(x), Float(y)) | (Float(y), Int(x)) => {
            compare_int_float(*x, *y) == Some(Ordering::Equal)
        }
        (Bool(x), Float(y)) | (Float(y), Bool(x)) => (*x as i64 as f64) == *y,
        (None, None) => true,
        (Tuple(x), Tuple(y)) => {
            x.0.len() == y.0.len()
                && x.0.iter().zip(y.0.iter()).all(|(p, q)| keys_equal_depth(p, q, depth + 1))
        }
        (Set(x), Set(y)) => {
            let (x, y) = (x.data.borrow(), y.data.borrow());
            x.len() == y.len() && x.iter().all(|(h, k)| y.contains(h, k))
        }
        (Range(x), Range(y)) => x.same_items(y),
        _ => a.is(b),
    }
}

/// The common case of [`keys_equal`], inlined into the probe loop.
#[inline(always)]
fn int_keys_equal(a: &Value, b: &Value) -> bool {
    matches!((a, b), (Value::Int(x), Value::Int(y)) if x == y)
}

impl DictData {
    pub(crate) fn new() -> DictData {
        DictData::default()
    }

    pub(crate) fn with_capacity(n: usize) -> DictData {
        let mut d = DictData::default();
        if n > 0 {
            d.entries.reserve(n);
            d.indices = vec![EMPTY; (n * 3 / 2).next_power_of_two().max(8)];
        }
        d
    }

    pub(crate) fn len(&self) -> usize {
        self.len
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Position in the index table holding the entry for this key, or where it
    /// would be inserted. The first probe is inlined for the common cases (an
    /// empty slot, or the int key itself); collisions take `find_probe`.
    #[inline(always)]
    fn find(&self, hash: i64, key: &Value) -> (Option<usize>, usize) {
        let i = (hash as u64 as usize) & (self.indices.len() - 1);
        let ix = self.indices[i];
        if ix == EMPTY {
            return (None, i);
        }
        if let Some(Some(e)) = self.entries.get(ix as usize) {
            if e.hash == hash && int_keys_equal(&e.key, key) {
                return (Some(i), i);
            }
        }
        self.find_probe(hash, key)
    }

    #[inline(never)]
    fn find_probe(&self, hash: i64, key: &Value) -> (Option<usize>, usize) {
        let mask = self.indices.len() - 1;
        let mut i = (hash as u64 as usize) & mask;
        let mut perturb = hash as u64;
        let mut first_dummy = None;
        loop {
            let ix = self.indices[i];
            if ix == EMPTY {
                return (None, first_dummy.unwrap_or(i));
            }
            if ix == DUMMY {
                if first_dummy.is_none() {
                    first_dummy = Some(i);
                }
            } else if let Some(e) = &self.entries[ix as usize] {
                if e.hash == hash && (int_keys_equal(&e.key, key) || keys_equal(&e.key, key)) {
                    return (Some(i), i);
                }
            }
            perturb >>= 5;
            i = (i * 5 + 1 + perturb as usize) & mask;
        }
    }

    fn grow(&mut self) {
        let live: Vec<Entry> = std::mem::take(&mut self.entries).into_iter().flatten().collect();
        let size = ((live.len() + 1) * 3).next_power_of_two().max(8);
        self.indices = vec![EMPTY; size];
        let mask = size - 1;
        for (n, e) in live.iter().enumerate() {
            let mut i = (e.hash as u64 as usize) & mask;
            let mut perturb = e.hash as u64;
            while self.indices[i] != EMPTY {
                perturb >>= 5;
                i = (i * 5 + 1 + perturb as usize) & mask;
            }
            self.indices[i] = n as u32;
        }
        self.entries = live.into_iter().map(Some).collect();
    }

    pub(crate) fn get(&self, hash: i64, key: &Value) -> Option<&Value> {
        if self.len == 0 {
            return None;
        }
        let (found, _) = self.find(hash, key);
        found.map(|i| &self.entries[self.indices[i] as usize].as_ref().unwrap().value)
    }

    pub(crate) fn contains(&self, hash: i64, key: &Value) -> bool {
        self.get(hash, key).is_some()
    }

    /// Insert or replace; an existing key keeps its position (and its original
    /// key object). True when the key is new.
    pub(crate) fn insert(&mut self, hash: i64, key: Value, value: Value) -> bool {
        if self.indices.is_empty() || (self.entries.len() + 1) * 3 >= self.indices.len() * 2 {
            self.grow();
        }
        let (found, slot) = self.find(hash, &key);
        match found {
            Some(i) => {
                let ix = self.indices[i] as usize;
                self.entries[ix].as_mut().unwrap().value = value;
                false
            }
            None => {
                self.indices[slot] = self.entries.len() as u32;
                self.entries.push(Some(Entry { hash, key, value }));
                self.len += 1;
                true
            }
        }
    }

    pub(crate) fn remove(&mut self, hash: i64, key: &Value) -> Option<(Value, Value)> {
        if self.len == 0 {
            return None;
        }
        let (found, _) = self.find(hash, key);
        let i = found?;
        let ix = self.indices[i] as usize;
        self.indices[i] = DUMMY;
        let e = self.entries[ix].take().unwrap();
        self.len -= 1;
        // Trim trailing holes so positions stay dense for iteration.
        while matches!(self.entries.last(), Some(None)) {
            self.entries.pop();
        }
        Some((e.key, e.value))
    }

    /// Remove and return the last inserted item (`dict.popitem`).
    pub(crate) fn pop_last(&mut self) -> Option<(Value, Value)> {
        let e = self.entries.iter().rev().find_map(|e| e.as_ref())?.clone();
        self.remove(e.hash, &e.key)
    }

    pub(crate) fn clear(&mut self) {
        *self = DictData::default();
    }

    /// Live entries in insertion order.
    pub(crate) fn iter(&self) -> impl Iterator<Item = &Entry> {
        self.entries.iter().flatten()
    }

    /// The entry at or after position `pos` (for iterators that must survive
    /// the dict being mutated): returns the entry and the next position.
    pub(crate) fn entry_from(&self, pos: usize) -> Option<(&Entry, usize)> {
        let mut p = pos;
        while p < self.entries.len() {
            if let Some(e) = &self.entries[p] {
                return Some((e, p + 1));
            }
            p += 1;
        }
        None
    }

    /// The keys stored with this hash (for keys compared by a Python `__eq__`).
    pub(crate) fn keys_with_hash(&self, hash: i64) -> Vec<Value> {
        self.iter().filter(|e| e.hash == hash).map(|e| e.key.clone()).collect()
    }

    /// Every key and value, consuming the table.
    pub(crate) fn into_values(self) -> impl Iterator<Item = Value> {
        self.entries.into_iter().flatten().flat_map(|e| [e.key, e.value])
    }

    pub(crate) fn keys(&self) -> Vec<Value> {
        self.iter().map(|e| e.key.clone()).collect()
    }

    pub(crate) fn values(&self) -> Vec<Value> {
        self.iter().map(|e| e.value.clone()).collect()
    }
}
