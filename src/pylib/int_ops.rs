//! Python's int and float arithmetic on `i64`/`f64`: floor division and modulo
//! with Python's signs, true division, powers, exact int/float comparison,
//! conversions, `round`, and `int(str)` / `float(str)` parsing, each as
//! Objects/longobject.c and Objects/floatobject.c define them.
//!
//! Python ints are unbounded and this runtime's are 64-bit: a result that does not
//! fit is [`ArithError::Overflow`], never a wrapped value.

use std::cmp::Ordering;

use super::fmath;
use super::text::{decimal_value, py_isspace, repr_str, truncate_chars};
use super::PyError;

/// Why an operation has no `i64`/`f64` result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ArithError {
    /// CPython raises this exception.
    Raise(PyError),
    /// CPython's result is an int that needs more than 64 bits.
    Overflow,
    /// CPython's result is a complex number (a negative number to a fractional
    /// power), which this runtime does not have.
    Complex,
}

impl From<PyError> for ArithError {
    fn from(e: PyError) -> ArithError {
        ArithError::Raise(e)
    }
}

/// `a + b`.
pub fn add(a: i64, b: i64) -> Result<i64, ArithError> {
    a.checked_add(b).ok_or(ArithError::Overflow)
}

/// `a - b`.
pub fn sub(a: i64, b: i64) -> Result<i64, ArithError> {
    a.checked_sub(b).ok_or(ArithError::Overflow)
}

/// `a * b`.
pub fn mul(a: i64, b: i64) -> Result<i64, ArithError> {
    a.checked_mul(b).ok_or(ArithError::Overflow)
}

/// `-a`.
pub fn neg(a: i64) -> Result<i64, ArithError> {
    a.checked_neg().ok_or(ArithError::Overflow)
}

/// `abs(a)`.
pub fn abs(a: i64) -> Result<i64, ArithError> {
    a.checked_abs().ok_or(ArithError::Overflow)
}

/// `a // b`: the floor of the exact quotient (`-7 // 2 == -4`).
pub fn floordiv(a: i64, b: i64) -> Result<i64, ArithError> {
    Ok(divmod_inner(a, b, "integer division or modulo by zero")?.0)
}

/// `a % b`: the remainder takes the divisor's sign (`-7 % 2 == 1`, `7 % -2 == -1`).
pub fn modulo(a: i64, b: i64) -> Result<i64, ArithError> {
    if b == -1 {
        return Ok(0);
    }
    Ok(divmod_inner(a, b, "integer modulo by zero")?.1)
}

/// `divmod(a, b)`: `(a // b, a % b)`.
pub fn divmod(a: i64, b: i64) -> Result<(i64, i64), ArithError> {
    divmod_inner(a, b, "integer division or modulo by zero")
}

fn divmod_inner(a: i64, b: i64, zero_message: &str) -> Result<(i64, i64), ArithError> {
    if b == 0 {
        return Err(PyError::zero_division(zero_message).into());
    }
    let mut q = a.checked_div(b).ok_or(ArithError::Overflow)?;
    let mut r = a % b;
    if r != 0 && ((r < 0) != (b < 0)) {
        q -= 1;
        r += b;
    }
    Ok((q, r))
}

/// `a << n` (`ValueError: negative shift count` for `n < 0`).
pub fn lshift(a: i64, n: i64) -> Result<i64, ArithError> {
    if n < 0 {
        return Err(PyError::value_error("negative shift count").into());
    }
    if a == 0 {
        return Ok(0);
    }
    if n >= 64 {
        return Err(ArithError::Overflow);
    }
    let wide = (a as i128) << n;
    i64::try_from(wide).map_err(|_| ArithError::Overflow)
}

/// `a >> n`: rounds toward negative infinity.
pub fn rshift(a: i64, n: i64) -> Result<i64, ArithError> {
    if n < 0 {
        return Err(PyError::value_error("negative shift count").into());
    }
    Ok(if n >= 64 { a >> 63 } else { a >> n })
}

/// `int.bit_length()`: bits of `abs(a)`.
pub fn bit_length(a: i64) -> u32 {
    64 - a.unsigned_abs().leading_zeros()
}

