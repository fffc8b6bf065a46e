//! `math`'s functions, with CPython's checks and messages
//! (`Modules/mathmodule.c`: a NaN out of a number is a domain error, an
//! infinity out of a finite number a range error).

use crate::pylib::fmath;
use crate::vm::args::{exactly_one, fastcall, float_arg, index};
use crate::vm::exc::ExcKind;
use crate::vm::types::type_name;
use crate::vm::value::*;
use crate::vm::{PyErr, PyResult, Vm};

fn domain(vm: &Vm) -> PyErr {
    vm.value_error("math domain error")
}

fn range(vm: &Vm) -> PyErr {
    vm.new_error(ExcKind::OverflowError, "math range error".into())
}

/// The argument of a one-argument function (`METH_O`): `fname` is
/// `math.sqrt`, as its messages name it.
fn one<'a>(vm: &Vm, fname: &str, args: &'a [Value], kwargs: &Kwargs) -> PyResult<&'a Value> {
    exactly_one(vm, fname, args, kwargs)?;
    Ok(&args[0])
}

/// The two arguments of a two-argument function (`METH_FASTCALL`).
fn two<'a>(
    vm: &Vm,
    fname: &str,
    args: &'a [Value],
    kwargs: &Kwargs,
) -> PyResult<(&'a Value, &'a Value)> {
    fastcall(vm, fname, args, kwargs, 2, 2)?;
    Ok((&args[0], &args[1]))
}

/// Two floats, for the functions of two floats (`math.pow`, `math.atan2`, ...).
fn two_reals(vm: &Vm, fname: &str, args: &[Value], kwargs: &Kwargs) -> PyResult<(f64, f64)> {
    let (x, y) = two(vm, fname, args, kwargs)?;
    Ok((float_arg(vm, x)?, float_arg(vm, y)?))
}

/// `math_1`: one float in, one float out, CPython's error rules.
fn unary(
    vm: &Vm,
    fname: &str,
    args: &[Value],
    kwargs: &Kwargs,
    f: fn(f64) -> f64,
    can_overflow: bool,
) -> PyResult<Value> {
    let x = float_arg(vm, one(vm, fname, args, kwargs)?)?;
    let r = f(x);
    if r.is_nan() && !x.is_nan() {
        return Err(domain(vm));
    }
    if r.is_infinite() && x.is_finite() {
        return Err(if can_overflow { range(vm) } else { domain(vm) });
    }
    Ok(Value::Float(r))
}

fn to_int(vm: &Vm, x: f64) -> PyResult<Value> {
    if x.is_nan() {
        return Err(vm.value_error("cannot convert float NaN to integer"));
    }
    if x.is_infinite() {
        return Err(
            vm.new_error(ExcKind::OverflowError, "cannot convert float infinity to integer".into())
        );
    }
    if !(-9.223_372_036_854_776e18..9.223_372_036_854_776e18).contains(&x) {
        return Err(vm.overflow());
    }
    Ok(Value::Int(x as i64))
}

fn gcd(a: i64, b: i64) -> i64 {
    let (mut a, mut b) = (a.unsigned_abs(), b.unsigned_abs());
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a as i64
}

fn log_of(vm: &Vm, x: &Value) -> PyResult<f64> {
    let v = float_arg(vm, x)?;
    if v.is_nan() {
        return Ok(v);
    }
    if v <= 0.0 {
        return Err(domain(vm));
    }
    Ok(fmath::ln(v))
}

