//! The builtin functions that consume an iterable (`sum`, `min`, `max`,
//! `sorted`, `any`, `all`) or wrap one in a lazy iterator (`reversed`,
//! `enumerate`, `zip`, `map`, `filter`), with CPython's checks in CPython's
//! order.
//!
//! Not here: stepping those iterators (`Vm::next` in `ops`), `list.sort`'s
//! comparisons (`methods`), and `iter`/`next` themselves (`builtins`).

use crate::vm::args::{count, exactly_one, index, only_keywords, Params};
use crate::vm::intern::Symbol;
use crate::vm::types::type_name;
use crate::vm::value::*;
use crate::vm::{Host, PyResult, Vm};
use std::cell::RefCell;
use std::rc::Rc;

/// `sum(iterable, start=0)` with CPython 3.12+'s compensated float summation.
pub(super) fn b_sum(
    vm: &mut Vm,
    host: &mut dyn Host,
    args: &[Value],
    kwargs: &Kwargs,
) -> PyResult<Value> {
    let [_, start] =
        Params::clinic("sum", ["iterable", "start"], 1).posonly(1).bind(vm, args, kwargs)?;
    let mut result = start.cloned().unwrap_or(Value::Int(0));
    match &result {
        Value::Str(_) => {
            return Err(vm.type_error("sum() can't sum strings [use ''.join(seq) instead]"))
        }
        Value::List(_)
        | Value::Tuple(_)
        | Value::Int(_)
        | Value::Float(_)
        | Value::Bool(_)
        | Value::Instance(_) => {}
        _ => {}
    }
    let it = vm.get_iter(host, args[0].clone())?;
    // Int fast path.
    if let Value::Int(mut acc) = result {
        loop {
            match vm.next(host, &it)? {
                None => return Ok(Value::Int(acc)),
                Some(Value::Int(i)) => match acc.checked_add(i) {
                    Some(s) => acc = s,
                    None => return Err(vm.overflow()),
                },
                Some(Value::Bool(b)) => acc += b as i64,
                Some(item) => {
                    result = vm.binary_op(
                        host,
                        crate::vm::code::BinOp::Add,
                        Value::Int(acc),
                        item,
                        false,
                    )?;
                    break;
                }
            }
        }
    }
    // Float path (Neumaier compensation), as CPython's builtin_sum_impl.
    if let Value::Float(mut f) = result {
        let mut c = 0.0f64;
        loop {
            match vm.next(host, &it)? {
                None => {
                    if c != 0.0 && c.is_finite() {
                        f += c;
                    }
                    return Ok(Value::Float(f));
                }
                Some(Value::Float(x)) => {
                    let t = f + x;
                    if f.abs() >= x.abs() {
                        c += (f - t) + x;
                    } else {
                        c += (x - t) + f;
                    }
                    f = t;
                }
                Some(Value::Int(i)) => f += i as f64,
                Some(Value::Bool(b)) => f += b as i64 as f64,
                Some(item) => {
                    if c != 0.0 && c.is_finite() {
                        f += c;
                    }
                    result = vm.binary_op(
                        host,
                        crate::vm::code::BinOp::Add,
                        Value::Float(f),
                        item,
                        false,
                    )?;
                    break;
                }
            }
        }
    }
    while let Some(item) = vm.next(host, &it)? {
        result = vm.binary_op(host, crate::vm::code::BinOp::Add, result, item, false)?;
    }
    Ok(result)
}

/// The first check of a parser given the keywords of a call without its
/// positional arguments (`min`, `max`, `zip`): at most `n` of them.
fn at_most_keywords(vm: &Vm, fname: &str, kwargs: &Kwargs, n: usize) -> PyResult<()> {
    if kwargs.len() > n {
        return Err(vm.type_error(format!(
            "{fname}() takes at most {n} keyword argument{} ({} given)",
            if n == 1 { "" } else { "s" },
            kwargs.len()
        )));
    }
    Ok(())
}