/// `bin(a)`: `0b101`, `-0b101`.
pub fn bin(a: i64) -> String {
    let sign = if a < 0 { "-" } else { "" };
    format!("{sign}0b{:b}", a.unsigned_abs())
}

/// `oct(a)`: `0o17`, `-0o17`.
pub fn oct(a: i64) -> String {
    let sign = if a < 0 { "-" } else { "" };
    format!("{sign}0o{:o}", a.unsigned_abs())
}

/// `hex(a)`: `0x1f`, `-0x1f`.
pub fn hex(a: i64) -> String {
    let sign = if a < 0 { "-" } else { "" };
    format!("{sign}0x{:x}", a.unsigned_abs())
}

/// `a / b` for ints (`long_true_divide`): the exact quotient correctly rounded,
/// which is not `a as f64 / b as f64` when either is above 2**53.
pub fn true_divide(a: i64, b: i64) -> Result<f64, PyError> {
    if b == 0 {
        return Err(PyError::zero_division("division by zero"));
    }
    let negative = (a < 0) != (b < 0);
    let (n, d) = (a.unsigned_abs() as u128, b.unsigned_abs() as u128);
    let magnitude = if n == 0 {
        0.0
    } else {
        // Scale n up so the quotient has at least 62 significant bits; a sticky
        // bit for a non-zero remainder then makes one rounding to 53 bits exact.
        let shift = n.leading_zeros() - 1;
        let scaled = n << shift;
        let q = (scaled / d) | u128::from(scaled % d != 0);
        let scale = f64::from_bits(u64::from(1023 - shift) << 52);
        q as f64 * scale
    };
    Ok(if negative { -magnitude } else { magnitude })
}

/// `a / b` for floats (ints converted first).
pub fn float_divide(a: f64, b: f64) -> Result<f64, PyError> {
    if b == 0.0 {
        return Err(PyError::zero_division("float division by zero"));
    }
    Ok(a / b)
}

/// `a % b` for floats (`float_rem`): `fmod`, moved to the divisor's sign; a zero
/// result takes the divisor's sign (`-0.0 % 5 == 0.0`, `0.0 % -5 == -0.0`).
pub fn float_mod(a: f64, b: f64) -> Result<f64, PyError> {
    if b == 0.0 {
        return Err(PyError::zero_division("float modulo by zero"));
    }
    let mut m = a % b;
    if m != 0.0 {
        if (b < 0.0) != (m < 0.0) {
            m += b;
        }
    } else {
        m = 0.0f64.copysign(b);
    }
    Ok(m)
}

/// `a // b` for floats.
pub fn float_floordiv(a: f64, b: f64) -> Result<f64, PyError> {
    if b == 0.0 {
        return Err(PyError::zero_division("float floor division by zero"));
    }
    Ok(float_div_mod(a, b).0)
}

/// `divmod(a, b)` for floats.
pub fn float_divmod(a: f64, b: f64) -> Result<(f64, f64), PyError> {
    if b == 0.0 {
        return Err(PyError::zero_division("float divmod()"));
    }
    Ok(float_div_mod(a, b))
}

/// `_float_div_mod`: the remainder as in [`float_mod`]; the quotient
/// `(a - mod) / b`, adjusted with the remainder and snapped to the nearest
/// integer; a zero quotient takes the sign of `a / b`.
fn float_div_mod(vx: f64, wx: f64) -> (f64, f64) {
    let mut m = vx % wx;
    let mut div = (vx - m) / wx;
    if m != 0.0 {
        if (wx < 0.0) != (m < 0.0) {
            m += wx;
            div -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(wx);
    }
    let floordiv = if div != 0.0 {
        let mut f = div.floor();
        if div - f > 0.5 {
            f += 1.0;
        }
        f
    } else {
        0.0f64.copysign(vx / wx)
    };
    (floordiv, m)
}

/// `math.fmod(a, b)`: C's `fmod` (the result has `a`'s sign, unlike `%`), with
/// `ValueError: math domain error` for `b == 0` or infinite `a`.
pub fn math_fmod(a: f64, b: f64) -> Result<f64, PyError> {
    if b.is_infinite() && a.is_finite() {
        return Ok(a);
    }
    let r = a % b;
    if r.is_nan() && !a.is_nan() && !b.is_nan() {
        return Err(PyError::value_error("math domain error"));
    }
    Ok(r)
}

/// The result of `**` on two ints: an int, or a float for a negative exponent.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Power {
    Int(i64),
    Float(f64),
}

