//! `math`'s functions, with CPython's checks and messages
//! (`Modules/mathmodule.c`: a NaN out of a number is a domain error, an
//! infinity out of a finite number a range error).

use crate::pylib::fmath;
use crate::vm::exc::ExcKind;
use crate::vm::types::type_name;
use crate::vm::value::*;
use crate::vm::{PyErr, PyResult, Vm};

fn real(vm: &Vm, v: &Value) -> PyResult<f64> {
    match v {
        Value::Int(i) => Ok(*i as f64),
        Value::Bool(b) => Ok(*b as i64 as f64),
        Value::Float(f) => Ok(*f),
        other => Err(vm.type_error(format!("must be real number, not {}", type_name(other)))),
    }
}

fn integer(vm: &Vm, v: &Value) -> PyResult<i64> {
    match v {
        Value::Int(i) => Ok(*i),
        Value::Bool(b) => Ok(*b as i64),
        other => Err(vm.type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            type_name(other)
        ))),
    }
}

fn domain(vm: &Vm) -> PyErr {
    vm.value_error("math domain error")
}

fn range(vm: &Vm) -> PyErr {
    vm.new_error(ExcKind::OverflowError, "math range error".into())
}

fn arity(vm: &Vm, name: &str, args: &[Value], n: usize) -> PyResult<()> {
    if args.len() != n {
        let plural = if n == 1 { "" } else { "s" };
        return Err(vm.type_error(match n {
            1 => format!("math.{name}() takes exactly one argument ({} given)", args.len()),
            _ => format!("{name} expected {n} argument{plural}, got {}", args.len()),
        }));
    }
    Ok(())
}

/// `math_1`: one float in, one float out, CPython's error rules.
fn unary(
    vm: &Vm,
    name: &str,
    args: &[Value],
    f: fn(f64) -> f64,
    can_overflow: bool,
) -> PyResult<Value> {
    arity(vm, name, args, 1)?;
    let x = real(vm, &args[0])?;
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
    let v = real(vm, x)?;
    if v.is_nan() {
        return Ok(v);
    }
    if v <= 0.0 {
        return Err(domain(vm));
    }
    Ok(fmath::ln(v))
}

