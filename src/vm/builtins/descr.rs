//! The builtin descriptors called as types: `property(...)` with its
//! `setter`/`getter`/`deleter`, `staticmethod(f)`, `classmethod(f)`, and
//! `super(type, obj)` (CPython's `supercheck` rule for `obj`).
//!
//! Not here: what the descriptors do on attribute access (`ops`), the
//! zero-argument `super()` (compiled to `LoadSuper`, made by
//! `Vm::make_super`), and `dict.fromkeys`' classmethod (`ctor`).

use crate::vm::args::{count, only_keywords, Params};
use crate::vm::types::{add_native, type_name};
use crate::vm::value::*;
use crate::vm::{PyResult, Vm};
use std::cell::RefCell;
use std::rc::Rc;

impl Vm {
    /// `property(fget, fset, fdel)`, `staticmethod(f)`, `classmethod(f)`: an
    /// instance of `c` holding the functions, whatever they are (CPython
    /// checks them only when the descriptor is used).
    pub(super) fn new_descriptor(
        &mut self,
        c: &Rc<Class>,
        args: &[Value],
        kwargs: &Kwargs,
    ) -> PyResult<Value> {
        let payload = match c.tag {
            TypeTag::Property => {
                // `doc` is accepted and dropped: the VM has no docstrings on properties.
                let [fget, fset, fdel, _doc] =
                    Params::clinic("property", ["fget", "fset", "fdel", "doc"], 0)
                        .bind(self, args, kwargs)?;
                let [fget, fset, fdel] =
                    [fget, fset, fdel].map(|f| f.cloned().unwrap_or(Value::None));
                Payload::Property { fget, fset, fdel, name: None }
            }
            // `sm_init`/`cm_init`: no keywords, then exactly one callable
            // (`staticmethod expected 1 argument, got 2`).
            TypeTag::StaticMethod => {
                only_keywords(self, "staticmethod", kwargs, &[])?;
                count(self, "staticmethod", args, 1, 1)?;
                Payload::StaticMethod(args[0].clone())
            }
            _ => {
                only_keywords(self, "classmethod", kwargs, &[])?;
                count(self, "classmethod", args, 1, 1)?;
                Payload::ClassMethod(args[0].clone())
            }
        };
        Ok(Value::Instance(Rc::new(Instance {
            class: c.clone(),
            attrs: Default::default(),
            payload: RefCell::new(payload),
            id: next_id(),
        })))
    }

    /// `super(type, obj)` called explicitly (the zero-argument form inside a
    /// method compiles to `LoadSuper`). `obj` may be an instance of `type` or
    /// a subclass of it (`super(B, cls)` in a classmethod), as CPython's
    /// `supercheck` allows; the one-argument (unbound) form is not supported.
    pub(super) fn new_super(&mut self, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
        if !kwargs.is_empty() {
            return Err(self.type_error("super() takes no keyword arguments"));
        }
        match args {
            [] => Err(self.runtime_error("super(): no arguments")),
            [_] => Err(self.type_error(
                "unsupported: super() with one argument (use super() or super(type, obj))",
            )),
            [t, obj] => {
                let Value::Class(t) = t else {
                    return Err(self.type_error(format!(
                        "super() argument 1 must be a type, not {}",
                        type_name(t)
                    )));
                };
                let ok = match obj {
                    Value::Class(c) => c.is_subclass(t),
                    other => self.class_of(other).is_subclass(t),
                };
                if !ok {
                    let of = match obj {
                        Value::Class(c) => c.name.to_string(),
                        other => type_name(other).to_string(),
                    };
                    return Err(self.type_error(format!(
                        "super(type, obj): obj (instance of {of}) is not an instance or subtype of type ({}).",
                        t.name
                    )));
                }
                self.make_super(Value::Class(t.clone()), obj.clone())
            }
            _ => Err(self
                .type_error(format!("super() expected at most 2 arguments, got {}", args.len()))),
        }
    }
}

/// `property.setter(f)` etc. live on the property class.
pub(super) fn install_property_methods(vm: &mut Vm) {
    let p = vm.types.property.clone();
    // `setter`, `getter` and `deleter` copy the property with one function replaced.
    fn with_function(vm: &mut Vm, args: &[Value], which: &str) -> PyResult<Value> {
        let Some(Value::Instance(i)) = args.first() else {
            return Err(vm.type_error(which.to_string()));
        };
        let Payload::Property { fget, fset, fdel, name } = &*i.payload.borrow() else {
            return Err(vm.type_error(which.to_string()));
        };
        let f = args.get(1).cloned().unwrap_or(Value::None);
        let (fget, fset, fdel) = match which {
            "getter" => (f, fset.clone(), fdel.clone()),
            "setter" => (fget.clone(), f, fdel.clone()),
            _ => (fget.clone(), fset.clone(), f),
        };
        Ok(Value::Instance(Rc::new(Instance {
            class: i.class.clone(),
            attrs: Default::default(),
            payload: RefCell::new(Payload::Property { fget, fset, fdel, name: *name }),
            id: next_id(),
        })))
    }
    add_native(&p, "setter", |vm, _h, args, _kw| with_function(vm, args, "setter"));
    add_native(&p, "getter", |vm, _h, args, _kw| with_function(vm, args, "getter"));
    add_native(&p, "deleter", |vm, _h, args, _kw| with_function(vm, args, "deleter"));
}
