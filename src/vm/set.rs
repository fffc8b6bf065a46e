//! `set` storage. The table layout decides iteration order, which programs
//! print, so this is CPython's set table (`pylib::settable`) holding values
//! compared with [`keys_equal`] (which never calls back into Python).

use super::dict::keys_equal;
use super::value::Value;
use crate::pylib::settable::SetTable;
use std::convert::Infallible;

#[derive(Debug, Default, Clone)]
pub(crate) struct SetData {
    table: SetTable<Value>,
}

fn eq(a: &Value, b: &Value) -> Result<bool, Infallible> {
    Ok(keys_equal(a, b))
}

fn ok<T>(r: Result<T, Infallible>) -> T {
    match r {
        Ok(v) => v,
        Err(never) => match never {},
    }
}

impl SetData {
    pub(crate) fn new() -> SetData {
        SetData::default()
    }

    pub(crate) fn len(&self) -> usize {
        self.table.len()
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.table.is_empty()
    }

    pub(crate) fn contains(&self, hash: i64, key: &Value) -> bool {
        ok(self.table.contains(hash, key, eq))
    }

    /// Add a key; false if it was already present.
    pub(crate) fn insert(&mut self, hash: i64, key: Value) -> bool {
        ok(self.table.add(hash, key, eq))
    }

    pub(crate) fn remove(&mut self, hash: i64, key: &Value) -> bool {
        ok(self.table.discard(hash, key, eq))
    }

    /// `set.pop()`: CPython's finger order.
    pub(crate) fn pop(&mut self) -> Option<Value> {
        self.table.pop()
    }

    pub(crate) fn clear(&mut self) {
        self.table.clear()
    }

    /// Keys with their hashes, in iteration order.
    pub(crate) fn iter(&self) -> impl Iterator<Item = (i64, &Value)> {
        self.table.entries()
    }

    /// The keys stored with this hash (for keys compared by a Python `__eq__`).
    pub(crate) fn keys_with_hash(&self, hash: i64) -> Vec<Value> {
        self.table.entries().filter(|(h, _)| *h == hash).map(|(_, k)| k.clone()).collect()
    }

    /// The keys in iteration order.
    pub(crate) fn keys(&self) -> Vec<Value> {
        self.table.iter().cloned().collect()
    }

    /// The frozenset CPython's compiler makes of constant elements (a `for`
    /// over, or `in`, a constant set display).
    pub(crate) fn frozenset_constant(items: Vec<(i64, Value)>) -> SetData {
        SetData { table: ok(SetTable::frozenset_constant(items, eq)) }
    }

    /// `s.update(other_set)` / `SET_UPDATE` with a set (CPython's `set_merge`).
    pub(crate) fn update_from(&mut self, other: &SetData) {
        ok(self.table.update(&other.table, eq))
    }

    /// `s &= t`, `s -= t`, `s ^= t` (in place, in CPython's order; `s op= s`
    /// is CPython's special case of a set operating on itself).
    pub(crate) fn update_op(&mut self, op: crate::vm::code::BinOp, other: &SetData, same: bool) {
        use crate::vm::code::BinOp;
        match op {
            BinOp::BitOr => {
                if !same {
                    self.update_from(other)
                }
            }
            BinOp::BitAnd => {
                if same {
                    self.table.intersection_update_self()
                } else {
                    ok(self.table.intersection_update(&other.table, eq))
                }
            }
            BinOp::Sub => {
                if same {
                    self.table.clear()
                } else {
                    ok(self.table.difference_update(&other.table, eq))
                }
            }
            _ => {
                if same {
                    self.table.clear()
                } else {
                    ok(self.table.symmetric_difference_update(&other.table, eq))
                }
            }
        }
    }

    /// `s.copy()` (`set_copy`): a new set merged from `s`, which drops dummies
    /// and may move keys.
    pub(crate) fn copy(&self) -> SetData {
        SetData { table: self.table.copy() }
    }

    /// `set_update_dict`'s resize for `n` keys about to be added.
    pub(crate) fn presize_for_dict(&mut self, n: usize) {
        self.table.presize_for_dict(n)
    }

    /// After discarding keys one by one (`difference_update` with an
    /// iterable): rebuild if more than a quarter of the slots are dummies.
    pub(crate) fn shrink_after_discards(&mut self) {
        self.table.shrink_after_discards()
    }

    /// Take `other`'s table in place of this one (`set_swap_bodies`; the pop
    /// finger stays).
    pub(crate) fn take_body(&mut self, other: SetData) {
        self.table.take_body(other.table)
    }

    pub(crate) fn union(&self, other: &SetData) -> SetData {
        SetData { table: ok(self.table.union(&other.table, eq)) }
    }

    pub(crate) fn intersection(&self, other: &SetData) -> SetData {
        SetData { table: ok(self.table.intersection(&other.table, eq)) }
    }

    pub(crate) fn difference(&self, other: &SetData) -> SetData {
        SetData { table: ok(self.table.difference(&other.table, eq)) }
    }

    pub(crate) fn symmetric_difference(&self, other: &SetData) -> SetData {
        SetData { table: ok(self.table.symmetric_difference(&other.table, eq)) }
    }
}
