//! Calling a builtin type: `int(x, base)`, `float`, `str`, `bool`, `list`,
//! `tuple`, `set`, `frozenset`, `dict`, `range`, `slice`, `type(x)`, with
//! CPython's conversions and messages; and the `dict.fromkeys` classmethod.
//!
//! Not here: `property`, `staticmethod`, `classmethod` and `super`
//! (`descr`), user classes (`call`), number parsing and conversion rules
//! (`pylib::int_ops`), and the tables (`vm::dict`, `vm::set`).

use super::builtin;
use crate::pylib;
use crate::vm::args::{count, index, only_keywords, Params};
use crate::vm::dict::DictData;
use crate::vm::intern::{sym, Symbol};
use crate::vm::types::type_name;
use crate::vm::value::*;
use crate::vm::{Host, PyResult, Vm};
use std::cell::RefCell;
use std::rc::Rc;

impl Vm {
    /// `int(...)`, `str(...)`, ...: calling a builtin class.
    pub(crate) fn construct_builtin(
        &mut self,
        host: &mut dyn Host,
        c: &Rc<Class>,
        args: Vec<Value>,
        kwargs: Vec<(Symbol, Value)>,
    ) -> PyResult<Value> {
        let name = c.name.to_string();
        match c.tag {
            TypeTag::Int => {
                // Positional arguments only go through int's vectorcall (`int
                // expected at most 2 arguments, got 3`); keywords, through its
                // Argument Clinic parser (`int() takes at most 2 arguments`).
                let (x, base) = if kwargs.is_empty() {
                    count(self, "int", &args, 0, 2)?;
                    (args.first(), args.get(1))
                } else {
                    let [x, base] = Params::clinic("int", ["x", "base"], 0)
                        .posonly(1)
                        .bind(self, &args, &kwargs)?;
                    (x, base)
                };
                // `long_new_impl`'s order: a base without x, then the base's
                // value (any integer, a bool too), then x's type.
                let Some(x) = x else {
                    if base.is_some() {
                        return Err(self.type_error("int() missing string argument"));
                    }
                    return Ok(Value::Int(0));
                };
                if let Some(b) = base {
                    let b = index(self, b)?;
                    if (b != 0 && b < 2) || b > 36 {
                        return Err(self.value_error("int() base must be >= 2 and <= 36, or 0"));
                    }
                    return match x {
                        Value::Str(s) => pylib::int_ops::parse_int(&s.s, b)
                            .map(Value::Int)
                            .map_err(|e| self.arith_error(e)),
                        _ => {
                            Err(self
                                .type_error("int() can't convert non-string with explicit base"))
                        }
                    };
                }
                match x {
                    Value::Int(i) => Ok(Value::Int(*i)),
                    Value::Bool(b) => Ok(Value::Int(*b as i64)),
                    Value::Float(f) => pylib::int_ops::float_to_int(*f).map(Value::Int).map_err(|e| self.arith_error(e)),
                    Value::Str(s) => pylib::int_ops::parse_int(&s.s, 10).map(Value::Int).map_err(|e| self.arith_error(e)),
                    Value::Instance(i) => {
                        for n in ["__int__", "__index__", "__trunc__"] {
                            if let Some(f) = i.class.lookup(Symbol::new(n)) {
                                return self.call(host, &f, vec![x.clone()], vec![]);
                            }
                        }
                        Err(self.type_error(format!(
                            "int() argument must be a string, a bytes-like object or a real number, not '{}'",
                            type_name(x)
                        )))
                    }
                    other => Err(self.type_error(format!(
                        "int() argument must be a string, a bytes-like object or a real number, not '{}'",
                        type_name(other)
                    ))),
                }
            }
            TypeTag::Float => {
                only_keywords(self, "float", &kwargs, &[])?;
                count(self, "float", &args, 0, 1)?;
                match args.first() {
                    None => Ok(Value::Float(0.0)),
                    Some(Value::Float(f)) => Ok(Value::Float(*f)),
                    Some(Value::Int(i)) => Ok(Value::Float(*i as f64)),
                    Some(Value::Bool(b)) => Ok(Value::Float(*b as i64 as f64)),
                    Some(Value::Str(s)) => pylib::int_ops::parse_float(&s.s)
                        .map(Value::Float)
                        .map_err(|e| self.pylib_error(e)),
                    Some(x @ Value::Instance(i)) => {
                        match i.class.lookup(Symbol::new("__float__")) {
                            Some(f) => self.call(host, &f, vec![x.clone()], vec![]),
                            None => Err(self.type_error(format!(
                                "float() argument must be a string or a real number, not '{}'",
                                type_name(x)
                            ))),
                        }
                    }
                    Some(other) => Err(self.type_error(format!(
                        "float() argument must be a string or a real number, not '{}'",
                        type_name(other)
                    ))),
                }
            }
            TypeTag::Str => {
                // Positional arguments only: `unicode_vectorcall` (`str()
                // argument 'encoding' must be str, not NoneType`); keywords:
                // its Argument Clinic parser (`... not None`). Then
                // `unicode_new_impl`: an encoding or errors means decoding,
                // which the VM, without bytes, never does.
                let (x, encoding, errors) = if kwargs.is_empty() {
                    count(self, "str", &args, 0, 3)?;
                    for (v, what) in args.iter().skip(1).zip(["encoding", "errors"]) {
                        if !matches!(v, Value::Str(_)) {
                            return Err(self.type_error(format!(
                                "str() argument '{what}' must be str, not {}",
                                type_name(v)
                            )));
                        }
                    }
                    (args.first(), args.get(1), args.get(2))
                } else {
                    let [x, encoding, errors] =
                        Params::clinic("str", ["object", "encoding", "errors"], 0)
                            .bind(self, &args, &kwargs)?;
                    for (v, what) in [(encoding, "encoding"), (errors, "errors")] {
                        if let Some(v) = v.filter(|v| !matches!(v, Value::Str(_))) {
                            return Err(self.type_error(format!(
                                "str() argument '{what}' must be str, not {}",
                                crate::vm::methods::bad_argument_type(v)
                            )));
                        }
                    }
                    (x, encoding, errors)
                };
                match x {
                    None => Ok(Value::str("")),
                    Some(v) if encoding.is_none() && errors.is_none() => {
                        Ok(Value::str(self.str(host, v)?))
                    }
                    Some(Value::Str(_)) => Err(self.type_error("decoding str is not supported")),
                    Some(v) => Err(self.type_error(format!(
                        "decoding to str: need a bytes-like object, {} found",
                        type_name(v)
                    ))),
                }
            }
            TypeTag::Bool => {
                only_keywords(self, "bool", &kwargs, &[])?;
                count(self, "bool", &args, 0, 1)?;
                match args.first() {
                    None => Ok(Value::Bool(false)),
                    Some(v) => Ok(Value::Bool(self.truthy(host, v)?)),
                }
            }
            TypeTag::List => {
                only_keywords(self, "list", &kwargs, &[])?;
                count(self, "list", &args, 0, 1)?;
                match args.first() {
                    None => Ok(Value::list(vec![])),
                    Some(v) => Ok(Value::list(self.iterate(host, v)?)),
                }
            }
            TypeTag::Tuple => {
                only_keywords(self, "tuple", &kwargs, &[])?;
                count(self, "tuple", &args, 0, 1)?;
                match args.first() {
                    None => Ok(Value::tuple(vec![])),
                    Some(Value::Tuple(_)) => Ok(args[0].clone()),
                    Some(v) => Ok(Value::tuple(self.iterate(host, v)?)),
                }
            }
            TypeTag::Set | TypeTag::FrozenSet => {
                only_keywords(self, &name, &kwargs, &[])?;
                count(self, &name, &args, 0, 1)?;
                self.new_set_from(host, args.first(), c.tag == TypeTag::FrozenSet)
            }
            TypeTag::Dict => {
                count(self, "dict", &args, 0, 1)?;
                let d = self.new_dict(DictData::new());
                if let Some(a) = args.first() {
                    self.dict_update_from(host, &d, a, false)?;
                }
                if let Value::Dict(dd) = &d {
                    for (k, v) in kwargs {
                        let key = Value::str(k.to_string());
                        let h = self.hash(host, &key)?;
                        dd.0.borrow_mut().insert(h, key, v);
                    }
                }
                Ok(d)
            }
            TypeTag::Range => {
                only_keywords(self, "range", &kwargs, &[])?;
                count(self, "range", &args, 1, 3)?;
                let ints: Vec<i64> =
                    args.iter().map(|a| index(self, a)).collect::<PyResult<_>>()?;
                let (start, stop, step) = match ints[..] {
                    [stop] => (0, stop, 1),
                    [start, stop] => (start, stop, 1),
                    [start, stop, step] => (start, stop, step),
                    _ => unreachable!("range's argument count is checked above"),
                };
                if step == 0 {
                    return Err(self.value_error("range() arg 3 must not be zero"));
                }
                Ok(Value::Range(Rc::new(RangeObj { start, stop, step })))
            }
            TypeTag::Slice => {
                only_keywords(self, "slice", &kwargs, &[])?;
                count(self, "slice", &args, 1, 3)?;
                let a = |i: usize| args.get(i).cloned().unwrap_or(Value::None);
                let (start, stop, step) = match args.len() {
                    1 => (Value::None, a(0), Value::None),
                    2 => (a(0), a(1), Value::None),
                    _ => (a(0), a(1), a(2)),
                };
                Ok(Value::Slice(Rc::new(SliceObj { start, stop, step })))
            }
            TypeTag::Type => match args.len() {
                // `type_vectorcall`, then `type_call`'s special case.
                1 => {
                    only_keywords(self, "type", &kwargs, &[])?;
                    Ok(Value::Class(self.class_of(&args[0])))
                }
                3 => Err(self.type_error("unsupported: type() with three arguments")),
                _ => Err(self.type_error("type() takes 1 or 3 arguments")),
            },
            TypeTag::Property | TypeTag::StaticMethod | TypeTag::ClassMethod => {
                self.new_descriptor(c, &args, &kwargs)
            }
            TypeTag::Super => self.new_super(&args, &kwargs),
            _ => Err(self.type_error(format!("cannot create '{}' instances", c.name))),
        }
    }
}

/// `dict.fromkeys`, a classmethod on the `dict` class.
pub(super) fn dict_classmethods(vm: &mut Vm) {
    let d = vm.types.dict.clone();
    let f = builtin("fromkeys", |vm, h, args, kw| {
        only_keywords(vm, "dict.fromkeys", kw, &[])?;
        vm.dict_fromkeys(h, args)
    });
    let cm = Value::Instance(Rc::new(Instance {
        class: vm.types.classmethod.clone(),
        attrs: Default::default(),
        payload: RefCell::new(Payload::StaticMethod(f)),
        id: next_id(),
    }));
    d.set_attr(sym::fromkeys, cm);
}