/// `base ** exp` for ints (`long_pow`): exact for `exp >= 0`; for `exp < 0` the
/// float power of the converted operands (`2 ** -1 == 0.5`,
/// `0 ** -1` raises `ZeroDivisionError`).
pub fn int_pow(base: i64, exp: i64) -> Result<Power, ArithError> {
    if exp < 0 {
        return float_pow(base as f64, exp as f64).map(Power::Float);
    }
    let value = match base {
        0 => i64::from(exp == 0),
        1 => 1,
        -1 => {
            if exp % 2 == 0 {
                1
            } else {
                -1
            }
        }
        _ => {
            let exp = u32::try_from(exp).map_err(|_| ArithError::Overflow)?;
            base.checked_pow(exp).ok_or(ArithError::Overflow)?
        }
    };
    Ok(Power::Int(value))
}

/// `base ** exp` for floats (`float_pow`): C99 `pow` with CPython's special
/// cases (`x ** 0 == 1` even for nan, `1 ** nan == 1`, `(-1) ** ±inf == 1`),
/// `ZeroDivisionError: 0.0 cannot be raised to a negative power`,
/// `OverflowError: (34, 'Numerical result out of range')`, and
/// [`ArithError::Complex`] for a negative base with a fractional exponent
/// (`OverflowError: complex exponentiation` if that complex number overflows).
pub fn float_pow(iv: f64, iw: f64) -> Result<f64, ArithError> {
    let is_odd_integer = |x: f64| (x.abs() % 2.0) == 1.0;
    if iw == 0.0 {
        return Ok(1.0);
    }
    if iv.is_nan() {
        return Ok(iv);
    }
    if iw.is_nan() {
        return Ok(if iv == 1.0 { 1.0 } else { iw });
    }
    if iw.is_infinite() {
        let av = iv.abs();
        return Ok(if av == 1.0 {
            1.0
        } else if (iw > 0.0) == (av > 1.0) {
            iw.abs()
        } else {
            0.0
        });
    }
    if iv.is_infinite() {
        let odd = is_odd_integer(iw);
        return Ok(if iw > 0.0 {
            if odd {
                iv
            } else {
                iv.abs()
            }
        } else if odd {
            0.0f64.copysign(iv)
        } else {
            0.0
        });
    }
    if iv == 0.0 {
        if iw < 0.0 {
            return Err(PyError::zero_division("0.0 cannot be raised to a negative power").into());
        }
        return Ok(if is_odd_integer(iw) { iv } else { 0.0 });
    }
    let mut base = iv;
    let mut negate = false;
    if iv < 0.0 {
        if iw != iw.floor() {
            // CPython computes the complex power, whose modulus is |iv| ** iw.
            if fmath::pow(-iv, iw).is_infinite() {
                return Err(PyError::overflow_error("complex exponentiation").into());
            }
            return Err(ArithError::Complex);
        }
        base = -iv;
        negate = is_odd_integer(iw);
    }
    if base == 1.0 {
        return Ok(if negate { -1.0 } else { 1.0 });
    }
    let ix = fmath::pow(base, iw);
    if ix.is_infinite() {
        return Err(PyError::overflow_error("(34, 'Numerical result out of range')").into());
    }
    Ok(if negate { -ix } else { ix })
}

/// Compares an int with a float exactly, as `float_richcompare` does (not through
/// `i as f64`: `2**53 + 1 == float(2**53)` is false). `None` when `f` is nan.
pub fn compare_int_float(i: i64, f: f64) -> Option<Ordering> {
    const TWO_63: f64 = 9_223_372_036_854_775_808.0;
    if f.is_nan() {
        return None;
    }
    if f >= TWO_63 {
        return Some(Ordering::Less);
    }
    if f < -TWO_63 {
        return Some(Ordering::Greater);
    }
    let whole = f.trunc();
    Some(i.cmp(&(whole as i64)).then_with(|| 0.0.partial_cmp(&(f - whole)).expect("finite")))
}

