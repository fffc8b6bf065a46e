//! `str % args`: printf-style formatting as CPython's `PyUnicode_Format`
//! (Objects/unicodeobject.c) does it.
//!
//! CPython parses the template lazily, one conversion at a time, fetching
//! arguments (for `*` widths and for the value) as it goes, so which error a bad
//! template raises depends on the arguments. [`format()`] runs that same state
//! machine and calls back into the VM through [`PercentArgs`] for what needs the
//! object model (`mapping[key]`, `str()`, `repr()`, `int()`, `float()`); the
//! per-conversion layout ([`format_int`], [`format_float`], [`format_char`],
//! [`format_text`]) is plain Rust.

use super::float_repr::{double_to_string, DtoaFlags};
use super::{check_text_len, PyError};

/// The flags of one conversion (`%-+ 0#`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Flags {
    /// `-`: left-justify (pad on the right, with spaces).
    pub(crate) ljust: bool,
    /// `+`: a sign before positive numbers too.
    pub(crate) sign: bool,
    /// ` `: a space before positive numbers.
    pub(crate) blank: bool,
    /// `#`: alternate form (`0x`/`0X`/`0o` prefix; keep the point in floats).
    pub(crate) alt: bool,
    /// `0`: pad numbers with zeros after the sign.
    pub(crate) zero: bool,
}

/// One conversion, parsed: flags, width, precision and type character.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Spec {
    pub(crate) flags: Flags,
    pub(crate) width: Option<usize>,
    pub(crate) precision: Option<usize>,
    /// `s r a d i u o x X e E f F g G c`.
    pub(crate) kind: char,
}

/// The right operand of `%`, classified as `PyUnicode_Format` does.
#[derive(Debug, Clone)]
pub enum Operand<V> {
    /// A tuple: its items are the arguments, in order.
    Tuple(Vec<V>),
    /// A mapping: any value with `__getitem__` that is not a tuple or str (a dict,
    /// but also a list). `%(key)s` looks keys up in it; a conversion without a key
    /// takes the mapping itself; unused arguments are not an error.
    Mapping(V),
    /// Anything else: the one argument.
    Single(V),
}

/// What the VM made of an argument for one conversion type, through
/// [`PercentArgs::convert`].
#[derive(Debug, Clone, PartialEq)]
pub enum Converted {
    /// For `s`, `r`, `a`: `str(v)`, `repr(v)`, `ascii(v)`.
    Text(String),
    /// For `d i u`: `int(v)` (floats truncate); for `o x X`: `operator.index(v)`.
    Int(i64),
    /// For `e E f F g G`: `float(v)`.
    Float(f64),
    /// For `c`: a one-character str, or the character of an int in range.
    Char(char),
}

/// The VM's side of `%` formatting.
pub trait PercentArgs {
    type Value: Clone;
    type Error: From<PyError>;

    /// `mapping[key]` for `%(key)s` (a `KeyError` is the VM's to raise).
    fn get_item(&mut self, mapping: &Self::Value, key: &str) -> Result<Self::Value, Self::Error>;

    /// The value of a `*` width or precision: `Some` for an int (bool included),
    /// `None` for anything else (then `TypeError: * wants int`).
    fn star(&mut self, value: &Self::Value) -> Result<Option<i64>, Self::Error>;

    /// Converts `value` for conversion type `kind` (see [`Converted`]); the errors
    /// for values of the wrong type are [`int_required`], [`float_required`],
    /// [`char_required`] and [`char_out_of_range`].
    fn convert(&mut self, value: &Self::Value, kind: char) -> Result<Converted, Self::Error>;
}

/// `TypeError` for `%d` etc. given a non-number, or `%o %x %X` given a
/// non-integer: `%d format: a real number is required, not str`,
/// `%x format: an integer is required, not float` (`mainformatlong`).
pub fn int_required(kind: char, type_name: &str) -> PyError {
    let what = if matches!(kind, 'o' | 'x' | 'X') { "an integer" } else { "a real number" };
    PyError::type_error(format!("%{kind} format: {what} is required, not {type_name}"))
}

/// `TypeError` for `%f` etc. given a non-number (`PyFloat_AsDouble`):
/// `must be real number, not str`.
pub fn float_required(type_name: &str) -> PyError {
    PyError::type_error(format!("must be real number, not {type_name}"))
}

