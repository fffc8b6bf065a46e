//! The methods of `str` (`unicode_methods` in CPython's
//! `Objects/unicodeobject.c`): their arguments checked with CPython's
//! messages, the work done here or by `pylib` ([`unicode`] for case and
//! character classes, [`str_ops`] for splitting, `fmt` for `format`).
//!
//! Not here: `str % args` and the operators (`ops`), `str()` itself
//! (`builtins`), and bytes, which the VM does not have (`encode` refuses).

use crate::pylib;
use crate::pylib::{str_ops, unicode};
use crate::vm::args::{self, Params};
use crate::vm::exc::ExcKind;
use crate::vm::intern::{sym, Symbol};
use crate::vm::types::type_name;
use crate::vm::value::*;
use crate::vm::{Host, PyResult, Vm};
use std::rc::Rc;

impl Vm {
    fn str_arg<'a>(&self, v: Option<&'a Value>, what: &str) -> PyResult<Option<&'a str>> {
        match v {
            None | Some(Value::None) => Ok(None),
            Some(Value::Str(s)) => Ok(Some(&s.s)),
            // `do_argstrip`: no type named.
            Some(_) => Err(self.type_error(format!("{what} arg must be None or str"))),
        }
    }

    /// Byte range of `s[start:end]` given optional char indices (clamped like
    /// slices, `ADJUST_INDICES`), or `None` where CPython finds nothing.
    fn char_range(
        &self,
        s: &PyStr,
        start: Option<&Value>,
        end: Option<&Value>,
    ) -> PyResult<Option<(usize, usize)>> {
        let n = s.nchars as i64;
        // Both are converted (and may fail) before anything is looked at.
        let start = args::slice_index(self, start)?;
        let end = args::slice_index(self, end)?;
        // CPython finds nothing when start is past the end (even "" ).
        if start.is_some_and(|i| i > n) {
            return Ok(None);
        }
        let a = start.map_or(0, |i| args::clamp_index(i, n));
        let b = end.map_or(n, |i| args::clamp_index(i, n));
        if a > b {
            return Ok(None);
        }
        Ok(Some((s.byte_offset(a as usize), s.byte_offset(b as usize))))
    }

    pub(super) fn str_method(
        &mut self,
        host: &mut dyn Host,
        s: &Rc<PyStr>,
        name: Symbol,
        args: &[Value],
        kwargs: &Kwargs,
    ) -> PyResult<Value> {
        let text = s.s.as_str();
        let m = name;
        if m == sym::format {
            let out = crate::vm::fmt::str_format(self, host, text, args, kwargs)?;
            return Ok(Value::str(out));
        }
        if m == sym::format_map {
            self.no_kwargs("str", m, kwargs)?;
            self.expect_args("str", m, args, 1, 1)?;
            let out = crate::vm::fmt::str_format_map(self, host, text, &args[0])?;
            return Ok(Value::str(out));
        }
        if m == sym::split || m == sym::rsplit {
            let fname = if m == sym::split { "split" } else { "rsplit" };
            let [sep, maxsplit] =
                Params::clinic(fname, ["sep", "maxsplit"], 0).bind(self, args, kwargs)?;
            let maxsplit = match maxsplit {
                Some(v) => args::index(self, v)?,
                None => -1,
            };
            let sep = self.str_arg(sep, "split").map_err(|_| {
                self.type_error(format!("must be str or None, not {}", type_name(sep.unwrap())))
            })?;
            let parts = match sep {
                Some("") => return Err(self.value_error("empty separator")),
                Some(sep) => str_ops::split_sep(text, sep, maxsplit, m == sym::rsplit),
                None => str_ops::split_whitespace(text, maxsplit, m == sym::rsplit),
            };
            return Ok(Value::list(parts.into_iter().map(Value::str).collect()));
        }
        if m == sym::splitlines {
            let [keepends] =
                Params::clinic("splitlines", ["keepends"], 0).bind(self, args, kwargs)?;
            let keepends = match keepends {
                Some(v) => self.truthy(host, v)?,
                None => false,
            };
            return Ok(Value::list(
                str_ops::splitlines(text, keepends).into_iter().map(Value::str).collect(),
            ));
        }
        if m == sym::expandtabs {
            let [tab] = Params::clinic("expandtabs", ["tabsize"], 0).bind(self, args, kwargs)?;
            let tab = match tab {
                Some(v) => args::index(self, v)?,
                None => 8,
            };
            // `tabsize` is a C int.
            if i32::try_from(tab).is_err() {
                return Err(self.new_error(
                    ExcKind::OverflowError,
                    "Python int too large to convert to C int".into(),
                ));
            }
            let mut out = String::new();
            let mut col = 0i64;
            for c in text.chars() {
                match c {
                    '\t' => {
                        if tab > 0 {
                            let n = tab - col % tab;
                            self.check_alloc(out.len().saturating_add(n as usize), 1)?;
                            out.extend(std::iter::repeat_n(' ', n as usize));
                            col += n;
                        }
                    }
                    '\n' | '\r' => {
                        out.push(c);
                        col = 0;
                    }
                    _ => {
                        out.push(c);
                        col += 1;
                    }
                }
            }
            return Ok(Value::str(out));
        }
        if m == sym::replace {
            // `replace(old, new, /, count=-1)` (3.13: `count` by keyword too).
            let [old, new, count] = Params::clinic("replace", ["old", "new", "count"], 2)
                .posonly(2)
                .bind(self, args, kwargs)?;
            let (Some(Value::Str(old)), Some(Value::Str(new))) = (old, new) else {
                let first_ok = matches!(old, Some(Value::Str(_)));
                let bad = if first_ok { new } else { old };
                return Err(self.type_error(format!(
                    "replace() argument {} must be str, not {}",
                    if first_ok { 2 } else { 1 },
                    super::bad_argument_type(bad.unwrap_or(&Value::None))
                )));
            };
            let count = match count {
                Some(v) => args::index(self, v)?,
                None => -1,
            };
            let r = if count < 0 {
                if old.s.is_empty() {
                    str_ops::replace_empty(text, &new.s, usize::MAX)
                } else {
                    text.replace(old.s.as_str(), &new.s)
                }
            } else if old.s.is_empty() {
                str_ops::replace_empty(text, &new.s, count as usize)
            } else {
                text.replacen(old.s.as_str(), &new.s, count as usize)
            };
            self.alloc(r.len())?;
            return Ok(Value::str(r));
        }
        self.no_kwargs("str", m, kwargs)?;
        const NO_ARGS: &[Symbol] = &[
            sym::upper,
            sym::lower,
            sym::title,
            sym::capitalize,
            sym::swapcase,
            sym::casefold,
            sym::isdigit,
            sym::isnumeric,
            sym::isdecimal,
            sym::isalpha,
            sym::isalnum,
            sym::isspace,
            sym::isupper,
            sym::islower,
            sym::isidentifier,
            sym::istitle,
            sym::isprintable,
        ];
        if NO_ARGS.contains(&m) {
            self.expect_args("str", m, args, 0, 0)?;
        }
        if m == sym::join {
            self.expect_args("str", m, args, 1, 1)?;
            let items = self.iterate(host, &args[0]).map_err(|e| {
                if self.err_is(&e, ExcKind::TypeError) && !matches!(args[0], Value::Instance(_)) {
                    self.type_error("can only join an iterable")
                } else {
                    e
                }
            })?;
            let mut out = String::new();
            for (i, it) in items.iter().enumerate() {
                match it {
                    Value::Str(p) => {
                        if i > 0 {
                            out.push_str(text);
                        }
                        out.push_str(&p.s);
                    }
                    other => {
                        return Err(self.type_error(format!(
                            "sequence item {i}: expected str instance, {} found",
                            type_name(other)
                        )))
                    }
                }
            }
            self.alloc(out.len())?;
            return Ok(Value::str(out));
        }
        if m == sym::strip || m == sym::lstrip || m == sym::rstrip {
            self.expect_args("str", m, args, 0, 1)?;
            let chars = self.str_arg(args.first(), &m.to_string())?;
            let keep = |c: char| match chars {
                Some(cs) => cs.contains(c),
                None => pylib::text::py_isspace(c),
            };
            let r = if m == sym::strip {
                text.trim_matches(keep)
            } else if m == sym::lstrip {
                text.trim_start_matches(keep)
            } else {
                text.trim_end_matches(keep)
            };
            return Ok(Value::str(r));
        }
        if m == sym::upper {
            return Ok(Value::str(unicode::upper(text)));
        }
        if m == sym::lower {
            return Ok(Value::str(text.to_lowercase()));
        }
        if m == sym::casefold {
            return Ok(Value::str(unicode::casefold(text)));
        }
        if m == sym::swapcase {
            return Ok(Value::str(unicode::swapcase(text)));
        }
        if m == sym::capitalize {
            return Ok(Value::str(unicode::capitalize(text)));
        }
        if m == sym::title {
            return Ok(Value::str(unicode::title(text)));
        }
        if m == sym::startswith || m == sym::endswith {
            self.expect_args("str", m, args, 1, 3)?;
            // The indices first; then each prefix's type as it is tried, so
            // a tuple's later items are never looked at after a match.
            let range = self.char_range(s, args.get(1), args.get(2))?;
            let hay = range.map(|(a, b)| &text[a..b]);
            let test = |p: &str| match hay {
                Some(h) if m == sym::startswith => h.starts_with(p),
                Some(h) => h.ends_with(p),
                None => false,
            };
            return match &args[0] {
                Value::Str(p) => Ok(Value::Bool(test(&p.s))),
                Value::Tuple(t) => {
                    for x in t.0.iter() {
                        match x {
                            Value::Str(p) if test(&p.s) => return Ok(Value::Bool(true)),
                            Value::Str(_) => {}
                            other => {
                                return Err(self.type_error(format!(
                                    "tuple for {m} must only contain str, not {}",
                                    type_name(other)
                                )))
                            }
                        }
                    }
                    Ok(Value::Bool(false))
                }
                other => Err(self.type_error(format!(
                    "{m} first arg must be str or a tuple of str, not {}",
                    type_name(other)
                ))),
            };
        }
        if m == sym::find
            || m == sym::rfind
            || m == sym::index
            || m == sym::rindex
            || m == sym::count
        {
            self.expect_args("str", m, args, 1, 3)?;
            let Value::Str(sub) = &args[0] else {
                return Err(self.type_error(format!(
                    "{m}() argument 1 must be str, not {}",
                    super::bad_argument_type(&args[0])
                )));
            };
            let range = self.char_range(s, args.get(1), args.get(2))?;
            if m == sym::count {
                let Some((a, b)) = range else { return Ok(Value::Int(0)) };
                let hay = &text[a..b];
                let n = if sub.s.is_empty() {
                    hay.chars().count() + 1
                } else {
                    hay.matches(sub.s.as_str()).count()
                };
                return Ok(Value::Int(n as i64));
            }
            let found = range.and_then(|(a, b)| {
                let hay = &text[a..b];
                let pos = if m == sym::find || m == sym::index {
                    hay.find(sub.s.as_str())
                } else {
                    hay.rfind(sub.s.as_str())
                };
                pos.map(|p| text[..a + p].chars().count() as i64)
            });
            return match found {
                Some(i) => Ok(Value::Int(i)),
                None if m == sym::find || m == sym::rfind => Ok(Value::Int(-1)),
                None => Err(self.value_error("substring not found")),
            };
        }
        if m == sym::isdigit || m == sym::isdecimal || m == sym::isnumeric {
            let f: fn(char) -> bool = if m == sym::isdecimal {
                unicode::is_decimal
            } else if m == sym::isdigit {
                unicode::is_digit
            } else {
                unicode::is_numeric
            };
            return Ok(Value::Bool(!text.is_empty() && text.chars().all(f)));
        }
        if m == sym::isalpha {
            return Ok(Value::Bool(!text.is_empty() && text.chars().all(unicode::is_alpha)));
        }
        if m == sym::isalnum {
            return Ok(Value::Bool(!text.is_empty() && text.chars().all(unicode::is_alnum)));
        }
        if m == sym::isspace {
            return Ok(Value::Bool(!text.is_empty() && text.chars().all(pylib::text::py_isspace)));
        }
        if m == sym::isprintable {
            return Ok(Value::Bool(text.chars().all(pylib::text::is_printable)));
        }
        if m == sym::isupper || m == sym::islower {
            return Ok(Value::Bool(unicode::is_all_case(text, m == sym::isupper)));
        }
        if m == sym::istitle {
            return Ok(Value::Bool(unicode::istitle(text)));
        }
        if m == sym::isidentifier {
            return Ok(Value::Bool(unicode::isidentifier(text)));
        }
        if m == sym::center || m == sym::ljust || m == sym::rjust {
            self.expect_args("str", m, args, 1, 2)?;
            let width = args::index(self, &args[0])?;
            let fill = match args.get(1) {
                Some(Value::Str(f)) if f.nchars == 1 => f.s.chars().next().unwrap(),
                Some(Value::Str(_)) => {
                    return Err(
                        self.type_error("The fill character must be exactly one character long")
                    )
                }
                // The `convert_uc` converter's own words.
                Some(other) => {
                    return Err(self.type_error(format!(
                        "The fill character must be a unicode character, not {}",
                        type_name(other)
                    )))
                }
                None => ' ',
            };
            let n = s.nchars as i64;
            if width <= n {
                return Ok(Value::Str(s.clone()));
            }
            self.check_alloc(width as usize, 4)?;
            let pad = (width - n) as usize;
            let (left, right) = if m == sym::ljust {
                (0, pad)
            } else if m == sym::rjust {
                (pad, 0)
            } else {
                // CPython's centering: the extra space goes left when width is odd... per `pad()`.
                let left = pad / 2 + (pad & (width as usize) & 1);
                (left, pad - left)
            };
            let mut out = String::new();
            out.extend(std::iter::repeat_n(fill, left));
            out.push_str(text);
            out.extend(std::iter::repeat_n(fill, right));
            return Ok(Value::str(out));
        }
        if m == sym::zfill {
            self.expect_args("str", m, args, 1, 1)?;
            let width = args::index(self, &args[0])?;
            let n = s.nchars as i64;
            if width <= n {
                return Ok(Value::Str(s.clone()));
            }
            self.check_alloc(width as usize, 1)?;
            let pad = (width - n) as usize;
            let (sign, rest) = match text.chars().next() {
                Some(c @ ('+' | '-')) => (c.to_string(), &text[1..]),
                _ => (String::new(), text),
            };
            return Ok(Value::str(format!("{sign}{}{rest}", "0".repeat(pad))));
        }
        if m == sym::partition || m == sym::rpartition {
            self.expect_args("str", m, args, 1, 1)?;
            let Value::Str(sep) = &args[0] else {
                return Err(self.type_error(format!("must be str, not {}", type_name(&args[0]))));
            };
            if sep.s.is_empty() {
                return Err(self.value_error("empty separator"));
            }
            let pos = if m == sym::partition {
                text.find(sep.s.as_str())
            } else {
                text.rfind(sep.s.as_str())
            };
            let parts = match pos {
                Some(p) => [&text[..p], &sep.s[..], &text[p + sep.s.len()..]],
                None if m == sym::partition => [text, "", ""],
                None => ["", "", text],
            };
            return Ok(Value::tuple(parts.iter().map(|p| Value::str(*p)).collect()));
        }
        if m == sym::removeprefix || m == sym::removesuffix {
            self.expect_args("str", m, args, 1, 1)?;
            let Value::Str(p) = &args[0] else {
                return Err(self.type_error(format!(
                    "{m}() argument must be str, not {}",
                    super::bad_argument_type(&args[0])
                )));
            };
            let r = if m == sym::removeprefix {
                text.strip_prefix(p.s.as_str())
            } else {
                text.strip_suffix(p.s.as_str())
            };
            return Ok(Value::str(r.unwrap_or(text)));
        }
        if m == sym::encode {
            return Err(self.type_error("unsupported: bytes (str.encode)"));
        }
        Err(self.attribute_error(&Value::Str(s.clone()), name))
    }
}
