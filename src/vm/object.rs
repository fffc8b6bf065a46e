//! The methods every object inherits from `object` (and every exception from
//! `BaseException`) when Python code reaches them by name: `super().__init__()`
//! in a class without bases, `object.__setattr__(self, ...)` in a `__setattr__`
//! override, `super().__str__()` in an exception, `p.__eq__(q)`; and the
//! special methods of builtin values (`(5).__add__(3)`, `"ab".__len__()`).
//!
//! These are not entries of `object`'s class dict: the operators and builtins
//! ask a class for a method of its own (`Class::lookup`) and fall back to the
//! default behaviour directly, which is what these methods do too. They are
//! found only by attribute lookup ([`Vm::inherited_method`]), after the class
//! and its bases.

use super::code::BinOp;
use super::intern::{sym, Symbol};
use super::types::type_name;
use super::value::*;
use super::{Host, PyResult, Vm};
use std::rc::Rc;

fn native(owner: &str, name: &str, f: NativeFn) -> (Symbol, Value) {
    let b = Builtin {
        name: name.into(),
        qualname: format!("{owner}.{name}").into(),
        kind: BuiltinKind::Native(f),
        id: next_id(),
    };
    (Symbol::new(name), Value::Builtin(Rc::new(b)))
}

/// `object`'s methods, then `BaseException`'s.
pub(crate) fn methods() -> (AttrMap, AttrMap) {
    let object = AttrMap(vec![
        native("object", "__init__", object_init),
        native("object", "__new__", object_new),
        native("object", "__setattr__", object_setattr),
        native("object", "__delattr__", object_delattr),
        native("object", "__repr__", object_repr),
        native("object", "__str__", object_str),
        native("object", "__eq__", object_eq),
        native("object", "__ne__", object_ne),
        native("object", "__lt__", not_implemented),
        native("object", "__le__", not_implemented),
        native("object", "__gt__", not_implemented),
        native("object", "__ge__", not_implemented),
        native("object", "__hash__", object_hash),
        native("object", "__format__", object_format),
    ]);
    let exception = AttrMap(vec![
        native("BaseException", "__str__", exception_str),
        native("BaseException", "__repr__", exception_repr),
    ]);
    (object, exception)
}

/// The receiver of an inherited method called through its class
/// (`object.__init__()` with nothing to initialize).
fn receiver<'a>(vm: &Vm, args: &'a [Value], name: &str, owner: &str) -> PyResult<&'a Value> {
    args.first().ok_or_else(|| {
        vm.type_error(format!("descriptor '{name}' of '{owner}' object needs an argument"))
    })
}

/// Wrapper arity checks, with CPython's slot-wrapper messages.
fn arity(vm: &Vm, args: &[Value], kwargs: &Kwargs, n: usize, qual: &str) -> PyResult<()> {
    if !kwargs.is_empty() {
        return Err(vm.type_error(format!("{qual}() takes no keyword arguments")));
    }
    if args.len() != n {
        let given = args.len().saturating_sub(1);
        return Err(vm.type_error(match n - 1 {
            0 => format!("{qual}() takes no arguments ({given} given)"),
            1 => format!("expected 1 argument, got {given}"),
            k => format!("expected {k} arguments, got {given}"),
        }));
    }
    Ok(())
}

/// `object.__init__`: accepts no arguments beyond the instance (CPython's
/// `object_init` names `object` when the class has an `__init__` of its own,
/// the class otherwise).
fn object_init(vm: &mut Vm, _h: &mut dyn Host, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let me = receiver(vm, args, "__init__", "object")?;
    if args.len() > 1 || !kwargs.is_empty() {
        let cls = vm.class_of(me);
        let who = if cls.lookup(sym::__init__).is_some() {
            "object".to_string()
        } else {
            cls.name.to_string()
        };
        return Err(vm.type_error(format!(
            "{who}.__init__() takes exactly one argument (the instance to initialize)"
        )));
    }
    Ok(Value::None)
}

