//! `format(value, spec)` for int, bool, float and str: the format-spec
//! mini-language `[[fill]align][sign][z][#][0][width][grouping][.precision][type]`
//! as CPython's Python/formatter_unicode.c parses and applies it, with its error
//! messages. f-strings (`f"{x:>8}"`) and `str.format` end here too.

use super::float_repr::{double_to_string, DtoaFlags};
use super::text::decimal_value;
use super::{check_text_len, PyError};

/// Thousands grouping requested by the spec.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Grouping {
    /// `,`: a comma every three digits.
    Comma,
    /// `_`: an underscore every three digits (every four for `b o x X`).
    Underscore,
}

/// A parsed format spec (CPython's `InternalFormatSpec`), before the value's type
/// decides its defaults: `fill`/`align` are what the text says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct FormatSpec {
    /// The fill character, when the text gives one before an alignment.
    pub(crate) fill: Option<char>,
    /// `<`, `>`, `^` or `=`, when given.
    pub(crate) align: Option<char>,
    /// `+`, `-` or ` `, when given.
    pub(crate) sign: Option<char>,
    /// `z`: negative zero coerced to zero (floats only).
    pub(crate) no_neg_0: bool,
    /// `#`: alternate form.
    pub(crate) alternate: bool,
    /// A `0` before the width: zero padding (fill `0`, and align `=` for numbers).
    pub(crate) zero_pad: bool,
    pub(crate) width: Option<usize>,
    pub(crate) grouping: Option<Grouping>,
    pub(crate) precision: Option<usize>,
    /// The presentation type, when given.
    pub(crate) ty: Option<char>,
}

/// CPython's `PY_SSIZE_T_MAX`: the largest width or precision `get_integer` accepts.
const SSIZE_MAX: u64 = i64::MAX as u64;

