//! Attribute access: `obj.name`, `obj.name = v`, `del obj.name`, and the
//! method load of `obj.name(...)` (the callable and its `self`, without a
//! bound method in between). For instances: the host's data attributes (a
//! future's `_state`), then a class's data descriptor (a property), the
//! instance's own attributes, an exception's (`args`, `__cause__`), the
//! class's MRO, `object`'s and `BaseException`'s methods, and `__getattr__`
//! last. `super()` proxies search the MRO after their class; classes bind
//! staticmethods and classmethods; modules, functions, methods and builtin
//! values have their fixed attributes. A class's `__setattr__` is looked up
//! only once some class has defined one.
//!
//! It does not keep the attribute tables or the MRO: class lookup and its
//! cache are `value`'s (`Class::lookup`), the C3 order is `types`', the
//! builtin types' methods and data attributes and exceptions' attributes are
//! `methods`', `object`'s methods are `object`'s, and generators' attributes
//! are `gen`'s.

use super::dict::DictData;
use super::exc::ExcKind;
use super::hash::str_hash;
use super::intern::{sym, Symbol};
use super::types::type_name;
use super::value::*;
use super::{Host, PyErr, PyResult, Vm};
use std::rc::Rc;

impl Vm {
    pub(crate) fn getattr(
        &mut self,
        host: &mut dyn Host,
        obj: &Value,
        name: Symbol,
    ) -> PyResult<Value> {
        match obj {
            Value::Instance(i) => {
                // A Python class's instance attribute, when no property could
                // take precedence over it: no super() proxy, no host data.
                if i.class.tag == TypeTag::User && !i.class.has_properties() {
                    if let Some(v) = i.attrs.borrow().get(name) {
                        return Ok(v.clone());
                    }
                }
                self.instance_getattr(host, obj, i, name)
            }
            Value::Class(c) => self.class_getattr(c, name),
            Value::Module(m) => match m.attrs.borrow().get(name) {
                Some(v) => Ok(v.clone()),
                None => {
                    if name == sym::__name__ {
                        return Ok(Value::str(&*m.name));
                    }
                    if name == sym::__dict__ {
                        let mut d = DictData::new();
                        for (k, v) in m.attrs.borrow().0.iter() {
                            let key = Value::str(k.to_string());
                            let h = str_hash(&key);
                            d.insert(h, key, v.clone());
                        }
                        return Ok(self.new_dict(d));
                    }
                    Err(self.attribute_error(obj, name))
                }
            },
            Value::Function(f) => {
                if name == sym::__name__ {
                    return Ok(Value::str(&**f.name.borrow()));
                }
                if name == sym::__qualname__ {
                    return Ok(Value::str(&**f.qualname.borrow()));
                }
                if name == sym::__module__ {
                    return Ok(Value::str(&*f.globals.module_name));
                }
                if let Some(v) = f.attrs.borrow().get(name) {
                    return Ok(v.clone());
                }
                if name == sym::__doc__ {
                    return Ok(f.code.doc.as_deref().map_or(Value::None, Value::str));
                }
                if name == sym::__annotations__ {
                    // Made on first use, then the same dict.
                    let d = self.new_dict(DictData::new());
                    f.attrs.borrow_mut().set(name, d.clone());
                    return Ok(d);
                }
                Err(self.attribute_error(obj, name))
            }
            Value::Builtin(b) => {
                if name == sym::__name__ {
                    return Ok(Value::str(&*b.name));
                }
                if name == sym::__qualname__ {
                    return Ok(Value::str(&*b.qualname));
                }
                Err(self.attribute_error(obj, name))
            }
            Value::Method(m) => {
                if name == sym::__self__ {
                    return Ok(m.self_.clone());
                }
                if name == sym::__func__ {
                    return Ok(m.func.clone());
                }
                let f = m.func.clone();
                if let Value::MethodName(n) = f {
                    if name == sym::__name__ {
                        return Ok(Value::str(n.to_string()));
                    }
                    return Err(self.attribute_error(obj, name));
                }
                self.getattr(host, &f, name)
            }
            Value::Coroutine(_) | Value::Generator(_) => self.gen_getattr(obj, name),
            _ => {
                if name == sym::__class__ {
                    return Ok(Value::Class(self.class_of(obj)));
                }
                if let Some(v) = super::methods::data_attr(self, obj, name) {
                    return Ok(v);
                }
                if super::methods::has_method(obj, name) {
                    return Ok(self.bound_method_name(obj, name));
                }
                Err(self.attribute_error(obj, name))
            }
        }
    }