/// `object.__new__(cls)`: a bare instance of a Python class.
fn object_new(vm: &mut Vm, _h: &mut dyn Host, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let Some(first) = args.first() else {
        return Err(vm.type_error("object.__new__(): not enough arguments"));
    };
    let Value::Class(c) = first else {
        return Err(vm.type_error(format!(
            "object.__new__(X): X is not a type object ({})",
            type_name(first)
        )));
    };
    if !matches!(c.tag, TypeTag::User | TypeTag::Object | TypeTag::Exception) {
        return Err(vm.type_error(format!(
            "object.__new__({}) is not safe, use {}.__new__()",
            c.name, c.name
        )));
    }
    if (args.len() > 1 || !kwargs.is_empty()) && c.lookup(sym::__init__).is_none() {
        return Err(vm.type_error(format!("{}() takes no arguments", c.name)));
    }
    Ok(super::call::new_instance(c, &[]))
}

fn attr_name(vm: &Vm, v: &Value) -> PyResult<Symbol> {
    match v {
        Value::Str(s) => Ok(Symbol::new(&s.s)),
        other => {
            Err(vm.type_error(format!("attribute name must be string, not '{}'", type_name(other))))
        }
    }
}

/// `object.__setattr__`: the generic attribute store, past any `__setattr__` override.
fn object_setattr(
    vm: &mut Vm,
    h: &mut dyn Host,
    args: &[Value],
    kwargs: &Kwargs,
) -> PyResult<Value> {
    receiver(vm, args, "__setattr__", "object")?;
    arity(vm, args, kwargs, 3, "__setattr__")?;
    let name = attr_name(vm, &args[1])?;
    vm.generic_setattr(h, &args[0], name, args[2].clone())?;
    Ok(Value::None)
}

fn object_delattr(
    vm: &mut Vm,
    h: &mut dyn Host,
    args: &[Value],
    kwargs: &Kwargs,
) -> PyResult<Value> {
    receiver(vm, args, "__delattr__", "object")?;
    arity(vm, args, kwargs, 2, "__delattr__")?;
    let name = attr_name(vm, &args[1])?;
    vm.delattr(h, &args[0], name)?;
    Ok(Value::None)
}

/// `object.__repr__`: `<module.Class object at 0x...>` (for a builtin value, its own repr).
fn object_repr(vm: &mut Vm, h: &mut dyn Host, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    receiver(vm, args, "__repr__", "object")?;
    arity(vm, args, kwargs, 1, "__repr__")?;
    let s = match &args[0] {
        Value::Instance(i) => vm.default_repr(h, &args[0], i, false)?,
        other => vm.repr(h, other)?,
    };
    Ok(Value::str(s))
}

/// `object.__str__`: the type's `repr` (a `__repr__` override included).
fn object_str(vm: &mut Vm, h: &mut dyn Host, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    receiver(vm, args, "__str__", "object")?;
    arity(vm, args, kwargs, 1, "__str__")?;
    Ok(Value::str(vm.repr(h, &args[0])?))
}

/// `object.__eq__`: identity, else `NotImplemented`.
fn object_eq(vm: &mut Vm, _h: &mut dyn Host, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    receiver(vm, args, "__eq__", "object")?;
    arity(vm, args, kwargs, 2, "__eq__")?;
    Ok(if args[0].is(&args[1]) { Value::Bool(true) } else { Value::NotImplemented })
}

/// `object.__ne__`: the type's `__eq__`, inverted unless `NotImplemented`.
fn object_ne(vm: &mut Vm, h: &mut dyn Host, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    receiver(vm, args, "__ne__", "object")?;
    arity(vm, args, kwargs, 2, "__ne__")?;
    let eq = match &args[0] {
        Value::Instance(i) => match i.class.lookup(sym::__eq__) {
            Some(f) => vm.call(h, &f, vec![args[0].clone(), args[1].clone()], vec![])?,
            None => object_eq(vm, h, args, kwargs)?,
        },
        other => vm.value_dunder(h, other, sym::__eq__, &args[1..])?,
    };
    Ok(match eq {
        Value::NotImplemented => Value::NotImplemented,
        r => Value::Bool(!vm.truthy(h, &r)?),
    })
}

fn not_implemented(
    vm: &mut Vm,
    _h: &mut dyn Host,
    args: &[Value],
    kwargs: &Kwargs,
) -> PyResult<Value> {
    receiver(vm, args, "__lt__", "object")?;
    arity(vm, args, kwargs, 2, "__lt__")?;
    Ok(Value::NotImplemented)
}

/// `object.__hash__`: by identity.
fn object_hash(vm: &mut Vm, _h: &mut dyn Host, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    receiver(vm, args, "__hash__", "object")?;
    arity(vm, args, kwargs, 1, "__hash__")?;
    Ok(Value::Int((args[0].identity() >> 4) as i64))
}

