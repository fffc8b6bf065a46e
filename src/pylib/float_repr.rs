//! Floats as text: `repr(float)` and CPython's `PyOS_double_to_string`
//! (Python/pystrtod.c), which every float formatting path ends in.
//!
//! CPython gets decimal digits from David Gay's `_Py_dg_dtoa` in three modes and
//! lays them out in `format_float_short`. The digits come from Rust's own float
//! formatting here, which gives the same strings: shortest round-trip digits for
//! `{:e}` (mode 0), and correctly rounded digits, ties to even on the exact binary
//! value, for `{:.N e}` (mode 2, N significant digits) and `{:.N}` (mode 3, N digits
//! after the point). The layout below is `format_float_short`'s, rule for rule.

/// Options of `PyOS_double_to_string` (its `Py_DTSF_*` flags).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct DtoaFlags {
    /// `Py_DTSF_SIGN`: write `+` before non-negative numbers.
    pub(crate) always_sign: bool,
    /// `Py_DTSF_ADD_DOT_0`: an integral result without exponent gets `.0`.
    pub(crate) add_dot_0: bool,
    /// `Py_DTSF_ALT`: the `#` form; keep the point and, for `g`, trailing zeros.
    pub(crate) alt: bool,
    /// `Py_DTSF_NO_NEG_0`: the `z` option; a result that rounds to zero loses its `-`.
    pub(crate) no_neg_0: bool,
}

/// `repr(x)` and `str(x)` of a float (`float_repr`): the shortest digits that read
/// back as `x`, in fixed notation when `1e-4 <= |x| < 1e16` (with `.0` if integral),
/// else `d.ddde±XX`; `inf`, `-inf`, `nan`, `-0.0`.
pub fn repr(x: f64) -> String {
    double_to_string(x, 'r', 0, DtoaFlags { add_dot_0: true, ..DtoaFlags::default() })
}

/// `PyOS_double_to_string(x, code, precision, flags)`: `code` is one of
/// `e E f F g G` (with `precision` as in `%.*e` etc.) or `r` (repr's shortest
/// digits; `precision` unused). Upper-case codes write `E`, `INF`, `NAN`.
pub(crate) fn double_to_string(x: f64, code: char, precision: usize, flags: DtoaFlags) -> String {
    let upper = code.is_ascii_uppercase();
    let code = code.to_ascii_lowercase();
    debug_assert!(matches!(code, 'e' | 'f' | 'g' | 'r'), "bad float format code {code:?}");
    if !x.is_finite() {
        // Gay's dtoa gives "Infinity"/"NaN"; the sign of a nan is ignored.
        let mut out = String::with_capacity(4);
        if x.is_sign_negative() && x.is_infinite() {
            out.push('-');
        } else if flags.always_sign {
            out.push('+');
        }
        out.push_str(match (x.is_nan(), upper) {
            (true, false) => "nan",
            (true, true) => "NAN",
            (false, false) => "inf",
            (false, true) => "INF",
        });
        return out;
    }
    let ax = x.abs();
    // PyOS_double_to_string picks the dtoa mode and adjusts the precision.
    let (digits, precision) = match code {
        'e' => (significant_digits(ax, precision + 1), precision + 1),
        'f' => (fixed_digits(ax, precision), precision),
        'g' => {
            let p = precision.max(1);
            (significant_digits(ax, p), p)
        }
        _ => (shortest_digits(ax), 0),
    };
    format_float_short(&digits, x.is_sign_negative(), code, precision as i64, upper, flags)
}

/// What `_Py_dg_dtoa` returns: significant decimal digits without trailing zeros
/// (possibly empty when mode 3 rounds to zero) and the decimal point position, so
/// that the value is `0.DIGITS × 10^decpt`. Zero is `"0"` with `decpt == 1`.
pub(crate) struct Digits {
    pub(crate) digits: Vec<u8>,
    pub(crate) decpt: i64,
}

/// The most digits an exact double needs after the point (2^-1074 has 1074).
const MAX_FRACTION_DIGITS: usize = 1100;
/// The most significant digits an exact double has (767); more are all zeros.
const MAX_SIGNIFICANT_DIGITS: usize = 800;

/// Mode 0: the shortest digits that round-trip and, among those, the ones
/// closest to the true value, ties to even.
///
/// Rust's shortest digits have the right length but break an exact tie between
/// two candidates upward (`0.50000762939453125` gives `...313`, dtoa `...312`);
/// the correctly rounded digits of that length are the closest, and win when
/// they also read back as `ax`.
pub(crate) fn shortest_digits(ax: f64) -> Digits {
    let shortest = parse_exp_form(&format!("{ax:e}"));
    let n = shortest.digits.len();
    let nearest_text = format!("{:.*e}", n - 1, ax);
    if nearest_text.parse::<f64>() == Ok(ax) {
        parse_exp_form(&nearest_text)
    } else {
        shortest
    }
}

/// Mode 2: `n >= 1` significant digits, correctly rounded (ties to even).
pub(crate) fn significant_digits(ax: f64, n: usize) -> Digits {
    let n = n.clamp(1, MAX_SIGNIFICANT_DIGITS);
    parse_exp_form(&format!("{:.*e}", n - 1, ax))
}

/// Mode 3: digits up to `n` places after the point, correctly rounded (ties to
/// even). A value that rounds to zero gives no digits and `decpt == -n`.
pub(crate) fn fixed_digits(ax: f64, n: usize) -> Digits {
    if ax == 0.0 {
        return Digits { digits: b"0".to_vec(), decpt: 1 };
    }
    let text = format!("{:.*}", n.min(MAX_FRACTION_DIGITS), ax);
    let int_len = text.find('.').unwrap_or(text.len()) as i64;
    let all: Vec<u8> = text.bytes().filter(u8::is_ascii_digit).collect();
    let leading = all.iter().take_while(|&&d| d == b'0').count();
    if leading == all.len() {
        return Digits { digits: Vec::new(), decpt: -(n as i64) };
    }
    let mut digits = all[leading..].to_vec();
    strip_trailing_zeros(&mut digits);
    Digits { digits, decpt: int_len - leading as i64 }
}

