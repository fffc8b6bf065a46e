//! The methods of `list`, and of `tuple` and `range`, whose only methods
//! are `index` and `count` (`list_methods`, `tuple_methods`, `range_methods`
//! in CPython's `Objects/`): `list.sort`'s keyword parsing and its sort in
//! CPython's comparison order, `index`'s bounds clamped as slices are, and the
//! equality scans that call `__eq__` one item at a time.
//!
//! Not here: indexing, slicing and `in` (`ops`, which uses
//! [`Vm::list_position`]), `list()`/`tuple()`/`range()` themselves
//! (`builtins`), and timsort itself (`pylib::listsort`).

use crate::pylib;
use crate::vm::args::{self, Params};
use crate::vm::intern::{sym, Symbol};
use crate::vm::value::*;
use crate::vm::{Host, PyErr, PyResult, Vm};
use std::rc::Rc;

impl Vm {
    /// The first index in `start..end` of an item equal to `x` (`list.index`,
    /// `list.remove`, `in`), comparing as CPython does: identity first, then
    /// `==`. Items are read one at a time, so `__eq__` may mutate the list,
    /// and objects that only compare by identity (futures, most instances)
    /// are not compared otherwise.
    pub(crate) fn list_position(
        &mut self,
        host: &mut dyn Host,
        l: &Rc<List>,
        x: &Value,
        start: usize,
        end: usize,
    ) -> PyResult<Option<usize>> {
        let identity_only = |v: &Value| match v {
            Value::Instance(i) => i.class.lookup(sym::__eq__).is_none(),
            _ => false,
        };
        let x_plain = identity_only(x);
        let mut last_class: Option<(u64, bool)> = None;
        let mut i = start;
        loop {
            let item = {
                let items = l.0.borrow();
                if i >= items.len().min(end) {
                    return Ok(None);
                }
                if items[i].is(x) {
                    return Ok(Some(i));
                }
                items[i].clone()
            };
            let need_eq = if x_plain {
                match &item {
                    Value::Instance(it) => match last_class {
                        Some((id, has_eq)) if id == it.class.id => has_eq,
                        _ => {
                            let has_eq = it.class.lookup(sym::__eq__).is_some();
                            last_class = Some((it.class.id, has_eq));
                            has_eq
                        }
                    },
                    _ => false,
                }
            } else {
                true
            };
            if need_eq && self.eq(host, &item, x)? {
                return Ok(Some(i));
            }
            i += 1;
        }
    }

    /// The argument count and the `start`/`stop` of `list.index` /
    /// `tuple.index`, clamped to `0..=len` as CPython's `_PyEval_SliceIndex`.
    fn index_bounds(&mut self, args: &[Value], len: usize) -> PyResult<(usize, usize)> {
        args::count(self, "index", args, 1, 3)?;
        let len = len as i64;
        let start = args::slice_bound(self, args.get(1), 0, len)?;
        let stop = args::slice_bound(self, args.get(2), len, len)?;
        Ok((start as usize, stop as usize))
    }

    pub(super) fn seq_index_count(
        &mut self,
        host: &mut dyn Host,
        owner: &str,
        items: &[Value],
        name: Symbol,
        args: &[Value],
    ) -> PyResult<Value> {
        if name == sym::count {
            self.expect_args(owner, name, args, 1, 1)?;
            let mut n = 0;
            for x in items {
                if x.is(&args[0]) || self.eq(host, x, &args[0])? {
                    n += 1;
                }
            }
            return Ok(Value::Int(n));
        }
        if name == sym::index {
            let (a, b) = self.index_bounds(args, items.len())?;
            let (a, b) = (a as i64, b as i64);
            let mut i = a;
            while i < b {
                let x = &items[i as usize];
                if x.is(&args[0]) || self.eq(host, x, &args[0])? {
                    return Ok(Value::Int(i));
                }
                i += 1;
            }
            if owner == "list" {
                let r = self.repr(host, &args[0])?;
                return Err(self.value_error(format!("{r} is not in list")));
            }
            return Err(self.value_error("tuple.index(x): x not in tuple"));
        }
        Err(self.attribute_error(&Value::tuple(vec![]), name))
    }

