//! `set` storage. The table layout decides iteration order, which programs
//! print, so this is CPython's set table (`pylib::settable`) holding values
//! compared with [`keys_equal`] (which never calls back into Python).

use super::dict::keys_equal;
use super::value::Value;
use crate::pylib::settable::SetTable;
use std::convert::Infallible;

#[derive(Debug, Default, Clone)]
pub struct SetData {
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
    pub fn new() -> SetData {
        SetData::default()
    }

    pub fn len(&self) -> usize {
        self.table.len()
    }

    pub fn is_empty(&self) -> bool {
        self.table.is_empty()
    }

    pub fn contains(&self, hash: i64, key: &Value) -> bool {
        ok(self.table.contains(hash, key, eq))
    }

    /// Add a key; false if it was already present.
    pub fn insert(&mut self, hash: i64, key: Value) -> bool {
        ok(self.table.add(hash, key, eq))
    }

    pub fn remove(&mut self, hash: i64, key: &Value) -> bool {
        ok(self.table.discard(hash, key, eq))
    }

    /// `set.pop()`: CPython's finger order.
    pub fn pop(&mut self) -> Option<Value> {
        self.table.pop()
    }

    pub fn clear(&mut self) {
        self.table.clear()
    }

    /// Keys with their hashes, in iteration order.
    pub fn iter(&self) -> impl Iterator<Item = (i64, &Value)> {
        self.table.entries()
    }

    /// The keys stored with this hash (for keys compared by a Python `__eq__`).
    pub fn keys_with_hash(&self, hash: i64) -> Vec<Value> {
        self.table.entries().filter(|(h, _)| *h == hash).map(|(_, k)| k.clone()).collect()
    }

    /// The keys in iteration order.
    pub fn keys(&self) -> Vec<Value> {
        self.table.iter().cloned().collect()
    }

    /// The frozenset CPython's compiler makes of constant elements (a `for`
    /// over, or `in`, a constant set display).
    pub fn frozenset_constant(items: Vec<(i64, Value)>) -> SetData {
        SetData { table: ok(SetTable::frozenset_constant(items, eq)) }
    }

    /// A set display of three or more constants (`BUILD_SET` + `SET_UPDATE`
    /// from a frozenset constant).
    pub fn from_constant_display(items: Vec<(i64, Value)>) -> SetData {
        SetData { table: ok(SetTable::from_constant_display(items, eq)) }
    }

    /// `s.update(other_set)` / `SET_UPDATE` with a set (CPython's `set_merge`).
    pub fn update_from(&mut self, other: &SetData) {
        ok(self.table.update(&other.table, eq))
    }

    /// `s &= t`, `s -= t`, `s ^= t` (in place, in CPython's order; `s op= s`
    /// is CPython's special case of a set operating on itself).
    pub fn update_op(&mut self, op: crate::vm::code::BinOp, other: &SetData, same: bool) {
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
    pub fn copy(&self) -> SetData {
        SetData { table: self.table.copy() }
    }

    /// `set_update_dict`'s resize for `n` keys about to be added.
    pub fn presize_for_dict(&mut self, n: usize) {
        self.table.presize_for_dict(n)
    }

    /// After discarding keys one by one (`difference_update` with an
    /// iterable): rebuild if more than a quarter of the slots are dummies.
    pub fn shrink_after_discards(&mut self) {
        self.table.shrink_after_discards()
    }

    /// Take `other`'s table in place of this one (`set_swap_bodies`; the pop
    /// finger stays).
    pub fn take_body(&mut self, other: SetData) {
        self.table.take_body(other.table)
    }

    pub fn union(&self, other: &SetData) -> SetData {
        SetData { table: ok(self.table.union(&other.table, eq)) }
    }

    pub fn intersection(&self, other: &SetData) -> SetData {
        SetData { table: ok(self.table.intersection(&other.table, eq)) }
    }

    pub fn difference(&self, other: &SetData) -> SetData {
        SetData { table: ok(self.table.difference(&other.table, eq)) }
    }

    pub fn symmetric_difference(&self, other: &SetData) -> SetData {
        SetData { table: ok(self.table.symmetric_difference(&other.table, eq)) }
    }
}
