//! The builtin functions (`print`, `len`, `sorted`, ...), what calling a
//! builtin type does (`int("3")`, `list(x)`, `super(T, obj)`), the natives
//! of `BaseException`, `BaseExceptionGroup` and `property`, and the `random`
//! module: [`install`] puts them all in place when a VM is made.
//!
//! Here: the functions about objects and attributes (`print`, `repr`, `len`,
//! `isinstance`, `getattr`, `id`, `hash`, `iter`, `next`, ...). Apart:
//! `iter` (the functions that consume or wrap iterables: `sum`, `min`/`max`,
//! `sorted`, `zip`, `map`, ...), `num` (`abs`, `round`, `divmod`, `pow`,
//! `chr`, `hex`, `format`, ...), `ctor` (the builtin types called), `descr`
//! (`property`, `staticmethod`, `classmethod`, `super`), `exc` (exceptions'
//! methods) and `random`.
//!
//! Not here: the argument binding and checks they share (`args`), the
//! methods of builtin values (`methods`), the operators (`ops`), asyncio's
//! natives (`sched`), and the library modules beyond `random` (`lib`).

mod ctor;
mod descr;
mod exc;
mod iter;
mod num;
mod random;

use super::args::{count, exactly_one, only_keywords, Params};
use super::exc::ExcKind;
use super::intern::{sym, Symbol};
use super::types::type_name;
use super::value::*;
use super::{Host, PyResult, Vm};
use std::rc::Rc;

/// A builtin function object named `name`.
fn builtin(name: &str, f: NativeFn) -> Value {
    Value::Builtin(Rc::new(Builtin {
        name: name.into(),
        qualname: name.into(),
        kind: BuiltinKind::Native(f),
        id: next_id(),
    }))
}

/// Fill `vm.builtins` with the builtin functions, types and exceptions, and
/// give the builtin classes their native methods; make the `random` module.
pub(crate) fn install(vm: &mut Vm) {
    let fns: &[(&str, NativeFn)] = &[
        ("print", b_print),
        ("len", b_len),
        ("repr", b_repr),
        ("ascii", b_ascii),
        ("abs", num::b_abs),
        ("round", num::b_round),
        ("sum", iter::b_sum),
        ("min", iter::b_min),
        ("max", iter::b_max),
        ("sorted", iter::b_sorted),
        ("reversed", iter::b_reversed),
        ("enumerate", iter::b_enumerate),
        ("zip", iter::b_zip),
        ("map", iter::b_map),
        ("filter", iter::b_filter),
        ("any", iter::b_any),
        ("all", iter::b_all),
        ("isinstance", b_isinstance),
        ("issubclass", b_issubclass),
        ("hasattr", b_hasattr),
        ("getattr", b_getattr),
        ("setattr", b_setattr),
        ("delattr", b_delattr),
        ("id", b_id),
        ("hash", b_hash),
        ("iter", b_iter),
        ("next", b_next),
        ("divmod", num::b_divmod),
        ("pow", num::b_pow),
        ("chr", num::b_chr),
        ("ord", num::b_ord),
        ("hex", num::b_hex),
        ("oct", num::b_oct),
        ("bin", num::b_bin),
        ("format", num::b_format),
        ("callable", b_callable),
        ("input", b_input),
        ("open", b_open),
        ("vars", b_vars),
    ];
    for (name, f) in fns {
        vm.builtins.insert(Symbol::new(name), builtin(name, *f));
    }
    for (name, cls) in vm.types.builtin_names() {
        vm.builtins.insert(Symbol::new(name), Value::Class(cls));
    }
    for k in ExcKind::ALL {
        let c = vm.types.exc_class(*k).clone();
        vm.builtins.insert(Symbol::new(k.name()), Value::Class(c));
    }
    vm.builtins.insert(
        Symbol::new("EnvironmentError"),
        Value::Class(vm.types.exc_class(ExcKind::OSError).clone()),
    );
    vm.builtins
        .insert(Symbol::new("IOError"), Value::Class(vm.types.exc_class(ExcKind::OSError).clone()));
    vm.builtins.insert(Symbol::new("NotImplemented"), Value::NotImplemented);
    vm.builtins.insert(Symbol::new("Ellipsis"), Value::Ellipsis);
    exc::install_exception_methods(vm);
    exc::install_group(vm);
    super::gen::install(vm);
    super::egroup::install(vm);
    ctor::dict_classmethods(vm);
    descr::install_property_methods(vm);
    random::install_random(vm);
}