/// `int(x)` for a float: truncation toward zero (`PyLong_FromDouble`), with
/// `OverflowError: cannot convert float infinity to integer` and
/// `ValueError: cannot convert float NaN to integer`.
pub fn float_to_int(x: f64) -> Result<i64, ArithError> {
    if x.is_nan() {
        return Err(PyError::value_error("cannot convert float NaN to integer").into());
    }
    if x.is_infinite() {
        return Err(PyError::overflow_error("cannot convert float infinity to integer").into());
    }
    let t = x.trunc();
    if (-9_223_372_036_854_775_808.0..9_223_372_036_854_775_808.0).contains(&t) {
        Ok(t as i64)
    } else {
        Err(ArithError::Overflow)
    }
}

/// `round(x)` for a float: the nearest int, halves to even (`round(2.5) == 2`,
/// `round(-0.5) == 0`).
pub fn round_float_to_int(x: f64) -> Result<i64, ArithError> {
    float_to_int(x.round_ties_even())
}

/// `round(x, ndigits)` for a float (`float___round___impl` + `double_round`): the
/// exact binary value rounded to `ndigits` decimal places, ties to even
/// (`round(2.675, 2) == 2.67`, `round(0.125, 2) == 0.12`), read back as the nearest
/// float; `ndigits` may be negative (`round(1234.5, -2) == 1200.0`). Beyond 323
/// places `x` comes back unchanged; below -308 it is a zero with `x`'s sign.
pub fn round_float(x: f64, ndigits: i64) -> Result<f64, PyError> {
    if !x.is_finite() || ndigits > 323 {
        return Ok(x);
    }
    if ndigits < -308 {
        return Ok(0.0 * x);
    }
    let sign = if x.is_sign_negative() { "-" } else { "" };
    let ax = x.abs();
    let text = if ndigits >= 0 {
        format!("{sign}{:.*}", ndigits as usize, ax)
    } else {
        let k = ndigits.unsigned_abs() as usize;
        format!("{sign}{}e{k}", round_integer_digits(ax, k))
    };
    let rounded: f64 = text.parse().unwrap_or_else(|_| unreachable!("a decimal literal"));
    if rounded.is_infinite() {
        return Err(PyError::overflow_error("rounded value too large to represent"));
    }
    Ok(rounded)
}

/// The decimal digits of `ax / 10**k` rounded to an integer, ties to even, from
/// the exact digits of `ax` (`ax >= 0`, `k >= 1`).
fn round_integer_digits(ax: f64, k: usize) -> String {
    let whole = format!("{:.0}", ax.trunc());
    let has_fraction = ax.fract() != 0.0;
    let padded =
        if whole.len() < k + 1 { format!("{whole:0>width$}", width = k + 1) } else { whole };
    let (head, tail) = padded.split_at(padded.len() - k);
    let tail = tail.as_bytes();
    let round_up = match tail[0].cmp(&b'5') {
        Ordering::Greater => true,
        Ordering::Less => false,
        Ordering::Equal => {
            let above_half = has_fraction || tail[1..].iter().any(|&d| d != b'0');
            above_half || head.as_bytes().last().is_some_and(|d| (d - b'0') % 2 == 1)
        }
    };
    let mut digits = head.as_bytes().to_vec();
    if round_up {
        let mut i = digits.len();
        loop {
            if i == 0 {
                digits.insert(0, b'1');
                break;
            }
            i -= 1;
            if digits[i] == b'9' {
                digits[i] = b'0';
            } else {
                digits[i] += 1;
                break;
            }
        }
    }
    digits.into_iter().map(char::from).collect()
}

