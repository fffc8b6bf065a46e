//! Methods of the builtin types (`str`, `list`, `tuple`, `range`, `dict`, `set`,
//! `frozenset`, `int`, `float`) and the data attributes of builtin values and
//! exceptions: which names each type has, and the dispatch of a call
//! `value.name(...)` to the type's file.
//!
//! One file a type: `str`, `list` (with `tuple` and `range`, whose only
//! methods are `index` and `count`), `dict`, `set` (with the set
//! operators' results), `num`, and `exc` for the attributes every
//! exception has. Each checks its arguments with CPython's messages and does
//! the work; text rules that know nothing of values (case mapping, splitting)
//! are `pylib`'s (`pylib::unicode`, `pylib::str_ops`).
//!
//! Not here: the special methods of builtin values reached by attribute
//! lookup (`(5).__add__`, in `object`), the set methods that take iterables
//! (`union`, `update`, ..., in `setops`), the builtin functions and type
//! constructors (`builtins`), and the operators, which never call a method by
//! name (`ops`).

mod dict;
mod exc;
mod list;
mod num;
mod set;
mod str;

pub(crate) use exc::{exception_attr, set_exception_attr};
pub(crate) use set::set_combine;

use super::args;
use super::intern::{sym, Symbol};
use super::types::type_name;
use super::value::*;
use super::{Host, PyResult, Vm};

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

/// A wrong argument's type as Argument Clinic's `_PyArg_BadArgument` names
/// it (`argument 1 must be str, not None`): `None` itself, else the type.
pub(crate) fn bad_argument_type(v: &Value) -> std::rc::Rc<str> {
    match v {
        Value::None => "None".into(),
        other => type_name(other),
    }
}

/// Does this builtin value have a method of that name? Inline: the method
/// load of `xs.append(x)` asks it in the dispatch loop (out of line, it cost
/// bench/cpu.py 2 % more instructions).
#[inline(always)]
pub(crate) fn has_method(v: &Value, name: Symbol) -> bool {
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
pub(crate) fn data_attr(_vm: &mut Vm, v: &Value, name: Symbol) -> Option<Value> {
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

impl Vm {
    /// The positional-argument count of method `owner.name`: with `min ==
    /// max`, worded as `METH_NOARGS` / `METH_O` methods are (`list.append()
    /// takes exactly one argument (0 given)`), else as
    /// `_PyArg_CheckPositional` (`pop expected at most 1 argument, got 2`).
    pub(crate) fn expect_args(
        &self,
        owner: &str,
        name: Symbol,
        args: &[Value],
        min: usize,
        max: usize,
    ) -> PyResult<()> {
        if (min..=max).contains(&args.len()) {
            return Ok(());
        }
        if min != max {
            return args::count(self, &name.to_string(), args, min, max);
        }
        let msg = if min == 0 {
            format!("{owner}.{name}() takes no arguments ({} given)", args.len())
        } else if min == 1 {
            format!("{owner}.{name}() takes exactly one argument ({} given)", args.len())
        } else {
            format!("{owner}.{name}() takes exactly {min} arguments ({} given)", args.len())
        };
        Err(self.type_error(msg))
    }

    /// A `METH_NOARGS` method `owner.name()`: CPython refuses keyword
    /// arguments first (`dict.clear() takes no keyword arguments`), then
    /// positional ones (`dict.clear() takes no arguments (1 given)`).
    fn no_args_method(
        &self,
        owner: &str,
        name: Symbol,
        args: &[Value],
        kwargs: &Kwargs,
    ) -> PyResult<()> {
        if args.is_empty() && kwargs.is_empty() {
            return Ok(());
        }
        args::no_args(self, &format!("{owner}.{name}"), args, kwargs)
    }

    fn no_kwargs(&self, owner: &str, name: Symbol, kwargs: &Kwargs) -> PyResult<()> {
        if !kwargs.is_empty() {
            return Err(self.type_error(format!("{owner}.{name}() takes no keyword arguments")));
        }
        Ok(())
    }

    /// Call method `name` of a builtin value.
    #[inline]
    pub(crate) fn call_method_name(
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
            Value::Int(_) | Value::Bool(_) | Value::Float(_) => {
                self.num_method(recv, name, args, kwargs)
            }
            Value::Range(r) => self.range_method(host, r, name, args, kwargs),
            _ => Err(self.attribute_error(recv, name)),
        }
    }
}