// ---- printing and conversion ------------------------------------------------

/// `print(*objects, sep=' ', end='\n', file=None, flush=False)` as
/// `builtin_print_impl`: `flush`'s truth and the types of `sep` and `end`
/// first, then, to a file object, one `write` call a piece (each object's
/// `str`, each separator, the end), the method looked up before the object
/// is converted, and `file.flush()` when asked. `file=None` means
/// `sys.stdout`: the console, unless the program has put another object
/// there (or None, which prints nothing).
fn b_print(vm: &mut Vm, host: &mut dyn Host, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let [sep, end, file, flush] = Params::clinic("print", ["sep", "end", "file", "flush"], 0)
        .positional(0)
        .varargs()
        .bind(vm, args, kwargs)?;
    let flush = match flush {
        Some(v) => vm.truthy(host, v)?,
        None => false,
    };
    let sep = match sep {
        None | Some(Value::None) => " ".to_string(),
        Some(Value::Str(s)) => s.s.clone(),
        Some(other) => {
            return Err(
                vm.type_error(format!("sep must be None or a string, not {}", type_name(other)))
            )
        }
    };
    let end = match end {
        None | Some(Value::None) => "\n".to_string(),
        Some(Value::Str(s)) => s.s.clone(),
        Some(other) => {
            return Err(
                vm.type_error(format!("end must be None or a string, not {}", type_name(other)))
            )
        }
    };
    let file = match file {
        None | Some(Value::None) => match replaced_stdout(vm) {
            None => {
                let mut out = String::new();
                for (i, a) in args.iter().enumerate() {
                    if i > 0 {
                        out.push_str(&sep);
                    }
                    out.push_str(&vm.str(host, a)?);
                }
                out.push_str(&end);
                host.write(vm, &out);
                return Ok(Value::None);
            }
            Some(Value::None) => return Ok(Value::None),
            Some(file) => file,
        },
        Some(file) => file.clone(),
    };
    let write = Symbol::new("write");
    for (i, a) in args.iter().enumerate() {
        if i > 0 {
            vm.call_method(host, &file, write, vec![Value::str(&sep)], Vec::new())?;
        }
        let method = vm.getattr(host, &file, write)?;
        let text = Value::str(vm.str(host, a)?);
        vm.call(host, &method, vec![text], Vec::new())?;
    }
    vm.call_method(host, &file, write, vec![Value::str(&end)], Vec::new())?;
    if flush {
        vm.call_method(host, &file, Symbol::new("flush"), Vec::new(), Vec::new())?;
    }
    Ok(Value::None)
}

/// What a program has put in `sys.stdout` in place of the console stream
/// (`sys.__stdout__`), if it has imported `sys` and done so.
fn replaced_stdout(vm: &Vm) -> Option<Value> {
    let Some(Value::Module(sys)) = vm.modules.get("sys") else { return None };
    let attrs = sys.attrs.borrow();
    let out = attrs.get(Symbol::new("stdout"))?;
    match attrs.get(Symbol::new("__stdout__")) {
        Some(console) if console.is(out) => None,
        _ => Some(out.clone()),
    }
}

fn b_len(vm: &mut Vm, host: &mut dyn Host, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    exactly_one(vm, "len", args, kwargs)?;
    Ok(Value::Int(vm.len(host, &args[0])?))
}

fn b_repr(vm: &mut Vm, host: &mut dyn Host, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    exactly_one(vm, "repr", args, kwargs)?;
    Ok(Value::str(vm.repr(host, &args[0])?))
}

fn b_ascii(vm: &mut Vm, host: &mut dyn Host, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    exactly_one(vm, "ascii", args, kwargs)?;
    Ok(Value::str(vm.ascii(host, &args[0])?))
}

/// `isinstance(v, cls)` for one class.
pub(crate) fn is_instance(vm: &Vm, v: &Value, cls: &Rc<Class>) -> bool {
    let c = vm.class_of(v);
    c.is_subclass(cls)
}

/// `isinstance(obj, P)` for a `typing.Protocol` class `P`: its members.
#[cold]
fn protocol_check(
    vm: &mut Vm,
    host: &mut dyn Host,
    v: &Value,
    c: &Rc<Class>,
    nominal: bool,
) -> PyResult<bool> {
    let args = vec![Value::Class(c.clone()), v.clone(), Value::Bool(nominal)];
    match vm.library_call(host, "typing", "_protocol_isinstance", args)? {
        Value::None => Ok(nominal),
        r => vm.truthy(host, &r),
    }
}