    /// CPython's "property 'x' of 'C' object has no getter/setter": the
    /// property's name (from `__set_name__`, else its getter's `__name__`)
    /// and the instance's type's qualified name.
    fn property_error(&self, prop: &Value, obj: &Value, what: &str) -> PyErr {
        let name = match prop {
            Value::Instance(p) => match &*p.payload.borrow() {
                Payload::Property { name: Some(n), .. } => Some(n.to_string()),
                Payload::Property { fget: Value::Function(f), .. } => {
                    Some(f.name.borrow().to_string())
                }
                _ => None,
            },
            _ => None,
        };
        let qualname = self.class_of(obj).qualname.clone();
        let msg = match name {
            Some(n) => format!(
                "property {} of '{qualname}' object has no {what}",
                crate::pylib::text::repr_str(&n)
            ),
            None => format!("property of '{qualname}' object has no {what}"),
        };
        self.new_error(ExcKind::AttributeError, msg)
    }

    fn bound_method_name(&self, obj: &Value, name: Symbol) -> Value {
        Value::Method(Rc::new(Method { self_: obj.clone(), func: Value::MethodName(name) }))
    }

    /// Bind a class attribute found for an instance (functions become methods).
    fn bind_class_attr(
        &mut self,
        host: &mut dyn Host,
        attr: Value,
        obj: &Value,
        cls: &Rc<Class>,
    ) -> PyResult<Value> {
        match &attr {
            Value::Function(_) | Value::Builtin(_) => {
                Ok(Value::Method(Rc::new(Method { self_: obj.clone(), func: attr })))
            }
            Value::Instance(i) => {
                let p = i.payload.borrow();
                match &*p {
                    Payload::StaticMethod(f) => Ok(f.clone()),
                    Payload::ClassMethod(f) => Ok(Value::Method(Rc::new(Method {
                        self_: Value::Class(cls.clone()),
                        func: f.clone(),
                    }))),
                    Payload::Property { fget, .. } => {
                        let fget = fget.clone();
                        drop(p);
                        if fget.is_none() {
                            return Err(self.property_error(&attr, obj, "getter"));
                        }
                        self.call(host, &fget, vec![obj.clone()], vec![])
                    }
                    _ => Ok(attr.clone()),
                }
            }
            _ => Ok(attr),
        }
    }

    fn instance_getattr(
        &mut self,
        host: &mut dyn Host,
        obj: &Value,
        i: &Rc<Instance>,
        name: Symbol,
    ) -> PyResult<Value> {
        // super() proxies.
        let sup = match &*i.payload.borrow() {
            Payload::Super { class, obj } => Some((class.clone(), obj.clone())),
            _ => None,
        };
        if let Some((start, target)) = sup {
            let tcls = match &target {
                Value::Class(c) => c.clone(),
                other => self.class_of(other),
            };
            let mut found_start = false;
            let chain: Vec<Rc<Class>> =
                std::iter::once(tcls.clone()).chain(tcls.mro.iter().cloned()).collect();
            for c in chain {
                if found_start {
                    if let Some(v) = c.dict.borrow().get(name).cloned() {
                        if let Value::Class(t) = &target {
                            return Ok(bind_to_class(v, t));
                        }
                        return self.bind_class_attr(host, v, &target, &tcls);
                    }
                } else if c.id == start.id {
                    found_start = true;
                }
            }
            if let Some(v) = self.inherited_method(&start, name) {
                if let Value::Class(t) = &target {
                    return Ok(bind_to_class(v, t));
                }
                return self.bind_class_attr(host, v, &target, &tcls);
            }
            return Err(self.new_error(
                ExcKind::AttributeError,
                format!("'super' object has no attribute '{name}'"),
            ));
        }
        if let Some(r) = host.getattr(self, obj, name) {
            return r;
        }
        // Data descriptors on the class (properties) win over instance attributes.
        let class_attr = i.class.lookup(name);
        if let Some(p) = class_attr.as_ref().filter(|a| a.is_property()) {
            return self.bind_class_attr(host, p.clone(), obj, &i.class.clone());
        }
        if let Some(v) = i.attrs.borrow().get(name) {
            return Ok(v.clone());
        }
        if let Some(v) = super::methods::exception_attr(self, obj, name) {
            return Ok(v);
        }
        if let Some(a) = class_attr {
            return self.bind_class_attr(host, a, obj, &i.class.clone());
        }
        if name == sym::__class__ {
            return Ok(Value::Class(i.class.clone()));
        }
        if name == sym::__dict__ {
            let mut d = DictData::new();
            for (k, v) in i.attrs.borrow().0.iter() {
                let key = Value::str(k.to_string());
                let h = str_hash(&key);
                d.insert(h, key, v.clone());
            }
            return Ok(self.new_dict(d));
        }
        if let Some(m) = self.inherited_method(&i.class, name) {
            return self.bind_class_attr(host, m, obj, &i.class.clone());
        }
        if let Some(ga) = i.class.lookup(sym::__getattr__) {
            return self.call(host, &ga, vec![obj.clone(), Value::str(name.to_string())], vec![]);
        }
        if name == sym::__doc__ {
            return Ok(Value::None);
        }
        Err(self.attribute_error(obj, name))
    }

