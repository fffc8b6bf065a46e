//! The builtin functions (`print`, `len`, `sorted`, ...), builtin type
//! constructors (`int("3")`, `list(x)`), and the `random` module.

use super::dict::DictData;
use super::exc::{with_exc, ExcKind};
use super::intern::{sym, Symbol};
use super::types::{add_native, type_name};
use super::value::*;
use super::{Host, PyResult, Vm};
use crate::pylib;
use std::cell::RefCell;
use std::rc::Rc;

fn builtin(name: &str, f: NativeFn) -> Value {
    Value::Builtin(Rc::new(Builtin {
        name: name.into(),
        qualname: name.into(),
        kind: BuiltinKind::Native(f),
        id: next_id(),
    }))
}

fn kw<'a>(kwargs: &'a Kwargs, name: &str) -> Option<&'a Value> {
    let s = Symbol::new(name);
    kwargs.iter().find(|(k, _)| *k == s).map(|(_, v)| v)
}

/// Refuse keyword arguments other than `allowed`.
fn check_kwargs(vm: &Vm, fname: &str, kwargs: &Kwargs, allowed: &[&str]) -> PyResult<()> {
    for (k, _) in kwargs {
        let ok = k.with_str(|s| allowed.contains(&s));
        if !ok {
            if allowed.is_empty() {
                return Err(vm.type_error(format!("{fname}() takes no keyword arguments")));
            }
            let msg = k.with_str(|k| crate::pylib::suggest::unexpected_keyword(fname, k, allowed));
            return Err(vm.type_error(msg));
        }
    }
    Ok(())
}

/// Argument Clinic's `_PyArg_UnpackKeywords` for a builtin whose parameters
/// `names` are all positional-or-keyword, the first `required` of them
/// required: the bound values in order (`None` where not given), with
/// CPython's errors in CPython's order.
fn clinic_bind(
    vm: &Vm,
    fname: &str,
    args: &[Value],
    kwargs: &Kwargs,
    names: &[&str],
    required: usize,
) -> PyResult<Vec<Option<Value>>> {
    let (nargs, max) = (args.len(), names.len());
    if nargs + kwargs.len() > max {
        return Err(vm.type_error(format!(
            "{fname}() takes at most {max} {}argument{} ({} given)",
            if nargs == 0 { "keyword " } else { "" },
            if max == 1 { "" } else { "s" },
            nargs + kwargs.len()
        )));
    }
    let mut out: Vec<Option<Value>> = args.iter().cloned().map(Some).collect();
    let mut nkw = kwargs.len();
    for (i, name) in names.iter().enumerate().skip(nargs) {
        let v = if nkw > 0 { kw(kwargs, name).cloned() } else { None };
        if v.is_some() {
            nkw -= 1;
        } else if i < required {
            return Err(vm.type_error(format!(
                "{fname}() missing required argument '{name}' (pos {})",
                i + 1
            )));
        }
        out.push(v);
    }
    if nkw > 0 {
        for (i, name) in names.iter().enumerate().take(nargs) {
            if kw(kwargs, name).is_some() {
                return Err(vm.type_error(format!(
                    "argument for {fname}() given by name ('{name}') and position ({})",
                    i + 1
                )));
            }
        }
        check_kwargs(vm, fname, kwargs, names)?;
    }
    Ok(out)
}

fn exactly_one(vm: &Vm, fname: &str, args: &[Value], kwargs: &Kwargs) -> PyResult<()> {
    check_kwargs(vm, fname, kwargs, &[])?;
    if args.len() != 1 {
        return Err(
            vm.type_error(format!("{fname}() takes exactly one argument ({} given)", args.len()))
        );
    }
    Ok(())
}

fn arg_count(vm: &Vm, fname: &str, args: &[Value], min: usize, max: usize) -> PyResult<()> {
    if args.len() < min {
        return Err(vm.type_error(format!(
            "{fname} expected at least {min} argument{}, got {}",
            if min == 1 { "" } else { "s" },
            args.len()
        )));
    }
    if args.len() > max {
        return Err(vm.type_error(format!(
            "{fname} expected at most {max} argument{}, got {}",
            if max == 1 { "" } else { "s" },
            args.len()
        )));
    }
    Ok(())
}

pub fn install(vm: &mut Vm) {
    let fns: &[(&str, NativeFn)] = &[
        ("print", b_print),
        ("len", b_len),
        ("repr", b_repr),
        ("ascii", b_ascii),
        ("abs", b_abs),
        ("round", b_round),
        ("sum", b_sum),
        ("min", b_min),
        ("max", b_max),
        ("sorted", b_sorted),
        ("reversed", b_reversed),
        ("enumerate", b_enumerate),
        ("zip", b_zip),
        ("map", b_map),
        ("filter", b_filter),
        ("any", b_any),
        ("all", b_all),
        ("isinstance", b_isinstance),
        ("issubclass", b_issubclass),
        ("hasattr", b_hasattr),
        ("getattr", b_getattr),
        ("setattr", b_setattr),
        ("delattr", b_delattr),
        ("id", b_id),
        ("hash", b_hash),
        ("iter", b_iter),
        ("next", b_next),
        ("divmod", b_divmod),
        ("pow", b_pow),
        ("chr", b_chr),
        ("ord", b_ord),
        ("hex", b_hex),
        ("oct", b_oct),
        ("bin", b_bin),
        ("format", b_format),
        ("callable", b_callable),
        ("input", b_input),
        ("open", b_open),
        ("vars", b_vars),
    ];
    for (name, f) in fns {
        vm.builtins.insert(Symbol::new(name), builtin(name, *f));
    }
    for (name, cls) in vm.types.builtin_names() {
        vm.builtins.insert(Symbol::new(name), Value::Class(cls));
    }
    for k in ExcKind::ALL {
        let c = vm.types.exc_class(*k).clone();
        vm.builtins.insert(Symbol::new(k.name()), Value::Class(c));
    }
    vm.builtins.insert(
        Symbol::new("EnvironmentError"),
        Value::Class(vm.types.exc_class(ExcKind::OSError).clone()),
    );
    vm.builtins
        .insert(Symbol::new("IOError"), Value::Class(vm.types.exc_class(ExcKind::OSError).clone()));
    vm.builtins.insert(Symbol::new("NotImplemented"), Value::NotImplemented);
    vm.builtins.insert(Symbol::new("Ellipsis"), Value::Ellipsis);
    install_exception_methods(vm);
    install_group(vm);
    super::gen::install(vm);
    super::egroup::install(vm);
    dict_classmethods(vm);
    install_random(vm);
}

fn install_exception_methods(vm: &mut Vm) {
    let base = vm.types.exc_class(ExcKind::BaseException).clone();
    add_native(&base, "__init__", |vm, _h, args, _kw| {
        // BaseException.__init__(self, *args) sets args.
        let me = exception_self(vm, args, "__init__", "BaseException", true)?;
        let rest = Value::tuple(args[1..].to_vec());
        with_exc(me, |d| d.args = rest);
        Ok(Value::None)
    });
    add_native(&base, "with_traceback", |vm, _h, args, _kw| {
        Ok(exception_self(vm, args, "with_traceback", "BaseException", false)?.clone())
    });
    add_native(&base, "add_note", |vm, h, args, _kw| {
        let me = exception_self(vm, args, "add_note", "BaseException", false)?.clone();
        let note = args.get(1).cloned().unwrap_or(Value::None);
        let notes = vm.getattr(h, &me, sym::__notes__).ok();
        match notes {
            Some(Value::List(l)) => l.0.borrow_mut().push(note),
            _ => {
                if let Value::Instance(i) = &me {
                    i.attrs.borrow_mut().set(sym::__notes__, Value::list(vec![note]));
                }
            }
        }
        Ok(Value::None)
    });
}