/// `TypeError` for `%c` given neither an int nor a one-character str.
pub fn char_required() -> PyError {
    PyError::type_error("%c requires int or char")
}

/// `OverflowError` for `%c` given an int outside `range(0x110000)`.
pub fn char_out_of_range() -> PyError {
    PyError::overflow_error("%c arg not in range(0x110000)")
}

/// CPython's argument cursor: `argidx`/`arglen` of `unicode_formatter_t`. A
/// tuple has `arglen = len`; a single value (or a looked-up `%(key)` value) has
/// `arglen = -1, argidx = -2`, so it can be taken exactly once.
struct Cursor<V> {
    items: Vec<V>,
    arglen: i64,
    argidx: i64,
}

impl<V: Clone> Cursor<V> {
    fn single(value: V) -> Cursor<V> {
        Cursor { items: vec![value], arglen: -1, argidx: -2 }
    }

    /// `unicode_format_getnextarg`.
    fn next(&mut self) -> Result<V, PyError> {
        if self.argidx < self.arglen {
            let index = if self.arglen < 0 { 0 } else { self.argidx as usize };
            self.argidx += 1;
            Ok(self.items[index].clone())
        } else {
            Err(PyError::type_error("not enough arguments for format string"))
        }
    }
}

/// `template % operand`, with CPython's order of lookups, conversions and errors:
/// per conversion, the `%(key)` lookup, then `*` arguments, then the
/// `incomplete format` check, then the value, then the type check
/// (`unsupported format character 'q' (0x71) at index 3`); at the end, unused
/// tuple items are `not all arguments converted during string formatting`.
pub fn format<A: PercentArgs>(
    template: &str,
    operand: Operand<A::Value>,
    args: &mut A,
) -> Result<String, A::Error> {
    let chars: Vec<char> = template.chars().collect();
    let (mut cursor, dict) = match operand {
        Operand::Tuple(items) => {
            let arglen = items.len() as i64;
            (Cursor { items, arglen, argidx: 0 }, None)
        }
        Operand::Mapping(m) => (Cursor::single(m.clone()), Some(m)),
        Operand::Single(v) => (Cursor::single(v), None),
    };
    let mut out = String::with_capacity(template.len());
    let mut pos = 0;
    while pos < chars.len() {
        if chars[pos] != '%' {
            let start = pos;
            while pos < chars.len() && chars[pos] != '%' {
                pos += 1;
            }
            out.extend(&chars[start..pos]);
            continue;
        }
        pos += 1;
        if chars.get(pos) == Some(&'%') {
            pos += 1;
            out.push('%');
            continue;
        }
        // unicode_format_arg_parse: key, flags, width, precision, length modifier.
        if chars.get(pos) == Some(&'(') {
            let Some(mapping) = &dict else {
                return Err(PyError::type_error("format requires a mapping").into());
            };
            pos += 1;
            let key_start = pos;
            let mut depth = 1;
            while depth > 0 {
                match chars.get(pos) {
                    None => return Err(PyError::value_error("incomplete format key").into()),
                    Some(')') => depth -= 1,
                    Some('(') => depth += 1,
                    Some(_) => {}
                }
                pos += 1;
            }
            let key: String = chars[key_start..pos - 1].iter().collect();
            let value = args.get_item(mapping, &key)?;
            cursor = Cursor::single(value);
        }
        let mut next = || {
            let c = chars.get(pos).copied();
            pos += c.is_some() as usize;
            c
        };
        let mut flags = Flags::default();
        let mut ch = next();
        loop {
            match ch {
                Some('-') => flags.ljust = true,
                Some('+') => flags.sign = true,
                Some(' ') => flags.blank = true,
                Some('#') => flags.alt = true,
                Some('0') => flags.zero = true,
                _ => break,
            }
            ch = next();
        }
        let mut width = None;
        if ch == Some('*') {
            let n = star_value(&mut cursor, args)?;
            if n < 0 {
                flags.ljust = true;
            }
            width = Some(usize::try_from(n.unsigned_abs()).unwrap_or(usize::MAX));
            ch = next();
        } else if let Some(d) = ch.and_then(|c| c.to_digit(10)) {
            let mut w = d as u64;
            loop {
                ch = next();
                let Some(d) = ch.and_then(|c| c.to_digit(10)) else { break };
                if w > (i64::MAX as u64 - d as u64) / 10 {
                    return Err(PyError::value_error("width too big").into());
                }
                w = w * 10 + d as u64;
            }
            width = Some(usize::try_from(w).unwrap_or(usize::MAX));
        }
        let mut precision = None;
        if ch == Some('.') {
            precision = Some(0);
            ch = next();
            if ch == Some('*') {
                let n = star_value(&mut cursor, args)?;
                // PyLong_AsInt: the precision must fit a C int.
                let n = i32::try_from(n).map_err(|_| {
                    PyError::overflow_error("Python int too large to convert to C int")
                })?;
                precision = Some(n.max(0) as usize);
                ch = next();
            } else if let Some(d) = ch.and_then(|c| c.to_digit(10)) {
                let mut p = d as u64;
                loop {
                    ch = next();
                    let Some(d) = ch.and_then(|c| c.to_digit(10)) else { break };
                    if p > (i32::MAX as u64 - d as u64) / 10 {
                        return Err(PyError::value_error("precision too big").into());
                    }
                    p = p * 10 + d as u64;
                }
                precision = Some(p as usize);
            }
        }
        if matches!(ch, Some('h' | 'l' | 'L')) {
            ch = next();
        }
        let Some(kind) = ch else {
            return Err(PyError::value_error("incomplete format").into());
        };
        let index = pos - 1;
        // unicode_format_arg_format: the value, then the type.
        let value = cursor.next()?;
        let spec = Spec { flags, width, precision, kind };
        if !matches!(
            kind,
            's' | 'r'
                | 'a'
                | 'i'
                | 'd'
                | 'u'
                | 'o'
                | 'x'
                | 'X'
                | 'e'
                | 'E'
                | 'f'
                | 'F'
                | 'g'
                | 'G'
                | 'c'
        ) {
            let shown = if (31..=126).contains(&(kind as u32)) { kind } else { '?' };
            return Err(PyError::value_error(format!(
                "unsupported format character '{shown}' (0x{:x}) at index {index}",
                kind as u32
            ))
            .into());
        }
        let converted = args.convert(&value, kind)?;
        check_text_len(width.unwrap_or(0))?;
        let pads_digits = !matches!(kind, 's' | 'r' | 'a' | 'c' | 'g' | 'G') || flags.alt;
        if pads_digits {
            check_text_len(precision.unwrap_or(0))?;
        }
        let text = match converted {
            Converted::Text(t) => format_text(&t, &spec),
            Converted::Int(i) => format_int(i, &spec),
            Converted::Float(f) => format_float(f, &spec),
            Converted::Char(c) => format_char(c, &spec),
        };
        out.push_str(&text);
        if dict.is_some() && cursor.argidx < cursor.arglen {
            return Err(not_all_converted().into());
        }
    }
    if cursor.argidx < cursor.arglen && dict.is_none() {
        return Err(not_all_converted().into());
    }
    Ok(out)
}