/// `object.__format__`: `str(self)` for an empty spec, an error otherwise.
fn object_format(
    vm: &mut Vm,
    h: &mut dyn Host,
    args: &[Value],
    kwargs: &Kwargs,
) -> PyResult<Value> {
    receiver(vm, args, "__format__", "object")?;
    arity(vm, args, kwargs, 2, "__format__")?;
    match &args[1] {
        Value::Str(s) if s.s.is_empty() => Ok(Value::str(vm.str(h, &args[0])?)),
        Value::Str(_) => {
            let cls = vm.class_of(&args[0]);
            Err(vm
                .type_error(format!("unsupported format string passed to {}.__format__", cls.name)))
        }
        other => {
            Err(vm
                .type_error(format!("__format__() argument must be str, not {}", type_name(other))))
        }
    }
}

fn exception_receiver<'a>(vm: &Vm, args: &'a [Value], name: &str) -> PyResult<&'a Rc<Instance>> {
    match args.first() {
        Some(Value::Instance(i)) if i.class.is_exception_class() => Ok(i),
        Some(other) => Err(vm.type_error(format!(
            "descriptor '{name}' requires a 'BaseException' object but received a '{}'",
            type_name(other)
        ))),
        None => Err(vm.type_error(format!(
            "descriptor '{name}' of 'BaseException' object needs an argument"
        ))),
    }
}

/// `BaseException.__str__`: from `args`.
fn exception_str(
    vm: &mut Vm,
    h: &mut dyn Host,
    args: &[Value],
    kwargs: &Kwargs,
) -> PyResult<Value> {
    let i = exception_receiver(vm, args, "__str__")?.clone();
    arity(vm, args, kwargs, 1, "__str__")?;
    Ok(Value::str(vm.exc_str(h, &args[0], &i)?))
}

/// `BaseException.__repr__`: `Name(args...)`.
fn exception_repr(
    vm: &mut Vm,
    h: &mut dyn Host,
    args: &[Value],
    kwargs: &Kwargs,
) -> PyResult<Value> {
    let i = exception_receiver(vm, args, "__repr__")?.clone();
    arity(vm, args, kwargs, 1, "__repr__")?;
    Ok(Value::str(vm.default_repr(h, &args[0], &i, true)?))
}

/// The special methods builtin values answer to by name, beyond `object`'s.
fn value_dunder_names(v: &Value) -> &'static [&'static str] {
    const CMP: &[&str] = &[
        "__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__", "__hash__", "__repr__",
        "__str__", "__format__",
    ];
    const INT: &[&str] = &[
        "__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__", "__hash__", "__repr__",
        "__str__", "__format__", "__add__", "__radd__", "__sub__", "__rsub__", "__mul__",
        "__rmul__", "__truediv__", "__rtruediv__", "__floordiv__", "__rfloordiv__", "__mod__",
        "__rmod__", "__pow__", "__rpow__", "__and__", "__rand__", "__or__", "__ror__", "__xor__",
        "__rxor__", "__lshift__", "__rlshift__", "__rshift__", "__rrshift__", "__neg__", "__pos__",
        "__abs__", "__invert__", "__bool__", "__int__", "__float__", "__index__",
    ];
    const FLOAT: &[&str] = &[
        "__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__", "__hash__", "__repr__",
        "__str__", "__format__", "__add__", "__radd__", "__sub__", "__rsub__", "__mul__",
        "__rmul__", "__truediv__", "__rtruediv__", "__floordiv__", "__rfloordiv__", "__mod__",
        "__rmod__", "__pow__", "__rpow__", "__neg__", "__pos__", "__abs__", "__bool__", "__int__",
        "__float__",
    ];
    const STR: &[&str] = &[
        "__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__", "__hash__", "__repr__",
        "__str__", "__format__", "__add__", "__mul__", "__rmul__", "__mod__", "__len__",
        "__contains__", "__getitem__", "__iter__",
    ];
    const LIST: &[&str] = &[
        "__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__", "__repr__", "__str__",
        "__format__", "__add__", "__iadd__", "__mul__", "__rmul__", "__imul__", "__len__",
        "__contains__", "__getitem__", "__setitem__", "__delitem__", "__iter__",
    ];
    const TUPLE: &[&str] = &[
        "__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__", "__hash__", "__repr__",
        "__str__", "__format__", "__add__", "__mul__", "__rmul__", "__len__", "__contains__",
        "__getitem__", "__iter__",
    ];
    const DICT: &[&str] = &[
        "__eq__", "__ne__", "__repr__", "__str__", "__format__", "__or__", "__ror__", "__ior__",
        "__len__", "__contains__", "__getitem__", "__setitem__", "__delitem__", "__iter__",
    ];
    const SET: &[&str] = &[
        "__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__", "__repr__", "__str__",
        "__format__", "__or__", "__ror__", "__and__", "__rand__", "__sub__", "__rsub__", "__xor__",
        "__rxor__", "__len__", "__contains__", "__iter__",
    ];
    const RANGE: &[&str] = &[
        "__eq__", "__ne__", "__hash__", "__repr__", "__str__", "__format__", "__len__",
        "__contains__", "__getitem__", "__iter__",
    ];
    match v {
        Value::Int(_) | Value::Bool(_) => INT,
        Value::Float(_) => FLOAT,
        Value::Str(_) => STR,
        Value::List(_) => LIST,
        Value::Tuple(_) => TUPLE,
        Value::Dict(_) => DICT,
        Value::Set(_) => SET,
        Value::Range(_) => RANGE,
        Value::Instance(_) | Value::Undef => &[],
        _ => CMP,
    }
}

