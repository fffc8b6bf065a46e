//! `set` storage. The table layout decides iteration order, which programs
//! print, so this is CPython's set table (`pylib::settable`) holding values
//! compared with [`keys_equal`] (which never calls back into Python).

use super::dict::keys_equal;
use super::pylib::settable::SetTable;
use super::value::Value;
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

    /// The keys in iteration order.
    pub fn keys(&self) -> Vec<Value> {
        self.table.iter().cloned().collect()
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