fn min_max(
    vm: &mut Vm,
    host: &mut dyn Host,
    args: &[Value],
    kwargs: &Kwargs,
    is_max: bool,
) -> PyResult<Value> {
    let fname = if is_max { "max" } else { "min" };
    // `min_max` checks for a positional argument, then parses the keywords
    // alone (`min() takes at most 2 keyword arguments (3 given)`).
    count(vm, fname, args, 1, usize::MAX)?;
    at_most_keywords(vm, fname, kwargs, 2)?;
    let [key, default] = Params::clinic(fname, ["key", "default"], 0)
        .positional(0)
        .varargs()
        .bind(vm, args, kwargs)?;
    let key = key.cloned().unwrap_or(Value::None);
    let default = default.cloned();
    let items = if args.len() == 1 {
        vm.iterate(host, &args[0])?
    } else {
        if default.is_some() {
            return Err(vm.type_error(format!(
                "Cannot specify a default for {fname}() with multiple positional arguments"
            )));
        }
        args.to_vec()
    };
    if items.is_empty() {
        return match default {
            Some(d) => Ok(d),
            None => Err(vm.value_error(format!("{fname}() iterable argument is empty"))),
        };
    }
    let mut best = items[0].clone();
    let mut best_key =
        if key.is_none() { best.clone() } else { vm.call(host, &key, vec![best.clone()], vec![])? };
    for item in items.into_iter().skip(1) {
        let k = if key.is_none() {
            item.clone()
        } else {
            vm.call(host, &key, vec![item.clone()], vec![])?
        };
        let better = if is_max {
            let r = vm.compare_op(host, crate::vm::code::CmpOp::Gt, &k, &best_key)?;
            vm.truthy(host, &r)?
        } else {
            vm.less_than(host, &k, &best_key)?
        };
        if better {
            best = item;
            best_key = k;
        }
    }
    Ok(best)
}

pub(super) fn b_min(
    vm: &mut Vm,
    host: &mut dyn Host,
    args: &[Value],
    kwargs: &Kwargs,
) -> PyResult<Value> {
    min_max(vm, host, args, kwargs, false)
}

pub(super) fn b_max(
    vm: &mut Vm,
    host: &mut dyn Host,
    args: &[Value],
    kwargs: &Kwargs,
) -> PyResult<Value> {
    min_max(vm, host, args, kwargs, true)
}

pub(super) fn b_sorted(
    vm: &mut Vm,
    host: &mut dyn Host,
    args: &[Value],
    kwargs: &Kwargs,
) -> PyResult<Value> {
    count(vm, "sorted", args, 1, 1)?;
    // CPython builds the list first, then calls `list.sort`, which checks the
    // keywords (and names itself `sort()` in the messages).
    let items = vm.iterate(host, &args[0])?;
    let (key, reverse) = vm.sort_args(host, &[], kwargs)?;
    match vm.sort_values(host, items, &key, reverse) {
        Ok(v) => Ok(Value::list(v)),
        Err((_, e)) => Err(e),
    }
}

fn make_iter(kind: IterKind) -> Value {
    Value::Iter(Rc::new(IterObj { kind: RefCell::new(kind) }))
}

pub(super) fn b_reversed(
    vm: &mut Vm,
    host: &mut dyn Host,
    args: &[Value],
    kwargs: &Kwargs,
) -> PyResult<Value> {
    // `reversed_vectorcall`: no keywords, then `_PyArg_CheckPositional`.
    only_keywords(vm, "reversed", kwargs, &[])?;
    count(vm, "reversed", args, 1, 1)?;
    let v = &args[0];
    let n = match v {
        Value::List(l) => l.0.borrow().len() as i64,
        Value::Tuple(t) => t.0.len() as i64,
        Value::Str(s) => s.nchars as i64,
        Value::Range(r) => r.len(),
        Value::Dict(d) => {
            let keys: Vec<Value> = d.0.borrow().keys().into_iter().rev().collect();
            return Ok(make_iter(IterKind::Seq { seq: Value::list(keys), index: 0 }));
        }
        Value::Instance(i) => {
            if let Some(f) = i.class.lookup(Symbol::new("__reversed__")) {
                return vm.call(host, &f, vec![v.clone()], vec![]);
            }
            return Err(vm.type_error(format!("'{}' object is not reversible", type_name(v))));
        }
        _ => return Err(vm.type_error(format!("'{}' object is not reversible", type_name(v)))),
    };
    Ok(make_iter(IterKind::Reversed { seq: v.clone(), index: n - 1 }))
}

