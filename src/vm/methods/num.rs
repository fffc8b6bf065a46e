//! The methods of `int`, `bool` and `float` (`bit_length`, `conjugate`,
//! `as_integer_ratio`, `is_integer`).
//!
//! Not here: arithmetic and the numbers' special methods (`ops`, `object`,
//! `pylib::int_ops`), their data attributes `real`/`imag` (the dispatcher's
//! `data_attr`), and `int()`/`float()` themselves (`builtins`).

use crate::vm::exc::ExcKind;
use crate::vm::intern::{sym, Symbol};
use crate::vm::value::*;
use crate::vm::{PyResult, Vm};

impl Vm {
    pub(super) fn num_method(
        &mut self,
        recv: &Value,
        name: Symbol,
        args: &[Value],
        kwargs: &Kwargs,
    ) -> PyResult<Value> {
        let m = name;
        // All of them are `METH_NOARGS` (`int.bit_length() takes no
        // arguments (1 given)`; a bool's are int's).
        let (owner, known) = match recv {
            Value::Float(_) => ("float", super::FLOAT_METHODS),
            _ => ("int", super::INT_METHODS),
        };
        if known.contains(&m) {
            self.no_args_method(owner, m, args, kwargs)?;
        }
        match recv {
            Value::Int(_) | Value::Bool(_) => {
                let i = match recv {
                    Value::Int(i) => *i,
                    Value::Bool(b) => *b as i64,
                    _ => unreachable!(),
                };
                if m == sym::bit_length {
                    return Ok(Value::Int(64 - i.unsigned_abs().leading_zeros() as i64));
                }
                if m == sym::conjugate {
                    return Ok(Value::Int(i));
                }
                if m == sym::as_integer_ratio {
                    return Ok(Value::tuple(vec![Value::Int(i), Value::Int(1)]));
                }
                if m == sym::is_integer {
                    return Ok(Value::Bool(true));
                }
            }
            Value::Float(f) => {
                if m == sym::is_integer {
                    return Ok(Value::Bool(f.is_finite() && f.fract() == 0.0));
                }
                if m == sym::conjugate {
                    return Ok(Value::Float(*f));
                }
                if m == sym::as_integer_ratio {
                    return match float_ratio(*f) {
                        Some((n, d)) => Ok(Value::tuple(vec![Value::Int(n), Value::Int(d)])),
                        None if f.is_nan() => {
                            Err(self.value_error("cannot convert NaN to integer ratio"))
                        }
                        None if f.is_infinite() => Err(self.new_error(
                            ExcKind::OverflowError,
                            "cannot convert Infinity to integer ratio".into(),
                        )),
                        None => Err(self.overflow()),
                    };
                }
            }
            _ => {}
        }
        Err(self.attribute_error(recv, name))
    }
}

/// `float.as_integer_ratio()` when numerator and denominator fit in 64 bits.
fn float_ratio(f: f64) -> Option<(i64, i64)> {
    if !f.is_finite() {
        return None;
    }
    if f == 0.0 {
        return Some((0, 1));
    }
    let bits = f.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64;
    let mut mant = (bits & ((1 << 52) - 1)) as i64;
    let mut e = if exp == 0 {
        -1074
    } else {
        mant |= 1 << 52;
        exp - 1075
    };
    while mant & 1 == 0 {
        mant >>= 1;
        e += 1;
    }
    let sign = if f < 0.0 { -1 } else { 1 };
    if e >= 0 {
        let n = mant.checked_shl(e as u32).filter(|n| n >> e == mant)?;
        Some((sign * n, 1))
    } else {
        if -e >= 63 {
            return None;
        }
        Some((sign * mant, 1i64 << -e))
    }
}