fn not_all_converted() -> PyError {
    PyError::type_error("not all arguments converted during string formatting")
}

/// The argument of a `*` width or precision.
fn star_value<A: PercentArgs>(
    cursor: &mut Cursor<A::Value>,
    args: &mut A,
) -> Result<i64, A::Error> {
    let value = cursor.next()?;
    Ok(args.star(&value)?.ok_or_else(|| PyError::type_error("* wants int"))?)
}

/// `%d %i %u %o %x %X` of an int (`_PyUnicode_FormatLong`, then
/// `unicode_format_arg_output`): the precision is a minimum digit count, `#`
/// adds `0o`/`0x`/`0X`, and `0` pads between sign/prefix and digits.
pub(crate) fn format_int(value: i64, spec: &Spec) -> String {
    let magnitude = value.unsigned_abs();
    let digits = match spec.kind {
        'o' => format!("{magnitude:o}"),
        'x' => format!("{magnitude:x}"),
        'X' => format!("{magnitude:X}"),
        _ => magnitude.to_string(),
    };
    let mut text = String::with_capacity(digits.len() + 4);
    if value < 0 {
        text.push('-');
    }
    if spec.flags.alt && matches!(spec.kind, 'o' | 'x' | 'X') {
        text.push('0');
        text.push(spec.kind);
    }
    let min_digits = spec.precision.unwrap_or(0);
    text.extend(std::iter::repeat_n('0', min_digits.saturating_sub(digits.len())));
    text.push_str(&digits);
    output(&text, spec, true)
}