pub(crate) const NATIVES: &[(&str, NativeFn)] = &[
    ("sqrt", |vm, _h, a, _k| unary(vm, "sqrt", a, f64::sqrt, false)),
    ("exp", |vm, _h, a, _k| unary(vm, "exp", a, f64::exp, true)),
    ("exp2", |vm, _h, a, _k| unary(vm, "exp2", a, f64::exp2, true)),
    ("expm1", |vm, _h, a, _k| unary(vm, "expm1", a, f64::exp_m1, true)),
    ("log1p", |vm, _h, a, _k| unary(vm, "log1p", a, f64::ln_1p, false)),
    ("cbrt", |vm, _h, a, _k| unary(vm, "cbrt", a, f64::cbrt, false)),
    ("sin", |vm, _h, a, _k| unary(vm, "sin", a, fmath::sin, false)),
    ("cos", |vm, _h, a, _k| unary(vm, "cos", a, fmath::cos, false)),
    ("tan", |vm, _h, a, _k| unary(vm, "tan", a, f64::tan, false)),
    ("asin", |vm, _h, a, _k| unary(vm, "asin", a, f64::asin, false)),
    ("acos", |vm, _h, a, _k| unary(vm, "acos", a, f64::acos, false)),
    ("atan", |vm, _h, a, _k| unary(vm, "atan", a, f64::atan, false)),
    ("sinh", |vm, _h, a, _k| unary(vm, "sinh", a, f64::sinh, true)),
    ("cosh", |vm, _h, a, _k| unary(vm, "cosh", a, f64::cosh, true)),
    ("tanh", |vm, _h, a, _k| unary(vm, "tanh", a, f64::tanh, false)),
    ("asinh", |vm, _h, a, _k| unary(vm, "asinh", a, f64::asinh, false)),
    ("acosh", |vm, _h, a, _k| unary(vm, "acosh", a, f64::acosh, false)),
    ("atanh", |vm, _h, a, _k| unary(vm, "atanh", a, f64::atanh, false)),
    ("fabs", |vm, _h, a, _k| unary(vm, "fabs", a, f64::abs, false)),
    ("degrees", |vm, _h, a, _k| unary(vm, "degrees", a, f64::to_degrees, true)),
    ("radians", |vm, _h, a, _k| unary(vm, "radians", a, f64::to_radians, false)),
    ("floor", |vm, _h, a, _k| integral(vm, "floor", a, f64::floor)),
    ("ceil", |vm, _h, a, _k| integral(vm, "ceil", a, f64::ceil)),
    ("trunc", |vm, _h, a, _k| {
        arity(vm, "trunc", a, 1)?;
        match &a[0] {
            Value::Int(i) => Ok(Value::Int(*i)),
            Value::Bool(b) => Ok(Value::Int(*b as i64)),
            Value::Float(f) => to_int(vm, f.trunc()),
            v => {
                Err(vm.type_error(format!("type {} doesn't define __trunc__ method", type_name(v))))
            }
        }
    }),
    ("log", |vm, _h, a, _k| {
        if a.is_empty() || a.len() > 2 {
            return Err(vm.type_error(format!("log expected at least 1 argument, got {}", a.len())));
        }
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
    ("log2", |vm, _h, a, _k| {
        arity(vm, "log2", a, 1)?;
        let v = real(vm, &a[0])?;
        if v <= 0.0 {
            return Err(domain(vm));
        }
        Ok(Value::Float(v.log2()))
    }),
    ("log10", |vm, _h, a, _k| {
        arity(vm, "log10", a, 1)?;
        let v = real(vm, &a[0])?;
        if v <= 0.0 {
            return Err(domain(vm));
        }
        Ok(Value::Float(v.log10()))
    }),
    ("pow", |vm, _h, a, _k| {
        arity(vm, "pow", a, 2)?;
        let (x, y) = (real(vm, &a[0])?, real(vm, &a[1])?);
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
    ("atan2", |vm, _h, a, _k| {
        arity(vm, "atan2", a, 2)?;
        Ok(Value::Float(real(vm, &a[0])?.atan2(real(vm, &a[1])?)))
    }),
    ("fmod", |vm, _h, a, _k| {
        arity(vm, "fmod", a, 2)?;
        let (x, y) = (real(vm, &a[0])?, real(vm, &a[1])?);
        if (y == 0.0 || x.is_infinite()) && !x.is_nan() && !y.is_nan() {
            return Err(domain(vm));
        }
        Ok(Value::Float(x % y))
    }),
    ("remainder", |vm, _h, a, _k| {
        arity(vm, "remainder", a, 2)?;
        let (x, y) = (real(vm, &a[0])?, real(vm, &a[1])?);
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
    ("copysign", |vm, _h, a, _k| {
        arity(vm, "copysign", a, 2)?;
        Ok(Value::Float(real(vm, &a[0])?.copysign(real(vm, &a[1])?)))
    }),
    ("ldexp", |vm, _h, a, _k| {
        arity(vm, "ldexp", a, 2)?;
        let (x, e) = (real(vm, &a[0])?, integer(vm, &a[1])?);
        let r = x * 2f64.powi(e.clamp(-2000, 2000) as i32);
        if r.is_infinite() && x.is_finite() {
            return Err(range(vm));
        }
        Ok(Value::Float(r))
    }),
    ("frexp", |vm, _h, a, _k| {
        arity(vm, "frexp", a, 1)?;
        let x = real(vm, &a[0])?;
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
    ("modf", |vm, _h, a, _k| {
        arity(vm, "modf", a, 1)?;
        let x = real(vm, &a[0])?;
        if x.is_infinite() {
            return Ok(Value::tuple(vec![Value::Float(0.0f64.copysign(x)), Value::Float(x)]));
        }
        Ok(Value::tuple(vec![Value::Float(x.fract()), Value::Float(x.trunc())]))
    }),
    ("isnan", |vm, _h, a, _k| {
        arity(vm, "isnan", a, 1)?;
        Ok(Value::Bool(real(vm, &a[0])?.is_nan()))
    }),
    ("isinf", |vm, _h, a, _k| {
        arity(vm, "isinf", a, 1)?;
        Ok(Value::Bool(real(vm, &a[0])?.is_infinite()))
    }),
    ("isfinite", |vm, _h, a, _k| {
        arity(vm, "isfinite", a, 1)?;
        Ok(Value::Bool(real(vm, &a[0])?.is_finite()))
    }),
    ("gcd", |vm, _h, a, _k| {
        let mut g = 0i64;
        for v in a {
            g = gcd(g, integer(vm, v)?);
        }
        Ok(Value::Int(g))
    }),
    ("lcm", |vm, _h, a, _k| {
        let mut l = 1i64;
        for v in a {
            let x = integer(vm, v)?;
            if x == 0 {
                return Ok(Value::Int(0));
            }
            let g = gcd(l, x);
            l = (l / g).checked_mul(x.abs()).ok_or_else(|| vm.overflow())?;
        }
        Ok(Value::Int(l))
    }),
    ("factorial", |vm, _h, a, _k| {
        arity(vm, "factorial", a, 1)?;
        let n = integer(vm, &a[0])?;
        if n < 0 {
            return Err(vm.value_error("factorial() not defined for negative values"));
        }
        let mut r: i64 = 1;
        for i in 2..=n {
            r = r.checked_mul(i).ok_or_else(|| vm.overflow())?;
        }
        Ok(Value::Int(r))
    }),
    ("comb", |vm, _h, a, _k| {
        arity(vm, "comb", a, 2)?;
        let (n, k) = (integer(vm, &a[0])?, integer(vm, &a[1])?);
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
    ("perm", |vm, _h, a, _k| {
        if a.is_empty() || a.len() > 2 {
            return Err(
                vm.type_error(format!("perm expected at most 2 arguments, got {}", a.len()))
            );
        }
        let n = integer(vm, &a[0])?;
        let k = match a.get(1) {
            None | Some(Value::None) => n,
            Some(v) => integer(vm, v)?,
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
    ("isqrt", |vm, _h, a, _k| {
        arity(vm, "isqrt", a, 1)?;
        let n = integer(vm, &a[0])?;
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
    ("hypot", |vm, _h, a, _k| {
        let mut xs = Vec::new();
        for v in a {
            xs.push(real(vm, v)?);
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
fn integral(vm: &mut Vm, name: &str, a: &[Value], round: fn(f64) -> f64) -> PyResult<Value> {
    arity(vm, name, a, 1)?;
    match &a[0] {
        Value::Int(i) => Ok(Value::Int(*i)),
        Value::Bool(b) => Ok(Value::Int(*b as i64)),
        v => to_int(vm, round(real(vm, v)?)),
    }
}
