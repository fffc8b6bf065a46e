//! CPython's set hash table (Objects/setobject.c), so that a set iterates, prints
//! and pops in CPython's order for the same history of operations.
//!
//! The table is open addressing over `2**k` slots (8 at first): a key goes to
//! slot `hash & mask`, then probes the next [`LINEAR_PROBES`] slots, then jumps by
//! `i = i*5 + 1 + perturb` with `perturb` shifted right by [`PERTURB_SHIFT`] each
//! time. Deleted keys leave dummies (reused by later adds); `fill` counts active
//! plus dummy slots, `used` active ones; when `fill*5 >= mask*3` after an add the
//! table is rebuilt for `used*4` (`used*2` above 50000) keys, to the smallest
//! power of two above that. Iteration is slot order. Every operation that builds a
//! new set (copy, `|`, `&`, `-`, `^`) follows CPython's own sequence of inserts,
//! which is what fixes its order.
//!
//! Keys are stored with their hash. Lookups compare keys only when hashes are
//! equal, through an `eq(stored, probe)` callback that may fail (a Python
//! `__eq__` can raise); like `PyObject_RichCompareBool` it should answer `true`
//! for the same object without calling `__eq__`. Where CPython takes a fast path
//! for an operand that is the set itself (`s -= s`, `s ^= s`, `s &= s`,
//! `s |= s`), the VM must call the method named in that method's doc.

/// Slots probed one after another before jumping (`LINEAR_PROBES`).
pub(crate) const LINEAR_PROBES: u64 = 9;
/// Right shift of the perturbation per jump (`PERTURB_SHIFT`).
pub(crate) const PERTURB_SHIFT: u32 = 5;
/// Slots of an empty set (`PySet_MINSIZE`).
pub(crate) const MIN_SIZE: usize = 8;

#[derive(Debug, Clone)]
enum Slot<K> {
    /// Never used since the last rebuild (`key == NULL`).
    Empty,
    /// A deleted key (`key == dummy`, `hash == -1`).
    Dummy,
    Active {
        hash: i64,
        key: K,
    },
}

/// A set's table: keys of type `K` with their Python hashes.
#[derive(Debug, Clone)]
pub struct SetTable<K> {
    table: Vec<Slot<K>>,
    /// Active and dummy slots.
    fill: usize,
    /// Active slots: the set's length.
    used: usize,
    /// Where `pop` starts looking (`finger`).
    finger: usize,
}

impl<K> Default for SetTable<K> {
    fn default() -> Self {
        SetTable::new()
    }
}

/// Python hashes are probed as C's unsigned `size_t`.
fn uhash(hash: i64) -> u64 {
    hash as u64
}

impl<K> SetTable<K> {
    /// An empty set (`set()`): 8 slots.
    pub fn new() -> SetTable<K> {
        SetTable { table: empty_slots(MIN_SIZE), fill: 0, used: 0, finger: 0 }
    }

    /// `len(s)`.
    pub(crate) fn len(&self) -> usize {
        self.used
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.used == 0
    }

    fn mask(&self) -> u64 {
        (self.table.len() - 1) as u64
    }

    /// The keys in iteration order (slot order).
    pub fn iter(&self) -> impl Iterator<Item = &K> {
        self.entries().map(|(_, k)| k)
    }

    /// `(hash, key)` pairs in iteration order.
    pub(crate) fn entries(&self) -> impl Iterator<Item = (i64, &K)> {
        self.table.iter().filter_map(|slot| match slot {
            Slot::Active { hash, key } => Some((*hash, key)),
            _ => None,
        })
    }