/// The exception a method of `owner` was called on: CPython's errors for an
/// unbound call with no argument or a receiver that is no exception (`init`:
/// the `__init__` slot wrapper's wording, else a method descriptor's).
fn exception_self<'a>(
    vm: &Vm,
    args: &'a [Value],
    method: &str,
    owner: &str,
    init: bool,
) -> PyResult<&'a Value> {
    match args.first() {
        Some(v) if super::exc::is_exception(v) => Ok(v),
        Some(v) if init => Err(vm.type_error(format!(
            "descriptor '{method}' requires a '{owner}' object but received a '{}'",
            type_name(v)
        ))),
        Some(v) => Err(vm.type_error(format!(
            "descriptor '{method}' for '{owner}' objects doesn't apply to a '{}' object",
            type_name(v)
        ))),
        None if init => {
            Err(vm
                .type_error(format!("descriptor '{method}' of '{owner}' object needs an argument")))
        }
        None => Err(vm.type_error(format!("unbound method {owner}.{method}() needs an argument"))),
    }
}

fn install_group(vm: &mut Vm) {
    let g = vm.types.exc_class(ExcKind::BaseExceptionGroup).clone();
    add_native(&g, "__init__", |vm, h, args, _kw| {
        let me = exception_self(vm, args, "__init__", "BaseExceptionGroup", true)?.clone();
        if args.len() != 3 {
            return Err(vm.type_error(format!(
                "BaseExceptionGroup.__new__() takes exactly 2 arguments ({} given)",
                args.len() - 1
            )));
        }
        let msg = args[1].clone();
        if !matches!(msg, Value::Str(_)) {
            return Err(vm.type_error(format!(
                "BaseExceptionGroup.__new__() argument 1 must be str, not {}",
                type_name(&msg)
            )));
        }
        if !matches!(args[2], Value::List(_) | Value::Tuple(_) | Value::Range(_) | Value::Str(_)) {
            return Err(vm.type_error("second argument (exceptions) must be a sequence"));
        }
        let items = vm.iterate(h, &args[2])?;
        if items.is_empty() {
            return Err(vm.value_error("second argument (exceptions) must be a non-empty sequence"));
        }
        for (i, e) in items.iter().enumerate() {
            if !super::exc::is_exception(e) {
                return Err(vm.value_error(format!(
                    "Item {i} of second argument (exceptions) is not an exception"
                )));
            }
        }
        let excs = Value::tuple(items);
        let given = args[2].clone();
        with_exc(&me, |d| {
            d.args = Value::tuple(vec![msg.clone(), given]);
            d.group = Some((msg, excs));
        });
        Ok(Value::None)
    });
}

fn dict_classmethods(vm: &mut Vm) {
    let d = vm.types.dict.clone();
    let f = builtin("fromkeys", |vm, h, args, _kw| vm.dict_fromkeys(h, args));
    let cm = Value::Instance(Rc::new(Instance {
        class: vm.types.classmethod.clone(),
        attrs: Default::default(),
        payload: RefCell::new(Payload::StaticMethod(f)),
        id: next_id(),
    }));
    d.set_attr(sym::fromkeys, cm);
}

// ---- printing and conversion ------------------------------------------------

fn b_print(vm: &mut Vm, host: &mut dyn Host, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    check_kwargs(vm, "print", kwargs, &["sep", "end", "file", "flush"])?;
    let sep = match kw(kwargs, "sep") {
        None | Some(Value::None) => " ".to_string(),
        Some(Value::Str(s)) => s.s.clone(),
        Some(other) => {
            return Err(
                vm.type_error(format!("sep must be None or a string, not {}", type_name(other)))
            )
        }
    };
    let end = match kw(kwargs, "end") {
        None | Some(Value::None) => "\n".to_string(),
        Some(Value::Str(s)) => s.s.clone(),
        Some(other) => {
            return Err(
                vm.type_error(format!("end must be None or a string, not {}", type_name(other)))
            )
        }
    };
    let mut out = String::new();
    for (i, a) in args.iter().enumerate() {
        if i > 0 {
            out.push_str(&sep);
        }
        out.push_str(&vm.str(host, a)?);
    }
    out.push_str(&end);
    match kw(kwargs, "file") {
        None | Some(Value::None) => host.write(vm, &out),
        Some(file) => {
            let file = file.clone();
            vm.call_method(host, &file, Symbol::new("write"), vec![Value::str(&out)], Vec::new())?;
        }
    }
    Ok(Value::None)
}

fn b_len(vm: &mut Vm, host: &mut dyn Host, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    exactly_one(vm, "len", args, kwargs)?;
    Ok(Value::Int(vm.len(host, &args[0])?))
}

fn b_repr(vm: &mut Vm, host: &mut dyn Host, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    exactly_one(vm, "repr", args, kwargs)?;
    Ok(Value::str(vm.repr(host, &args[0])?))
}

fn b_ascii(vm: &mut Vm, host: &mut dyn Host, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    exactly_one(vm, "ascii", args, kwargs)?;
    Ok(Value::str(vm.ascii(host, &args[0])?))
}

fn b_abs(vm: &mut Vm, host: &mut dyn Host, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    exactly_one(vm, "abs", args, kwargs)?;
    match &args[0] {
        Value::Int(i) => i.checked_abs().map(Value::Int).ok_or_else(|| vm.overflow()),
        Value::Bool(b) => Ok(Value::Int(*b as i64)),
        Value::Float(f) => Ok(Value::Float(f.abs())),
        Value::Instance(i) => match i.class.lookup(Symbol::new("__abs__")) {
            Some(f) => vm.call(host, &f, vec![args[0].clone()], vec![]),
            None => {
                Err(vm.type_error(format!("bad operand type for abs(): '{}'", type_name(&args[0]))))
            }
        },
        other => Err(vm.type_error(format!("bad operand type for abs(): '{}'", type_name(other)))),
    }
}

fn b_round(vm: &mut Vm, host: &mut dyn Host, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let bound = clinic_bind(vm, "round", args, kwargs, &["number", "ndigits"], 1)?;
    let x = bound[0].clone().unwrap_or(Value::None);
    let nd = bound[1].clone().unwrap_or(Value::None);
    let nd = match nd {
        Value::None => None,
        Value::Int(i) => Some(i),
        Value::Bool(b) => Some(b as i64),
        other => {
            return Err(vm.type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                type_name(&other)
            )))
        }
    };
    let r = match (&x, nd) {
        (Value::Int(i), None) => Ok(Value::Int(*i)),
        (Value::Bool(b), None) => Ok(Value::Int(*b as i64)),
        (Value::Int(i), Some(n)) => {
            pylib::int_ops::round_int(*i, n).map(Value::Int).map_err(|e| vm.arith_error(e))
        }
        (Value::Bool(b), Some(n)) => {
            pylib::int_ops::round_int(*b as i64, n).map(Value::Int).map_err(|e| vm.arith_error(e))
        }
        (Value::Float(f), None) => {
            pylib::int_ops::round_float_to_int(*f).map(Value::Int).map_err(|e| vm.arith_error(e))
        }
        (Value::Float(f), Some(n)) => {
            pylib::int_ops::round_float(*f, n).map(Value::Float).map_err(|e| vm.pylib_error(e))
        }
        (Value::Instance(i), _) => {
            return match i.class.lookup(Symbol::new("__round__")) {
                Some(f) => {
                    let mut a = vec![x.clone()];
                    if let Some(n) = nd {
                        a.push(Value::Int(n));
                    }
                    vm.call(host, &f, a, vec![])
                }
                None => Err(vm
                    .type_error(format!("type {} doesn't define __round__ method", type_name(&x)))),
            };
        }
        _ => {
            return Err(
                vm.type_error(format!("type {} doesn't define __round__ method", type_name(&x)))
            )
        }
    };
    r
}