/// `%e %E %f %F %g %G` of a float (`formatfloat`): precision 6 by default,
/// digits from `PyOS_double_to_string`.
pub(crate) fn format_float(value: f64, spec: &Spec) -> String {
    let flags = DtoaFlags { alt: spec.flags.alt, ..DtoaFlags::default() };
    let text = double_to_string(value, spec.kind, spec.precision.unwrap_or(6), flags);
    output(&text, spec, true)
}

/// `%c` of a character: padded to the width; no sign, no zeros.
pub(crate) fn format_char(c: char, spec: &Spec) -> String {
    output(c.encode_utf8(&mut [0; 4]), spec, false)
}

/// `%s %r %a` of already-converted text: the precision truncates, the width pads
/// with spaces (`-` on the right).
pub(crate) fn format_text(text: &str, spec: &Spec) -> String {
    output(text, spec, false)
}

/// `unicode_format_arg_output`: pads `text` to the width. For numbers (`numeric`)
/// the sign (`-`, or `+`/` ` from the flags) and the `#` prefix of `o x X` stay in
/// front of zero padding, or follow space padding.
fn output(text: &str, spec: &Spec, numeric: bool) -> String {
    let flags = spec.flags;
    let chars: Vec<char> = text.chars().collect();
    let mut len = chars.len();
    if spec.width.is_none_or(|w| w <= len)
        && spec.precision.is_none_or(|p| p >= len)
        && !(flags.sign || flags.blank)
    {
        return text.to_owned();
    }
    let fill = if numeric && flags.zero { '0' } else { ' ' };
    if matches!(spec.kind, 's' | 'r' | 'a') {
        if let Some(p) = spec.precision {
            len = len.min(p);
        }
    }
    let mut pindex = 0;
    let mut sign = None;
    if numeric {
        if chars.first().is_some_and(|&c| c == '-' || c == '+') {
            sign = Some(chars[0]);
            len -= 1;
            pindex = 1;
        } else if flags.sign {
            sign = Some('+');
        } else if flags.blank {
            sign = Some(' ');
        }
    }
    let mut width = spec.width.unwrap_or(0).max(len);
    let prefixed = flags.alt && matches!(spec.kind, 'x' | 'X' | 'o');
    let mut out = String::with_capacity(width + 1);
    if let Some(s) = sign {
        if fill != ' ' {
            out.push(s);
        }
        if width > len {
            width -= 1;
        }
    }
    if prefixed {
        if fill != ' ' {
            out.push('0');
            out.push(spec.kind);
            pindex += 2;
        }
        width = width.saturating_sub(2);
        len -= 2;
    }
    if width > len && !flags.ljust {
        out.extend(std::iter::repeat_n(fill, width - len));
        width = len;
    }
    if fill == ' ' {
        out.extend(sign);
        if prefixed {
            out.push('0');
            out.push(spec.kind);
            pindex += 2;
        }
    }
    out.extend(&chars[pindex..pindex + len]);
    if width > len {
        out.extend(std::iter::repeat_n(' ', width - len));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec(kind: char, width: Option<usize>, precision: Option<usize>, flags: Flags) -> Spec {
        Spec { flags, width, precision, kind }
    }

    #[test]
    fn numbers() {
        let zero = Flags { zero: true, ..Flags::default() };
        let alt = Flags { alt: true, ..Flags::default() };
        assert_eq!(format_int(-42, &spec('d', Some(6), None, zero)), "-00042");
        assert_eq!(format_int(255, &spec('x', Some(8), None, alt)), "    0xff");
        assert_eq!(
            format_int(
                255,
                &spec('X', Some(8), None, Flags { zero: true, alt: true, ..Flags::default() })
            ),
            "0X0000FF"
        );
        assert_eq!(format_float(2.675, &spec('f', None, Some(2), Flags::default())), "2.67");
        assert_eq!(format_text("abc", &spec('s', Some(5), Some(2), Flags::default())), "   ab");
    }
}