    /// `set_lookkey`: the slot holding a key equal to `key`, if any.
    fn lookup<E>(
        &self,
        hash: i64,
        key: &K,
        eq: &mut impl FnMut(&K, &K) -> Result<bool, E>,
    ) -> Result<Option<usize>, E> {
        let mask = self.mask();
        let mut perturb = uhash(hash);
        let mut i = uhash(hash) & mask;
        loop {
            let probes = if i + LINEAR_PROBES <= mask { LINEAR_PROBES } else { 0 };
            for j in i..=i + probes {
                match &self.table[j as usize] {
                    Slot::Empty => return Ok(None),
                    Slot::Active { hash: h, key: k } if *h == hash && eq(k, key)? => {
                        return Ok(Some(j as usize))
                    }
                    _ => {}
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb) & mask;
        }
    }

    /// `key in s`.
    pub(crate) fn contains<E>(
        &self,
        hash: i64,
        key: &K,
        mut eq: impl FnMut(&K, &K) -> Result<bool, E>,
    ) -> Result<bool, E> {
        Ok(self.lookup(hash, key, &mut eq)?.is_some())
    }

    /// `s.add(key)` (`set_add_entry`): no change if an equal key is present;
    /// otherwise the key goes into the last dummy slot seen on its probe path, or
    /// the empty slot that ended it (then the table may grow). Returns whether the
    /// key was added.
    pub fn add<E>(
        &mut self,
        hash: i64,
        key: K,
        mut eq: impl FnMut(&K, &K) -> Result<bool, E>,
    ) -> Result<bool, E> {
        self.add_entry(hash, key, &mut eq)
    }

    fn add_entry<E>(
        &mut self,
        hash: i64,
        key: K,
        eq: &mut impl FnMut(&K, &K) -> Result<bool, E>,
    ) -> Result<bool, E> {
        let mask = self.mask();
        let mut perturb = uhash(hash);
        let mut i = uhash(hash) & mask;
        let mut freeslot = None;
        let empty = 'probe: loop {
            let probes = if i + LINEAR_PROBES <= mask { LINEAR_PROBES } else { 0 };
            for j in i..=i + probes {
                match &self.table[j as usize] {
                    Slot::Empty => break 'probe j as usize,
                    Slot::Active { hash: h, key: k } => {
                        if *h == hash && eq(k, &key)? {
                            return Ok(false);
                        }
                    }
                    Slot::Dummy => freeslot = Some(j as usize),
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb) & mask;
        };
        self.used += 1;
        if let Some(slot) = freeslot {
            self.table[slot] = Slot::Active { hash, key };
            return Ok(true);
        }
        self.fill += 1;
        self.table[empty] = Slot::Active { hash, key };
        if (self.fill as u64) * 5 >= mask * 3 {
            self.resize(self.growth_target());
        }
        Ok(true)
    }

    /// The size `set_add_entry` and `difference_update` rebuild for.
    fn growth_target(&self) -> usize {
        if self.used > 50000 {
            self.used * 2
        } else {
            self.used * 4
        }
    }

    /// `s.discard(key)` (`set_discard_entry`): the key's slot becomes a dummy.
    /// Returns whether it was present (`s.remove` raises `KeyError` if not).
    pub fn discard<E>(
        &mut self,
        hash: i64,
        key: &K,
        mut eq: impl FnMut(&K, &K) -> Result<bool, E>,
    ) -> Result<bool, E> {
        self.discard_entry(hash, key, &mut eq)
    }

    fn discard_entry<E>(
        &mut self,
        hash: i64,
        key: &K,
        eq: &mut impl FnMut(&K, &K) -> Result<bool, E>,
    ) -> Result<bool, E> {
        match self.lookup(hash, key, eq)? {
            Some(slot) => {
                self.table[slot] = Slot::Dummy;
                self.used -= 1;
                Ok(true)
            }
            None => Ok(false),
        }
    }

    /// `s.pop()` (`set_pop_impl`): the first active slot at or after the finger
    /// (wrapping around), which then moves past it. `None` for an empty set
    /// (CPython: `KeyError: 'pop from an empty set'`).
    pub fn pop(&mut self) -> Option<K> {
        if self.used == 0 {
            return None;
        }
        let n = self.table.len();
        let mut i = self.finger & (n - 1);
        while !matches!(self.table[i], Slot::Active { .. }) {
            i = (i + 1) % n;
        }
        let Slot::Active { key, .. } = std::mem::replace(&mut self.table[i], Slot::Dummy) else {
            unreachable!("slot {i} is active")
        };
        self.used -= 1;
        self.finger = i + 1;
        Some(key)
    }

    /// `s.clear()`: back to 8 empty slots (the pop finger stays where it was).
    pub fn clear(&mut self) {
        self.table = empty_slots(MIN_SIZE);
        self.fill = 0;
        self.used = 0;
    }

    /// `set_table_resize`: rebuilds the table with the smallest power of two
    /// above `min_used` slots (at least 8), re-inserting the active keys in slot
    /// order. An 8-slot table without dummies is left alone.
    fn resize(&mut self, min_used: usize) {
        let mut size = MIN_SIZE;
        while size <= min_used {
            size <<= 1;
        }
        if size == MIN_SIZE && self.table.len() == MIN_SIZE && self.fill == self.used {
            return;
        }
        let old = std::mem::replace(&mut self.table, empty_slots(size));
        self.fill = self.used;
        for slot in old {
            if let Slot::Active { hash, key } = slot {
                self.insert_clean(hash, key);
            }
        }
    }

    /// `set_insert_clean`: puts a key known to be absent into the first empty
    /// slot of its probe path (the table has no dummies). Does not count it.
    fn insert_clean(&mut self, hash: i64, key: K) {
        let mask = self.mask();
        let mut perturb = uhash(hash);
        let mut i = uhash(hash) & mask;
        loop {
            let probes = if i + LINEAR_PROBES <= mask { LINEAR_PROBES } else { 0 };
            for j in i..=i + probes {
                if matches!(self.table[j as usize], Slot::Empty) {
                    self.table[j as usize] = Slot::Active { hash, key };
                    return;
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb) & mask;
        }
    }
}

fn empty_slots<K>(n: usize) -> Vec<Slot<K>> {
    std::iter::repeat_with(|| Slot::Empty).take(n).collect()
}

impl<K: Clone> SetTable<K> {
    /// `s.update(other)` / `s |= other` for a set `other` (`set_merge`): one
    /// resize up front if needed; an empty set with the same table size and no
    /// dummies in `other` copies its slots as they are; an empty set otherwise
    /// re-inserts `other`'s keys in `other`'s order; else they are added one by
    /// one. (For `s |= s` CPython does nothing.)
    pub fn update<E>(
        &mut self,
        other: &SetTable<K>,
        mut eq: impl FnMut(&K, &K) -> Result<bool, E>,
    ) -> Result<(), E> {
        if other.used == 0 {
            return Ok(());
        }
        if ((self.fill + other.used) as u64) * 5 >= self.mask() * 3 {
            self.resize((self.used + other.used) * 2);
        }
        if self.fill == 0 {
            if self.mask() == other.mask() && other.fill == other.used {
                self.table.clone_from(&other.table);
                self.fill = other.fill;
            } else {
                self.fill = other.used;
                for (hash, key) in other.entries() {
                    self.insert_clean(hash, key.clone());
                }
            }
            self.used = other.used;
            return Ok(());
        }
        for (hash, key) in other.entries() {
            self.add_entry(hash, key.clone(), &mut eq)?;
        }
        Ok(())
    }

    /// `s.update(d)` for a dict (`set_update_dict`): one resize up front for
    /// `len(d)` more keys, then the keys added in dict order. `keys` are the dict's
    /// `(hash, key)` pairs.
    pub fn update_from_dict<E>(
        &mut self,
        keys: impl ExactSizeIterator<Item = (i64, K)>,
        mut eq: impl FnMut(&K, &K) -> Result<bool, E>,
    ) -> Result<(), E> {
        self.presize_for_dict(keys.len());
        for (hash, key) in keys {
            self.add_entry(hash, key, &mut eq)?;
        }
        Ok(())
    }

    /// The start of `set_update_dict`: one resize up front for `n` more keys
    /// (which the caller then adds in dict order).
    pub(crate) fn presize_for_dict(&mut self, n: usize) {
        if ((self.fill + n) as u64) * 5 >= self.mask() * 3 {
            self.resize((self.used + n) * 2);
        }
    }

    /// `s.copy()`, `set(s)`, `frozenset(s)`: an empty set updated with `s`.
    pub fn copy(&self) -> SetTable<K> {
        let mut copy = SetTable::new();
        copy.update(self, |_: &K, _: &K| -> Result<bool, ()> {
            unreachable!("an empty set never compares")
        })
        .expect("copying compares nothing");
        copy
    }

    /// `s | t` (`set_or`): a copy of `s` updated with `t`. (For `s | s`, just
    /// `s.copy()`.)
    pub fn union<E>(
        &self,
        other: &SetTable<K>,
        eq: impl FnMut(&K, &K) -> Result<bool, E>,
    ) -> Result<SetTable<K>, E> {
        let mut result = self.copy();
        result.update(other, eq)?;
        Ok(result)
    }

    /// `s & t` (`set_intersection`): walks the smaller set (`t` when the sizes are
    /// equal) in its order and adds the keys the other one contains. (For `s & s`,
    /// `s.copy()`.)
    pub fn intersection<E>(
        &self,
        other: &SetTable<K>,
        mut eq: impl FnMut(&K, &K) -> Result<bool, E>,
    ) -> Result<SetTable<K>, E> {
        let (walk, probe) = if other.used > self.used { (self, other) } else { (other, self) };
        let mut result = SetTable::new();
        for (hash, key) in walk.entries() {
            if probe.lookup(hash, key, &mut eq)?.is_some() {
                result.add_entry(hash, key.clone(), &mut eq)?;
            }
        }
        Ok(result)
    }

    /// `s &= t` (`set_intersection_update`): `s & t` takes the place of `s`'s table
    /// (the pop finger stays). For `s &= s`, use [`SetTable::intersection_update_self`].
    pub fn intersection_update<E>(
        &mut self,
        other: &SetTable<K>,
        eq: impl FnMut(&K, &K) -> Result<bool, E>,
    ) -> Result<(), E> {
        let result = self.intersection(other, eq)?;
        self.take_body(result);
        Ok(())
    }

    /// `s &= s`: CPython swaps in `s.copy()`, which drops dummies and may reorder.
    pub fn intersection_update_self(&mut self) {
        let copy = self.copy();
        self.take_body(copy);
    }

    /// `set_swap_bodies` as used by the in-place operators: table and counts
    /// change, the finger does not.
    pub(crate) fn take_body(&mut self, other: SetTable<K>) {
        self.table = other.table;
        self.fill = other.fill;
        self.used = other.used;
    }

    /// `s - t` (`set_difference`): if `len(s) >> 2 > len(t)`, a copy of `s` with
    /// `t`'s keys discarded; otherwise a new set of `s`'s keys not in `t`, added
    /// in `s`'s order.
    pub fn difference<E>(
        &self,
        other: &SetTable<K>,
        mut eq: impl FnMut(&K, &K) -> Result<bool, E>,
    ) -> Result<SetTable<K>, E> {
        if (self.used >> 2) > other.used {
            let mut result = self.copy();
            result.difference_update(other, eq)?;
            return Ok(result);
        }
        let mut result = SetTable::new();
        for (hash, key) in self.entries() {
            if other.lookup(hash, key, &mut eq)?.is_none() {
                result.add_entry(hash, key.clone(), &mut eq)?;
            }
        }
        Ok(result)
    }

    /// `s -= t` / `s.difference_update(t)` (`set_difference_update_internal`): `t`'s
    /// keys discarded, then a rebuild if more than a quarter of the slots are
    /// dummies. (For `s -= s`, CPython calls [`SetTable::clear`].)
    pub fn difference_update<E>(
        &mut self,
        other: &SetTable<K>,
        mut eq: impl FnMut(&K, &K) -> Result<bool, E>,
    ) -> Result<(), E> {
        for (hash, key) in other.entries() {
            self.discard_entry(hash, key, &mut eq)?;
        }
        self.shrink_after_discards();
        Ok(())
    }

    /// The end of `set_difference_update_internal` (for a caller that discards
    /// keys one by one).
    pub(crate) fn shrink_after_discards(&mut self) {
        if (self.fill - self.used) as u64 > self.mask() / 4 {
            self.resize(self.growth_target());
        }
    }

    /// `s ^= t` (`set_symmetric_difference_update`): for each key of `t` in `t`'s
    /// order, discard it from `s`, or add it if it was not there. (For `s ^= s`,
    /// CPython calls [`SetTable::clear`].)
    pub fn symmetric_difference_update<E>(
        &mut self,
        other: &SetTable<K>,
        mut eq: impl FnMut(&K, &K) -> Result<bool, E>,
    ) -> Result<(), E> {
        for (hash, key) in other.entries() {
            if !self.discard_entry(hash, key, &mut eq)? {
                self.add_entry(hash, key.clone(), &mut eq)?;
            }
        }
        Ok(())
    }

    /// `s ^ t` (`set_symmetric_difference`): a copy of `t`, symmetric-updated with
    /// `s`.
    pub fn symmetric_difference<E>(
        &self,
        other: &SetTable<K>,
        mut eq: impl FnMut(&K, &K) -> Result<bool, E>,
    ) -> Result<SetTable<K>, E> {
        let mut result = SetTable::new();
        result.update(other, &mut eq)?;
        result.symmetric_difference_update(self, &mut eq)?;
        Ok(result)
    }

    /// The frozenset the compiler makes of constant elements (`{1, 2, 3}` with
    /// three or more constants, and any constant set after `in` or in a `for`):
    /// built by adding the constants in source order, then rebuilt by adding
    /// them again in that set's order (`merge_consts_recursive`). Iterating it
    /// gives CPython's order for `for x in {5, 3, 1000}`.
    pub fn frozenset_constant<E>(
        items: impl IntoIterator<Item = (i64, K)>,
        mut eq: impl FnMut(&K, &K) -> Result<bool, E>,
    ) -> Result<SetTable<K>, E> {
        let mut first = SetTable::new();
        for (hash, key) in items {
            first.add_entry(hash, key, &mut eq)?;
        }
        let mut second = SetTable::new();
        for (hash, key) in first.entries() {
            second.add_entry(hash, key.clone(), &mut eq)?;
        }
        Ok(second)
    }

    /// A set display of three or more constants, `{5, 3, 1000, 8}`: `BUILD_SET 0`
    /// then `SET_UPDATE` with [`SetTable::frozenset_constant`] (so its order can
    /// differ from adding the same keys one by one, which is what `{a, b}` and
    /// displays with a non-constant element do).
    pub fn from_constant_display<E>(
        items: impl IntoIterator<Item = (i64, K)>,
        mut eq: impl FnMut(&K, &K) -> Result<bool, E>,
    ) -> Result<SetTable<K>, E> {
        let constant = SetTable::frozenset_constant(items, &mut eq)?;
        Ok(constant.copy())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn eq(a: &i64, b: &i64) -> Result<bool, ()> {
        Ok(a == b)
    }

    fn set_of(keys: &[i64]) -> SetTable<i64> {
        let mut s = SetTable::new();
        for &k in keys {
            s.add(super::super::hash::hash_int(k), k, eq).unwrap();
        }
        s
    }

    #[test]
    fn orders_like_cpython() {
        let s = set_of(&[5, 3, 1000, 8, 16, 1]);
        assert_eq!(s.iter().copied().collect::<Vec<_>>(), [1, 3, 5, 1000, 8, 16]);
        let items = [5, 3, 1000, 8, 16, 1].map(|k| (k, k));
        let display = SetTable::from_constant_display(items, eq).unwrap();
        assert_eq!(display.iter().copied().collect::<Vec<_>>(), [16, 1, 3, 5, 1000, 8]);
        let union = display.union(&set_of(&[2, 33]), eq).unwrap();
        assert_eq!(union.iter().copied().collect::<Vec<_>>(), [16, 1, 33, 3, 2, 5, 1000, 8]);
    }
}
