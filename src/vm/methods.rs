//! Methods of the builtin types (`str`, `list`, `tuple`, `dict`, `set`, `int`,
//! `float`) and the data attributes of builtin values and exceptions.

use super::code::BinOp;
use super::dict::DictData;
use super::exc::{with_exc, ExcKind};
use super::intern::{sym, Symbol};
use super::set::SetData;
use super::types::type_name;
use super::value::*;
use super::{Host, PyErr, PyResult, Vm};
use crate::pylib;
use std::cell::RefCell;
use std::rc::Rc;

const STR_METHODS: &[Symbol] = &[
    sym::join,
    sym::split,
    sym::rsplit,
    sym::splitlines,
    sym::strip,
    sym::lstrip,
    sym::rstrip,
    sym::upper,
    sym::lower,
    sym::title,
    sym::capitalize,
    sym::swapcase,
    sym::casefold,
    sym::replace,
    sym::startswith,
    sym::endswith,
    sym::find,
    sym::rfind,
    sym::index,
    sym::rindex,
    sym::count,
    sym::format,
    sym::format_map,
    sym::isdigit,
    sym::isnumeric,
    sym::isdecimal,
    sym::isalpha,
    sym::isalnum,
    sym::isspace,
    sym::isprintable,
    sym::isupper,
    sym::islower,
    sym::isidentifier,
    sym::istitle,
    sym::center,
    sym::ljust,
    sym::rjust,
    sym::zfill,
    sym::partition,
    sym::rpartition,
    sym::encode,
    sym::expandtabs,
    sym::removeprefix,
    sym::removesuffix,
];
const LIST_METHODS: &[Symbol] = &[
    sym::append,
    sym::extend,
    sym::insert,
    sym::pop,
    sym::remove,
    sym::index,
    sym::count,
    sym::sort,
    sym::reverse,
    sym::clear,
    sym::copy,
];
const TUPLE_METHODS: &[Symbol] = &[sym::index, sym::count];
const DICT_METHODS: &[Symbol] = &[
    sym::get,
    sym::items,
    sym::keys,
    sym::values,
    sym::setdefault,
    sym::update,
    sym::pop,
    sym::popitem,
    sym::clear,
    sym::copy,
    sym::fromkeys,
];
const SET_METHODS: &[Symbol] = &[
    sym::add,
    sym::discard,
    sym::remove,
    sym::pop,
    sym::clear,
    sym::copy,
    sym::union,
    sym::intersection,
    sym::difference,
    sym::symmetric_difference,
    sym::issubset,
    sym::issuperset,
    sym::isdisjoint,
    sym::update,
    sym::intersection_update,
    sym::difference_update,
    sym::symmetric_difference_update,
];
const FROZENSET_METHODS: &[Symbol] = &[
    sym::copy,
    sym::union,
    sym::intersection,
    sym::difference,
    sym::symmetric_difference,
    sym::issubset,
    sym::issuperset,
    sym::isdisjoint,
];
const INT_METHODS: &[Symbol] =
    &[sym::bit_length, sym::conjugate, sym::as_integer_ratio, sym::is_integer];
const FLOAT_METHODS: &[Symbol] = &[sym::is_integer, sym::as_integer_ratio, sym::conjugate];
const RANGE_METHODS: &[Symbol] = &[sym::index, sym::count];

/// Does this builtin value have a method of that name?
pub fn has_method(v: &Value, name: Symbol) -> bool {
    let table: &[Symbol] = match v {
        Value::Str(_) => STR_METHODS,
        Value::List(_) => LIST_METHODS,
        Value::Tuple(_) => TUPLE_METHODS,
        Value::Dict(_) => DICT_METHODS,
        Value::Set(s) => {
            if s.frozen {
                FROZENSET_METHODS
            } else {
                SET_METHODS
            }
        }
        Value::Int(_) | Value::Bool(_) => INT_METHODS,
        Value::Float(_) => FLOAT_METHODS,
        Value::Range(_) => RANGE_METHODS,
        _ => &[],
    };
    table.contains(&name) || (name.maybe_value_dunder() && super::object::has_value_dunder(v, name))
}

/// Data attributes of builtin values (`x.real`, `r.start`, ...).
pub fn data_attr(_vm: &mut Vm, v: &Value, name: Symbol) -> Option<Value> {
    match v {
        Value::Int(i) => match name {
            n if n == sym::real => Some(Value::Int(*i)),
            n if n == sym::imag => Some(Value::Int(0)),
            _ => None,
        },
        Value::Bool(b) => match name {
            n if n == sym::real => Some(Value::Int(*b as i64)),
            n if n == sym::imag => Some(Value::Int(0)),
            _ => None,
        },
        Value::Float(f) => match name {
            n if n == sym::real => Some(Value::Float(*f)),
            n if n == sym::imag => Some(Value::Float(0.0)),
            _ => None,
        },
        Value::Range(r) => match name {
            n if n == sym::start => Some(Value::Int(r.start)),
            n if n == sym::stop => Some(Value::Int(r.stop)),
            n if n == sym::step => Some(Value::Int(r.step)),
            _ => None,
        },
        Value::Slice(s) => match name {
            n if n == sym::start => Some(s.start.clone()),
            n if n == sym::stop => Some(s.stop.clone()),
            n if n == sym::step => Some(s.step.clone()),
            _ => None,
        },
        _ => None,
    }
}

/// Attributes every exception has (`args`, `__cause__`, ...).
pub fn exception_attr(vm: &mut Vm, v: &Value, name: Symbol) -> Option<Value> {
    // `StopIteration.value` and `SystemExit.code`: the first argument.
    if (name == sym::value && vm.exc_is(v, ExcKind::StopIteration))
        || (name == sym::code && vm.exc_is(v, ExcKind::SystemExit))
    {
        return Some(vm.stop_value(v));
    }
    with_exc(v, |d| {
        if name == sym::args {
            Some(d.args.clone())
        } else if name == sym::__cause__ {
            Some(d.cause.clone())
        } else if name == sym::__context__ {
            Some(d.context.clone())
        } else if name == sym::__suppress_context__ {
            Some(Value::Bool(d.suppress_context))
        } else if name == sym::__traceback__ {
            Some(Value::None)
        } else if let Some((msg, excs)) = &d.group {
            if name == sym::message {
                Some(msg.clone())
            } else if name == sym::exceptions {
                Some(excs.clone())
            } else {
                None
            }
        } else {
            None
        }
    })
    .flatten()
}