    fn class_getattr(&mut self, c: &Rc<Class>, name: Symbol) -> PyResult<Value> {
        if let Some(v) = c.lookup(name) {
            return Ok(bind_to_class(v, c));
        }
        if name == sym::__name__ {
            return Ok(Value::str(&*c.name));
        }
        if name == sym::__qualname__ {
            return Ok(Value::str(&*c.qualname));
        }
        if name == sym::__module__ {
            return Ok(Value::str(&*c.module));
        }
        if name == sym::__mro__ {
            let mut v = vec![Value::Class(c.clone())];
            v.extend(c.mro.iter().map(|m| Value::Class(m.clone())));
            return Ok(Value::tuple(v));
        }
        if name == sym::__bases__ {
            return Ok(Value::tuple(c.bases.iter().map(|b| Value::Class(b.clone())).collect()));
        }
        if name == sym::__doc__ {
            return Ok(c.dict.borrow().get(name).cloned().unwrap_or(Value::None));
        }
        if name == sym::__class__ {
            return Ok(Value::Class(self.types.type_.clone()));
        }
        // Methods of builtin types looked up on the class (`str.upper`).
        if let Some(proto) = builtin_proto(c.tag) {
            if super::methods::has_method(&proto, name) {
                // Called as `str.upper(s)`: the first argument is `self`.
                return Ok(Value::MethodName(name));
            }
        }
        if let Some(m) = self.inherited_method(c, name) {
            return Ok(m);
        }
        Err(self.attribute_error(&Value::Class(c.clone()), name))
    }

    pub(crate) fn setattr(
        &mut self,
        host: &mut dyn Host,
        obj: &Value,
        name: Symbol,
        v: Value,
    ) -> PyResult<()> {
        if let (true, Value::Instance(i)) = (self.custom_setattr, obj) {
            if let Some(f) = i.class.lookup(sym::__setattr__) {
                self.call(host, &f, vec![obj.clone(), Value::str(name.to_string()), v], vec![])?;
                return Ok(());
            }
        }
        if let (Value::Class(_), true) = (obj, name == sym::__setattr__) {
            self.custom_setattr = true;
        }
        self.generic_setattr(host, obj, name, v)
    }

    /// `object.__setattr__`: the store without a class's `__setattr__` override.
    pub(crate) fn generic_setattr(
        &mut self,
        host: &mut dyn Host,
        obj: &Value,
        name: Symbol,
        v: Value,
    ) -> PyResult<()> {
        match obj {
            Value::Instance(i) => {
                if i.class.tag == TypeTag::User && !i.class.has_properties() {
                    i.attrs.borrow_mut().set(name, v);
                    return Ok(());
                }
                if let Some(Value::Instance(d)) = i.class.lookup(name) {
                    let fset = match &*d.payload.borrow() {
                        Payload::Property { fset, .. } => Some(fset.clone()),
                        _ => None,
                    };
                    if let Some(fset) = fset {
                        if fset.is_none() {
                            return Err(self.property_error(
                                &Value::Instance(d.clone()),
                                obj,
                                "setter",
                            ));
                        }
                        self.call(host, &fset, vec![obj.clone(), v], vec![])?;
                        return Ok(());
                    }
                }
                if super::methods::set_exception_attr(self, obj, name, &v)? {
                    return Ok(());
                }
                i.attrs.borrow_mut().set(name, v);
                Ok(())
            }
            Value::Class(c) => {
                c.set_attr(name, v);
                Ok(())
            }
            Value::Function(f) => {
                if name == sym::__name__ {
                    if let Value::Str(s) = &v {
                        *f.name.borrow_mut() = s.s.as_str().into();
                        return Ok(());
                    }
                }
                f.attrs.borrow_mut().set(name, v);
                Ok(())
            }
            Value::Module(m) => {
                m.attrs.borrow_mut().set(name, v);
                Ok(())
            }
            _ => {
                if super::methods::data_attr(self, obj, name).is_some() {
                    return Err(self.new_error(
                        ExcKind::AttributeError,
                        format!(
                            "attribute '{}' of '{}' objects is not writable",
                            name,
                            type_name(obj)
                        ),
                    ));
                }
                if super::methods::has_method(obj, name) {
                    return Err(self.new_error(
                        ExcKind::AttributeError,
                        format!("'{}' object attribute '{}' is read-only", type_name(obj), name),
                    ));
                }
                Err(self.new_error(
                    ExcKind::AttributeError,
                    format!("'{}' object has no attribute '{}' and no __dict__ for setting new attributes", type_name(obj), name),
                ))
            }
        }
    }