impl FormatSpec {
    /// Parses `spec` as `parse_internal_render_format_spec` does. `type_name` only
    /// words the errors; `default_type` is the type a spec without one gets for
    /// the grouping check (`d` for int, `s` for str, none for float).
    pub(crate) fn parse(
        spec: &str,
        type_name: &str,
        default_type: Option<char>,
    ) -> Result<FormatSpec, PyError> {
        let chars: Vec<char> = spec.chars().collect();
        let end = chars.len();
        let mut pos = 0;
        let mut out = FormatSpec {
            fill: None,
            align: None,
            sign: None,
            no_neg_0: false,
            alternate: false,
            zero_pad: false,
            width: None,
            grouping: None,
            precision: None,
            ty: None,
        };
        let is_align = |c: char| matches!(c, '<' | '>' | '=' | '^');
        if end >= 2 && is_align(chars[1]) {
            out.fill = Some(chars[0]);
            out.align = Some(chars[1]);
            pos = 2;
        } else if end >= 1 && is_align(chars[0]) {
            out.align = Some(chars[0]);
            pos = 1;
        }
        if pos < end && matches!(chars[pos], ' ' | '+' | '-') {
            out.sign = Some(chars[pos]);
            pos += 1;
        }
        if pos < end && chars[pos] == 'z' {
            out.no_neg_0 = true;
            pos += 1;
        }
        if pos < end && chars[pos] == '#' {
            out.alternate = true;
            pos += 1;
        }
        if out.fill.is_none() && pos < end && chars[pos] == '0' {
            out.zero_pad = true;
            pos += 1;
        }
        out.width = get_integer(&chars, &mut pos)?;
        if pos < end && chars[pos] == ',' {
            out.grouping = Some(Grouping::Comma);
            pos += 1;
        }
        if pos < end && chars[pos] == '_' {
            if out.grouping.is_some() {
                return Err(PyError::value_error("Cannot specify both ',' and '_'."));
            }
            out.grouping = Some(Grouping::Underscore);
            pos += 1;
        }
        if pos < end && chars[pos] == ',' && out.grouping == Some(Grouping::Underscore) {
            return Err(PyError::value_error("Cannot specify both ',' and '_'."));
        }
        if pos < end && chars[pos] == '.' {
            pos += 1;
            out.precision = get_integer(&chars, &mut pos)?;
            if out.precision.is_none() {
                return Err(PyError::value_error("Format specifier missing precision"));
            }
        }
        if end - pos > 1 {
            return Err(PyError::value_error(format!(
                "Invalid format specifier '{spec}' for object of type '{type_name}'"
            )));
        }
        if end - pos == 1 {
            out.ty = Some(chars[pos]);
        }
        if let Some(grouping) = out.grouping {
            let ty = out.ty.or(default_type);
            let allowed = match ty {
                None | Some('d' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F') => true,
                Some('b' | 'o' | 'x' | 'X') => grouping == Grouping::Underscore,
                Some(_) => false,
            };
            if !allowed {
                let sep = if grouping == Grouping::Comma { ',' } else { '_' };
                let ty = ty.unwrap_or('\0');
                return Err(PyError::value_error(format!(
                    "Cannot specify '{sep}' with {}.",
                    quote_code(ty)
                )));
            }
        }
        Ok(out)
    }

    /// The fill character and alignment in effect for a value whose default
    /// alignment is `default_align` (`>` for numbers, `<` for str): a `0` before
    /// the width means fill `0`, and align `=` if no alignment was given and the
    /// default is `>`.
    fn fill_and_align(&self, default_align: char) -> (char, char) {
        let fill = self.fill.unwrap_or(if self.zero_pad { '0' } else { ' ' });
        let align = match self.align {
            Some(a) => a,
            None if self.zero_pad && default_align == '>' => '=',
            None => default_align,
        };
        (fill, align)
    }

    /// The grouping as a group size and separator; `_` groups hex/octal/binary
    /// digits by four.
    fn group(&self) -> Option<(usize, char)> {
        match self.grouping? {
            Grouping::Comma => Some((3, ',')),
            Grouping::Underscore if matches!(self.ty, Some('b' | 'o' | 'x' | 'X')) => {
                Some((4, '_'))
            }
            Grouping::Underscore => Some((3, '_')),
        }
    }
}

/// `get_integer`: decimal digits (any Unicode decimal digit) at `pos`, `None` if
/// there are none.
fn get_integer(chars: &[char], pos: &mut usize) -> Result<Option<usize>, PyError> {
    let start = *pos;
    let mut acc: u64 = 0;
    while let Some(d) = chars.get(*pos).copied().and_then(decimal_value) {
        if acc > (SSIZE_MAX - d as u64) / 10 {
            return Err(PyError::value_error("Too many decimal digits in format string"));
        }
        acc = acc * 10 + d as u64;
        *pos += 1;
    }
    Ok((*pos > start).then(|| usize::try_from(acc).unwrap_or(usize::MAX)))
}

/// A presentation type as CPython's messages quote it: `'d'` when printable ASCII
/// (33..=127), else `'\x1'` (lower-case hex, no padding).
fn quote_code(c: char) -> String {
    let u = c as u32;
    if u > 32 && u < 128 {
        format!("'{c}'")
    } else {
        format!("'\\x{u:x}'")
    }
}

/// `unknown_presentation_type`.
fn unknown_code(ty: char, type_name: &str) -> PyError {
    PyError::value_error(format!(
        "Unknown format code {} for object of type '{type_name}'",
        quote_code(ty)
    ))
}

/// `format(value, spec)` for an int (`_PyLong_FormatAdvancedWriter`): types
/// `b c d o x X n` and none; `e E f F g G %` format `float(value)`.
pub fn format_int(value: i64, spec: &str) -> Result<String, PyError> {
    format_long(value, spec, "int", || value.to_string())
}

/// `format(value, spec)` for a bool: `str(value)` for an empty spec, else as the
/// int 0 or 1 (errors name `bool`).
pub fn format_bool(value: bool, spec: &str) -> Result<String, PyError> {
    let text = || if value { "True" } else { "False" }.to_owned();
    format_long(value as i64, spec, "bool", text)
}

fn format_long(
    value: i64,
    spec: &str,
    type_name: &str,
    str_of: impl FnOnce() -> String,
) -> Result<String, PyError> {
    if spec.is_empty() {
        return Ok(str_of());
    }
    let format = FormatSpec::parse(spec, type_name, Some('d'))?;
    match format.ty.unwrap_or('d') {
        'b' | 'c' | 'd' | 'o' | 'x' | 'X' | 'n' => format_long_internal(value, &format),
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%' => format_float_internal(value as f64, &format),
        other => Err(unknown_code(other, type_name)),
    }
}

/// `format_long_internal`.
fn format_long_internal(value: i64, format: &FormatSpec) -> Result<String, PyError> {
    if format.precision.is_some() {
        return Err(PyError::value_error("Precision not allowed in integer format specifier"));
    }
    if format.no_neg_0 {
        return Err(PyError::value_error(
            "Negative zero coercion (z) not allowed in integer format specifier",
        ));
    }
    let ty = format.ty.unwrap_or('d');
    if ty == 'c' {
        if format.sign.is_some() {
            return Err(PyError::value_error("Sign not allowed with integer format specifier 'c'"));
        }
        if format.alternate {
            return Err(PyError::value_error(
                "Alternate form (#) not allowed with integer format specifier 'c'",
            ));
        }
        let c = u32::try_from(value)
            .ok()
            .filter(|&u| u <= 0x10ffff)
            .ok_or_else(|| PyError::overflow_error("%c arg not in range(0x110000)"))?;
        check_text_len(format.width.unwrap_or(0))?;
        // Lone surrogates cannot live in a Rust string; U+FFFD stands in for them.
        let c = char::from_u32(c).unwrap_or('\u{fffd}').to_string();
        let parts =
            NumberParts { negative: false, prefix: "", digits: "", decimal: false, remainder: &c };
        return Ok(fill_number(&parts, format, false));
    }
    check_text_len(format.width.unwrap_or(0))?;
    let magnitude = value.unsigned_abs();
    let (digits, prefix) = match ty {
        'b' => (format!("{magnitude:b}"), "0b"),
        'o' => (format!("{magnitude:o}"), "0o"),
        'x' | 'X' => (format!("{magnitude:x}"), "0x"),
        _ => (magnitude.to_string(), ""),
    };
    let parts = NumberParts {
        negative: value < 0,
        prefix: if format.alternate { prefix } else { "" },
        digits: &digits,
        decimal: false,
        remainder: "",
    };
    Ok(fill_number(&parts, format, ty == 'X'))
}

/// `format(value, spec)` for a float (`_PyFloat_FormatAdvancedWriter`): types
/// `e E f F g G n %` and none (like `g` with at least one digit after the point
/// when a precision is given, else `repr`).
pub fn format_float(value: f64, spec: &str) -> Result<String, PyError> {
    if spec.is_empty() {
        return Ok(super::float_repr::repr(value));
    }
    let format = FormatSpec::parse(spec, "float", None)?;
    match format.ty {
        None | Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n' | '%') => {
            format_float_internal(value, &format)
        }
        Some(other) => Err(unknown_code(other, "float")),
    }
}