/// Assigning `e.args`, `e.__cause__`, ...: true when handled.
pub fn set_exception_attr(vm: &mut Vm, v: &Value, name: Symbol, new: &Value) -> PyResult<bool> {
    let is_exc = super::exc::is_exception(v);
    if !is_exc {
        return Ok(false);
    }
    if name == sym::args {
        let t = match new {
            Value::Tuple(_) => new.clone(),
            Value::List(l) => Value::tuple(l.0.borrow().clone()),
            _ => {
                let items = vm.iterate(&mut super::NoHost { out: String::new() }, new)?;
                Value::tuple(items)
            }
        };
        with_exc(v, |d| d.args = t);
        return Ok(true);
    }
    if name == sym::__cause__ {
        with_exc(v, |d| {
            d.cause = new.clone();
            d.suppress_context = true;
        });
        return Ok(true);
    }
    if name == sym::__context__ {
        with_exc(v, |d| d.context = new.clone());
        return Ok(true);
    }
    if name == sym::__suppress_context__ {
        let b = matches!(new, Value::Bool(true));
        with_exc(v, |d| d.suppress_context = b);
        return Ok(true);
    }
    Ok(false)
}

fn arg(args: &[Value], i: usize) -> Option<&Value> {
    args.get(i)
}

fn kwarg(kwargs: &Kwargs, name: Symbol) -> Option<&Value> {
    kwargs.iter().find(|(k, _)| *k == name).map(|(_, v)| v)
}

impl Vm {
    pub(crate) fn expect_args(
        &self,
        owner: &str,
        name: Symbol,
        args: &[Value],
        min: usize,
        max: usize,
    ) -> PyResult<()> {
        if args.len() < min || args.len() > max {
            let msg = if min == max {
                if min == 0 {
                    format!("{owner}.{name}() takes no arguments ({} given)", args.len())
                } else if min == 1 {
                    format!("{owner}.{name}() takes exactly one argument ({} given)", args.len())
                } else {
                    format!("{owner}.{name}() takes exactly {min} arguments ({} given)", args.len())
                }
            } else if args.len() < min {
                format!(
                    "{name} expected at least {min} argument{}, got {}",
                    if min == 1 { "" } else { "s" },
                    args.len()
                )
            } else {
                format!(
                    "{name} expected at most {max} argument{}, got {}",
                    if max == 1 { "" } else { "s" },
                    args.len()
                )
            };
            return Err(self.type_error(msg));
        }
        Ok(())
    }

    fn no_kwargs(&self, owner: &str, name: Symbol, kwargs: &Kwargs) -> PyResult<()> {
        if !kwargs.is_empty() {
            return Err(self.type_error(format!("{owner}.{name}() takes no keyword arguments")));
        }
        Ok(())
    }

    /// Call method `name` of a builtin value.
    #[inline]
    pub fn call_method_name(
        &mut self,
        host: &mut dyn Host,
        recv: &Value,
        name: Symbol,
        args: &[Value],
        kwargs: &Kwargs,
    ) -> PyResult<Value> {
        // The two methods loops call most, before the general dispatch.
        if kwargs.is_empty() {
            match (recv, args) {
                (Value::List(l), [x]) if name == sym::append => return self.list_append(l, x),
                (Value::Dict(d), [key, rest @ ..]) if name == sym::get && rest.len() <= 1 => {
                    let h = match key {
                        Value::Int(i) => Some(crate::pylib::hash::hash_int(*i)),
                        Value::Str(s) => Some(s.hash()),
                        _ => None,
                    };
                    if let Some(h) = h {
                        let found = d.0.borrow().get(h, key).cloned();
                        return Ok(
                            found.unwrap_or_else(|| rest.first().cloned().unwrap_or(Value::None))
                        );
                    }
                }
                _ => {}
            }
        }
        self.call_method_general(host, recv, name, args, kwargs)
    }

    #[inline(never)]
    fn call_method_general(
        &mut self,
        host: &mut dyn Host,
        recv: &Value,
        name: Symbol,
        args: &[Value],
        kwargs: &Kwargs,
    ) -> PyResult<Value> {
        if name.maybe_value_dunder() {
            if !kwargs.is_empty() {
                return Err(self.type_error(format!(
                    "{}.{name}() takes no keyword arguments",
                    type_name(recv)
                )));
            }
            return self.value_dunder(host, recv, name, args);
        }
        match recv {
            Value::Str(s) => self.str_method(host, s, name, args, kwargs),
            Value::List(l) => self.list_method(host, recv, l, name, args, kwargs),
            Value::Tuple(t) => {
                self.no_kwargs("tuple", name, kwargs)?;
                let items = t.0.clone();
                self.seq_index_count(host, "tuple", &items, name, args)
            }
            Value::Dict(d) => self.dict_method(host, recv, d, name, args, kwargs),
            Value::Set(s) => self.set_method(host, recv, s, name, args, kwargs),
            Value::Int(_) | Value::Bool(_) | Value::Float(_) => self.num_method(recv, name, args),
            Value::Range(r) => {
                self.no_kwargs("range", name, kwargs)?;
                self.expect_args("range", name, args, 1, 1)?;
                let hit = match &args[0] {
                    Value::Int(i) => {
                        let i = *i;
                        let inside = if r.step > 0 {
                            i >= r.start && i < r.stop
                        } else {
                            i <= r.start && i > r.stop
                        };
                        (inside && (i - r.start) % r.step == 0).then(|| (i - r.start) / r.step)
                    }
                    _ => None,
                };
                if name == sym::count {
                    return Ok(Value::Int(hit.is_some() as i64));
                }
                match hit {
                    Some(ix) => Ok(Value::Int(ix)),
                    None => {
                        let rep = self.repr(host, &args[0])?;
                        Err(self.value_error(format!("{rep} is not in range")))
                    }
                }
            }
            _ => Err(self.attribute_error(recv, name)),
        }
    }

    // ---- str ------------------------------------------------------------------

