//! The builtin functions on numbers and characters: `abs`, `round`,
//! `divmod`, `pow` (with CPython's modular `pow(b, e, m)`), `chr`, `ord`,
//! `hex`, `oct`, `bin`, and `format(x, spec)`.
//!
//! Not here: the arithmetic itself (`ops`, `pylib::int_ops`), format specs
//! (`pylib::format_spec`, reached through `Vm::format`), and `int()`,
//! `float()` (`ctor`).

use crate::pylib;
use crate::vm::args::{count, exactly_one, index, only_keywords, Params};
use crate::vm::intern::Symbol;
use crate::vm::types::type_name;
use crate::vm::value::*;
use crate::vm::{Host, PyResult, Vm};

pub(super) fn b_abs(
    vm: &mut Vm,
    host: &mut dyn Host,
    args: &[Value],
    kwargs: &Kwargs,
) -> PyResult<Value> {
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

pub(super) fn b_round(
    vm: &mut Vm,
    host: &mut dyn Host,
    args: &[Value],
    kwargs: &Kwargs,
) -> PyResult<Value> {
    let [x, nd] = Params::clinic("round", ["number", "ndigits"], 1).bind(vm, args, kwargs)?;
    let x = x.cloned().unwrap_or(Value::None);
    let nd = nd.filter(|v| !v.is_none());
    // `builtin_round_impl` looks up `type(number).__round__` first; the
    // method converts `ndigits` (an instance's gets it as given).
    if let Value::Instance(i) = &x {
        return match i.class.lookup(Symbol::new("__round__")) {
            Some(f) => {
                let mut a = vec![x.clone()];
                a.extend(nd.cloned());
                vm.call(host, &f, a, vec![])
            }
            None => {
                Err(vm
                    .type_error(format!("type {} doesn't define __round__ method", type_name(&x))))
            }
        };
    }
    if !matches!(x, Value::Int(_) | Value::Bool(_) | Value::Float(_)) {
        return Err(
            vm.type_error(format!("type {} doesn't define __round__ method", type_name(&x)))
        );
    }
    let nd = nd.map(|v| index(vm, v)).transpose()?;
    match (&x, nd) {
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
        _ => unreachable!("round's number is an int, a bool or a float here"),
    }
}

pub(super) fn b_divmod(
    vm: &mut Vm,
    host: &mut dyn Host,
    args: &[Value],
    kwargs: &Kwargs,
) -> PyResult<Value> {
    only_keywords(vm, "divmod", kwargs, &[])?;
    count(vm, "divmod", args, 2, 2)?;
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
                type_name(&args[0]),
                type_name(&args[1])
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

pub(super) fn b_pow(
    vm: &mut Vm,
    host: &mut dyn Host,
    args: &[Value],
    kwargs: &Kwargs,
) -> PyResult<Value> {
    let [base, exp, m] = Params::clinic("pow", ["base", "exp", "mod"], 2).bind(vm, args, kwargs)?;
    let args = [base, exp].map(|v| v.cloned().unwrap_or(Value::None));
    if let Some(m) = m.filter(|m| !m.is_none()) {
        return pow3(vm, host, &args[0], &args[1], m);
    }
    vm.binary_op(host, crate::vm::code::BinOp::Pow, args[0].clone(), args[1].clone(), false)
}

/// Three-argument `pow` as `ternary_op` tries the operands' slots: all ints
/// (bools too) are [`pow_mod`]'s; the base's own `__pow__(exp, mod)` comes
/// next (three-argument power never calls `__rpow__`); a float anywhere
/// reaches `float_pow`, which refuses a modulus; else no slot applies.
fn pow3(vm: &mut Vm, host: &mut dyn Host, base: &Value, exp: &Value, m: &Value) -> PyResult<Value> {
    let as_int = |v: &Value| match v {
        Value::Int(i) => Some(*i),
        Value::Bool(b) => Some(*b as i64),
        _ => None,
    };
    if let (Some(b), Some(e), Some(m)) = (as_int(base), as_int(exp), as_int(m)) {
        return pow_mod(vm, b, e, m);
    }
    let is_float = |v: &Value| matches!(v, Value::Float(_));
    if let Value::Instance(i) = base {
        if let Some(f) = i.class.lookup(Symbol::new("__pow__")) {
            let r = vm.call(host, &f, vec![base.clone(), exp.clone(), m.clone()], vec![])?;
            if !matches!(r, Value::NotImplemented) {
                return Ok(r);
            }
        }
    }
    if is_float(base) || is_float(exp) || is_float(m) {
        return Err(
            vm.type_error("pow() 3rd argument not allowed unless all arguments are integers")
        );
    }
    Err(vm.type_error(format!(
        "unsupported operand type(s) for ** or pow(): '{}', '{}', '{}'",
        type_name(base),
        type_name(exp),
        type_name(m)
    )))
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

pub(super) fn b_chr(
    vm: &mut Vm,
    _host: &mut dyn Host,
    args: &[Value],
    kwargs: &Kwargs,
) -> PyResult<Value> {
    exactly_one(vm, "chr", args, kwargs)?;
    // Any integer, a bool too; every one outside the range is a ValueError.
    let i = index(vm, &args[0])?;
    match u32::try_from(i).ok().and_then(char::from_u32) {
        Some(c) => Ok(Value::str(c.to_string())),
        None => Err(vm.value_error("chr() arg not in range(0x110000)")),
    }
}

pub(super) fn b_ord(
    vm: &mut Vm,
    _host: &mut dyn Host,
    args: &[Value],
    kwargs: &Kwargs,
) -> PyResult<Value> {
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
    let i = index(vm, &args[0])?;
    Ok(Value::str(match base {
        2 => pylib::int_ops::bin(i),
        8 => pylib::int_ops::oct(i),
        _ => pylib::int_ops::hex(i),
    }))
}

pub(super) fn b_hex(
    vm: &mut Vm,
    _h: &mut dyn Host,
    args: &[Value],
    kwargs: &Kwargs,
) -> PyResult<Value> {
    radix(vm, args, kwargs, "hex", 16)
}

pub(super) fn b_oct(
    vm: &mut Vm,
    _h: &mut dyn Host,
    args: &[Value],
    kwargs: &Kwargs,
) -> PyResult<Value> {
    radix(vm, args, kwargs, "oct", 8)
}

pub(super) fn b_bin(
    vm: &mut Vm,
    _h: &mut dyn Host,
    args: &[Value],
    kwargs: &Kwargs,
) -> PyResult<Value> {
    radix(vm, args, kwargs, "bin", 2)
}

pub(super) fn b_format(
    vm: &mut Vm,
    host: &mut dyn Host,
    args: &[Value],
    kwargs: &Kwargs,
) -> PyResult<Value> {
    only_keywords(vm, "format", kwargs, &[])?;
    count(vm, "format", args, 1, 2)?;
    let spec = match args.get(1) {
        None => String::new(),
        Some(Value::Str(s)) => s.s.clone(),
        Some(other) => {
            return Err(vm.type_error(format!(
                "format() argument 2 must be str, not {}",
                crate::vm::methods::bad_argument_type(other)
            )))
        }
    };
    Ok(Value::str(vm.format(host, &args[0], &spec)?))
}