/// `format_float_internal`: the digits from `PyOS_double_to_string`, then sign,
/// padding and grouping as for ints.
fn format_float_internal(value: f64, format: &FormatSpec) -> Result<String, PyError> {
    if format.precision.is_some_and(|p| p > i32::MAX as usize) {
        return Err(PyError::value_error("precision too big"));
    }
    let mut flags =
        DtoaFlags { alt: format.alternate, no_neg_0: format.no_neg_0, ..DtoaFlags::default() };
    let mut default_precision = 6;
    let mut ty = match format.ty {
        None => {
            flags.add_dot_0 = true;
            default_precision = 0;
            'r'
        }
        Some('n') => 'g',
        Some(t) => t,
    };
    let mut value = value;
    let percent = ty == '%';
    if percent {
        ty = 'f';
        value *= 100.0;
    }
    let precision = match format.precision {
        None => default_precision,
        Some(p) => {
            if ty == 'r' {
                ty = 'g';
            }
            p
        }
    };
    check_text_len(format.width.unwrap_or(0))?;
    if matches!(ty, 'e' | 'E' | 'f' | 'F') || flags.alt {
        check_text_len(precision)?;
    }
    let mut text = double_to_string(value, ty, precision, flags);
    if percent {
        text.push('%');
    }
    let (negative, body) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text.as_str()),
    };
    let n_int = body.bytes().take_while(u8::is_ascii_digit).count();
    let (digits, rest) = body.split_at(n_int);
    let (decimal, remainder) = match rest.strip_prefix('.') {
        Some(r) => (true, r),
        None => (false, rest),
    };
    let parts = NumberParts { negative, prefix: "", digits, decimal, remainder };
    Ok(fill_number(&parts, format, false))
}