    /// The arguments of `list.sort(*, key=None, reverse=False)` (and so of
    /// `sorted`, which passes no positional ones), checked as its Argument
    /// Clinic parser does: the count, then positional arguments, then
    /// unknown names (with a suggestion), then `reverse` converted to bool.
    pub(crate) fn sort_args(
        &mut self,
        host: &mut dyn Host,
        args: &[Value],
        kwargs: &Kwargs,
    ) -> PyResult<(Value, bool)> {
        let [key, reverse] =
            Params::clinic("sort", ["key", "reverse"], 0).positional(0).bind(self, args, kwargs)?;
        let key = key.cloned().unwrap_or(Value::None);
        let reverse = match reverse {
            Some(v) => self.truthy(host, v)?,
            None => false,
        };
        Ok((key, reverse))
    }

    pub(super) fn list_append(&mut self, l: &List, x: &Value) -> PyResult<Value> {
        let mut items = l.0.borrow_mut();
        items.push(x.clone());
        if items.len().is_multiple_of(256) {
            drop(items);
            self.alloc(256 * 16)?;
        }
        Ok(Value::None)
    }

    pub(super) fn list_method(
        &mut self,
        host: &mut dyn Host,
        recv: &Value,
        l: &Rc<List>,
        name: Symbol,
        args: &[Value],
        kwargs: &Kwargs,
    ) -> PyResult<Value> {
        let m = name;
        if m == sym::sort {
            let (key, reverse) = self.sort_args(host, args, kwargs)?;
            let items = std::mem::take(&mut *l.0.borrow_mut());
            let r = self.sort_values(host, items, &key, reverse);
            let modified = !l.0.borrow().is_empty();
            match r {
                Ok(sorted) => {
                    *l.0.borrow_mut() = sorted;
                    if modified {
                        return Err(self.value_error("list modified during sort"));
                    }
                    return Ok(Value::None);
                }
                Err((items, e)) => {
                    *l.0.borrow_mut() = items;
                    return Err(e);
                }
            }
        }
        self.no_kwargs("list", m, kwargs)?;
        if m == sym::append {
            self.expect_args("list", m, args, 1, 1)?;
            return self.list_append(l, &args[0]);
        }
        if m == sym::extend {
            self.expect_args("list", m, args, 1, 1)?;
            let items = self.iterate(host, &args[0])?;
            self.alloc(items.len() * 16)?;
            l.0.borrow_mut().extend(items);
            return Ok(Value::None);
        }
        if m == sym::insert {
            args::count(self, "insert", args, 2, 2)?;
            let i = args::index(self, &args[0])?;
            let mut items = l.0.borrow_mut();
            let j = args::clamp_index(i, items.len() as i64);
            items.insert(j as usize, args[1].clone());
            return Ok(Value::None);
        }
        if m == sym::pop {
            self.expect_args("list", m, args, 0, 1)?;
            // The index is converted before the list is looked at.
            let given = args.first().map(|v| args::index(self, v)).transpose()?;
            let mut items = l.0.borrow_mut();
            if items.is_empty() {
                drop(items);
                return Err(self.index_error("pop from empty list"));
            }
            let n = items.len() as i64;
            let i = match given {
                Some(i) if i < 0 => i + n,
                Some(i) => i,
                None => n - 1,
            };
            if i < 0 || i >= n {
                drop(items);
                return Err(self.index_error("pop index out of range"));
            }
            return Ok(items.remove(i as usize));
        }
        if m == sym::remove {
            self.expect_args("list", m, args, 1, 1)?;
            if let Some(i) = self.list_position(host, l, &args[0], 0, usize::MAX)? {
                let mut cur = l.0.borrow_mut();
                if i < cur.len() {
                    cur.remove(i);
                }
                return Ok(Value::None);
            }
            return Err(self.value_error("list.remove(x): x not in list"));
        }
        if m == sym::index {
            // Scanned in place (no copy of the list): `_Deque.remove` calls this
            // on the prelude's waiter lists, which hold thousands of futures.
            let len = l.0.borrow().len();
            let (a, b) = self.index_bounds(args, len)?;
            if let Some(i) = self.list_position(host, l, &args[0], a, b)? {
                return Ok(Value::Int(i as i64));
            }
            let r = self.repr(host, &args[0])?;
            return Err(self.value_error(format!("{r} is not in list")));
        }
        if m == sym::count {
            let items = l.0.borrow().clone();
            return self.seq_index_count(host, "list", &items, m, args);
        }
        if m == sym::reverse {
            self.expect_args("list", m, args, 0, 0)?;
            l.0.borrow_mut().reverse();
            return Ok(Value::None);
        }
        if m == sym::clear {
            self.expect_args("list", m, args, 0, 0)?;
            l.0.borrow_mut().clear();
            return Ok(Value::None);
        }
        if m == sym::copy {
            self.expect_args("list", m, args, 0, 0)?;
            return Ok(Value::list(l.0.borrow().clone()));
        }
        Err(self.attribute_error(recv, name))
    }