/// Reads Rust's `D.DDDDeX` (or `DeX`) into digits and point position.
fn parse_exp_form(text: &str) -> Digits {
    let (mantissa, exp) = text.split_once('e').expect("exponent form");
    let exp: i64 = exp.parse().unwrap_or_else(|_| unreachable!("Rust writes an integer exponent"));
    let mut digits: Vec<u8> = mantissa.bytes().filter(u8::is_ascii_digit).collect();
    if digits.iter().all(|&d| d == b'0') {
        return Digits { digits: b"0".to_vec(), decpt: 1 };
    }
    strip_trailing_zeros(&mut digits);
    Digits { digits, decpt: exp + 1 }
}

fn strip_trailing_zeros(digits: &mut Vec<u8>) {
    while digits.len() > 1 && digits.last() == Some(&b'0') {
        digits.pop();
    }
}

/// `format_float_short`: lays out dtoa's digits for format code `code` (`e f g r`,
/// lower case; `precision` already adjusted by the caller as CPython does).
///
/// The output is a slice `[vdigits_start, vdigits_end)` of the digits padded with
/// zeros on both sides, with the point after position `decpt`; `e` always and `g`
/// / `r` past their thresholds use an exponent instead (`decpt <= -4`, or
/// `decpt > precision` for `g` (`precision - 1` with `add_dot_0`), `decpt > 16` for
/// `r`). A trailing point is dropped unless `alt`.
fn format_float_short(
    d: &Digits,
    negative: bool,
    code: char,
    precision: i64,
    upper: bool,
    flags: DtoaFlags,
) -> String {
    let digits = &d.digits;
    let digits_len = digits.len() as i64;
    let mut decpt = d.decpt;
    let is_zero = digits.iter().all(|&c| c == b'0');
    let negative = negative && !(flags.no_neg_0 && is_zero);

    let mut vdigits_end = digits_len;
    let mut use_exp = false;
    match code {
        'e' => {
            use_exp = true;
            vdigits_end = precision;
        }
        'f' => vdigits_end = decpt + precision,
        'g' => {
            let limit = if flags.add_dot_0 { precision - 1 } else { precision };
            use_exp = decpt <= -4 || decpt > limit;
            if flags.alt {
                vdigits_end = precision;
            }
        }
        _ => use_exp = decpt <= -4 || decpt > 16,
    }
    let mut exp = 0;
    if use_exp {
        exp = decpt - 1;
        decpt = 1;
    }
    let vdigits_start = if decpt <= 0 { decpt - 1 } else { 0 };
    let min_end = if !use_exp && flags.add_dot_0 { decpt + 1 } else { decpt };
    vdigits_end = vdigits_end.max(min_end);

    let zeros = |out: &mut String, n: i64| out.extend(std::iter::repeat_n('0', n.max(0) as usize));
    let text = |bytes: &[u8]| bytes.iter().map(|&b| char::from(b)).collect::<String>();
    let mut out = String::with_capacity((vdigits_end - vdigits_start) as usize + 8);
    if negative {
        out.push('-');
    } else if flags.always_sign {
        out.push('+');
    }
    if decpt <= 0 {
        zeros(&mut out, decpt - vdigits_start);
        out.push('.');
        zeros(&mut out, -decpt);
    } else {
        zeros(&mut out, -vdigits_start);
    }
    if 0 < decpt && decpt <= digits_len {
        out.push_str(&text(&digits[..decpt as usize]));
        out.push('.');
        out.push_str(&text(&digits[decpt as usize..]));
    } else {
        out.push_str(&text(digits));
    }
    if digits_len < decpt {
        zeros(&mut out, decpt - digits_len);
        out.push('.');
        zeros(&mut out, vdigits_end - decpt);
    } else {
        zeros(&mut out, vdigits_end - digits_len);
    }
    if out.ends_with('.') && !flags.alt {
        out.pop();
    }
    if use_exp {
        out.push(if upper { 'E' } else { 'e' });
        out.push(if exp < 0 { '-' } else { '+' });
        out.push_str(&format!("{:02}", exp.abs()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repr_layout() {
        let cases = [
            (1e16, "1e+16"),
            (1e-5, "1e-05"),
            (0.0001, "0.0001"),
            (123456789012345.0, "123456789012345.0"),
            (1234567890123456.8, "1234567890123456.8"),
            (1.5e300, "1.5e+300"),
            (5e-324, "5e-324"),
            (-0.0, "-0.0"),
            (f64::INFINITY, "inf"),
            (f64::NEG_INFINITY, "-inf"),
            (f64::NAN, "nan"),
            (0.1 + 0.2, "0.30000000000000004"),
            (1.0, "1.0"),
        ];
        for (x, want) in cases {
            assert_eq!(repr(x), want, "repr({x:e})");
        }
    }

    #[test]
    fn fixed_rounds_the_exact_binary_value() {
        let f = |x, p| double_to_string(x, 'f', p, DtoaFlags::default());
        assert_eq!(f(2.675, 2), "2.67");
        assert_eq!(f(0.125, 2), "0.12");
        assert_eq!(f(0.375, 2), "0.38");
        assert_eq!(f(-0.0, 1), "-0.0");
        assert_eq!(f(1e22, 0), "10000000000000000000000");
    }
}