pub(super) fn b_enumerate(
    vm: &mut Vm,
    host: &mut dyn Host,
    args: &[Value],
    kwargs: &Kwargs,
) -> PyResult<Value> {
    // enumerate's vectorcall (`enum_vectorcall`) binds by hand, checking
    // only the names it expects where it expects them, in this order.
    let (nargs, nkw) = (args.len(), kwargs.len());
    let expect = |i: usize, name: &str| -> PyResult<&Value> {
        let (k, v) = &kwargs[i];
        if k.with_str(|k| k == name) {
            Ok(v)
        } else {
            Err(vm.type_error(format!("'{k}' is an invalid keyword argument for enumerate()")))
        }
    };
    let (it, start) = match (nargs + nkw, nkw) {
        (2, 0) => (&args[0], Some(&args[1])),
        (2, 1) => (&args[0], Some(expect(0, "start")?)),
        (2, _) if kwargs[0].0.with_str(|k| k == "start") => {
            (expect(1, "iterable")?, Some(&kwargs[0].1))
        }
        (2, _) => (expect(0, "iterable")?, Some(expect(1, "start")?)),
        (1, 0) => (&args[0], None),
        (1, _) => (expect(0, "iterable")?, None),
        _ if nargs == 0 => {
            return Err(vm.type_error("enumerate() missing required argument 'iterable'"))
        }
        (n, _) => {
            return Err(vm.type_error(format!("enumerate() takes at most 2 arguments ({n} given)")))
        }
    };
    let (it, start) = (it.clone(), start.cloned());
    let start = match start {
        None => 0,
        Some(v) => index(vm, &v)?,
    };
    let inner = vm.get_iter(host, it)?;
    Ok(make_iter(IterKind::Enumerate { inner, count: start }))
}

pub(super) fn b_zip(
    vm: &mut Vm,
    host: &mut dyn Host,
    args: &[Value],
    kwargs: &Kwargs,
) -> PyResult<Value> {
    // `zip_new` parses the keywords alone (`zip() takes at most 1 keyword
    // argument (2 given)`).
    at_most_keywords(vm, "zip", kwargs, 1)?;
    let [strict] =
        Params::clinic("zip", ["strict"], 0).positional(0).varargs().bind(vm, args, kwargs)?;
    let strict = match strict {
        Some(v) => vm.truthy(host, v)?,
        None => false,
    };
    let mut inners = Vec::new();
    for a in args.iter() {
        inners.push(vm.get_iter(host, a.clone())?);
    }
    Ok(make_iter(IterKind::Zip { inners, strict }))
}

pub(super) fn b_map(
    vm: &mut Vm,
    host: &mut dyn Host,
    args: &[Value],
    kwargs: &Kwargs,
) -> PyResult<Value> {
    only_keywords(vm, "map", kwargs, &[])?;
    if args.len() < 2 {
        return Err(vm.type_error("map() must have at least two arguments."));
    }
    let mut inners = Vec::new();
    for a in &args[1..] {
        inners.push(vm.get_iter(host, a.clone())?);
    }
    Ok(make_iter(IterKind::Map { func: args[0].clone(), inners }))
}

pub(super) fn b_filter(
    vm: &mut Vm,
    host: &mut dyn Host,
    args: &[Value],
    kwargs: &Kwargs,
) -> PyResult<Value> {
    only_keywords(vm, "filter", kwargs, &[])?;
    count(vm, "filter", args, 2, 2)?;
    let inner = vm.get_iter(host, args[1].clone())?;
    Ok(make_iter(IterKind::Filter { func: args[0].clone(), inner }))
}

pub(super) fn b_any(
    vm: &mut Vm,
    host: &mut dyn Host,
    args: &[Value],
    kwargs: &Kwargs,
) -> PyResult<Value> {
    exactly_one(vm, "any", args, kwargs)?;
    let it = vm.get_iter(host, args[0].clone())?;
    while let Some(v) = vm.next(host, &it)? {
        if vm.truthy(host, &v)? {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

pub(super) fn b_all(
    vm: &mut Vm,
    host: &mut dyn Host,
    args: &[Value],
    kwargs: &Kwargs,
) -> PyResult<Value> {
    exactly_one(vm, "all", args, kwargs)?;
    let it = vm.get_iter(host, args[0].clone())?;
    while let Some(v) = vm.next(host, &it)? {
        if !vm.truthy(host, &v)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}