/// `round(x, ndigits)` for an int (`long_round`): `x` itself for `ndigits >= 0`,
/// else rounded to a multiple of `10**-ndigits`, ties to even
/// (`round(25, -1) == 20`, `round(35, -1) == 40`).
pub fn round_int(x: i64, ndigits: i64) -> Result<i64, ArithError> {
    if ndigits >= 0 {
        return Ok(x);
    }
    let k = ndigits.unsigned_abs();
    if k > 38 {
        return Ok(0);
    }
    let pow = 10i128.pow(k as u32);
    let (x, pow_half) = (x as i128, pow / 2);
    let (q, r) = (x.div_euclid(pow), x.rem_euclid(pow));
    let up = r > pow_half || (r == pow_half && q % 2 != 0);
    let rounded = if up { x - r + pow } else { x - r };
    i64::try_from(rounded).map_err(|_| ArithError::Overflow)
}

/// Whitespace that `int()` and `float()` strip: ASCII ` \t\n\v\f\r` (`Py_ISSPACE`),
/// and any non-ASCII whitespace, which CPython first maps to a space. (ASCII
/// `\x1c`..`\x1f` are `str.isspace()` but not stripped.)
fn is_number_space(c: char) -> bool {
    if c.is_ascii() {
        matches!(c, ' ' | '\t' | '\n' | '\x0b' | '\x0c' | '\r')
    } else {
        py_isspace(c)
    }
}

/// `int(s, base)` for a str (`PyLong_FromUnicodeObject` + `PyLong_FromString`):
/// surrounding whitespace, a sign, a `0x`/`0o`/`0b` prefix (required to match the
/// base; base 0 infers it, and then forbids leading zeros in decimals), single
/// underscores between digits and after the prefix. Errors:
/// `invalid literal for int() with base 10: 'abc'`,
/// `int() base must be >= 2 and <= 36, or 0`. Unicode decimal digits count as
/// the ASCII digits they stand for.
pub fn parse_int(s: &str, base: i64) -> Result<i64, ArithError> {
    if (base != 0 && base < 2) || base > 36 {
        return Err(PyError::value_error("int() base must be >= 2 and <= 36, or 0").into());
    }
    let invalid = || {
        let shown = repr_str(s);
        ArithError::Raise(PyError::value_error(format!(
            "invalid literal for int() with base {base}: {}",
            truncate_chars(&shown, 200)
        )))
    };
    let chars: Vec<char> = s.chars().collect();
    let at = |i: usize| chars.get(i).copied().unwrap_or('\0');
    let mut i = 0;
    while i < chars.len() && is_number_space(chars[i]) {
        i += 1;
    }
    let negative = at(i) == '-';
    if matches!(at(i), '+' | '-') {
        i += 1;
    }
    let mut base = base as u32;
    let mut error_if_nonzero = false;
    if base == 0 {
        base = match (at(i), at(i + 1).to_ascii_lowercase()) {
            ('0', 'x') => 16,
            ('0', 'o') => 8,
            ('0', 'b') => 2,
            ('0', _) => {
                error_if_nonzero = true;
                10
            }
            _ => 10,
        };
    }
    let prefix = match base {
        16 => 'x',
        8 => 'o',
        2 => 'b',
        _ => '\0',
    };
    if at(i) == '0' && prefix != '\0' && at(i + 1).to_ascii_lowercase() == prefix {
        i += 2;
        if at(i) == '_' {
            i += 1;
        }
    }
    if at(i) == '_' {
        return Err(invalid());
    }
    let mut magnitude: u128 = 0;
    let mut too_big = false;
    let mut digits = 0;
    let mut prev = '\0';
    while i < chars.len() {
        let c = chars[i];
        if c == '_' {
            if prev == '_' {
                return Err(invalid());
            }
        } else {
            let digit = if c.is_ascii() { c.to_digit(36) } else { decimal_value(c) };
            match digit.filter(|&d| d < base) {
                Some(d) => {
                    digits += 1;
                    magnitude = magnitude * base as u128 + d as u128;
                    if magnitude > 1 << 64 {
                        too_big = true;
                        magnitude = 1 << 64;
                    }
                }
                None => break,
            }
        }
        prev = c;
        i += 1;
    }
    if prev == '_' || digits == 0 || (error_if_nonzero && magnitude != 0) {
        return Err(invalid());
    }
    while i < chars.len() && is_number_space(chars[i]) {
        i += 1;
    }
    if i != chars.len() {
        return Err(invalid());
    }
    let value = if negative { -(magnitude as i128) } else { magnitude as i128 };
    if too_big {
        return Err(ArithError::Overflow);
    }
    i64::try_from(value).map_err(|_| ArithError::Overflow)
}