/// `format(value, spec)` for a str (`_PyUnicode_FormatAdvancedWriter`): type `s`
/// or none; precision truncates; no sign, `z`, `#` or `=`.
pub fn format_str(value: &str, spec: &str) -> Result<String, PyError> {
    if spec.is_empty() {
        return Ok(value.to_owned());
    }
    let format = FormatSpec::parse(spec, "str", Some('s'))?;
    match format.ty.unwrap_or('s') {
        's' => format_string_internal(value, &format),
        other => Err(unknown_code(other, "str")),
    }
}

/// `format_string_internal`.
fn format_string_internal(value: &str, format: &FormatSpec) -> Result<String, PyError> {
    match format.sign {
        Some(' ') => {
            return Err(PyError::value_error("Space not allowed in string format specifier"))
        }
        Some(_) => return Err(PyError::value_error("Sign not allowed in string format specifier")),
        None => {}
    }
    if format.no_neg_0 {
        return Err(PyError::value_error(
            "Negative zero coercion (z) not allowed in string format specifier",
        ));
    }
    if format.alternate {
        return Err(PyError::value_error(
            "Alternate form (#) not allowed in string format specifier",
        ));
    }
    let (fill, align) = format.fill_and_align('<');
    if align == '=' {
        return Err(PyError::value_error("'=' alignment not allowed in string format specifier"));
    }
    check_text_len(format.width.unwrap_or(0))?;
    let text = match format.precision {
        Some(p) => super::text::truncate_chars(value, p),
        None => value,
    };
    Ok(pad(text, format.width, fill, align))
}

/// `object.__format__`: `str(value)` for an empty spec, else
/// `TypeError: unsupported format string passed to T.__format__` (for values with
/// no `__format__` of their own: list, dict, None, instances).
pub fn format_object(type_name: &str, str_value: &str, spec: &str) -> Result<String, PyError> {
    if spec.is_empty() {
        Ok(str_value.to_owned())
    } else {
        Err(PyError::type_error(format!(
            "unsupported format string passed to {type_name}.__format__"
        )))
    }
}

/// `calc_padding` for text: pads `text` to `width` characters with `fill`,
/// aligned `<`, `>` or `^` (centering puts the odd character on the right).
pub(crate) fn pad(text: &str, width: Option<usize>, fill: char, align: char) -> String {
    let len = text.chars().count();
    let total = width.map_or(len, |w| w.max(len));
    let left = match align {
        '>' => total - len,
        '^' => (total - len) / 2,
        _ => 0,
    };
    let mut out = String::with_capacity(total + text.len() - len);
    out.extend(std::iter::repeat_n(fill, left));
    out.push_str(text);
    out.extend(std::iter::repeat_n(fill, total - len - left));
    out
}

/// A number split as `calc_number_widths` sees it:
/// `<sign><prefix><digits>[.]<remainder>`, the sign not yet decided.
struct NumberParts<'a> {
    negative: bool,
    /// `0x`, `0o`, `0b` (alternate form), lower case.
    prefix: &'a str,
    /// The integer digits, which grouping and zero padding apply to.
    digits: &'a str,
    /// Whether a decimal point follows the digits.
    decimal: bool,
    /// Everything after the point (or after the digits): fraction, exponent, `%`,
    /// `inf`/`nan`, or the character of type `c`.
    remainder: &'a str,
}