pub(crate) const NATIVES: &[(&str, NativeFn)] = &[
    ("sqrt", |vm, _h, a, k| unary(vm, "math.sqrt", a, k, f64::sqrt, false)),
    ("exp", |vm, _h, a, k| unary(vm, "math.exp", a, k, f64::exp, true)),
    ("exp2", |vm, _h, a, k| unary(vm, "math.exp2", a, k, f64::exp2, true)),
    ("expm1", |vm, _h, a, k| unary(vm, "math.expm1", a, k, f64::exp_m1, true)),
    ("log1p", |vm, _h, a, k| unary(vm, "math.log1p", a, k, f64::ln_1p, false)),
    ("cbrt", |vm, _h, a, k| unary(vm, "math.cbrt", a, k, f64::cbrt, false)),
    ("sin", |vm, _h, a, k| unary(vm, "math.sin", a, k, fmath::sin, false)),
    ("cos", |vm, _h, a, k| unary(vm, "math.cos", a, k, fmath::cos, false)),
    ("tan", |vm, _h, a, k| unary(vm, "math.tan", a, k, f64::tan, false)),
    ("asin", |vm, _h, a, k| unary(vm, "math.asin", a, k, f64::asin, false)),
    ("acos", |vm, _h, a, k| unary(vm, "math.acos", a, k, f64::acos, false)),
    ("atan", |vm, _h, a, k| unary(vm, "math.atan", a, k, f64::atan, false)),
    ("sinh", |vm, _h, a, k| unary(vm, "math.sinh", a, k, f64::sinh, true)),
    ("cosh", |vm, _h, a, k| unary(vm, "math.cosh", a, k, f64::cosh, true)),
    ("tanh", |vm, _h, a, k| unary(vm, "math.tanh", a, k, f64::tanh, false)),
    ("asinh", |vm, _h, a, k| unary(vm, "math.asinh", a, k, f64::asinh, false)),
    ("acosh", |vm, _h, a, k| unary(vm, "math.acosh", a, k, f64::acosh, false)),
    ("atanh", |vm, _h, a, k| unary(vm, "math.atanh", a, k, f64::atanh, false)),
    ("fabs", |vm, _h, a, k| unary(vm, "math.fabs", a, k, f64::abs, false)),
    ("degrees", |vm, _h, a, k| unary(vm, "math.degrees", a, k, f64::to_degrees, true)),
    ("radians", |vm, _h, a, k| unary(vm, "math.radians", a, k, f64::to_radians, false)),
    ("floor", |vm, _h, a, k| integral(vm, "math.floor", a, k, f64::floor)),
    ("ceil", |vm, _h, a, k| integral(vm, "math.ceil", a, k, f64::ceil)),
    ("trunc", |vm, _h, a, k| match one(vm, "math.trunc", a, k)? {
        Value::Int(i) => Ok(Value::Int(*i)),
        Value::Bool(b) => Ok(Value::Int(*b as i64)),
        Value::Float(f) => to_int(vm, f.trunc()),
        v => Err(vm.type_error(format!("type {} doesn't define __trunc__ method", type_name(v)))),
    }),
    ("log", |vm, _h, a, k| {
        fastcall(vm, "math.log", a, k, 1, 2)?;
        let x = log_of(vm, &a[0])?;
        if a.len() == 1 {
            return Ok(Value::Float(x));
        }
        let b = log_of(vm, &a[1])?;
        if b == 0.0 {
            return Err(vm.zero_division("float division by zero"));
        }
        Ok(Value::Float(x / b))
    }),
    ("log2", |vm, _h, a, k| {
        let v = float_arg(vm, one(vm, "math.log2", a, k)?)?;
        if v <= 0.0 {
            return Err(domain(vm));
        }
        Ok(Value::Float(v.log2()))
    }),
    ("log10", |vm, _h, a, k| {
        let v = float_arg(vm, one(vm, "math.log10", a, k)?)?;
        if v <= 0.0 {
            return Err(domain(vm));
        }
        Ok(Value::Float(v.log10()))
    }),
    ("pow", |vm, _h, a, k| {
        let (x, y) = two_reals(vm, "math.pow", a, k)?;
        if x == 0.0 && y < 0.0 && y.is_finite() {
            return Err(domain(vm));
        }
        if x < 0.0 && x.is_finite() && y.is_finite() && y.fract() != 0.0 {
            return Err(domain(vm));
        }
        let r = fmath::pow(x, y);
        if r.is_infinite() && x.is_finite() && y.is_finite() {
            return Err(range(vm));
        }
        Ok(Value::Float(r))
    }),
    ("atan2", |vm, _h, a, k| {
        let (x, y) = two_reals(vm, "math.atan2", a, k)?;
        Ok(Value::Float(x.atan2(y)))
    }),
    ("fmod", |vm, _h, a, k| {
        let (x, y) = two_reals(vm, "math.fmod", a, k)?;
        if (y == 0.0 || x.is_infinite()) && !x.is_nan() && !y.is_nan() {
            return Err(domain(vm));
        }
        Ok(Value::Float(x % y))
    }),
    ("remainder", |vm, _h, a, k| {
        let (x, y) = two_reals(vm, "math.remainder", a, k)?;
        if (y == 0.0 || x.is_infinite()) && !x.is_nan() && !y.is_nan() {
            return Err(domain(vm));
        }
        let n = (x / y).round();
        let mut r = x - n * y;
        // Round half to even.
        if ((x / y) - (x / y).trunc()).abs() == 0.5 && (n as i64) % 2 != 0 {
            r = x - (n - (x / y).signum()) * y;
        }
        Ok(Value::Float(r))
    }),
    ("copysign", |vm, _h, a, k| {
        let (x, y) = two_reals(vm, "math.copysign", a, k)?;
        Ok(Value::Float(x.copysign(y)))
    }),
    ("ldexp", |vm, _h, a, k| {
        let (x, e) = two(vm, "math.ldexp", a, k)?;
        let x = float_arg(vm, x)?;
        let e = match e {
            Value::Int(_) | Value::Bool(_) => index(vm, e)?,
            _ => return Err(vm.type_error("Expected an int as second argument to ldexp.")),
        };
        let r = x * 2f64.powi(e.clamp(-2000, 2000) as i32);
        if r.is_infinite() && x.is_finite() {
            return Err(range(vm));
        }
        Ok(Value::Float(r))
    }),
    ("frexp", |vm, _h, a, k| {
        let x = float_arg(vm, one(vm, "math.frexp", a, k)?)?;
        if x == 0.0 || !x.is_finite() {
            return Ok(Value::tuple(vec![Value::Float(x), Value::Int(0)]));
        }
        let mut e = x.abs().log2().floor() as i64 + 1;
        let mut m = x / 2f64.powi(e as i32);
        if m.abs() >= 1.0 {
            m /= 2.0;
            e += 1;
        } else if m.abs() < 0.5 {
            m *= 2.0;
            e -= 1;
        }
        Ok(Value::tuple(vec![Value::Float(m), Value::Int(e)]))
    }),
    ("modf", |vm, _h, a, k| {
        let x = float_arg(vm, one(vm, "math.modf", a, k)?)?;
        if x.is_infinite() {
            return Ok(Value::tuple(vec![Value::Float(0.0f64.copysign(x)), Value::Float(x)]));
        }
        Ok(Value::tuple(vec![Value::Float(x.fract()), Value::Float(x.trunc())]))
    }),
    ("isnan", |vm, _h, a, k| {
        Ok(Value::Bool(float_arg(vm, one(vm, "math.isnan", a, k)?)?.is_nan()))
    }),
    ("isinf", |vm, _h, a, k| {
        Ok(Value::Bool(float_arg(vm, one(vm, "math.isinf", a, k)?)?.is_infinite()))
    }),
    ("isfinite", |vm, _h, a, k| {
        Ok(Value::Bool(float_arg(vm, one(vm, "math.isfinite", a, k)?)?.is_finite()))
    }),
    ("gcd", |vm, _h, a, k| {
        fastcall(vm, "math.gcd", a, k, 0, usize::MAX)?;
        let mut g = 0i64;
        for v in a {
            g = gcd(g, index(vm, v)?);
        }
        Ok(Value::Int(g))
    }),
    ("lcm", |vm, _h, a, k| {
        fastcall(vm, "math.lcm", a, k, 0, usize::MAX)?;
        let mut l = 1i64;
        for v in a {
            let x = index(vm, v)?;
            if x == 0 {
                return Ok(Value::Int(0));
            }
            let g = gcd(l, x);
            l = (l / g).checked_mul(x.abs()).ok_or_else(|| vm.overflow())?;
        }
        Ok(Value::Int(l))
    }),
    ("factorial", |vm, _h, a, k| {
        let n = index(vm, one(vm, "math.factorial", a, k)?)?;
        if n < 0 {
            return Err(vm.value_error("factorial() not defined for negative values"));
        }
        let mut r: i64 = 1;
        for i in 2..=n {
            r = r.checked_mul(i).ok_or_else(|| vm.overflow())?;
        }
        Ok(Value::Int(r))
    }),
    ("comb", |vm, _h, a, k| {
        let (n, k) = two(vm, "math.comb", a, k)?;
        let (n, k) = (index(vm, n)?, index(vm, k)?);
        if n < 0 {
            return Err(vm.value_error("n must be a non-negative integer"));
        }
        if k < 0 {
            return Err(vm.value_error("k must be a non-negative integer"));
        }
        if k > n {
            return Ok(Value::Int(0));
        }
        let k = k.min(n - k);
        let mut r: i128 = 1;
        for i in 0..k {
            r = r * (n - i) as i128 / (i + 1) as i128;
            if r > i64::MAX as i128 {
                return Err(vm.overflow());
            }
        }
        Ok(Value::Int(r as i64))
    }),
    ("perm", |vm, _h, a, k| {
        fastcall(vm, "math.perm", a, k, 1, 2)?;
        let n = index(vm, &a[0])?;
        let k = match a.get(1) {
            None | Some(Value::None) => n,
            Some(v) => index(vm, v)?,
        };
        if n < 0 {
            return Err(vm.value_error("n must be a non-negative integer"));
        }
        if k < 0 {
            return Err(vm.value_error("k must be a non-negative integer"));
        }
        if k > n {
            return Ok(Value::Int(0));
        }
        let mut r: i64 = 1;
        for i in 0..k {
            r = r.checked_mul(n - i).ok_or_else(|| vm.overflow())?;
        }
        Ok(Value::Int(r))
    }),
    ("isqrt", |vm, _h, a, k| {
        let n = index(vm, one(vm, "math.isqrt", a, k)?)?;
        if n < 0 {
            return Err(vm.value_error("isqrt() argument must be nonnegative"));
        }
        let mut r = (n as f64).sqrt() as i64;
        while r.checked_mul(r).is_none_or(|x| x > n) {
            r -= 1;
        }
        while (r + 1).checked_mul(r + 1).is_some_and(|x| x <= n) {
            r += 1;
        }
        Ok(Value::Int(r))
    }),
    ("hypot", |vm, _h, a, k| {
        fastcall(vm, "math.hypot", a, k, 0, usize::MAX)?;
        let mut xs = Vec::with_capacity(a.len());
        for v in a {
            xs.push(float_arg(vm, v)?);
        }
        if xs.iter().any(|x| x.is_infinite()) {
            return Ok(Value::Float(f64::INFINITY));
        }
        let m = xs.iter().fold(0.0f64, |m, x| m.max(x.abs()));
        if m == 0.0 || m.is_nan() {
            return Ok(Value::Float(m));
        }
        let s: f64 = xs.iter().map(|x| (x / m) * (x / m)).sum();
        Ok(Value::Float(if xs.len() == 2 { xs[0].hypot(xs[1]) } else { m * s.sqrt() }))
    }),
];

/// `math.floor` and `math.ceil`: an int (or bool) as the int it is, any
/// other real number rounded by `round` to an int.
fn integral(
    vm: &mut Vm,
    fname: &str,
    a: &[Value],
    k: &Kwargs,
    round: fn(f64) -> f64,
) -> PyResult<Value> {
    match one(vm, fname, a, k)? {
        v @ (Value::Int(_) | Value::Bool(_)) => index(vm, v).map(Value::Int),
        v => to_int(vm, round(float_arg(vm, v)?)),
    }
}