/// Does a builtin value answer to this special method?
pub(crate) fn has_value_dunder(v: &Value, name: Symbol) -> bool {
    name.is_dunder() && name.with_str(|n| value_dunder_names(v).contains(&n))
}

/// Operands a builtin type's binary special method accepts; others get
/// `NotImplemented` (`(3).__eq__(3.0)`: `int` does not compare with `float`,
/// `float` does).
#[allow(clippy::match_like_matches_macro)] // a table reads better as a match
fn accepts(me: &Value, other: &Value) -> bool {
    use Value::*;
    match (me, other) {
        (Int(_) | Bool(_), Int(_) | Bool(_)) => true,
        (Float(_), Int(_) | Bool(_) | Float(_)) => true,
        (Str(_), Str(_)) | (List(_), List(_)) | (Tuple(_), Tuple(_)) | (Dict(_), Dict(_)) => true,
        (Set(_), Set(_)) | (Range(_), Range(_)) => true,
        _ => false,
    }
}

fn binop_of(name: &str) -> Option<(BinOp, bool, bool)> {
    // (operator, reflected, in place)
    let (base, reflected, inplace) = if let Some(b) = name.strip_prefix("__r") {
        (b, true, false)
    } else if let Some(b) = name.strip_prefix("__i") {
        (b, false, true)
    } else {
        (&name[2..], false, false)
    };
    let op = match base.trim_end_matches("__") {
        "add" => BinOp::Add,
        "sub" => BinOp::Sub,
        "mul" => BinOp::Mult,
        "truediv" => BinOp::Div,
        "floordiv" => BinOp::FloorDiv,
        "mod" => BinOp::Mod,
        "pow" => BinOp::Pow,
        "and" => BinOp::BitAnd,
        "or" => BinOp::BitOr,
        "xor" => BinOp::BitXor,
        "lshift" => BinOp::LShift,
        "rshift" => BinOp::RShift,
        _ => return None,
    };
    Some((op, reflected, inplace))
}

impl Vm {
    /// A method a class inherits from `BaseException` or `object` and does
    /// not override (looked up after the class's MRO).
    pub(crate) fn inherited_method(&self, cls: &Class, name: Symbol) -> Option<Value> {
        if cls.is_exception_class() {
            if let Some(v) = self.exception_methods.get(name) {
                return Some(v.clone());
            }
        }
        self.object_methods.get(name).cloned()
    }