/// `calc_number_widths` + `fill_number`: the layout
/// `<lpad><sign><prefix><spad><grouped digits><.><remainder><rpad>`, where only
/// one padding is non-empty. With fill `0` and align `=` the padding goes into the
/// digits as zeros, grouped like them (`format(1234, '08,')` is `0,001,234`).
/// `upper` upper-cases prefix and digits (type `X`).
fn fill_number(parts: &NumberParts, format: &FormatSpec, upper: bool) -> String {
    let (fill, align) = format.fill_and_align('>');
    let sign = match (format.sign, parts.negative) {
        (_, true) => Some('-'),
        (Some('+'), false) => Some('+'),
        (Some(' '), false) => Some(' '),
        _ => None,
    };
    let n_sign = sign.is_some() as usize;
    let n_remainder = parts.remainder.chars().count();
    let non_digits = n_sign + parts.prefix.len() + parts.decimal as usize + n_remainder;
    let width = format.width.unwrap_or(0);
    let min_width = if fill == '0' && align == '=' { width.saturating_sub(non_digits) } else { 0 };
    let grouped = if parts.digits.is_empty() {
        String::new()
    } else {
        insert_grouping(parts.digits, min_width, format.group())
    };
    let used = non_digits + grouped.len();
    let padding = width.saturating_sub(used);
    let (lpad, spad, rpad) = match align {
        '<' => (0, 0, padding),
        '^' => (padding / 2, 0, padding - padding / 2),
        '=' => (0, padding, 0),
        _ => (padding, 0, 0),
    };
    let mut out = String::with_capacity(used + padding);
    out.extend(std::iter::repeat_n(fill, lpad));
    out.extend(sign);
    if upper {
        out.push_str(&parts.prefix.to_ascii_uppercase());
    } else {
        out.push_str(parts.prefix);
    }
    out.extend(std::iter::repeat_n(fill, spad));
    if upper {
        out.push_str(&grouped.to_ascii_uppercase());
    } else {
        out.push_str(&grouped);
    }
    if parts.decimal {
        out.push('.');
    }
    out.push_str(parts.remainder);
    out.extend(std::iter::repeat_n(fill, rpad));
    out
}

/// `_PyUnicode_InsertThousandsGrouping`: groups `digits` (ASCII) from the right
/// with `group = (size, separator)`, padding with zeros on the left until the
/// result is at least `min_width` long; a group is never started just to hold a
/// separator (the padding stops one short of a leading separator).
fn insert_grouping(digits: &str, min_width: usize, group: Option<(usize, char)>) -> String {
    let mut remaining = digits.len() as i64;
    let mut min_width = min_width as i64;
    let sep_len = group.is_some() as i64;
    let mut chunks: Vec<String> = Vec::new();
    let take = |len: i64, remaining: i64, chunks: &mut Vec<String>| -> i64 {
        let n_zeros = (len - remaining).max(0);
        let n_chars = remaining.min(len).max(0);
        let mut chunk = "0".repeat(n_zeros as usize);
        chunk.push_str(&digits[(remaining - n_chars) as usize..remaining as usize]);
        chunks.push(chunk);
        n_chars
    };
    let mut finished = false;
    if let Some((size, _)) = group {
        loop {
            let len = (size as i64).min(remaining.max(min_width).max(1));
            remaining -= take(len, remaining, &mut chunks);
            min_width -= len;
            if remaining <= 0 && min_width <= 0 {
                finished = true;
                break;
            }
            min_width -= sep_len;
        }
    }
    if !finished {
        let len = remaining.max(min_width).max(1);
        take(len, remaining, &mut chunks);
    }
    chunks.reverse();
    let sep = group.map(|(_, c)| c.to_string()).unwrap_or_default();
    chunks.join(&sep)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn examples() {
        assert_eq!(format_int(1234, "08,").unwrap(), "0,001,234");
        assert_eq!(format_int(255, "#X").unwrap(), "0XFF");
        assert_eq!(format_int(-255, "#010_x").unwrap(), "-0x00_00ff");
        assert_eq!(format_float(2.675, ".2f").unwrap(), "2.67");
        assert_eq!(format_float(1e16, ".3").unwrap(), "1e+16");
        assert_eq!(format_float(1.0, "").unwrap(), "1.0");
        assert_eq!(format_float(-0.0, "z.1f").unwrap(), "0.0");
        assert_eq!(format_float(f64::INFINITY, "010").unwrap(), "0000000inf");
        assert_eq!(format_str("ab", "05").unwrap(), "ab000");
        assert_eq!(format_str("abc", "^6.2").unwrap(), "  ab  ");
        assert_eq!(format_bool(true, ">5").unwrap(), "    1");
        assert_eq!(
            format_float(1.5, "d").unwrap_err().message,
            "Unknown format code 'd' for object of type 'float'"
        );
        assert_eq!(
            format_int(1, "abc").unwrap_err().message,
            "Invalid format specifier 'abc' for object of type 'int'"
        );
        assert_eq!(format_int(1, "2000000000").unwrap_err().kind, "MemoryError");
        assert_eq!(format_float(1.5, ".2000000000g").unwrap(), "1.5");
        assert_eq!(format_str("abc", ".2000000000").unwrap(), "abc");
    }
}