    /// `list.sort` on `items` (CPython's `list_sort_impl`): keys computed first,
    /// in order (a failing key function leaves the items as they were); then,
    /// for `reverse`, the items reversed, sorted stably and reversed back. The
    /// `<` comparisons are CPython's, in CPython's order
    /// ([`pylib::listsort`]). When a comparison fails, the items come back
    /// permuted as far as the sort got, as CPython leaves the list.
    pub(crate) fn sort_values(
        &mut self,
        host: &mut dyn Host,
        items: Vec<Value>,
        key: &Value,
        reverse: bool,
    ) -> Result<Vec<Value>, (Vec<Value>, PyErr)> {
        let n = items.len();
        let keys = if key.is_none() {
            None
        } else {
            let mut ks = Vec::with_capacity(n);
            for it in &items {
                match self.call(host, key, vec![it.clone()], vec![]) {
                    Ok(k) => ks.push(k),
                    Err(e) => return Err((items, e)),
                }
            }
            Some(ks)
        };
        if n < 2 {
            return Ok(items);
        }
        let keys: &[Value] = keys.as_deref().unwrap_or(&items);
        let mut perm: Vec<usize> = (0..n).collect();
        if reverse {
            perm.reverse();
        }
        // CPython's pre-sort check picks a comparison from the key types. Only
        // the observable cases matter here: ints and strs compare without side
        // effects (any stable sort gives the same result), floats need the exact
        // comparison order (NaN), and keys all of one class with a Python
        // `__lt__` get it called directly, falling back to the full `<` (which
        // calls it again) when it returns NotImplemented.
        let first = &keys[0];
        let same_class = match first {
            Value::Instance(c0) => keys
                .iter()
                .all(|k| matches!(k, Value::Instance(c) if Rc::ptr_eq(&c.class, &c0.class))),
            _ => false,
        };
        let mut result: PyResult<()> = Ok(());
        if keys.iter().all(|k| matches!(k, Value::Int(_) | Value::Bool(_))) {
            let iv = |v: &Value| match v {
                Value::Int(i) => *i,
                Value::Bool(b) => *b as i64,
                _ => 0,
            };
            perm.sort_by_key(|&i| iv(&keys[i]));
        } else if keys.iter().all(|k| matches!(k, Value::Str(_))) {
            fn sv(v: &Value) -> &str {
                if let Value::Str(s) = v {
                    s.s.as_str()
                } else {
                    ""
                }
            }
            perm.sort_by(|&a, &b| sv(&keys[a]).cmp(sv(&keys[b])));
        } else if keys.iter().all(|k| matches!(k, Value::Float(_))) {
            let fv = |v: &Value| if let Value::Float(f) = v { *f } else { 0.0 };
            let _ =
                pylib::listsort::sort::<()>(&mut perm, &mut |a, b| Ok(fv(&keys[a]) < fv(&keys[b])));
        } else {
            let direct_lt = match first {
                Value::Instance(i) if same_class => match i.class.lookup(sym::__lt__) {
                    Some(f @ Value::Function(_)) => Some(f),
                    _ => None,
                },
                _ => None,
            };
            result = pylib::listsort::sort(&mut perm, &mut |a, b| {
                let (x, y) = (&keys[a], &keys[b]);
                if let Some(f) = &direct_lt {
                    let r = self.call(host, f, vec![x.clone(), y.clone()], vec![])?;
                    if !matches!(r, Value::NotImplemented) {
                        return match r {
                            Value::Bool(b) => Ok(b),
                            other => self.truthy(host, &other),
                        };
                    }
                }
                self.less_than(host, x, y)
            });
        }
        if reverse {
            perm.reverse();
        }
        let mut slots: Vec<Option<Value>> = items.into_iter().map(Some).collect();
        let out: Vec<Value> =
            perm.into_iter().map(|i| slots[i].take().unwrap_or(Value::None)).collect();
        match result {
            Ok(()) => Ok(out),
            Err(e) => Err((out, e)),
        }
    }

