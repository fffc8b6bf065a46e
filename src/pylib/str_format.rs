//! `str.format` as CPython's Objects/stringlib/unicode_format.h does it: literal
//! text, `{{`/`}}` escapes, and replacement fields
//! `{field_name[!conversion][:format_spec]}` where the field name is an index or
//! keyword followed by `.attr` and `[key]` parts, and the spec may itself hold
//! fields (`{:{width}}`, one level deep).
//!
//! CPython parses the template as it renders, so a field is looked up before a
//! syntax error later in the template is noticed; [`format()`] keeps that order and
//! calls back into the VM through [`FormatArgs`] for every lookup, conversion and
//! `format(value, spec)`.

use super::text::decimal_value;
use super::PyError;

/// The key in a `[key]` part of a field name: digits make an int index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ItemKey<'a> {
    /// `[3]`: `value[3]`.
    Index(usize),
    /// `[name]`: `value['name']`.
    Name(&'a str),
}

/// The VM's side of `str.format`.
pub trait FormatArgs {
    type Value;
    type Error: From<PyError>;

    /// Positional argument `index`; `None` when there are not that many (then
    /// `IndexError: Replacement index 2 out of range for positional args tuple`).
    fn positional(&mut self, index: usize) -> Result<Option<Self::Value>, Self::Error>;

    /// Keyword argument `name` (a missing one is the VM's `KeyError: 'name'`).
    fn keyword(&mut self, name: &str) -> Result<Self::Value, Self::Error>;

    /// `getattr(value, name)` for a `.name` part.
    fn attribute(&mut self, value: &Self::Value, name: &str) -> Result<Self::Value, Self::Error>;