    fn str_arg<'a>(&self, v: Option<&'a Value>, what: &str) -> PyResult<Option<&'a str>> {
        match v {
            None | Some(Value::None) => Ok(None),
            Some(Value::Str(s)) => Ok(Some(&s.s)),
            Some(other) => Err(self
                .type_error(format!("{what} arg must be None or str, not {}", type_name(other)))),
        }
    }

    fn int_arg(&self, v: &Value) -> PyResult<i64> {
        match v {
            Value::Int(i) => Ok(*i),
            Value::Bool(b) => Ok(*b as i64),
            other => Err(self.type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                type_name(other)
            ))),
        }
    }

    /// Byte range of `s[start:end]` given optional char indices (clamped like slices).
    fn char_range(
        &self,
        s: &PyStr,
        start: Option<&Value>,
        end: Option<&Value>,
    ) -> PyResult<Option<(usize, usize)>> {
        let n = s.nchars as i64;
        let get = |v: Option<&Value>, default: i64| -> PyResult<i64> {
            match v {
                None | Some(Value::None) => Ok(default),
                Some(v) => {
                    let i = self.int_arg(v)?;
                    Ok(if i < 0 { (i + n).max(0) } else { i.min(n) })
                }
            }
        };
        // CPython finds nothing when start is past the end (even "" ).
        if let Some(v) = start {
            if !v.is_none() {
                let i = self.int_arg(v)?;
                if i > n {
                    return Ok(None);
                }
            }
        }
        let a = get(start, 0)?;
        let b = get(end, n)?;
        if a > b {
            return Ok(None);
        }
        Ok(Some((s.byte_offset(a as usize), s.byte_offset(b as usize))))
    }

    fn str_method(
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
            let out = super::fmt::str_format(self, host, text, args, kwargs)?;
            return Ok(Value::str(out));
        }
        if m == sym::format_map {
            self.expect_args("str", m, args, 1, 1)?;
            let out = super::fmt::str_format_map(self, host, text, &args[0])?;
            return Ok(Value::str(out));
        }
        if m == sym::split || m == sym::rsplit {
            for (k, _) in kwargs {
                if k.with_str(|k| k != "sep" && k != "maxsplit") {
                    let msg = k.with_str(|k| {
                        pylib::suggest::unexpected_keyword(&m.to_string(), k, &["sep", "maxsplit"])
                    });
                    return Err(self.type_error(msg));
                }
            }
            let sep = arg(args, 0).or(kwarg(kwargs, Symbol::new("sep")));
            let maxsplit = match arg(args, 1).or(kwarg(kwargs, Symbol::new("maxsplit"))) {
                Some(v) => self.int_arg(v)?,
                None => -1,
            };
            let sep = self.str_arg(sep, "must be str or None, not").map_err(|_| {
                self.type_error(format!("must be str or None, not {}", type_name(sep.unwrap())))
            })?;
            let parts = match sep {
                Some("") => return Err(self.value_error("empty separator")),
                Some(sep) => split_sep(text, sep, maxsplit, m == sym::rsplit),
                None => split_whitespace(text, maxsplit, m == sym::rsplit),
            };
            return Ok(Value::list(parts.into_iter().map(Value::str).collect()));
        }
        if (m == sym::splitlines || m == sym::expandtabs) && !kwargs.is_empty() {
            // `splitlines(keepends=False)`, `expandtabs(tabsize=8)`: one
            // parameter that may be passed by keyword (Argument Clinic checks).
            let pname = if m == sym::splitlines { "keepends" } else { "tabsize" };
            if args.len() + kwargs.len() > 1 {
                return Err(self.type_error(if args.is_empty() {
                    format!("{m}() takes at most 1 keyword argument ({} given)", kwargs.len())
                } else {
                    format!("{m}() takes at most 1 argument ({} given)", args.len() + kwargs.len())
                }));
            }
            let (k, v) = &kwargs[0];
            if !k.with_str(|k| k == pname) {
                let msg =
                    k.with_str(|k| pylib::suggest::unexpected_keyword(&m.to_string(), k, &[pname]));
                return Err(self.type_error(msg));
            }
            return self.str_method(host, s, name, std::slice::from_ref(v), &[]);
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
            let chars = self.str_arg(arg(args, 0), &m.to_string())?;
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
            return Ok(Value::str(text.to_uppercase()));
        }
        if m == sym::lower {
            return Ok(Value::str(text.to_lowercase()));
        }
        if m == sym::casefold {
            // Full case folding: lower case, plus the few letters that fold to two.
            let mut out = String::with_capacity(text.len());
            for c in text.to_lowercase().chars() {
                match c {
                    'ß' => out.push_str("ss"),
                    'ﬀ' => out.push_str("ff"),
                    'ﬁ' => out.push_str("fi"),
                    'ﬂ' => out.push_str("fl"),
                    'ς' => out.push('σ'),
                    c => out.push(c),
                }
            }
            return Ok(Value::str(out));
        }
        if m == sym::swapcase {
            let r: String = text
                .chars()
                .flat_map(|c| {
                    if c.is_uppercase() {
                        c.to_lowercase().collect::<Vec<_>>()
                    } else if c.is_lowercase() {
                        c.to_uppercase().collect::<Vec<_>>()
                    } else {
                        vec![c]
                    }
                })
                .collect();
            return Ok(Value::str(r));
        }
        if m == sym::capitalize {
            let mut cs = text.chars();
            let r = match cs.next() {
                Some(first) => {
                    let mut out: String = title_case(first);
                    out.push_str(&cs.as_str().to_lowercase());
                    out
                }
                None => String::new(),
            };
            return Ok(Value::str(r));
        }
        if m == sym::title {
            let mut out = String::with_capacity(text.len());
            let mut prev_cased = false;
            for c in text.chars() {
                if prev_cased {
                    out.extend(c.to_lowercase());
                } else {
                    out.push_str(&title_case(c));
                }
                prev_cased = c.is_lowercase() || c.is_uppercase() || is_titlecase(c);
            }
            return Ok(Value::str(out));
        }
        if m == sym::replace {
            self.expect_args("str", m, args, 2, 3)?;
            let (Value::Str(old), Value::Str(new)) = (&args[0], &args[1]) else {
                let bad = if matches!(args[0], Value::Str(_)) { &args[1] } else { &args[0] };
                return Err(self.type_error(format!(
                    "replace() argument {} must be str, not {}",
                    if matches!(args[0], Value::Str(_)) { 2 } else { 1 },
                    type_name(bad)
                )));
            };
            let count = match arg(args, 2) {
                Some(v) => self.int_arg(v)?,
                None => -1,
            };
            let r = if count < 0 {
                if old.s.is_empty() {
                    replace_empty(text, &new.s, usize::MAX)
                } else {
                    text.replace(old.s.as_str(), &new.s)
                }
            } else if old.s.is_empty() {
                replace_empty(text, &new.s, count as usize)
            } else {
                text.replacen(old.s.as_str(), &new.s, count as usize)
            };
            self.alloc(r.len())?;
            return Ok(Value::str(r));
        }
        if m == sym::startswith || m == sym::endswith {
            self.expect_args("str", m, args, 1, 3)?;
            let Some((a, b)) = self.char_range(s, arg(args, 1), arg(args, 2))? else {
                return Ok(Value::Bool(false));
            };
            let hay = &text[a..b];
            let prefixes: Vec<String> = match &args[0] {
                Value::Str(p) => vec![p.s.clone()],
                Value::Tuple(t) => {
                    let mut v = Vec::new();
                    for x in &t.0 {
                        match x {
                            Value::Str(p) => v.push(p.s.clone()),
                            other => {
                                return Err(self.type_error(format!(
                                    "tuple for {m} must only contain str, not {}",
                                    type_name(other)
                                )))
                            }
                        }
                    }
                    v
                }
                other => {
                    return Err(self.type_error(format!(
                        "{m} first arg must be str or a tuple of str, not {}",
                        type_name(other)
                    )))
                }
            };
            let r = prefixes.iter().any(|p| {
                if m == sym::startswith {
                    hay.starts_with(p.as_str())
                } else {
                    hay.ends_with(p.as_str())
                }
            });
            return Ok(Value::Bool(r));
        }
        if m == sym::find
            || m == sym::rfind
            || m == sym::index
            || m == sym::rindex
            || m == sym::count
        {
            self.expect_args("str", m, args, 1, 3)?;
            let Value::Str(sub) = &args[0] else {
                return Err(self.type_error(format!("must be str, not {}", type_name(&args[0]))));
            };
            let range = self.char_range(s, arg(args, 1), arg(args, 2))?;
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
                is_unicode_decimal
            } else if m == sym::isdigit {
                |c| is_unicode_decimal(c) || is_digit_only(c)
            } else {
                |c| c.is_numeric() || is_unicode_decimal(c) || is_digit_only(c) || is_cjk_numeral(c)
            };
            return Ok(Value::Bool(!text.is_empty() && text.chars().all(f)));
        }
        if m == sym::isalpha {
            return Ok(Value::Bool(!text.is_empty() && text.chars().all(char::is_alphabetic)));
        }
        if m == sym::isalnum {
            return Ok(Value::Bool(!text.is_empty() && text.chars().all(char::is_alphanumeric)));
        }
        if m == sym::isspace {
            return Ok(Value::Bool(!text.is_empty() && text.chars().all(pylib::text::py_isspace)));
        }
        if m == sym::isprintable {
            return Ok(Value::Bool(text.chars().all(pylib::text::is_printable)));
        }
        if m == sym::isupper || m == sym::islower {
            let want_upper = m == sym::isupper;
            let mut cased = false;
            for c in text.chars() {
                if c.is_uppercase() || c.is_lowercase() {
                    cased = true;
                    if c.is_uppercase() != want_upper {
                        return Ok(Value::Bool(false));
                    }
                }
            }
            return Ok(Value::Bool(cased));
        }
        if m == sym::istitle {
            let mut prev = false;
            let mut cased = false;
            for c in text.chars() {
                if c.is_uppercase() || is_titlecase(c) {
                    if prev {
                        return Ok(Value::Bool(false));
                    }
                    prev = true;
                    cased = true;
                } else if c.is_lowercase() {
                    if !prev {
                        return Ok(Value::Bool(false));
                    }
                    prev = true;
                    cased = true;
                } else {
                    prev = false;
                }
            }
            return Ok(Value::Bool(cased));
        }
        if m == sym::isidentifier {
            let mut cs = text.chars();
            let ok = match cs.next() {
                Some(c) => {
                    (c == '_' || c.is_alphabetic()) && cs.all(|c| c == '_' || c.is_alphanumeric())
                }
                None => false,
            };
            return Ok(Value::Bool(ok));
        }
        if m == sym::center || m == sym::ljust || m == sym::rjust {
            self.expect_args("str", m, args, 1, 2)?;
            let width = self.int_arg(&args[0])?;
            let fill = match arg(args, 1) {
                Some(Value::Str(f)) if f.nchars == 1 => f.s.chars().next().unwrap(),
                Some(Value::Str(_)) => {
                    return Err(
                        self.type_error("The fill character must be exactly one character long")
                    )
                }
                Some(other) => {
                    return Err(self.type_error(format!(
                        "{m}() argument 2 must be str, not {}",
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
            let width = self.int_arg(&args[0])?;
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
        if m == sym::splitlines {
            let keepends = match arg(args, 0) {
                Some(v) => self.truthy(host, v)?,
                None => false,
            };
            return Ok(Value::list(
                splitlines(text, keepends).into_iter().map(Value::str).collect(),
            ));
        }
        if m == sym::expandtabs {
            let tab = match arg(args, 0) {
                Some(v) => self.int_arg(v)?,
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
        if m == sym::removeprefix || m == sym::removesuffix {
            self.expect_args("str", m, args, 1, 1)?;
            let Value::Str(p) = &args[0] else {
                return Err(self.type_error(format!(
                    "{m}() argument must be str, not {}",
                    type_name(&args[0])
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

    // ---- list and tuple -------------------------------------------------------

    /// The first index in `start..end` of an item equal to `x` (`list.index`,
    /// `list.remove`, `in`), comparing as CPython does: identity first, then
    /// `==`. Items are read one at a time, so `__eq__` may mutate the list,
    /// and objects that only compare by identity (futures, most instances)
    /// are not compared otherwise.
    pub fn list_position(
        &mut self,
        host: &mut dyn Host,
        l: &Rc<List>,
        x: &Value,
        start: usize,
        end: usize,
    ) -> PyResult<Option<usize>> {
        let identity_only = |v: &Value| match v {
            Value::Instance(i) => i.class.lookup(sym::__eq__).is_none(),
            _ => false,
        };
        let x_plain = identity_only(x);
        let mut last_class: Option<(u64, bool)> = None;
        let mut i = start;
        loop {
            let item = {
                let items = l.0.borrow();
                if i >= items.len().min(end) {
                    return Ok(None);
                }
                if items[i].is(x) {
                    return Ok(Some(i));
                }
                items[i].clone()
            };
            let need_eq = if x_plain {
                match &item {
                    Value::Instance(it) => match last_class {
                        Some((id, has_eq)) if id == it.class.id => has_eq,
                        _ => {
                            let has_eq = it.class.lookup(sym::__eq__).is_some();
                            last_class = Some((it.class.id, has_eq));
                            has_eq
                        }
                    },
                    _ => false,
                }
            } else {
                true
            };
            if need_eq && self.eq(host, &item, x)? {
                return Ok(Some(i));
            }
            i += 1;
        }
    }

    /// The argument count and the `start`/`stop` of `list.index` /
    /// `tuple.index`, clamped to `0..=len` as CPython's `_PyEval_SliceIndex`.
    fn index_bounds(&mut self, args: &[Value], len: usize) -> PyResult<(usize, usize)> {
        if args.is_empty() {
            return Err(self.type_error("index expected at least 1 argument, got 0"));
        }
        if args.len() > 3 {
            return Err(
                self.type_error(format!("index expected at most 3 arguments, got {}", args.len()))
            );
        }
        let len = len as i64;
        let bound = |v: Option<&Value>, d: i64| -> PyResult<usize> {
            match v {
                None => Ok(d as usize),
                Some(v) => {
                    let i = match v {
                        Value::Int(_) | Value::Bool(_) => self.int_arg(v)?,
                        _ => {
                            return Err(self.type_error(
                                "slice indices must be integers or have an __index__ method",
                            ))
                        }
                    };
                    Ok(if i < 0 { (i + len).max(0) } else { i.min(len) } as usize)
                }
            }
        };
        Ok((bound(args.get(1), 0)?, bound(args.get(2), len)?))
    }

    fn seq_index_count(
        &mut self,
        host: &mut dyn Host,
        owner: &str,
        items: &[Value],
        name: Symbol,
        args: &[Value],
    ) -> PyResult<Value> {
        if name == sym::count {
            self.expect_args(owner, name, args, 1, 1)?;
            let mut n = 0;
            for x in items {
                if x.is(&args[0]) || self.eq(host, x, &args[0])? {
                    n += 1;
                }
            }
            return Ok(Value::Int(n));
        }
        if name == sym::index {
            let (a, b) = self.index_bounds(args, items.len())?;
            let (a, b) = (a as i64, b as i64);
            let mut i = a;
            while i < b {
                let x = &items[i as usize];
                if x.is(&args[0]) || self.eq(host, x, &args[0])? {
                    return Ok(Value::Int(i));
                }
                i += 1;
            }
            if owner == "list" {
                let r = self.repr(host, &args[0])?;
                return Err(self.value_error(format!("{r} is not in list")));
            }
            return Err(self.value_error("tuple.index(x): x not in tuple"));
        }
        Err(self.attribute_error(&Value::tuple(vec![]), name))
    }

    /// The `key` and `reverse` keywords of `list.sort` (and so of `sorted`), checked
    /// as its Argument Clinic parser does: the count, then unknown names (with a
    /// suggestion), then `reverse` converted to bool.
    pub(crate) fn sort_kwargs(
        &mut self,
        host: &mut dyn Host,
        kwargs: &Kwargs,
    ) -> PyResult<(Value, bool)> {
        if kwargs.len() > 2 {
            return Err(self.type_error(format!(
                "sort() takes at most 2 keyword arguments ({} given)",
                kwargs.len()
            )));
        }
        for (k, _) in kwargs {
            if *k != sym::key && *k != sym::reverse {
                let msg = k.with_str(|k| {
                    pylib::suggest::unexpected_keyword("sort", k, &["key", "reverse"])
                });
                return Err(self.type_error(msg));
            }
        }
        let key = kwarg(kwargs, sym::key).cloned().unwrap_or(Value::None);
        let reverse = match kwarg(kwargs, sym::reverse) {
            Some(v) => self.truthy(host, v)?,
            None => false,
        };
        Ok((key, reverse))
    }

    fn list_append(&mut self, l: &List, x: &Value) -> PyResult<Value> {
        let mut items = l.0.borrow_mut();
        items.push(x.clone());
        if items.len().is_multiple_of(256) {
            drop(items);
            self.alloc(256 * 16)?;
        }
        Ok(Value::None)
    }

    fn list_method(
        &mut self,
        host: &mut dyn Host,
        recv: &Value,
        l: &Rc<List>,
        name: Symbol,
        args: &[Value],
        kwargs: &Kwargs,
    ) -> PyResult<Value> {
        let m = name;
        if m == sym::sort {
            if !args.is_empty() {
                return Err(self.type_error("sort() takes no positional arguments"));
            }
            let (key, reverse) = self.sort_kwargs(host, kwargs)?;
            let items = std::mem::take(&mut *l.0.borrow_mut());
            let r = self.sort_values(host, items, &key, reverse);
            let modified = !l.0.borrow().is_empty();
            match r {
                Ok(sorted) => {
                    *l.0.borrow_mut() = sorted;
                    if modified {
                        return Err(self.value_error("list modified during sort"));
                    }
                    return Ok(Value::None);
                }
                Err((items, e)) => {
                    *l.0.borrow_mut() = items;
                    return Err(e);
                }
            }
        }
        self.no_kwargs("list", m, kwargs)?;
        if m == sym::append {
            self.expect_args("list", m, args, 1, 1)?;
            return self.list_append(l, &args[0]);
        }
        if m == sym::extend {
            self.expect_args("list", m, args, 1, 1)?;
            let items = self.iterate(host, &args[0])?;
            self.alloc(items.len() * 16)?;
            l.0.borrow_mut().extend(items);
            return Ok(Value::None);
        }
        if m == sym::insert {
            self.expect_args("list", m, args, 2, 2)?;
            let i = self.int_arg(&args[0])?;
            let mut items = l.0.borrow_mut();
            let n = items.len() as i64;
            let j = if i < 0 { (i + n).max(0) } else { i.min(n) };
            items.insert(j as usize, args[1].clone());
            return Ok(Value::None);
        }
        if m == sym::pop {
            self.expect_args("list", m, args, 0, 1)?;
            let mut items = l.0.borrow_mut();
            if items.is_empty() {
                drop(items);
                return Err(self.index_error("pop from empty list"));
            }
            let n = items.len() as i64;
            let i = match args.first() {
                Some(v) => {
                    let i = self.int_arg(v)?;
                    if i < 0 {
                        i + n
                    } else {
                        i
                    }
                }
                None => n - 1,
            };
            if i < 0 || i >= n {
                drop(items);
                return Err(self.index_error("pop index out of range"));
            }
            return Ok(items.remove(i as usize));
        }
        if m == sym::remove {
            self.expect_args("list", m, args, 1, 1)?;
            if let Some(i) = self.list_position(host, l, &args[0], 0, usize::MAX)? {
                let mut cur = l.0.borrow_mut();
                if i < cur.len() {
                    cur.remove(i);
                }
                return Ok(Value::None);
            }
            return Err(self.value_error("list.remove(x): x not in list"));
        }
        if m == sym::index {
            // Scanned in place (no copy of the list): `_Deque.remove` calls this
            // on the prelude's waiter lists, which hold thousands of futures.
            let len = l.0.borrow().len();
            let (a, b) = self.index_bounds(args, len)?;
            if let Some(i) = self.list_position(host, l, &args[0], a, b)? {
                return Ok(Value::Int(i as i64));
            }
            let r = self.repr(host, &args[0])?;
            return Err(self.value_error(format!("{r} is not in list")));
        }
        if m == sym::count {
            let items = l.0.borrow().clone();
            return self.seq_index_count(host, "list", &items, m, args);
        }
        if m == sym::reverse {
            self.expect_args("list", m, args, 0, 0)?;
            l.0.borrow_mut().reverse();
            return Ok(Value::None);
        }
        if m == sym::clear {
            self.expect_args("list", m, args, 0, 0)?;
            l.0.borrow_mut().clear();
            return Ok(Value::None);
        }
        if m == sym::copy {
            self.expect_args("list", m, args, 0, 0)?;
            return Ok(Value::list(l.0.borrow().clone()));
        }
        Err(self.attribute_error(recv, name))
    }

    /// `list.sort` on `items` (CPython's `list_sort_impl`): keys computed first,
    /// in order (a failing key function leaves the items as they were); then,
    /// for `reverse`, the items reversed, sorted stably and reversed back. The
    /// `<` comparisons are CPython's, in CPython's order
    /// ([`pylib::listsort`]). When a comparison fails, the items come back
    /// permuted as far as the sort got, as CPython leaves the list.
    pub fn sort_values(
        &mut self,
        host: &mut dyn Host,
        items: Vec<Value>,
        key: &Value,
        reverse: bool,
    ) -> Result<Vec<Value>, (Vec<Value>, PyErr)> {
        let n = items.len();
        let keys = if key.is_none() {
            None
        } else {
            let mut ks = Vec::with_capacity(n);
            for it in &items {
                match self.call(host, key, vec![it.clone()], vec![]) {
                    Ok(k) => ks.push(k),
                    Err(e) => return Err((items, e)),
                }
            }
            Some(ks)
        };
        if n < 2 {
            return Ok(items);
        }
        let keys: &[Value] = keys.as_deref().unwrap_or(&items);
        let mut perm: Vec<usize> = (0..n).collect();
        if reverse {
            perm.reverse();
        }
        // CPython's pre-sort check picks a comparison from the key types. Only
        // the observable cases matter here: ints and strs compare without side
        // effects (any stable sort gives the same result), floats need the exact
        // comparison order (NaN), and keys all of one class with a Python
        // `__lt__` get it called directly, falling back to the full `<` (which
        // calls it again) when it returns NotImplemented.
        let first = &keys[0];
        let same_class = match first {
            Value::Instance(c0) => keys
                .iter()
                .all(|k| matches!(k, Value::Instance(c) if Rc::ptr_eq(&c.class, &c0.class))),
            _ => false,
        };
        let mut result: PyResult<()> = Ok(());
        if keys.iter().all(|k| matches!(k, Value::Int(_) | Value::Bool(_))) {
            let iv = |v: &Value| match v {
                Value::Int(i) => *i,
                Value::Bool(b) => *b as i64,
                _ => 0,
            };
            perm.sort_by_key(|&i| iv(&keys[i]));
        } else if keys.iter().all(|k| matches!(k, Value::Str(_))) {
            fn sv(v: &Value) -> &str {
                if let Value::Str(s) = v {
                    s.s.as_str()
                } else {
                    ""
                }
            }
            perm.sort_by(|&a, &b| sv(&keys[a]).cmp(sv(&keys[b])));
        } else if keys.iter().all(|k| matches!(k, Value::Float(_))) {
            let fv = |v: &Value| if let Value::Float(f) = v { *f } else { 0.0 };
            let _ =
                pylib::listsort::sort::<()>(&mut perm, &mut |a, b| Ok(fv(&keys[a]) < fv(&keys[b])));
        } else {
            let direct_lt = match first {
                Value::Instance(i) if same_class => match i.class.lookup(sym::__lt__) {
                    Some(f @ Value::Function(_)) => Some(f),
                    _ => None,
                },
                _ => None,
            };
            result = pylib::listsort::sort(&mut perm, &mut |a, b| {
                let (x, y) = (&keys[a], &keys[b]);
                if let Some(f) = &direct_lt {
                    let r = self.call(host, f, vec![x.clone(), y.clone()], vec![])?;
                    if !matches!(r, Value::NotImplemented) {
                        return match r {
                            Value::Bool(b) => Ok(b),
                            other => self.truthy(host, &other),
                        };
                    }
                }
                self.less_than(host, x, y)
            });
        }
        if reverse {
            perm.reverse();
        }
        let mut slots: Vec<Option<Value>> = items.into_iter().map(Some).collect();
        let out: Vec<Value> =
            perm.into_iter().map(|i| slots[i].take().unwrap_or(Value::None)).collect();
        match result {
            Ok(()) => Ok(out),
            Err(e) => Err((out, e)),
        }
    }

    // ---- dict -------------------------------------------------------------------

    fn dict_method(
        &mut self,
        host: &mut dyn Host,
        recv: &Value,
        d: &Rc<Dict>,
        name: Symbol,
        args: &[Value],
        kwargs: &Kwargs,
    ) -> PyResult<Value> {
        let m = name;
        if m == sym::update {
            if args.len() > 1 {
                return Err(self.type_error(format!(
                    "update expected at most 1 argument, got {}",
                    args.len()
                )));
            }
            if let Some(a) = args.first() {
                self.dict_update_from(host, recv, a, false)?;
            }
            for (k, v) in kwargs {
                let key = Value::str(k.to_string());
                let h = self.hash(host, &key)?;
                d.0.borrow_mut().insert(h, key, v.clone());
            }
            return Ok(Value::None);
        }
        self.no_kwargs("dict", m, kwargs)?;
        if m == sym::get {
            self.expect_args("dict", m, args, 1, 2)?;
            let (h, k) = self.key_for(host, recv, &args[0])?;
            let v = d.0.borrow().get(h, &k).cloned();
            return Ok(v.unwrap_or_else(|| args.get(1).cloned().unwrap_or(Value::None)));
        }
        if m == sym::keys || m == sym::values || m == sym::items {
            self.expect_args("dict", m, args, 0, 0)?;
            let what = if m == sym::keys {
                DictIterWhat::Keys
            } else if m == sym::values {
                DictIterWhat::Values
            } else {
                DictIterWhat::Items
            };
            return Ok(Value::Iter(Rc::new(IterObj {
                kind: RefCell::new(IterKind::View { dict: d.clone(), what }),
            })));
        }
        if m == sym::setdefault {
            self.expect_args("dict", m, args, 1, 2)?;
            let (h, k) = self.key_for(host, recv, &args[0])?;
            let existing = d.0.borrow().get(h, &k).cloned();
            if let Some(v) = existing {
                return Ok(v);
            }
            let v = args.get(1).cloned().unwrap_or(Value::None);
            d.0.borrow_mut().insert(h, k, v.clone());
            return Ok(v);
        }
        if m == sym::pop {
            self.expect_args("dict", m, args, 1, 2)?;
            let (h, k) = self.key_for(host, recv, &args[0])?;
            let r = d.0.borrow_mut().remove(h, &k);
            return match r {
                Some((_, v)) => Ok(v),
                None => match args.get(1) {
                    Some(dflt) => Ok(dflt.clone()),
                    None => Err(self.key_error(args[0].clone())),
                },
            };
        }
        if m == sym::popitem {
            self.expect_args("dict", m, args, 0, 0)?;
            let r = d.0.borrow_mut().pop_last();
            return match r {
                Some((k, v)) => Ok(Value::tuple(vec![k, v])),
                None => Err(self.key_error(Value::str("popitem(): dictionary is empty"))),
            };
        }
        if m == sym::clear {
            d.0.borrow_mut().clear();
            return Ok(Value::None);
        }
        if m == sym::copy {
            return Ok(self.new_dict(d.0.borrow().clone()));
        }
        if m == sym::fromkeys {
            return self.dict_fromkeys(host, args);
        }
        Err(self.attribute_error(recv, name))
    }

    pub fn dict_fromkeys(&mut self, host: &mut dyn Host, args: &[Value]) -> PyResult<Value> {
        if args.is_empty() || args.len() > 2 {
            return Err(self
                .type_error(format!("fromkeys expected at least 1 argument, got {}", args.len())));
        }
        let v = args.get(1).cloned().unwrap_or(Value::None);
        let mut dd = DictData::new();
        for k in self.iterate(host, &args[0])? {
            let h = self.hash(host, &k)?;
            dd.insert(h, k, v.clone());
        }
        Ok(self.new_dict(dd))
    }

    // ---- set ----------------------------------------------------------------------

    fn set_method(
        &mut self,
        host: &mut dyn Host,
        recv: &Value,
        s: &Rc<Set>,
        name: Symbol,
        args: &[Value],
        kwargs: &Kwargs,
    ) -> PyResult<Value> {
        let m = name;
        self.no_kwargs("set", m, kwargs)?;
        if m == sym::add {
            self.expect_args("set", m, args, 1, 1)?;
            self.set_add(host, recv, args[0].clone())?;
            return Ok(Value::None);
        }
        if m == sym::discard || m == sym::remove {
            self.expect_args("set", m, args, 1, 1)?;
            let (h, k) = self.key_for(host, recv, &args[0])?;
            let removed = s.data.borrow_mut().remove(h, &k);
            if !removed && m == sym::remove {
                return Err(self.key_error(args[0].clone()));
            }
            return Ok(Value::None);
        }
        if m == sym::pop {
            self.expect_args("set", m, args, 0, 0)?;
            let r = s.data.borrow_mut().pop();
            return r.ok_or_else(|| self.key_error(Value::str("pop from an empty set")));
        }
        if m == sym::clear {
            s.data.borrow_mut().clear();
            return Ok(Value::None);
        }
        if m == sym::issubset || m == sym::issuperset || m == sym::isdisjoint {
            self.expect_args("set", m, args, 1, 1)?;
            let other = self.set_arg(host, &args[0])?;
            let (a, b) = (s.data.borrow(), other.data.borrow());
            let r = if m == sym::issubset {
                a.iter().all(|(h, k)| b.contains(h, k))
            } else if m == sym::issuperset {
                b.iter().all(|(h, k)| a.contains(h, k))
            } else {
                a.iter().all(|(h, k)| !b.contains(h, k))
            };
            return Ok(Value::Bool(r));
        }
        if let Some(r) = self.set_multi_method(host, s, m, args) {
            return r;
        }
        Err(self.attribute_error(recv, name))
    }

    fn set_arg(&mut self, host: &mut dyn Host, v: &Value) -> PyResult<Rc<Set>> {
        match v {
            Value::Set(s) => Ok(s.clone()),
            _ => {
                let items = self.iterate(host, v)?;
                match self.new_set(host, items, false)? {
                    Value::Set(s) => Ok(s),
                    _ => unreachable!(),
                }
            }
        }
    }

    // ---- numbers ------------------------------------------------------------------

    fn num_method(&mut self, recv: &Value, name: Symbol, args: &[Value]) -> PyResult<Value> {
        let m = name;
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
                let _ = args;
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

/// `a op b` for sets, building the result in CPython's order.
pub fn set_combine(
    vm: &mut Vm,
    host: &mut dyn Host,
    op: BinOp,
    a: &Rc<Set>,
    b: &Rc<Set>,
) -> PyResult<SetData> {
    let _ = (vm, host);
    let (x, y) = (a.data.borrow(), b.data.borrow());
    Ok(match op {
        BinOp::BitOr => x.union(&y),
        BinOp::BitAnd => x.intersection(&y),
        BinOp::Sub => x.difference(&y),
        _ => x.symmetric_difference(&y),
    })
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

fn title_case(c: char) -> String {
    // Titlecase is uppercase except for these (CPython 3.13's `str.title`
    // of each code point where it differs from `str.upper`).
    match TITLE_SPECIAL.binary_search_by_key(&(c as u32), |(k, _)| *k) {
        Ok(i) => TITLE_SPECIAL[i].1.into(),
        Err(_) => c.to_uppercase().collect(),
    }
}

/// Code points whose titlecase is not their uppercase, and their titlecase.
const TITLE_SPECIAL: &[(u32, &str)] = &[
    (0xdf, "Ss"),
    (0x1c4, "\u{1c5}"),
    (0x1c5, "\u{1c5}"),
    (0x1c6, "\u{1c5}"),
    (0x1c7, "\u{1c8}"),
    (0x1c8, "\u{1c8}"),
    (0x1c9, "\u{1c8}"),
    (0x1ca, "\u{1cb}"),
    (0x1cb, "\u{1cb}"),
    (0x1cc, "\u{1cb}"),
    (0x1f1, "\u{1f2}"),
    (0x1f2, "\u{1f2}"),
    (0x1f3, "\u{1f2}"),
    (0x587, "\u{535}\u{582}"),
    (0x10d0, "\u{10d0}"),
    (0x10d1, "\u{10d1}"),
    (0x10d2, "\u{10d2}"),
    (0x10d3, "\u{10d3}"),
    (0x10d4, "\u{10d4}"),
    (0x10d5, "\u{10d5}"),
    (0x10d6, "\u{10d6}"),
    (0x10d7, "\u{10d7}"),
    (0x10d8, "\u{10d8}"),
    (0x10d9, "\u{10d9}"),
    (0x10da, "\u{10da}"),
    (0x10db, "\u{10db}"),
    (0x10dc, "\u{10dc}"),
    (0x10dd, "\u{10dd}"),
    (0x10de, "\u{10de}"),
    (0x10df, "\u{10df}"),
    (0x10e0, "\u{10e0}"),
    (0x10e1, "\u{10e1}"),
    (0x10e2, "\u{10e2}"),
    (0x10e3, "\u{10e3}"),
    (0x10e4, "\u{10e4}"),
    (0x10e5, "\u{10e5}"),
    (0x10e6, "\u{10e6}"),
    (0x10e7, "\u{10e7}"),
    (0x10e8, "\u{10e8}"),
    (0x10e9, "\u{10e9}"),
    (0x10ea, "\u{10ea}"),
    (0x10eb, "\u{10eb}"),
    (0x10ec, "\u{10ec}"),
    (0x10ed, "\u{10ed}"),
    (0x10ee, "\u{10ee}"),
    (0x10ef, "\u{10ef}"),
    (0x10f0, "\u{10f0}"),
    (0x10f1, "\u{10f1}"),
    (0x10f2, "\u{10f2}"),
    (0x10f3, "\u{10f3}"),
    (0x10f4, "\u{10f4}"),
    (0x10f5, "\u{10f5}"),
    (0x10f6, "\u{10f6}"),
    (0x10f7, "\u{10f7}"),
    (0x10f8, "\u{10f8}"),
    (0x10f9, "\u{10f9}"),
    (0x10fa, "\u{10fa}"),
    (0x10fd, "\u{10fd}"),
    (0x10fe, "\u{10fe}"),
    (0x10ff, "\u{10ff}"),
    (0x1f80, "\u{1f88}"),
    (0x1f81, "\u{1f89}"),
    (0x1f82, "\u{1f8a}"),
    (0x1f83, "\u{1f8b}"),
    (0x1f84, "\u{1f8c}"),
    (0x1f85, "\u{1f8d}"),
    (0x1f86, "\u{1f8e}"),
    (0x1f87, "\u{1f8f}"),
    (0x1f88, "\u{1f88}"),
    (0x1f89, "\u{1f89}"),
    (0x1f8a, "\u{1f8a}"),
    (0x1f8b, "\u{1f8b}"),
    (0x1f8c, "\u{1f8c}"),
    (0x1f8d, "\u{1f8d}"),
    (0x1f8e, "\u{1f8e}"),
    (0x1f8f, "\u{1f8f}"),
    (0x1f90, "\u{1f98}"),
    (0x1f91, "\u{1f99}"),
    (0x1f92, "\u{1f9a}"),
    (0x1f93, "\u{1f9b}"),
    (0x1f94, "\u{1f9c}"),
    (0x1f95, "\u{1f9d}"),
    (0x1f96, "\u{1f9e}"),
    (0x1f97, "\u{1f9f}"),
    (0x1f98, "\u{1f98}"),
    (0x1f99, "\u{1f99}"),
    (0x1f9a, "\u{1f9a}"),
    (0x1f9b, "\u{1f9b}"),
    (0x1f9c, "\u{1f9c}"),
    (0x1f9d, "\u{1f9d}"),
    (0x1f9e, "\u{1f9e}"),
    (0x1f9f, "\u{1f9f}"),
    (0x1fa0, "\u{1fa8}"),
    (0x1fa1, "\u{1fa9}"),
    (0x1fa2, "\u{1faa}"),
    (0x1fa3, "\u{1fab}"),
    (0x1fa4, "\u{1fac}"),
    (0x1fa5, "\u{1fad}"),
    (0x1fa6, "\u{1fae}"),
    (0x1fa7, "\u{1faf}"),
    (0x1fa8, "\u{1fa8}"),
    (0x1fa9, "\u{1fa9}"),
    (0x1faa, "\u{1faa}"),
    (0x1fab, "\u{1fab}"),
    (0x1fac, "\u{1fac}"),
    (0x1fad, "\u{1fad}"),
    (0x1fae, "\u{1fae}"),
    (0x1faf, "\u{1faf}"),
    (0x1fb2, "\u{1fba}\u{345}"),
    (0x1fb3, "\u{1fbc}"),
    (0x1fb4, "\u{386}\u{345}"),
    (0x1fb7, "\u{391}\u{342}\u{345}"),
    (0x1fbc, "\u{1fbc}"),
    (0x1fc2, "\u{1fca}\u{345}"),
    (0x1fc3, "\u{1fcc}"),
    (0x1fc4, "\u{389}\u{345}"),
    (0x1fc7, "\u{397}\u{342}\u{345}"),
    (0x1fcc, "\u{1fcc}"),
    (0x1ff2, "\u{1ffa}\u{345}"),
    (0x1ff3, "\u{1ffc}"),
    (0x1ff4, "\u{38f}\u{345}"),
    (0x1ff7, "\u{3a9}\u{342}\u{345}"),
    (0x1ffc, "\u{1ffc}"),
    (0xfb00, "Ff"),
    (0xfb01, "Fi"),
    (0xfb02, "Fl"),
    (0xfb03, "Ffi"),
    (0xfb04, "Ffl"),
    (0xfb05, "St"),
    (0xfb06, "St"),
    (0xfb13, "\u{544}\u{576}"),
    (0xfb14, "\u{544}\u{565}"),
    (0xfb15, "\u{544}\u{56b}"),
    (0xfb16, "\u{54e}\u{576}"),
    (0xfb17, "\u{544}\u{56d}"),
];

/// Unicode category Lt (the titlecase digraphs and Greek letters with
/// prosgegrammeni): with Lowercase and Uppercase, what Python calls cased.
fn is_titlecase(c: char) -> bool {
    matches!(c as u32, 0x1c5 | 0x1c8 | 0x1cb | 0x1f2 | 0x1f88..=0x1f8f | 0x1f98..=0x1f9f | 0x1fa8..=0x1faf | 0x1fbc | 0x1fcc | 0x1ffc)
}

/// `str.isdecimal` (Unicode category Nd).
fn is_unicode_decimal(c: char) -> bool {
    pylib::text::decimal_value(c).is_some()
}

/// Digits that are not decimal (`'²'.isdigit()` but not `isdecimal()`):
/// superscripts, subscripts, circled and parenthesized digits.
fn is_digit_only(c: char) -> bool {
    matches!(c as u32, 0xb2 | 0xb3 | 0xb9 | 0x2070 | 0x2074..=0x2079 | 0x2080..=0x2089 | 0x2460..=0x2468 | 0x2474..=0x247c | 0x2488..=0x2490 | 0x24ea | 0x24f5..=0x24fd | 0x24ff | 0x2776..=0x277e | 0x2780..=0x2788 | 0x278a..=0x2792 | 0x1f100..=0x1f10a)
}

/// CJK characters with a numeric value (`'三'.isnumeric()` is true in Python).
fn is_cjk_numeral(c: char) -> bool {
    matches!(
        c,
        '〇' | '零'
            | '一'
            | '二'
            | '三'
            | '四'
            | '五'
            | '六'
            | '七'
            | '八'
            | '九'
            | '十'
            | '百'
            | '千'
            | '万'
            | '亿'
            | '兆'
            | '壹'
            | '贰'
            | '叁'
            | '肆'
            | '伍'
            | '陆'
            | '柒'
            | '捌'
            | '玖'
            | '拾'
            | '佰'
            | '仟'
            | '萬'
            | '億'
            | '兩'
            | '两'
            | '廿'
            | '卅'
    )
}

fn replace_empty(text: &str, new: &str, count: usize) -> String {
    let mut out = String::new();
    let mut n = 0;
    for c in text.chars() {
        if n < count {
            out.push_str(new);
            n += 1;
        }
        out.push(c);
    }
    if n < count {
        out.push_str(new);
    }
    out
}

fn split_sep(text: &str, sep: &str, maxsplit: i64, from_right: bool) -> Vec<String> {
    if maxsplit < 0 {
        return text.split(sep).map(str::to_string).collect();
    }
    if from_right {
        let mut v: Vec<String> =
            text.rsplitn(maxsplit as usize + 1, sep).map(str::to_string).collect();
        v.reverse();
        v
    } else {
        text.splitn(maxsplit as usize + 1, sep).map(str::to_string).collect()
    }
}

fn split_whitespace(text: &str, maxsplit: i64, from_right: bool) -> Vec<String> {
    let ws = pylib::text::py_isspace;
    let mut out = Vec::new();
    if !from_right {
        let mut rest = text.trim_start_matches(ws);
        while !rest.is_empty() {
            if maxsplit >= 0 && out.len() as i64 == maxsplit {
                out.push(rest.to_string());
                break;
            }
            let end = rest.find(ws).unwrap_or(rest.len());
            out.push(rest[..end].to_string());
            rest = rest[end..].trim_start_matches(ws);
        }
    } else {
        let mut rest = text.trim_end_matches(ws);
        while !rest.is_empty() {
            if maxsplit >= 0 && out.len() as i64 == maxsplit {
                out.push(rest.to_string());
                break;
            }
            let start = rest
                .rfind(ws)
                .map(|i| i + rest[i..].chars().next().unwrap().len_utf8())
                .unwrap_or(0);
            out.push(rest[start..].to_string());
            rest = rest[..start].trim_end_matches(ws);
        }
        out.reverse();
    }
    out
}

fn splitlines(text: &str, keepends: bool) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let is_break = matches!(
            c,
            '\n' | '\r'
                | '\x0b'
                | '\x0c'
                | '\x1c'
                | '\x1d'
                | '\x1e'
                | '\u{85}'
                | '\u{2028}'
                | '\u{2029}'
        );
        if is_break {
            if keepends {
                cur.push(c);
            }
            if c == '\r' && chars.peek() == Some(&'\n') {
                chars.next();
                if keepends {
                    cur.push('\n');
                }
            }
            out.push(std::mem::take(&mut cur));
        } else {
            cur.push(c);
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}