    /// Call special method `name` of a builtin value (`(5).__add__(3)`).
    pub(crate) fn value_dunder(
        &mut self,
        host: &mut dyn Host,
        me: &Value,
        name: Symbol,
        args: &[Value],
    ) -> PyResult<Value> {
        let text = name.to_string();
        let n = text.as_str();
        let want = match n {
            "__len__" | "__iter__" | "__hash__" | "__repr__" | "__str__" | "__bool__"
            | "__int__" | "__float__" | "__index__" | "__neg__" | "__pos__" | "__abs__"
            | "__invert__" => 0,
            "__setitem__" => 2,
            _ => 1,
        };
        if args.len() != want {
            let owner = type_name(me);
            return Err(self.type_error(match want {
                0 => format!("{owner}.{n}() takes no arguments ({} given)", args.len()),
                1 => format!("expected 1 argument, got {}", args.len()),
                _ => format!("expected 2 arguments, got {}", args.len()),
            }));
        }
        use super::code::Instr;
        match n {
            "__eq__" | "__ne__" | "__lt__" | "__le__" | "__gt__" | "__ge__" => {
                if !accepts(me, &args[0]) {
                    return Ok(Value::NotImplemented);
                }
                let op = match n {
                    "__eq__" => super::code::CmpOp::Eq,
                    "__ne__" => super::code::CmpOp::NotEq,
                    "__lt__" => super::code::CmpOp::Lt,
                    "__le__" => super::code::CmpOp::LtE,
                    "__gt__" => super::code::CmpOp::Gt,
                    _ => super::code::CmpOp::GtE,
                };
                self.compare_op(host, op, me, &args[0])
            }
            "__hash__" => Ok(Value::Int(self.hash(host, me)?)),
            "__repr__" => Ok(Value::str(self.repr(host, me)?)),
            "__str__" => Ok(Value::str(self.str(host, me)?)),
            "__format__" => match &args[0] {
                Value::Str(s) => Ok(Value::str(self.format(host, me, &s.s.clone())?)),
                other => Err(self.type_error(format!(
                    "format() argument 2 must be str, not {}",
                    type_name(other)
                ))),
            },
            "__len__" => Ok(Value::Int(self.len(host, me)?)),
            "__contains__" => Ok(Value::Bool(self.contains(host, me, &args[0])?)),
            "__getitem__" => self.getitem(host, me, &args[0]),
            "__setitem__" => {
                self.setitem(host, me, args[0].clone(), args[1].clone())?;
                Ok(Value::None)
            }
            "__delitem__" => {
                self.delitem(host, me, &args[0])?;
                Ok(Value::None)
            }
            "__iter__" => self.get_iter(host, me.clone()),
            "__bool__" => Ok(Value::Bool(self.truthy(host, me)?)),
            "__int__" | "__index__" => match me {
                Value::Float(f) => self.call(
                    host,
                    &Value::Class(self.types.int.clone()),
                    vec![Value::Float(*f)],
                    vec![],
                ),
                Value::Bool(b) => Ok(Value::Int(*b as i64)),
                other => Ok(other.clone()),
            },
            "__float__" => match me {
                Value::Int(i) => Ok(Value::Float(*i as f64)),
                Value::Bool(b) => Ok(Value::Float(*b as i64 as f64)),
                other => Ok(other.clone()),
            },
            "__neg__" => self.unary_op(host, Instr::Neg, me.clone()),
            "__pos__" => self.unary_op(host, Instr::Pos, me.clone()),
            "__invert__" => self.unary_op(host, Instr::Invert, me.clone()),
            "__abs__" => {
                let abs = self.builtins.get(&Symbol::new("abs")).cloned().unwrap_or(Value::None);
                self.call(host, &abs, vec![me.clone()], vec![])
            }
            _ => {
                let Some((op, reflected, inplace)) = binop_of(n) else {
                    return Err(self.attribute_error(me, name));
                };
                let other = &args[0];
                let numeric = matches!(me, Value::Int(_) | Value::Bool(_) | Value::Float(_));
                let repeat = matches!(op, BinOp::Mult)
                    && matches!(me, Value::Str(_) | Value::List(_) | Value::Tuple(_));
                let formats = matches!(op, BinOp::Mod) && matches!(me, Value::Str(_)) && !reflected;
                if (numeric || matches!(me, Value::Set(_) | Value::Dict(_))) && !accepts(me, other)
                {
                    return Ok(Value::NotImplemented);
                }
                if repeat && !matches!(other, Value::Int(_) | Value::Bool(_)) {
                    return Err(self.type_error(format!(
                        "can't multiply sequence by non-int of type '{}'",
                        type_name(other)
                    )));
                }
                if !numeric && !repeat && !formats && !accepts(me, other) {
                    if reflected || matches!(op, BinOp::Mod) {
                        return Ok(Value::NotImplemented);
                    }
                    return self.binary_op(host, op, me.clone(), other.clone(), inplace);
                }
                if reflected {
                    self.binary_op(host, op, other.clone(), me.clone(), false)
                } else {
                    self.binary_op(host, op, me.clone(), other.clone(), inplace)
                }
            }
        }
    }
}
