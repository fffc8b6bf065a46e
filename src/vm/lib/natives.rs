//! The natives of the library modules: what their Python source cannot do
//! (or would do far slower), put in the module's namespace before it runs.

use crate::vm::intern::Symbol;
use crate::vm::value::*;

/// The natives of module `name`.
pub(crate) fn natives(name: &str) -> &'static [(&'static str, NativeFn)] {
    match name {
        "math" => super::math::NATIVES,
        "json" => super::json::NATIVES,
        "sys" => super::sys::NATIVES,
        _ => &[],
    }
}

/// The natives every library module has.
pub(crate) const MISC: &[(&str, NativeFn)] = &[
    ("_unsupported", |vm, h, args, _kw| {
        let what = match args.first() {
            Some(v) => vm.str(h, v)?,
            None => String::new(),
        };
        Err(crate::vm::PyErr::Halt(crate::vm::Halt::Unsupported(format!("unsupported: {what}"))))
    }),
    // The names a class itself defines (its `__dict__`'s keys), in order.
    ("_class_names", |vm, _h, args, _kw| {
        let Some(Value::Class(c)) = args.first() else {
            return Err(vm.type_error("_class_names(cls)"));
        };
        let names: Vec<Value> =
            c.dict.borrow().0.iter().map(|(n, _)| Value::str(n.to_string())).collect();
        Ok(Value::list(names))
    }),
    // The (name, value) pairs a class itself defines, in order.
    ("_class_items", |vm, _h, args, _kw| {
        let Some(Value::Class(c)) = args.first() else {
            return Err(vm.type_error("_class_items(cls)"));
        };
        let items: Vec<Value> = c
            .dict
            .borrow()
            .0
            .iter()
            .map(|(n, v)| Value::tuple(vec![Value::str(n.to_string()), v.clone()]))
            .collect();
        Ok(Value::list(items))
    }),
    // Every name a class has, its own and its bases' (as `dir(cls)` without sorting).
    ("_class_attr_names", |vm, _h, args, _kw| {
        let Some(Value::Class(c)) = args.first() else {
            return Err(vm.type_error("_class_attr_names(cls)"));
        };
        let mut names: Vec<Symbol> = Vec::new();
        for k in std::iter::once(c).chain(c.mro.iter()) {
            for (n, _) in k.dict.borrow().0.iter() {
                if !names.contains(n) {
                    names.push(*n);
                }
            }
        }
        Ok(Value::list(names.into_iter().map(|n| Value::str(n.to_string())).collect()))
    }),
    // An instance of a user class without running its `__init__` (`object.__new__(cls)`).
    ("_new_instance", |vm, _h, args, _kw| {
        let Some(Value::Class(c)) = args.first() else {
            return Err(vm.type_error("_new_instance(cls)"));
        };
        if !matches!(c.tag, TypeTag::User | TypeTag::Object) {
            return Err(vm.type_error(format!("unsupported: copying a '{}' object", c.name)));
        }
        Ok(Value::Instance(std::rc::Rc::new(Instance {
            class: c.clone(),
            attrs: Default::default(),
            payload: Default::default(),
            id: next_id(),
        })))
    }),
    ("_code_kind", |_vm, _h, args, _kw| {
        Ok(match args.first().and_then(crate::vm::gen::function_kind) {
            Some(crate::vm::code::CodeKind::AsyncFunction) => Value::str("coroutine"),
            Some(crate::vm::code::CodeKind::Generator) => Value::str("generator"),
            Some(crate::vm::code::CodeKind::AsyncGenerator) => Value::str("async_generator"),
            Some(_) => Value::str("function"),
            None => Value::None,
        })
    }),
    ("_isawaitable", |vm, _h, args, _kw| {
        Ok(Value::Bool(args.first().is_some_and(|v| crate::vm::gen::is_awaitable(vm, v))))
    }),
    ("_make_function", |vm, h, args, _kw| make_function(vm, h, args)),
];

/// `_make_function(source, name, namespace, qualname=name, module='__create_fn__')`:
/// compile `source` (one `def` or `class`) in a fresh module namespace
/// holding `namespace`'s items and return `name` from it, with `qualname`
/// (what `dataclasses` and `namedtuple` do with `exec`).
fn make_function(
    vm: &mut crate::vm::Vm,
    host: &mut dyn crate::vm::Host,
    args: &[Value],
) -> crate::vm::PyResult<Value> {
    use std::rc::Rc;
    let (Some(Value::Str(src)), Some(Value::Str(name))) = (args.first(), args.get(1)) else {
        return Err(vm.type_error("_make_function(source, name, namespace)"));
    };
    let module = match args.get(4) {
        Some(Value::Str(m)) => m.s.clone(),
        _ => "__create_fn__".to_string(),
    };
    let g = Rc::new(Globals::new(&module));
    if let Some(ns @ Value::Dict(_)) = args.get(2) {
        let items: Vec<(Value, Value)> = match ns {
            Value::Dict(d) => {
                d.0.borrow().iter().map(|e| (e.key.clone(), e.value.clone())).collect()
            }
            _ => vec![],
        };
        for (k, v) in items {
            if let Value::Str(k) = k {
                g.set(crate::vm::intern::Symbol::new(&k.s), v);
            }
        }
    }
    let code = match vm.compile_internal(&src.s, &g) {
        Ok(c) => c,
        Err(d) => {
            let msg = d.first().map(|d| d.message.clone()).unwrap_or_default();
            return Err(vm.runtime_error(format!("_make_function: {msg}")));
        }
    };
    vm.run_nested(host, Box::new(crate::vm::frame::Frame::new(code, g.clone())))?;
    let f = g
        .get(crate::vm::intern::Symbol::new(&name.s))
        .ok_or_else(|| vm.runtime_error("_make_function: no such function"))?;
    if let (Value::Function(func), Some(Value::Str(q))) = (&f, args.get(3)) {
        *func.qualname.borrow_mut() = q.s.as_str().into();
    }
    Ok(f)
}