    /// `value[key]` for a `[key]` part.
    fn item(&mut self, value: &Self::Value, key: ItemKey<'_>) -> Result<Self::Value, Self::Error>;

    /// `repr(value)`, `str(value)` or `ascii(value)` for `!r`, `!s`, `!a`.
    fn convert(
        &mut self,
        value: &Self::Value,
        conversion: char,
    ) -> Result<Self::Value, Self::Error>;

    /// `format(value, spec)`.
    fn format(&mut self, value: &Self::Value, spec: &str) -> Result<String, Self::Error>;
}

/// `IndexError` for a positional field past the end of the arguments.
pub(crate) fn index_out_of_range(index: usize) -> PyError {
    PyError::new(
        "IndexError",
        format!("Replacement index {index} out of range for positional args tuple"),
    )
}

/// `template.format(...)`, with the VM's arguments behind `args`.
pub fn format<A: FormatArgs>(template: &str, args: &mut A) -> Result<String, A::Error> {
    let chars: Vec<char> = template.chars().collect();
    let mut auto = AutoNumber::Init;
    let mut out = String::with_capacity(template.len());
    build_string(&chars, 0, chars.len(), args, 2, &mut auto, &mut out)?;
    Ok(out)
}

/// `AutoNumber`: whether fields are numbered automatically (`{}`) or manually
/// (`{0}`); a template may not mix them.
enum AutoNumber {
    Init,
    Auto(usize),
    Manual,
}

/// One replacement field as `parse_field` splits it (ranges into the template).
struct Field {
    name: (usize, usize),
    conversion: Option<char>,
    spec: (usize, usize),
    spec_needs_expanding: bool,
}

/// `build_string` + `do_markup`: renders `chars[start..end]` into `out`; nested
/// specs recurse with one less `depth` (`Max string recursion exceeded` at 0).
fn build_string<A: FormatArgs>(
    chars: &[char],
    start: usize,
    end: usize,
    args: &mut A,
    depth: u32,
    auto: &mut AutoNumber,
    out: &mut String,
) -> Result<(), A::Error> {
    if depth == 0 {
        return Err(PyError::value_error("Max string recursion exceeded").into());
    }
    let mut pos = start;
    while pos < end {
        let (literal, field) = next_markup(chars, &mut pos, end)?;
        out.extend(&chars[literal.0..literal.1]);
        if let Some(field) = field {
            output_markup(chars, &field, args, depth, auto, out)?;
        }
    }
    Ok(())
}

/// `MarkupIterator_next`: literal text up to the next unescaped brace, and the
/// field that follows it, if any.
#[allow(clippy::type_complexity)]
fn next_markup(
    chars: &[char],
    pos: &mut usize,
    end: usize,
) -> Result<((usize, usize), Option<Field>), PyError> {
    let start = *pos;
    let mut c = '\0';
    let mut markup_follows = false;
    while *pos < end {
        c = chars[*pos];
        *pos += 1;
        if c == '{' || c == '}' {
            markup_follows = true;
            break;
        }
    }
    let at_end = *pos >= end;
    let mut len = *pos - start;
    if c == '}' && (at_end || chars[*pos] != '}') {
        return Err(PyError::value_error("Single '}' encountered in format string"));
    }
    if at_end && c == '{' {
        return Err(PyError::value_error("Single '{' encountered in format string"));
    }
    if !at_end {
        if chars[*pos] == c {
            *pos += 1;
            markup_follows = false;
        } else {
            len -= 1;
        }
    }
    let literal = (start, start + len);
    if !markup_follows {
        return Ok((literal, None));
    }
    Ok((literal, Some(parse_field(chars, pos, end)?)))
}

/// `parse_field`: the field name up to `}`, `:` or `!` (brackets may hold any of
/// them), then a one-character conversion and/or a spec with balanced braces.
fn parse_field(chars: &[char], pos: &mut usize, end: usize) -> Result<Field, PyError> {
    let name_start = *pos;
    let mut c = '\0';
    while *pos < end {
        c = chars[*pos];
        *pos += 1;
        match c {
            '{' => return Err(PyError::value_error("unexpected '{' in field name")),
            '[' => {
                while *pos < end && chars[*pos] != ']' {
                    *pos += 1;
                }
            }
            '}' | ':' | '!' => break,
            _ => {}
        }
    }
    let mut field = Field {
        name: (name_start, *pos - 1),
        conversion: None,
        spec: (*pos, *pos),
        spec_needs_expanding: false,
    };
    if c == '!' || c == ':' {
        if c == '!' {
            if *pos >= end {
                return Err(PyError::value_error(
                    "end of string while looking for conversion specifier",
                ));
            }
            field.conversion = Some(chars[*pos]);
            *pos += 1;
            if *pos < end {
                let c = chars[*pos];
                *pos += 1;
                if c == '}' {
                    field.spec = (*pos, *pos);
                    return Ok(field);
                }
                if c != ':' {
                    return Err(PyError::value_error("expected ':' after conversion specifier"));
                }
            }
        }
        let spec_start = *pos;
        let mut depth = 1;
        while *pos < end {
            let c = chars[*pos];
            *pos += 1;
            if c == '{' {
                field.spec_needs_expanding = true;
                depth += 1;
            } else if c == '}' {
                depth -= 1;
                if depth == 0 {
                    field.spec = (spec_start, *pos - 1);
                    return Ok(field);
                }
            }
        }
        return Err(PyError::value_error("unmatched '{' in format spec"));
    }
    if c != '}' {
        return Err(PyError::value_error("expected '}' before end of string"));
    }
    Ok(field)
}

/// `output_markup`: the field's object, converted, formatted with its (expanded)
/// spec.
fn output_markup<A: FormatArgs>(
    chars: &[char],
    field: &Field,
    args: &mut A,
    depth: u32,
    auto: &mut AutoNumber,
    out: &mut String,
) -> Result<(), A::Error> {
    let mut value = get_field_object(chars, field.name, args, auto)?;
    if let Some(conversion) = field.conversion {
        if !matches!(conversion, 'r' | 's' | 'a') {
            let u = conversion as u32;
            let shown =
                if u > 32 && u < 127 { conversion.to_string() } else { format!("\\x{u:x}") };
            return Err(
                PyError::value_error(format!("Unknown conversion specifier {shown}")).into()
            );
        }
        value = args.convert(&value, conversion)?;
    }
    let spec: String = if field.spec_needs_expanding {
        let mut expanded = String::new();
        build_string(chars, field.spec.0, field.spec.1, args, depth - 1, auto, &mut expanded)?;
        expanded
    } else {
        chars[field.spec.0..field.spec.1].iter().collect()
    };
    out.push_str(&args.format(&value, &spec)?);
    Ok(())
}

/// `get_integer` of unicode_format.h: the decimal value of a whole range, `None`
/// if it is empty or holds a non-digit (an overflow before that is an error).
fn get_integer(chars: &[char]) -> Result<Option<usize>, PyError> {
    if chars.is_empty() {
        return Ok(None);
    }
    let mut acc: u64 = 0;
    for c in chars {
        let Some(d) = decimal_value(*c) else { return Ok(None) };
        if acc > (i64::MAX as u64 - d as u64) / 10 {
            return Err(PyError::value_error("Too many decimal digits in format string"));
        }
        acc = acc * 10 + d as u64;
    }
    Ok(Some(usize::try_from(acc).unwrap_or(usize::MAX)))
}

/// `get_field_object`: splits the name at the first `.` or `[`, looks the first
/// part up (auto-numbered, positional or keyword), then follows `.attr` and
/// `[key]` parts one by one.
fn get_field_object<A: FormatArgs>(
    chars: &[char],
    (start, end): (usize, usize),
    args: &mut A,
    auto: &mut AutoNumber,
) -> Result<A::Value, A::Error> {
    let first_end = (start..end).find(|&i| chars[i] == '.' || chars[i] == '[').unwrap_or(end);
    let first = &chars[start..first_end];
    let mut index = get_integer(first)?;
    let is_empty = first.is_empty();
    if is_empty || index.is_some() {
        if matches!(auto, AutoNumber::Init) {
            *auto = if is_empty { AutoNumber::Auto(0) } else { AutoNumber::Manual };
        }
        match (&mut *auto, is_empty) {
            (AutoNumber::Manual, true) => {
                return Err(PyError::value_error(
                    "cannot switch from manual field specification to automatic field numbering",
                )
                .into());
            }
            (AutoNumber::Auto(next), true) => {
                index = Some(*next);
                *next += 1;
            }
            (AutoNumber::Auto(_), false) => {
                return Err(PyError::value_error(
                    "cannot switch from automatic field numbering to manual field specification",
                )
                .into());
            }
            _ => {}
        }
    }
    let mut value = match index {
        Some(i) => args.positional(i)?.ok_or_else(|| index_out_of_range(i))?,
        None => args.keyword(&first.iter().collect::<String>())?,
    };
    let mut pos = first_end;
    while pos < end {
        let c = chars[pos];
        pos += 1;
        let name_start = pos;
        let is_attribute = match c {
            '.' => {
                while pos < end && chars[pos] != '.' && chars[pos] != '[' {
                    pos += 1;
                }
                true
            }
            '[' => {
                while pos < end && chars[pos] != ']' {
                    pos += 1;
                }
                if pos >= end {
                    return Err(PyError::value_error("Missing ']' in format string").into());
                }
                pos += 1;
                false
            }
            _ => {
                return Err(PyError::value_error(
                    "Only '.' or '[' may follow ']' in format field specifier",
                )
                .into());
            }
        };
        let name_end = if is_attribute { pos } else { pos - 1 };
        let name = &chars[name_start..name_end];
        let item_index = if is_attribute { None } else { get_integer(name)? };
        if name.is_empty() {
            return Err(PyError::value_error("Empty attribute in format string").into());
        }
        let text: String = name.iter().collect();
        value = match (is_attribute, item_index) {
            (true, _) => args.attribute(&value, &text)?,
            (false, Some(i)) => args.item(&value, ItemKey::Index(i))?,
            (false, None) => args.item(&value, ItemKey::Name(&text))?,
        };
    }
    Ok(value)
}