/// `sum(iterable, start=0)` with CPython 3.12+'s compensated float summation.
fn b_sum(vm: &mut Vm, host: &mut dyn Host, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    check_kwargs(vm, "sum", kwargs, &["start"])?;
    arg_count(vm, "sum", args, 1, 2)?;
    let mut result = args.get(1).or(kw(kwargs, "start")).cloned().unwrap_or(Value::Int(0));
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

fn min_max(
    vm: &mut Vm,
    host: &mut dyn Host,
    args: &[Value],
    kwargs: &Kwargs,
    is_max: bool,
) -> PyResult<Value> {
    let fname = if is_max { "max" } else { "min" };
    check_kwargs(vm, fname, kwargs, &["key", "default"])?;
    let key = kw(kwargs, "key").cloned().unwrap_or(Value::None);
    let default = kw(kwargs, "default").cloned();
    if args.is_empty() {
        return Err(vm.type_error(format!("{fname} expected at least 1 argument, got 0")));
    }
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

fn b_min(vm: &mut Vm, host: &mut dyn Host, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    min_max(vm, host, args, kwargs, false)
}

fn b_max(vm: &mut Vm, host: &mut dyn Host, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    min_max(vm, host, args, kwargs, true)
}

fn b_sorted(vm: &mut Vm, host: &mut dyn Host, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    if args.len() != 1 {
        return Err(vm.type_error(format!("sorted expected 1 argument, got {}", args.len())));
    }
    // CPython builds the list first, then calls `list.sort`, which checks the
    // keywords (and names itself `sort()` in the messages).
    let items = vm.iterate(host, &args[0])?;
    let (key, reverse) = vm.sort_kwargs(host, kwargs)?;
    match vm.sort_values(host, items, &key, reverse) {
        Ok(v) => Ok(Value::list(v)),
        Err((_, e)) => Err(e),
    }
}

fn make_iter(kind: IterKind) -> Value {
    Value::Iter(Rc::new(IterObj { kind: RefCell::new(kind) }))
}

fn b_reversed(
    vm: &mut Vm,
    host: &mut dyn Host,
    args: &[Value],
    kwargs: &Kwargs,
) -> PyResult<Value> {
    exactly_one(vm, "reversed", args, kwargs)?;
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

fn b_enumerate(
    vm: &mut Vm,
    host: &mut dyn Host,
    args: &[Value],
    kwargs: &Kwargs,
) -> PyResult<Value> {
    // enumerate parses with PyArg_ParseTupleAndKeywords: its own wording.
    for (k, _) in kwargs {
        if !k.with_str(|k| k == "iterable" || k == "start") {
            return Err(
                vm.type_error(format!("'{k}' is an invalid keyword argument for enumerate()"))
            );
        }
    }
    let it = args.first().or(kw(kwargs, "iterable")).cloned();
    let Some(it) = it else {
        return Err(vm.type_error("enumerate() missing required argument 'iterable'"));
    };
    let start = match args.get(1).or(kw(kwargs, "start")) {
        None => 0,
        Some(Value::Int(i)) => *i,
        Some(Value::Bool(b)) => *b as i64,
        Some(other) => {
            return Err(vm.type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                type_name(other)
            )))
        }
    };
    let inner = vm.get_iter(host, it)?;
    Ok(make_iter(IterKind::Enumerate { inner, count: start }))
}

fn b_zip(vm: &mut Vm, host: &mut dyn Host, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    check_kwargs(vm, "zip", kwargs, &["strict"])?;
    let strict = match kw(kwargs, "strict") {
        Some(v) => vm.truthy(host, v)?,
        None => false,
    };
    let mut inners = Vec::new();
    for a in args.iter() {
        inners.push(vm.get_iter(host, a.clone())?);
    }
    Ok(make_iter(IterKind::Zip { inners, strict }))
}

fn b_map(vm: &mut Vm, host: &mut dyn Host, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    check_kwargs(vm, "map", kwargs, &[])?;
    if args.len() < 2 {
        return Err(vm.type_error("map() must have at least two arguments."));
    }
    let mut inners = Vec::new();
    for a in &args[1..] {
        inners.push(vm.get_iter(host, a.clone())?);
    }
    Ok(make_iter(IterKind::Map { func: args[0].clone(), inners }))
}

fn b_filter(vm: &mut Vm, host: &mut dyn Host, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    check_kwargs(vm, "filter", kwargs, &[])?;
    if args.len() != 2 {
        return Err(vm.type_error(format!("filter expected 2 arguments, got {}", args.len())));
    }
    let inner = vm.get_iter(host, args[1].clone())?;
    Ok(make_iter(IterKind::Filter { func: args[0].clone(), inner }))
}

fn b_any(vm: &mut Vm, host: &mut dyn Host, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    exactly_one(vm, "any", args, kwargs)?;
    let it = vm.get_iter(host, args[0].clone())?;
    while let Some(v) = vm.next(host, &it)? {
        if vm.truthy(host, &v)? {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

fn b_all(vm: &mut Vm, host: &mut dyn Host, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    exactly_one(vm, "all", args, kwargs)?;
    let it = vm.get_iter(host, args[0].clone())?;
    while let Some(v) = vm.next(host, &it)? {
        if !vm.truthy(host, &v)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

/// `isinstance(v, cls)` for one class.
pub fn is_instance(vm: &Vm, v: &Value, cls: &Rc<Class>) -> bool {
    let c = vm.class_of(v);
    c.is_subclass(cls)
}

/// `isinstance(obj, P)` for a `typing.Protocol` class `P`: its members.
#[cold]
fn protocol_check(
    vm: &mut Vm,
    host: &mut dyn Host,
    v: &Value,
    c: &Rc<Class>,
    nominal: bool,
) -> PyResult<bool> {
    let args = vec![Value::Class(c.clone()), v.clone(), Value::Bool(nominal)];
    match vm.library_call(host, "typing", "_protocol_isinstance", args)? {
        Value::None => Ok(nominal),
        r => vm.truthy(host, &r),
    }
}

fn class_check(
    vm: &mut Vm,
    host: &mut dyn Host,
    fname: &str,
    v: &Value,
    spec: &Value,
    sub: bool,
) -> PyResult<bool> {
    match spec {
        Value::Class(c) => Ok(if sub {
            match v {
                Value::Class(vc) => vc.is_subclass(c),
                _ => return Err(vm.type_error("issubclass() arg 1 must be a class")),
            }
        } else {
            let nominal = is_instance(vm, v, c);
            if c.tag == TypeTag::User && c.lookup(Symbol::new("__protocol_attrs__")).is_some() {
                protocol_check(vm, host, v, c, nominal)?
            } else {
                nominal
            }
        }),
        Value::Tuple(t) => {
            for item in t.0.clone().iter() {
                if class_check(vm, host, fname, v, item, sub)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        // `type(spec).__instancecheck__(spec, v)`: `int | str`, `collections.abc.Iterable`.
        Value::Instance(i) if i.class.tag == TypeTag::User => {
            let hook = Symbol::new(if sub { "__subclasscheck__" } else { "__instancecheck__" });
            match i.class.lookup(hook) {
                Some(f) => {
                    let r = vm.call(host, &f, vec![spec.clone(), v.clone()], vec![])?;
                    vm.truthy(host, &r)
                }
                None => Err(vm.type_error(format!(
                    "{fname}() arg 2 must be a type, a tuple of types, or a union"
                ))),
            }
        }
        _ => Err(
            vm.type_error(format!("{fname}() arg 2 must be a type, a tuple of types, or a union"))
        ),
    }
}

fn b_isinstance(
    vm: &mut Vm,
    host: &mut dyn Host,
    args: &[Value],
    kwargs: &Kwargs,
) -> PyResult<Value> {
    check_kwargs(vm, "isinstance", kwargs, &[])?;
    if args.len() != 2 {
        return Err(vm.type_error(format!("isinstance expected 2 arguments, got {}", args.len())));
    }
    Ok(Value::Bool(class_check(vm, host, "isinstance", &args[0], &args[1], false)?))
}

fn b_issubclass(
    vm: &mut Vm,
    host: &mut dyn Host,
    args: &[Value],
    kwargs: &Kwargs,
) -> PyResult<Value> {
    check_kwargs(vm, "issubclass", kwargs, &[])?;
    if args.len() != 2 {
        return Err(vm.type_error(format!("issubclass expected 2 arguments, got {}", args.len())));
    }
    Ok(Value::Bool(class_check(vm, host, "issubclass", &args[0], &args[1], true)?))
}

fn attr_name(vm: &Vm, v: &Value) -> PyResult<Symbol> {
    match v {
        Value::Str(s) => Ok(Symbol::new(&s.s)),
        other => {
            Err(vm.type_error(format!("attribute name must be string, not '{}'", type_name(other))))
        }
    }
}

fn b_hasattr(vm: &mut Vm, host: &mut dyn Host, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    check_kwargs(vm, "hasattr", kwargs, &[])?;
    if args.len() != 2 {
        return Err(vm.type_error(format!("hasattr expected 2 arguments, got {}", args.len())));
    }
    let name = attr_name(vm, &args[1])?;
    match vm.getattr(host, &args[0], name) {
        Ok(_) => Ok(Value::Bool(true)),
        Err(e) if vm.err_is(&e, ExcKind::AttributeError) => Ok(Value::Bool(false)),
        Err(e) => Err(e),
    }
}

fn b_getattr(vm: &mut Vm, host: &mut dyn Host, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    check_kwargs(vm, "getattr", kwargs, &[])?;
    arg_count(vm, "getattr", args, 2, 3)?;
    let name = attr_name(vm, &args[1])?;
    match vm.getattr(host, &args[0], name) {
        Ok(v) => Ok(v),
        Err(e) if args.len() == 3 && vm.err_is(&e, ExcKind::AttributeError) => Ok(args[2].clone()),
        Err(e) => Err(e),
    }
}

fn b_setattr(vm: &mut Vm, host: &mut dyn Host, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    check_kwargs(vm, "setattr", kwargs, &[])?;
    if args.len() != 3 {
        return Err(vm.type_error(format!("setattr expected 3 arguments, got {}", args.len())));
    }
    let name = attr_name(vm, &args[1])?;
    vm.setattr(host, &args[0], name, args[2].clone())?;
    Ok(Value::None)
}

fn b_delattr(vm: &mut Vm, host: &mut dyn Host, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    check_kwargs(vm, "delattr", kwargs, &[])?;
    if args.len() != 2 {
        return Err(vm.type_error(format!("delattr expected 2 arguments, got {}", args.len())));
    }
    let name = attr_name(vm, &args[1])?;
    vm.delattr(host, &args[0], name)?;
    Ok(Value::None)
}

fn b_id(vm: &mut Vm, _host: &mut dyn Host, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    exactly_one(vm, "id", args, kwargs)?;
    Ok(Value::Int(0x7f00_0000_0000 + args[0].identity() as i64 * 0x30))
}

fn b_hash(vm: &mut Vm, host: &mut dyn Host, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    exactly_one(vm, "hash", args, kwargs)?;
    Ok(Value::Int(vm.hash(host, &args[0])?))
}

fn b_iter(vm: &mut Vm, host: &mut dyn Host, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    exactly_one(vm, "iter", args, kwargs)?;
    vm.get_iter(host, args[0].clone())
}

pub(super) fn b_next(
    vm: &mut Vm,
    host: &mut dyn Host,
    args: &[Value],
    kwargs: &Kwargs,
) -> PyResult<Value> {
    check_kwargs(vm, "next", kwargs, &[])?;
    arg_count(vm, "next", args, 1, 2)?;
    match &args[0] {
        Value::Iter(_) | Value::Generator(_) | Value::Instance(_) => {}
        other => {
            return Err(vm.type_error(format!("'{}' object is not an iterator", type_name(other))))
        }
    }
    if let Value::Iter(it) = &args[0] {
        if matches!(&*it.kind.borrow(), IterKind::View { .. }) {
            return Err(
                vm.type_error(format!("'{}' object is not an iterator", type_name(&args[0])))
            );
        }
    }
    match vm.next(host, &args[0])? {
        Some(v) => Ok(v),
        None => match args.get(1) {
            Some(d) => Ok(d.clone()),
            None => Err(vm.new_error(ExcKind::StopIteration, String::new())),
        },
    }
}

fn b_divmod(vm: &mut Vm, host: &mut dyn Host, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    check_kwargs(vm, "divmod", kwargs, &[])?;
    if args.len() != 2 {
        return Err(vm.type_error(format!("divmod expected 2 arguments, got {}", args.len())));
    }
    let num = |v: &Value| match v {
        Value::Int(i) => Some((Some(*i), *i as f64)),
        Value::Bool(b) => Some((Some(*b as i64), *b as i64 as f64)),
        Value::Float(f) => Some((None, *f)),
        _ => None,
    };
    match (num(&args[0]), num(&args[1])) {
        (Some((Some(a), _)), Some((Some(b), _))) => {
            let (q, r) = pylib::int_ops::divmod(a, b).map_err(|e| vm.arith_error(e))?;
            Ok(Value::tuple(vec![Value::Int(q), Value::Int(r)]))
        }
        (Some((_, a)), Some((_, b))) => {
            let (q, r) = pylib::int_ops::float_divmod(a, b).map_err(|e| vm.pylib_error(e))?;
            Ok(Value::tuple(vec![Value::Float(q), Value::Float(r)]))
        }
        _ if !matches!(&args[0], Value::Instance(_)) && !matches!(&args[1], Value::Instance(_)) => {
            Err(vm.type_error(format!(
                "unsupported operand type(s) for divmod(): '{}' and '{}'",
                super::types::type_name(&args[0]),
                super::types::type_name(&args[1])
            )))
        }
        _ => {
            use crate::vm::code::BinOp;
            let q = vm.binary_op(host, BinOp::FloorDiv, args[0].clone(), args[1].clone(), false)?;
            let r = vm.binary_op(host, BinOp::Mod, args[0].clone(), args[1].clone(), false)?;
            Ok(Value::tuple(vec![q, r]))
        }
    }
}

fn b_pow(vm: &mut Vm, host: &mut dyn Host, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let bound = clinic_bind(vm, "pow", args, kwargs, &["base", "exp", "mod"], 2)?;
    let args: Vec<Value> = bound.into_iter().map(|v| v.unwrap_or(Value::None)).collect();
    if let Some(m) = args.get(2).filter(|m| !m.is_none()) {
        let as_int = |v: &Value| match v {
            Value::Int(i) => Some(*i),
            Value::Bool(b) => Some(*b as i64),
            _ => None,
        };
        return match (as_int(&args[0]), as_int(&args[1]), as_int(m)) {
            (Some(b), Some(e), Some(m)) => pow_mod(vm, b, e, m),
            _ => {
                Err(vm
                    .type_error("pow() 3rd argument not allowed unless all arguments are integers"))
            }
        };
    }
    vm.binary_op(host, crate::vm::code::BinOp::Pow, args[0].clone(), args[1].clone(), false)
}

/// `pow(b, e, m)` for ints, in the order CPython's long_pow checks things:
/// a zero modulus is an error, a modulus of +-1 gives 0, a negative exponent
/// inverts the base modulo |m| first.
fn pow_mod(vm: &Vm, b: i64, e: i64, m: i64) -> PyResult<Value> {
    if m == 0 {
        return Err(vm.value_error("pow() 3rd argument cannot be 0"));
    }
    let modulus = (m as i128).abs();
    if modulus == 1 {
        return Ok(Value::Int(0));
    }
    let mut base = (b as i128).rem_euclid(modulus);
    let mut e = e as i128;
    if e < 0 {
        // Modular inverse by the extended Euclidean algorithm.
        let (mut r0, mut r1) = (base, modulus);
        let (mut s0, mut s1) = (1i128, 0i128);
        while r1 != 0 {
            let q = r0 / r1;
            (r0, r1) = (r1, r0 - q * r1);
            (s0, s1) = (s1, s0 - q * s1);
        }
        if r0 != 1 {
            return Err(vm.value_error("base is not invertible for the given modulus"));
        }
        base = s0.rem_euclid(modulus);
        e = -e;
    }
    let mut result: i128 = 1;
    while e > 0 {
        if e & 1 == 1 {
            result = (result * base) % modulus;
        }
        base = (base * base) % modulus;
        e >>= 1;
    }
    // Python's result has the modulus's sign.
    if m < 0 && result != 0 {
        result -= modulus;
    }
    Ok(Value::Int(result as i64))
}

fn b_chr(vm: &mut Vm, _host: &mut dyn Host, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    exactly_one(vm, "chr", args, kwargs)?;
    match &args[0] {
        Value::Int(i) => match u32::try_from(*i).ok().and_then(char::from_u32) {
            Some(c) => Ok(Value::str(c.to_string())),
            None => Err(vm.value_error("chr() arg not in range(0x110000)")),
        },
        other => Err(vm.type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            type_name(other)
        ))),
    }
}

fn b_ord(vm: &mut Vm, _host: &mut dyn Host, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    exactly_one(vm, "ord", args, kwargs)?;
    match &args[0] {
        Value::Str(s) if s.nchars == 1 => Ok(Value::Int(s.s.chars().next().unwrap() as i64)),
        Value::Str(s) => Err(vm.type_error(format!(
            "ord() expected a character, but string of length {} found",
            s.nchars
        ))),
        other => Err(vm.type_error(format!(
            "ord() expected string of length 1, but {} found",
            type_name(other)
        ))),
    }
}

fn radix(vm: &mut Vm, args: &[Value], kwargs: &Kwargs, fname: &str, base: u32) -> PyResult<Value> {
    exactly_one(vm, fname, args, kwargs)?;
    let i = match &args[0] {
        Value::Int(i) => *i,
        Value::Bool(b) => *b as i64,
        other => {
            return Err(vm.type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                type_name(other)
            )))
        }
    };
    Ok(Value::str(match base {
        2 => pylib::int_ops::bin(i),
        8 => pylib::int_ops::oct(i),
        _ => pylib::int_ops::hex(i),
    }))
}

fn b_hex(vm: &mut Vm, _h: &mut dyn Host, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    radix(vm, args, kwargs, "hex", 16)
}

fn b_oct(vm: &mut Vm, _h: &mut dyn Host, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    radix(vm, args, kwargs, "oct", 8)
}

fn b_bin(vm: &mut Vm, _h: &mut dyn Host, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    radix(vm, args, kwargs, "bin", 2)
}

fn b_format(vm: &mut Vm, host: &mut dyn Host, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    check_kwargs(vm, "format", kwargs, &[])?;
    arg_count(vm, "format", args, 1, 2)?;
    let spec = match args.get(1) {
        None => String::new(),
        Some(Value::Str(s)) => s.s.clone(),
        Some(other) => {
            return Err(
                vm.type_error(format!("format() argument 2 must be str, not {}", type_name(other)))
            )
        }
    };
    Ok(Value::str(vm.format(host, &args[0], &spec)?))
}

fn b_callable(
    vm: &mut Vm,
    _host: &mut dyn Host,
    args: &[Value],
    kwargs: &Kwargs,
) -> PyResult<Value> {
    exactly_one(vm, "callable", args, kwargs)?;
    Ok(Value::Bool(match &args[0] {
        Value::Function(_) | Value::Builtin(_) | Value::Method(_) | Value::Class(_) => true,
        Value::Instance(i) => i.class.lookup(sym::__call__).is_some(),
        _ => false,
    }))
}

fn b_input(
    vm: &mut Vm,
    _host: &mut dyn Host,
    _args: &[Value],
    _kwargs: &Kwargs,
) -> PyResult<Value> {
    Err(vm.runtime_error("unsupported: input() (programs run without a keyboard)"))
}

fn b_open(vm: &mut Vm, _host: &mut dyn Host, _args: &[Value], _kwargs: &Kwargs) -> PyResult<Value> {
    Err(vm.runtime_error("unsupported: open() (programs run without files)"))
}

fn b_vars(vm: &mut Vm, host: &mut dyn Host, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    exactly_one(vm, "vars", args, kwargs)?;
    vm.getattr(host, &args[0], sym::__dict__)
}

// ---- type constructors --------------------------------------------------------

impl Vm {
    /// `int(...)`, `str(...)`, ...: calling a builtin class.
    pub fn construct_builtin(
        &mut self,
        host: &mut dyn Host,
        c: &Rc<Class>,
        args: Vec<Value>,
        kwargs: Vec<(Symbol, Value)>,
    ) -> PyResult<Value> {
        let name = c.name.to_string();
        match c.tag {
            TypeTag::Int => {
                if args.len() + kwargs.len() > 2 {
                    return Err(self.type_error(format!(
                        "int() takes at most 2 arguments ({} given)",
                        args.len() + kwargs.len()
                    )));
                }
                check_kwargs(self, "int", &kwargs, &["base"])?;
                let base = args.get(1).or(kw(&kwargs, "base")).cloned();
                let Some(x) = args.first() else {
                    return Ok(Value::Int(0));
                };
                if let Some(b) = base {
                    let b = match b {
                        Value::Int(i) => i,
                        other => {
                            return Err(self.type_error(format!(
                                "'{}' object cannot be interpreted as an integer",
                                type_name(&other)
                            )))
                        }
                    };
                    return match x {
                        Value::Str(s) => pylib::int_ops::parse_int(&s.s, b)
                            .map(Value::Int)
                            .map_err(|e| self.arith_error(e)),
                        _ => {
                            Err(self
                                .type_error("int() can't convert non-string with explicit base"))
                        }
                    };
                }
                match x {
                    Value::Int(i) => Ok(Value::Int(*i)),
                    Value::Bool(b) => Ok(Value::Int(*b as i64)),
                    Value::Float(f) => pylib::int_ops::float_to_int(*f).map(Value::Int).map_err(|e| self.arith_error(e)),
                    Value::Str(s) => pylib::int_ops::parse_int(&s.s, 10).map(Value::Int).map_err(|e| self.arith_error(e)),
                    Value::Instance(i) => {
                        for n in ["__int__", "__index__", "__trunc__"] {
                            if let Some(f) = i.class.lookup(Symbol::new(n)) {
                                return self.call(host, &f, vec![x.clone()], vec![]);
                            }
                        }
                        Err(self.type_error(format!(
                            "int() argument must be a string, a bytes-like object or a real number, not '{}'",
                            type_name(x)
                        )))
                    }
                    other => Err(self.type_error(format!(
                        "int() argument must be a string, a bytes-like object or a real number, not '{}'",
                        type_name(other)
                    ))),
                }
            }
            TypeTag::Float => {
                check_kwargs(self, "float", &kwargs, &[])?;
                match args.first() {
                    None => Ok(Value::Float(0.0)),
                    Some(Value::Float(f)) => Ok(Value::Float(*f)),
                    Some(Value::Int(i)) => Ok(Value::Float(*i as f64)),
                    Some(Value::Bool(b)) => Ok(Value::Float(*b as i64 as f64)),
                    Some(Value::Str(s)) => pylib::int_ops::parse_float(&s.s)
                        .map(Value::Float)
                        .map_err(|e| self.pylib_error(e)),
                    Some(x @ Value::Instance(i)) => {
                        match i.class.lookup(Symbol::new("__float__")) {
                            Some(f) => self.call(host, &f, vec![x.clone()], vec![]),
                            None => Err(self.type_error(format!(
                                "float() argument must be a string or a real number, not '{}'",
                                type_name(x)
                            ))),
                        }
                    }
                    Some(other) => Err(self.type_error(format!(
                        "float() argument must be a string or a real number, not '{}'",
                        type_name(other)
                    ))),
                }
            }
            TypeTag::Str => {
                check_kwargs(self, "str", &kwargs, &["object", "encoding", "errors"])?;
                if args.len() + kwargs.len() > 3 {
                    return Err(self.type_error(format!(
                        "str expected at most 3 arguments, got {}",
                        args.len() + kwargs.len()
                    )));
                }
                if args.len() + kwargs.len() > 1 {
                    // `str(bytes, encoding, errors)`: the VM has no bytes.
                    return Err(self.type_error(match args.first().or(kw(&kwargs, "object")) {
                        Some(Value::Str(_)) => "decoding str is not supported".to_string(),
                        Some(v) => format!(
                            "decoding to str: need a bytes-like object, {} found",
                            type_name(v)
                        ),
                        None => "str() argument 'object' is missing".to_string(),
                    }));
                }
                match args.first().or(kw(&kwargs, "object")) {
                    None => Ok(Value::str("")),
                    Some(v) => Ok(Value::str(self.str(host, v)?)),
                }
            }
            TypeTag::Bool => {
                check_kwargs(self, "bool", &kwargs, &[])?;
                match args.first() {
                    None => Ok(Value::Bool(false)),
                    Some(v) => Ok(Value::Bool(self.truthy(host, v)?)),
                }
            }
            TypeTag::List => {
                check_kwargs(self, "list", &kwargs, &[])?;
                arg_count(self, "list", &args, 0, 1)?;
                match args.first() {
                    None => Ok(Value::list(vec![])),
                    Some(v) => Ok(Value::list(self.iterate(host, v)?)),
                }
            }
            TypeTag::Tuple => {
                check_kwargs(self, "tuple", &kwargs, &[])?;
                arg_count(self, "tuple", &args, 0, 1)?;
                match args.first() {
                    None => Ok(Value::tuple(vec![])),
                    Some(Value::Tuple(_)) => Ok(args[0].clone()),
                    Some(v) => Ok(Value::tuple(self.iterate(host, v)?)),
                }
            }
            TypeTag::Set | TypeTag::FrozenSet => {
                check_kwargs(self, &name, &kwargs, &[])?;
                arg_count(self, &name, &args, 0, 1)?;
                self.new_set_from(host, args.first(), c.tag == TypeTag::FrozenSet)
            }
            TypeTag::Dict => {
                arg_count(self, "dict", &args, 0, 1)?;
                let d = self.new_dict(DictData::new());
                if let Some(a) = args.first() {
                    self.dict_update_from(host, &d, a, false)?;
                }
                if let Value::Dict(dd) = &d {
                    for (k, v) in kwargs {
                        let key = Value::str(k.to_string());
                        let h = self.hash(host, &key)?;
                        dd.0.borrow_mut().insert(h, key, v);
                    }
                }
                Ok(d)
            }
            TypeTag::Range => {
                check_kwargs(self, "range", &kwargs, &[])?;
                let ints: Vec<i64> = args
                    .iter()
                    .map(|a| match a {
                        Value::Int(i) => Ok(*i),
                        Value::Bool(b) => Ok(*b as i64),
                        other => Err(self.type_error(format!(
                            "'{}' object cannot be interpreted as an integer",
                            type_name(other)
                        ))),
                    })
                    .collect::<PyResult<_>>()?;
                let (start, stop, step) = match ints.as_slice() {
                    [stop] => (0, *stop, 1),
                    [start, stop] => (*start, *stop, 1),
                    [start, stop, step] => (*start, *stop, *step),
                    [] => return Err(self.type_error("range expected at least 1 argument, got 0")),
                    _ => {
                        return Err(self.type_error(format!(
                            "range expected at most 3 arguments, got {}",
                            ints.len()
                        )))
                    }
                };
                if step == 0 {
                    return Err(self.value_error("range() arg 3 must not be zero"));
                }
                Ok(Value::Range(Rc::new(RangeObj { start, stop, step })))
            }
            TypeTag::Slice => {
                let a = |i: usize| args.get(i).cloned().unwrap_or(Value::None);
                let (start, stop, step) = match args.len() {
                    1 => (Value::None, a(0), Value::None),
                    2 => (a(0), a(1), Value::None),
                    3 => (a(0), a(1), a(2)),
                    n => {
                        return Err(
                            self.type_error(format!("slice expected at least 1 argument, got {n}"))
                        )
                    }
                };
                Ok(Value::Slice(Rc::new(SliceObj { start, stop, step })))
            }
            TypeTag::Type => {
                if args.len() == 1 {
                    return Ok(Value::Class(self.class_of(&args[0])));
                }
                Err(self.type_error("unsupported: type() with three arguments"))
            }
            TypeTag::Property | TypeTag::StaticMethod | TypeTag::ClassMethod => {
                let payload = match c.tag {
                    TypeTag::Property => Payload::Property {
                        fget: args.first().or(kw(&kwargs, "fget")).cloned().unwrap_or(Value::None),
                        fset: args.get(1).or(kw(&kwargs, "fset")).cloned().unwrap_or(Value::None),
                        fdel: args.get(2).or(kw(&kwargs, "fdel")).cloned().unwrap_or(Value::None),
                        name: None,
                    },
                    TypeTag::StaticMethod => {
                        Payload::StaticMethod(args.first().cloned().unwrap_or(Value::None))
                    }
                    _ => Payload::ClassMethod(args.first().cloned().unwrap_or(Value::None)),
                };
                Ok(Value::Instance(Rc::new(Instance {
                    class: c.clone(),
                    attrs: Default::default(),
                    payload: RefCell::new(payload),
                    id: next_id(),
                })))
            }
            TypeTag::Super => self.new_super(&args, &kwargs),
            _ => Err(self.type_error(format!("cannot create '{}' instances", c.name))),
        }
    }
}

impl Vm {
    /// `super(type, obj)` called explicitly (the zero-argument form inside a
    /// method compiles to `LoadSuper`). `obj` may be an instance of `type` or
    /// a subclass of it (`super(B, cls)` in a classmethod), as CPython's
    /// `supercheck` allows; the one-argument (unbound) form is not supported.
    fn new_super(&mut self, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
        if !kwargs.is_empty() {
            return Err(self.type_error("super() takes no keyword arguments"));
        }
        match args {
            [] => Err(self.runtime_error("super(): no arguments")),
            [_] => Err(self.type_error(
                "unsupported: super() with one argument (use super() or super(type, obj))",
            )),
            [t, obj] => {
                let Value::Class(t) = t else {
                    return Err(self.type_error(format!(
                        "super() argument 1 must be a type, not {}",
                        super::types::type_name(t)
                    )));
                };
                let ok = match obj {
                    Value::Class(c) => c.is_subclass(t),
                    other => self.class_of(other).is_subclass(t),
                };
                if !ok {
                    let of = match obj {
                        Value::Class(c) => c.name.to_string(),
                        other => super::types::type_name(other).to_string(),
                    };
                    return Err(self.type_error(format!(
                        "super(type, obj): obj (instance of {of}) is not an instance or subtype of type ({}).",
                        t.name
                    )));
                }
                self.make_super(Value::Class(t.clone()), obj.clone())
            }
            _ => Err(self
                .type_error(format!("super() expected at most 2 arguments, got {}", args.len()))),
        }
    }
}

/// `property.setter(f)` etc. live on the property class.
pub fn install_property_methods(vm: &mut Vm) {
    let p = vm.types.property.clone();
    // `setter`, `getter` and `deleter` copy the property with one function replaced.
    fn with_function(vm: &mut Vm, args: &[Value], which: &str) -> PyResult<Value> {
        let Some(Value::Instance(i)) = args.first() else {
            return Err(vm.type_error(which.to_string()));
        };
        let Payload::Property { fget, fset, fdel, name } = &*i.payload.borrow() else {
            return Err(vm.type_error(which.to_string()));
        };
        let f = args.get(1).cloned().unwrap_or(Value::None);
        let (fget, fset, fdel) = match which {
            "getter" => (f, fset.clone(), fdel.clone()),
            "setter" => (fget.clone(), f, fdel.clone()),
            _ => (fget.clone(), fset.clone(), f),
        };
        Ok(Value::Instance(Rc::new(Instance {
            class: i.class.clone(),
            attrs: Default::default(),
            payload: RefCell::new(Payload::Property { fget, fset, fdel, name: *name }),
            id: next_id(),
        })))
    }
    add_native(&p, "setter", |vm, _h, args, _kw| with_function(vm, args, "setter"));
    add_native(&p, "getter", |vm, _h, args, _kw| with_function(vm, args, "getter"));
    add_native(&p, "deleter", |vm, _h, args, _kw| with_function(vm, args, "deleter"));
}

// ---- random -------------------------------------------------------------------

fn install_random(vm: &mut Vm) {
    install_property_methods(vm);
    let m = Rc::new(Module { name: "random".into(), attrs: Default::default() });
    let fns: &[(&str, NativeFn)] = &[
        ("seed", r_seed),
        ("random", r_random),
        ("uniform", r_uniform),
        ("randint", r_randint),
        ("randrange", r_randrange),
        ("choice", r_choice),
        ("shuffle", r_shuffle),
        ("sample", r_sample),
        ("getrandbits", r_getrandbits),
        ("choices", r_choices),
        ("gauss", r_gauss),
        ("normalvariate", r_normalvariate),
        ("expovariate", r_expovariate),
        ("triangular", r_triangular),
    ];
    for (name, f) in fns {
        let b = Value::Builtin(Rc::new(Builtin {
            name: (*name).into(),
            qualname: format!("random.{name}").into(),
            kind: BuiltinKind::Native(*f),
            id: next_id(),
        }));
        m.attrs.borrow_mut().set(Symbol::new(name), b);
    }
    vm.modules.insert("random".into(), Value::Module(m));
}

fn to_f64(vm: &Vm, v: &Value) -> PyResult<f64> {
    match v {
        Value::Int(i) => Ok(*i as f64),
        Value::Bool(b) => Ok(*b as i64 as f64),
        Value::Float(f) => Ok(*f),
        other => Err(vm.type_error(format!("must be real number, not {}", type_name(other)))),
    }
}

fn to_i64(vm: &Vm, v: &Value) -> PyResult<i64> {
    match v {
        Value::Int(i) => Ok(*i),
        Value::Bool(b) => Ok(*b as i64),
        other => Err(vm.type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            type_name(other)
        ))),
    }
}

fn r_seed(vm: &mut Vm, _h: &mut dyn Host, args: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    match args.first() {
        None | Some(Value::None) => {
            // CPython seeds from the OS; a fixed seed keeps runs reproducible.
            vm.random.seed(0);
        }
        Some(Value::Int(i)) => vm.random.seed(*i),
        Some(Value::Bool(b)) => vm.random.seed(*b as i64),
        Some(Value::Float(f)) => match pylib::hash::hash_float(*f) {
            pylib::hash::FloatHash::Value(h) => vm.random.seed(h),
            pylib::hash::FloatHash::Identity => vm.random.seed(0),
        },
        Some(other) => {
            return Err(vm.type_error(format!(
                "unsupported: random.seed() of a {} (use an int)",
                type_name(other)
            )))
        }
    }
    Ok(Value::None)
}

fn r_random(vm: &mut Vm, _h: &mut dyn Host, _args: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    Ok(Value::Float(vm.random.random()))
}

fn r_uniform(vm: &mut Vm, _h: &mut dyn Host, args: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    if args.len() != 2 {
        return Err(vm.type_error(format!(
            "Random.uniform() missing {} required positional argument{}",
            2 - args.len().min(2),
            if args.len() == 1 { "" } else { "s" }
        )));
    }
    let a = to_f64(vm, &args[0])?;
    let b = to_f64(vm, &args[1])?;
    Ok(Value::Float(vm.random.uniform(a, b)))
}

fn r_randint(vm: &mut Vm, _h: &mut dyn Host, args: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    if args.len() != 2 {
        return Err(vm.type_error("Random.randint() takes 3 positional arguments"));
    }
    let a = to_i64(vm, &args[0])?;
    let b = to_i64(vm, &args[1])?;
    vm.random.randint(a, b).map(Value::Int).map_err(|e| vm.arith_error(e))
}

fn r_randrange(vm: &mut Vm, _h: &mut dyn Host, args: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    let ints: Vec<i64> = args.iter().map(|a| to_i64(vm, a)).collect::<PyResult<_>>()?;
    let r = match ints.as_slice() {
        [stop] => vm.random.randrange(*stop, None, None),
        [start, stop] => vm.random.randrange(*start, Some(*stop), None),
        [start, stop, step] => vm.random.randrange(*start, Some(*stop), Some(*step)),
        _ => return Err(vm.type_error("randrange expected 1 to 3 arguments")),
    };
    r.map(Value::Int).map_err(|e| vm.arith_error(e))
}

fn r_choice(vm: &mut Vm, host: &mut dyn Host, args: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    if args.len() != 1 {
        return Err(vm.type_error("Random.choice() takes 2 positional arguments"));
    }
    let n = vm.len(host, &args[0])?;
    if n == 0 {
        return Err(vm.index_error("Cannot choose from an empty sequence"));
    }
    let i = vm.random.randbelow(n as u64) as i64;
    vm.getitem(host, &args[0], &Value::Int(i))
}

fn r_shuffle(vm: &mut Vm, _h: &mut dyn Host, args: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    let Some(Value::List(l)) = args.first() else {
        return Err(vm.type_error("unsupported: random.shuffle() of anything but a list"));
    };
    let mut items = l.0.borrow_mut();
    let n = items.len();
    for i in (1..n).rev() {
        let j = vm.random.randbelow(i as u64 + 1) as usize;
        items.swap(i, j);
    }
    Ok(Value::None)
}

fn r_sample(vm: &mut Vm, host: &mut dyn Host, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    // `Random.sample(self, population, k, *, counts=None)`, a Python method.
    if args.len() > 2 {
        return Err(vm.type_error(format!(
            "Random.sample() takes 3 positional arguments but {} were given",
            args.len() + 1
        )));
    }
    for (k, _) in kwargs {
        if !k.with_str(|k| k == "population" || k == "k") {
            if k.with_str(|k| k == "counts") {
                return Err(vm.type_error("unsupported: random.sample(counts=...)"));
            }
            let msg = k.with_str(|k| {
                pylib::suggest::unexpected_keyword(
                    "Random.sample",
                    k,
                    &["self", "population", "k", "counts"],
                )
            });
            return Err(vm.type_error(msg));
        }
    }
    let pop = args.first().or(kw(kwargs, "population")).cloned();
    let k = args.get(1).or(kw(kwargs, "k")).cloned();
    if !args.is_empty() && kw(kwargs, "population").is_some() {
        return Err(vm.type_error("Random.sample() got multiple values for argument 'population'"));
    }
    if args.get(1).is_some() && kw(kwargs, "k").is_some() {
        return Err(vm.type_error("Random.sample() got multiple values for argument 'k'"));
    }
    let (pop, k) = match (pop, k) {
        (Some(p), Some(k)) => (p, k),
        (None, None) => {
            return Err(vm.type_error(
                "Random.sample() missing 2 required positional arguments: 'population' and 'k'",
            ))
        }
        (None, Some(_)) => {
            return Err(vm.type_error(
                "Random.sample() missing 1 required positional argument: 'population'",
            ))
        }
        (Some(_), None) => {
            return Err(vm.type_error("Random.sample() missing 1 required positional argument: 'k'"))
        }
    };
    let k = to_i64(vm, &k)?;
    let items = match &pop {
        Value::Set(_) | Value::Dict(_) => {
            return Err(
                vm.type_error("Population must be a sequence.  For dicts or sets, use sorted(d).")
            )
        }
        _ => vm.iterate(host, &pop)?,
    };
    let idx = vm.random.sample(items.len(), k).map_err(|e| vm.pylib_error(e))?;
    Ok(Value::list(idx.into_iter().map(|i| items[i].clone()).collect()))
}

/// The float arguments of a random.py method with defaults, by position or keyword.
fn float_args<const N: usize>(
    vm: &mut Vm,
    method: &str,
    names: [&str; N],
    defaults: [Option<f64>; N],
    args: &[Value],
    kwargs: &Kwargs,
) -> PyResult<[Option<f64>; N]> {
    if args.len() > N {
        return Err(vm.type_error(format!(
            "Random.{method}() takes from 1 to {} positional arguments but {} were given",
            N + 1,
            args.len() + 1
        )));
    }
    let mut out = defaults;
    for (i, a) in args.iter().enumerate() {
        out[i] = if matches!(a, Value::None) { None } else { Some(to_f64(vm, a)?) };
    }
    for (k, v) in kwargs {
        let Some(i) = names.iter().position(|n| k.with_str(|k| k == *n)) else {
            let msg = k.with_str(|k| {
                format!("Random.{method}() got an unexpected keyword argument '{k}'")
            });
            return Err(vm.type_error(msg));
        };
        out[i] = if matches!(v, Value::None) { None } else { Some(to_f64(vm, v)?) };
    }
    Ok(out)
}

fn r_gauss(vm: &mut Vm, _h: &mut dyn Host, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let [mu, sigma] = float_args(vm, "gauss", ["mu", "sigma"], [Some(0.0), Some(1.0)], args, kw)?;
    Ok(Value::Float(vm.random.gauss(mu.unwrap_or(0.0), sigma.unwrap_or(1.0))))
}

fn r_normalvariate(vm: &mut Vm, _h: &mut dyn Host, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let [mu, sigma] =
        float_args(vm, "normalvariate", ["mu", "sigma"], [Some(0.0), Some(1.0)], args, kw)?;
    Ok(Value::Float(vm.random.normalvariate(mu.unwrap_or(0.0), sigma.unwrap_or(1.0))))
}

fn r_expovariate(vm: &mut Vm, _h: &mut dyn Host, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let [lambd] = float_args(vm, "expovariate", ["lambd"], [Some(1.0)], args, kw)?;
    let lambd = lambd.unwrap_or(1.0);
    if lambd == 0.0 {
        vm.random.random();
        return Err(vm.new_error(ExcKind::ZeroDivisionError, "float division by zero".into()));
    }
    Ok(Value::Float(vm.random.expovariate(lambd)))
}

fn r_triangular(vm: &mut Vm, _h: &mut dyn Host, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let [low, high, mode] = float_args(
        vm,
        "triangular",
        ["low", "high", "mode"],
        [Some(0.0), Some(1.0), None],
        args,
        kw,
    )?;
    let (mut low, mut high) = (low.unwrap_or(0.0), high.unwrap_or(1.0));
    let mut u = vm.random.random();
    if high == low {
        return Ok(Value::Float(low));
    }
    let mut c = match mode {
        None => 0.5,
        Some(m) => (m - low) / (high - low),
    };
    if u > c {
        u = 1.0 - u;
        c = 1.0 - c;
        std::mem::swap(&mut low, &mut high);
    }
    Ok(Value::Float(low + (high - low) * (u * c).sqrt()))
}

/// `choices(population, weights=None, *, cum_weights=None, k=1)`.
fn r_choices(vm: &mut Vm, host: &mut dyn Host, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    if args.len() > 2 {
        return Err(vm.type_error(format!(
            "Random.choices() takes from 2 to 3 positional arguments but {} were given",
            args.len() + 1
        )));
    }
    let mut weights = args.get(1).cloned().unwrap_or(Value::None);
    let (mut cum, mut k, mut pop) = (Value::None, 1i64, args.first().cloned());
    for (name, v) in kwargs {
        match name.to_string().as_str() {
            "population" if pop.is_none() => pop = Some(v.clone()),
            "weights" if args.len() < 2 => weights = v.clone(),
            "cum_weights" => cum = v.clone(),
            "k" => k = to_i64(vm, v)?,
            other => {
                return Err(vm.type_error(format!(
                    "Random.choices() got an unexpected keyword argument '{other}'"
                )))
            }
        }
    }
    let Some(pop) = pop else {
        return Err(
            vm.type_error("Random.choices() missing 1 required positional argument: 'population'")
        );
    };
    let items = match &pop {
        Value::Set(_) | Value::Dict(_) => {
            return Err(vm.type_error(format!("'{}' object is not subscriptable", type_name(&pop))))
        }
        _ => vm.iterate(host, &pop)?,
    };
    let n = items.len();
    let k = k.max(0) as usize;
    vm.alloc(k * std::mem::size_of::<Value>())?;
    if matches!(cum, Value::None) {
        if matches!(weights, Value::None) {
            let mut out = Vec::with_capacity(k);
            for _ in 0..k {
                let i = vm.random.choices_index(n);
                match items.get(i) {
                    Some(v) => out.push(v.clone()),
                    None => {
                        return Err(
                            vm.new_error(ExcKind::IndexError, "list index out of range".into())
                        )
                    }
                }
            }
            return Ok(Value::list(out));
        }
        let mut total = Value::Int(0);
        let mut acc = Vec::new();
        for w in vm.iterate(host, &weights)? {
            total = vm.binary_op(host, crate::vm::code::BinOp::Add, total, w, false)?;
            acc.push(total.clone());
        }
        cum = Value::list(acc);
    } else if !matches!(weights, Value::None) {
        return Err(vm.type_error("Cannot specify both weights and cumulative weights"));
    }
    let cum: Vec<f64> =
        vm.iterate(host, &cum)?.iter().map(|w| to_f64(vm, w)).collect::<PyResult<_>>()?;
    if cum.len() != n {
        return Err(vm.new_error(
            ExcKind::ValueError,
            "The number of weights does not match the population".into(),
        ));
    }
    let total = cum.last().copied().unwrap_or(0.0);
    if total <= 0.0 {
        return Err(
            vm.new_error(ExcKind::ValueError, "Total of weights must be greater than zero".into())
        );
    }
    if !total.is_finite() {
        return Err(vm.new_error(ExcKind::ValueError, "Total of weights must be finite".into()));
    }
    let hi = n - 1;
    let mut out = Vec::with_capacity(k);
    for _ in 0..k {
        let x = vm.random.random() * total;
        // bisect_right(cum, x, 0, hi)
        let (mut lo, mut h) = (0usize, hi);
        while lo < h {
            let mid = (lo + h) / 2;
            if x < cum[mid] {
                h = mid;
            } else {
                lo = mid + 1;
            }
        }
        out.push(items[lo].clone());
    }
    Ok(Value::list(out))
}

fn r_getrandbits(vm: &mut Vm, _h: &mut dyn Host, args: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    let k = to_i64(vm, args.first().unwrap_or(&Value::Int(0)))?;
    let r = vm.random.getrandbits(k).map_err(|e| vm.arith_error(e))?;
    i64::try_from(r).map(Value::Int).map_err(|_| vm.overflow())
}