    /// `range.index(x)` and `range.count(x)` (`range_index`, `range_count`):
    /// for an int or a bool, computed from the range's start and step (`5 is
    /// not in range`); for anything else, CPython's generic search, which
    /// compares every item with `==` (`sequence.index(x): x not in sequence`).
    /// Only an instance with an `__eq__` can observe that scan; a float is
    /// equal to at most one item, found by arithmetic, and the other builtin
    /// values equal none.
    pub(super) fn range_method(
        &mut self,
        host: &mut dyn Host,
        r: &RangeObj,
        name: Symbol,
        args: &[Value],
        kwargs: &Kwargs,
    ) -> PyResult<Value> {
        self.no_kwargs("range", name, kwargs)?;
        self.expect_args("range", name, args, 1, 1)?;
        let x = &args[0];
        let position = |i: i64| {
            let inside =
                if r.step > 0 { i >= r.start && i < r.stop } else { i <= r.start && i > r.stop };
            (inside && (i - r.start) % r.step == 0).then(|| (i - r.start) / r.step)
        };
        let hit = match x {
            Value::Int(i) => position(*i),
            Value::Bool(b) => position(*b as i64),
            // Exactly equal to an int: integral and within i64.
            Value::Float(f) if f.fract() == 0.0 && f.abs() < 9.2e18 => position(*f as i64),
            Value::Instance(inst) if inst.class.lookup(sym::__eq__).is_some() => {
                let mut found = 0;
                for k in 0..r.len() {
                    let item = Value::Int(r.start + k * r.step);
                    if self.eq(host, &item, x)? {
                        if name == sym::index {
                            return Ok(Value::Int(k));
                        }
                        found += 1;
                    }
                }
                return if name == sym::count {
                    Ok(Value::Int(found))
                } else {
                    Err(self.value_error("sequence.index(x): x not in sequence"))
                };
            }
            _ => None,
        };
        if name == sym::count {
            return Ok(Value::Int(hit.is_some() as i64));
        }
        match hit {
            Some(ix) => Ok(Value::Int(ix)),
            None if matches!(x, Value::Int(_) | Value::Bool(_)) => {
                let rep = self.repr(host, x)?;
                Err(self.value_error(format!("{rep} is not in range")))
            }
            None => Err(self.value_error("sequence.index(x): x not in sequence")),
        }
    }
}