/// `float(s)` for a str (`PyFloat_FromString`): surrounding whitespace, a decimal
/// with optional sign, point and exponent, underscores only between digits,
/// `inf`/`infinity`/`nan` in any case with an optional sign; the nearest float
/// (overflow gives `inf`). Error: `could not convert string to float: 'abc'`.
/// Unicode decimal digits count as the ASCII digits they stand for.
pub fn parse_float(s: &str) -> Result<f64, PyError> {
    let invalid =
        || PyError::value_error(format!("could not convert string to float: {}", repr_str(s)));
    let mut text = String::with_capacity(s.len());
    let mut prev = '\0';
    for c in s.chars() {
        let c = match decimal_value(c) {
            Some(d) if !c.is_ascii() => char::from(b'0' + d as u8),
            _ if !c.is_ascii() && py_isspace(c) => ' ',
            _ => c,
        };
        if c == '_' {
            if !prev.is_ascii_digit() {
                return Err(invalid());
            }
        } else {
            if prev == '_' && !c.is_ascii_digit() {
                return Err(invalid());
            }
            text.push(c);
        }
        prev = c;
    }
    if prev == '_' {
        return Err(invalid());
    }
    let body = text.trim_matches(is_number_space);
    let unsigned = body.strip_prefix(['+', '-']).unwrap_or(body);
    let special = ["inf", "infinity", "nan"].iter().any(|w| unsigned.eq_ignore_ascii_case(w));
    if !special && !is_decimal_literal(unsigned) {
        return Err(invalid());
    }
    body.parse::<f64>().map_err(|_| invalid())
}

/// `_Py_dg_strtod`'s grammar without the sign: `digits [. digits?] | . digits`,
/// then optionally `e`/`E`, a sign, and digits.
fn is_decimal_literal(s: &str) -> bool {
    let b = s.as_bytes();
    let mut i = 0;
    let digits = |i: &mut usize| {
        let start = *i;
        while *i < b.len() && b[*i].is_ascii_digit() {
            *i += 1;
        }
        *i - start
    };
    let mut n = digits(&mut i);
    if i < b.len() && b[i] == b'.' {
        i += 1;
        n += digits(&mut i);
    }
    if n == 0 {
        return false;
    }
    if i < b.len() && (b[i] == b'e' || b[i] == b'E') {
        i += 1;
        if i < b.len() && (b[i] == b'+' || b[i] == b'-') {
            i += 1;
        }
        if digits(&mut i) == 0 {
            return false;
        }
    }
    i == b.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn examples() {
        assert_eq!(floordiv(-7, 2), Ok(-4));
        assert_eq!(modulo(-7, 2), Ok(1));
        assert_eq!(modulo(7, -2), Ok(-1));
        assert_eq!(modulo(i64::MIN, -1), Ok(0));
        assert_eq!(floordiv(i64::MIN, -1), Err(ArithError::Overflow));
        assert_eq!(float_floordiv(-7.5, 2.0), Ok(-4.0));
        assert_eq!(compare_int_float((1 << 53) + 1, 9007199254740992.0), Some(Ordering::Greater));
        assert_eq!(round_float(2.675, 2), Ok(2.67));
        assert_eq!(round_float(1234.5, -2), Ok(1200.0));
        assert_eq!(round_int(25, -1), Ok(20));
        assert_eq!(round_float_to_int(2.5), Ok(2));
        assert_eq!(parse_float(" 1_000.5 "), Ok(1000.5));
        assert_eq!(parse_int(" 0x_1f ", 16), Ok(31));
        assert_eq!(int_pow(2, -1), Ok(Power::Float(0.5)));
        assert_eq!(float_pow(-8.0, 1.0 / 3.0), Err(ArithError::Complex));
    }
}