fn class_check(
    vm: &mut Vm,
    host: &mut dyn Host,
    v: &Value,
    spec: &Value,
    sub: bool,
) -> PyResult<bool> {
    match spec {
        Value::Class(c) => Ok(if sub {
            match v {
                Value::Class(vc) => vc.is_subclass(c),
                _ => return Err(vm.type_error("issubclass() arg 1 must be a class")),
            }
        } else {
            let nominal = is_instance(vm, v, c);
            if c.tag == TypeTag::User && c.lookup(Symbol::new("__protocol_attrs__")).is_some() {
                protocol_check(vm, host, v, c, nominal)?
            } else {
                nominal
            }
        }),
        Value::Tuple(t) => {
            for item in t.0.clone().iter() {
                if class_check(vm, host, v, item, sub)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        // `type(spec).__instancecheck__(spec, v)`: `int | str`, `collections.abc.Iterable`.
        Value::Instance(i) if i.class.tag == TypeTag::User => {
            let hook = Symbol::new(if sub { "__subclasscheck__" } else { "__instancecheck__" });
            match i.class.lookup(hook) {
                Some(f) => {
                    let r = vm.call(host, &f, vec![spec.clone(), v.clone()], vec![])?;
                    vm.truthy(host, &r)
                }
                None => Err(not_a_class(vm, v, sub)),
            }
        }
        _ => Err(not_a_class(vm, v, sub)),
    }
}

/// The error of `recursive_isinstance` / `recursive_issubclass` for a second
/// argument that is no class: issubclass checks its first argument first.
fn not_a_class(vm: &Vm, v: &Value, sub: bool) -> super::PyErr {
    vm.type_error(if !sub {
        "isinstance() arg 2 must be a type, a tuple of types, or a union"
    } else if !matches!(v, Value::Class(_)) {
        "issubclass() arg 1 must be a class"
    } else {
        "issubclass() arg 2 must be a class, a tuple of classes, or a union"
    })
}

fn b_isinstance(
    vm: &mut Vm,
    host: &mut dyn Host,
    args: &[Value],
    kwargs: &Kwargs,
) -> PyResult<Value> {
    only_keywords(vm, "isinstance", kwargs, &[])?;
    count(vm, "isinstance", args, 2, 2)?;
    Ok(Value::Bool(class_check(vm, host, &args[0], &args[1], false)?))
}

fn b_issubclass(
    vm: &mut Vm,
    host: &mut dyn Host,
    args: &[Value],
    kwargs: &Kwargs,
) -> PyResult<Value> {
    only_keywords(vm, "issubclass", kwargs, &[])?;
    count(vm, "issubclass", args, 2, 2)?;
    Ok(Value::Bool(class_check(vm, host, &args[0], &args[1], true)?))
}

fn attr_name(vm: &Vm, v: &Value) -> PyResult<Symbol> {
    match v {
        Value::Str(s) => Ok(Symbol::new(&s.s)),
        other => {
            Err(vm.type_error(format!("attribute name must be string, not '{}'", type_name(other))))
        }
    }
}

fn b_hasattr(vm: &mut Vm, host: &mut dyn Host, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    only_keywords(vm, "hasattr", kwargs, &[])?;
    count(vm, "hasattr", args, 2, 2)?;
    let name = attr_name(vm, &args[1])?;
    match vm.getattr(host, &args[0], name) {
        Ok(_) => Ok(Value::Bool(true)),
        Err(e) if vm.err_is(&e, ExcKind::AttributeError) => Ok(Value::Bool(false)),
        Err(e) => Err(e),
    }
}

fn b_getattr(vm: &mut Vm, host: &mut dyn Host, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    only_keywords(vm, "getattr", kwargs, &[])?;
    count(vm, "getattr", args, 2, 3)?;
    let name = attr_name(vm, &args[1])?;
    match vm.getattr(host, &args[0], name) {
        Ok(v) => Ok(v),
        Err(e) if args.len() == 3 && vm.err_is(&e, ExcKind::AttributeError) => Ok(args[2].clone()),
        Err(e) => Err(e),
    }
}

fn b_setattr(vm: &mut Vm, host: &mut dyn Host, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    only_keywords(vm, "setattr", kwargs, &[])?;
    count(vm, "setattr", args, 3, 3)?;
    let name = attr_name(vm, &args[1])?;
    vm.setattr(host, &args[0], name, args[2].clone())?;
    Ok(Value::None)
}

fn b_delattr(vm: &mut Vm, host: &mut dyn Host, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    only_keywords(vm, "delattr", kwargs, &[])?;
    count(vm, "delattr", args, 2, 2)?;
    let name = attr_name(vm, &args[1])?;
    vm.delattr(host, &args[0], name)?;
    Ok(Value::None)
}

fn b_id(vm: &mut Vm, _host: &mut dyn Host, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    exactly_one(vm, "id", args, kwargs)?;
    Ok(Value::Int(0x7f00_0000_0000 + args[0].identity() as i64 * 0x30))
}

fn b_hash(vm: &mut Vm, host: &mut dyn Host, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    exactly_one(vm, "hash", args, kwargs)?;
    Ok(Value::Int(vm.hash(host, &args[0])?))
}

/// `iter(object)`; `iter(callable, sentinel)`'s arguments are checked, but
/// the VM has no callable_iterator.
fn b_iter(vm: &mut Vm, host: &mut dyn Host, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    only_keywords(vm, "iter", kwargs, &[])?;
    count(vm, "iter", args, 1, 2)?;
    if args.len() == 2 {
        if matches!(b_callable(vm, host, &args[..1], kwargs)?, Value::Bool(false)) {
            return Err(vm.type_error("iter(v, w): v must be callable"));
        }
        return Err(vm.runtime_error("unsupported: iter(callable, sentinel)"));
    }
    vm.get_iter(host, args[0].clone())
}

pub(super) fn b_next(
    vm: &mut Vm,
    host: &mut dyn Host,
    args: &[Value],
    kwargs: &Kwargs,
) -> PyResult<Value> {
    only_keywords(vm, "next", kwargs, &[])?;
    count(vm, "next", args, 1, 2)?;
    match &args[0] {
        Value::Iter(_) | Value::Generator(_) | Value::Instance(_) => {}
        other => {
            return Err(vm.type_error(format!("'{}' object is not an iterator", type_name(other))))
        }
    }
    if let Value::Iter(it) = &args[0] {
        if matches!(&*it.kind.borrow(), IterKind::View { .. }) {
            return Err(
                vm.type_error(format!("'{}' object is not an iterator", type_name(&args[0])))
            );
        }
    }
    match vm.next(host, &args[0])? {
        Some(v) => Ok(v),
        None => match args.get(1) {
            Some(d) => Ok(d.clone()),
            None => Err(vm.new_error(ExcKind::StopIteration, String::new())),
        },
    }
}

fn b_callable(
    vm: &mut Vm,
    _host: &mut dyn Host,
    args: &[Value],
    kwargs: &Kwargs,
) -> PyResult<Value> {
    exactly_one(vm, "callable", args, kwargs)?;
    Ok(Value::Bool(match &args[0] {
        Value::Function(_) | Value::Builtin(_) | Value::Method(_) | Value::Class(_) => true,
        Value::Instance(i) => i.class.lookup(sym::__call__).is_some(),
        _ => false,
    }))
}

fn b_input(
    vm: &mut Vm,
    _host: &mut dyn Host,
    _args: &[Value],
    _kwargs: &Kwargs,
) -> PyResult<Value> {
    Err(vm.runtime_error("unsupported: input() (programs run without a keyboard)"))
}

fn b_open(vm: &mut Vm, _host: &mut dyn Host, _args: &[Value], _kwargs: &Kwargs) -> PyResult<Value> {
    Err(vm.runtime_error("unsupported: open() (programs run without files)"))
}

/// `vars(object)`: its `__dict__`, or CPython's TypeError when it has none.
/// `vars()` (the caller's locals) is refused: natives do not see frames.
fn b_vars(vm: &mut Vm, host: &mut dyn Host, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    only_keywords(vm, "vars", kwargs, &[])?;
    count(vm, "vars", args, 0, 1)?;
    let Some(obj) = args.first() else {
        return Err(vm.runtime_error("unsupported: vars() without an argument (pass the object)"));
    };
    match vm.getattr(host, obj, sym::__dict__) {
        Err(e) if vm.err_is(&e, ExcKind::AttributeError) => {
            Err(vm.type_error("vars() argument must have __dict__ attribute"))
        }
        r => r,
    }
}