    pub(crate) fn delattr(
        &mut self,
        host: &mut dyn Host,
        obj: &Value,
        name: Symbol,
    ) -> PyResult<()> {
        match obj {
            Value::Instance(i) => {
                // A property is a data descriptor: it decides before the
                // instance's own attributes.
                if i.class.has_properties() {
                    if let Some(p) = i.class.lookup(name).filter(Value::is_property) {
                        let Value::Instance(d) = &p else {
                            unreachable!("a property is an instance")
                        };
                        let fdel = match &*d.payload.borrow() {
                            Payload::Property { fdel, .. } => fdel.clone(),
                            _ => Value::None,
                        };
                        if fdel.is_none() {
                            return Err(self.property_error(&p, obj, "deleter"));
                        }
                        self.call(host, &fdel, vec![obj.clone()], vec![])?;
                        return Ok(());
                    }
                }
                match i.attrs.borrow_mut().remove(name) {
                    Some(_) => Ok(()),
                    None => Err(self.attribute_error(obj, name)),
                }
            }
            Value::Class(c) => match c.remove_attr(name) {
                Some(_) => Ok(()),
                None => Err(self.attribute_error(obj, name)),
            },
            _ => Err(self.attribute_error(obj, name)),
        }
    }

    /// For `obj.name(...)`: the callable and `self` (or `Undef` when the
    /// attribute is not a plain method and is called as is).
    #[inline]
    pub(crate) fn load_method(
        &mut self,
        host: &mut dyn Host,
        obj: Value,
        name: Symbol,
    ) -> PyResult<(Value, Value)> {
        // The containers' own methods, without the general path's set-up.
        if matches!(
            obj,
            Value::Str(_) | Value::List(_) | Value::Dict(_) | Value::Tuple(_) | Value::Set(_)
        ) && super::methods::has_method(&obj, name)
        {
            return Ok((Value::MethodName(name), obj));
        }
        self.load_method_general(host, obj, name)
    }

    #[inline(never)]
    fn load_method_general(
        &mut self,
        host: &mut dyn Host,
        obj: Value,
        name: Symbol,
    ) -> PyResult<(Value, Value)> {
        match &obj {
            Value::Instance(i) => {
                let plain = !matches!(&*i.payload.borrow(), Payload::Super { .. });
                if plain && i.attrs.borrow().get(name).is_none() {
                    if let Some(f @ (Value::Function(_) | Value::Builtin(_))) = i.class.lookup(name)
                    {
                        // Host data attributes never shadow methods.
                        return Ok((f, obj));
                    }
                }
                let v = self.getattr(host, &obj, name)?;
                Ok((v, Value::Undef))
            }
            Value::Class(_)
            | Value::Module(_)
            | Value::Function(_)
            | Value::Method(_)
            | Value::Builtin(_) => {
                let v = self.getattr(host, &obj, name)?;
                Ok((v, Value::Undef))
            }
            Value::Coroutine(_) | Value::Generator(_) => {
                if let Some(f @ Value::Builtin(_)) = self.class_of(&obj).lookup(name) {
                    return Ok((f, obj));
                }
                let v = self.getattr(host, &obj, name)?;
                Ok((v, Value::Undef))
            }
            _ => {
                if super::methods::has_method(&obj, name) {
                    return Ok((Value::MethodName(name), obj));
                }
                let v = self.getattr(host, &obj, name)?;
                Ok((v, Value::Undef))
            }
        }
    }
}

/// A class attribute as read through the class `c` (`descr.__get__(None,
/// c)`): a staticmethod's function, a classmethod bound to `c`, anything else
/// as it is.
fn bind_to_class(v: Value, c: &Rc<Class>) -> Value {
    if let Value::Instance(i) = &v {
        match &*i.payload.borrow() {
            Payload::StaticMethod(f) => return f.clone(),
            Payload::ClassMethod(f) => {
                return Value::Method(Rc::new(Method {
                    self_: Value::Class(c.clone()),
                    func: f.clone(),
                }))
            }
            _ => {}
        }
    }
    v
}

/// A representative value of a builtin type, to ask which methods it has.
fn builtin_proto(tag: TypeTag) -> Option<Value> {
    Some(match tag {
        TypeTag::Str => Value::str(""),
        TypeTag::List => Value::list(vec![]),
        TypeTag::Dict => Value::Dict(Rc::new(Dict::default())),
        TypeTag::Set => Value::Set(Rc::new(Set::default())),
        TypeTag::Tuple => Value::tuple(vec![]),
        TypeTag::Int => Value::Int(0),
        TypeTag::Float => Value::Float(0.0),
        _ => return None,
    })
}
