//! Calling: argument binding with CPython's messages, instantiation, class
//! creation, and calling Python code from native code.

use super::args;
use super::code::CodeKind;
use super::exc::ExcKind;
use super::frame::{ExecStack, Frame, OnReturn};
use super::intern::{sym, Symbol};
use super::value::*;
use super::{Host, PyErr, PyResult, Resume, RunResult, Vm, MAX_NATIVE_DEPTH};
use std::cell::{Cell, RefCell};
use std::rc::Rc;

/// The outcome of starting a call.
pub(crate) enum Invoke {
    /// Finished: the result.
    Value(Value),
    /// A Python frame to run (the caller decides: push it on its stack, or run it nested).
    Frame(Box<Frame>),
    /// A host function that needs the driver (see [`RunResult::HostCall`]).
    Driver { id: u32, args: Vec<Value>, kwargs: Vec<(Symbol, Value)> },
    /// Resume a generator (the caller decides: on its stack, or nested).
    Resume(super::gen::ResumeReq),
}

impl Vm {
    /// Start calling `func`.
    /// Call a native or host builtin now; `None` for a driver call, which
    /// only the driver can carry out (the caller suspends for it).
    #[inline]
    pub(crate) fn call_builtin(
        &mut self,
        host: &mut dyn Host,
        kind: BuiltinKind,
        args: &[Value],
        kwargs: &Kwargs,
    ) -> PyResult<Option<Value>> {
        match kind {
            BuiltinKind::Native(nf) => nf(self, host, args, kwargs).map(Some),
            BuiltinKind::Host(id) => host.call(self, id, args, kwargs).map(Some),
            BuiltinKind::Driver(_) | BuiltinKind::Frame(_) => Ok(None),
        }
    }

    pub(crate) fn invoke(
        &mut self,
        host: &mut dyn Host,
        func: Value,
        mut args: Vec<Value>,
        kwargs: Vec<(Symbol, Value)>,
    ) -> PyResult<Invoke> {
        match func {
            Value::Function(f) => {
                let frame = self.bind_frame(&f, &args, &kwargs)?;
                self.frame_to_invoke(&f, frame)
            }
            Value::Builtin(b) => match self.call_builtin(host, b.kind, &args, &kwargs) {
                Ok(Some(v)) => Ok(Invoke::Value(v)),
                Ok(None) => match b.kind {
                    BuiltinKind::Driver(id) => Ok(Invoke::Driver { id, args, kwargs }),
                    BuiltinKind::Frame(id) => self.frame_builtin(host, id, &args, &kwargs),
                    _ => unreachable!("only driver and frame calls are left"),
                },
                Err(e) => Err(e),
            },
            Value::Method(m) => match &m.func {
                Value::MethodName(name) => {
                    Ok(Invoke::Value(self.call_method_name(host, &m.self_, *name, &args, &kwargs)?))
                }
                f => {
                    args.insert(0, m.self_.clone());
                    self.invoke(host, f.clone(), args, kwargs)
                }
            },
            Value::Class(c) => self.instantiate(host, c, args, kwargs),
            Value::MethodName(name) => {
                // A builtin type's method taken from the class: `str.upper(s)`.
                if args.is_empty() {
                    return Err(
                        self.type_error(format!("unbound method {name}() needs an argument"))
                    );
                }
                let recv = args.remove(0);
                Ok(Invoke::Value(self.call_method_name(host, &recv, name, &args, &kwargs)?))
            }
            Value::Instance(ref i) => {
                // staticmethod/classmethod objects are not callable in 3.9-; in
                // 3.10+ staticmethod is. Instances with __call__.
                if let Payload::StaticMethod(f) = &*i.payload.borrow() {
                    let f = f.clone();
                    return self.invoke(host, f, args, kwargs);
                }
                match i.class.lookup(sym::__call__) {
                    Some(call) => {
                        args.insert(0, func.clone());
                        self.invoke(host, call, args, kwargs)
                    }
                    None => Err(self.not_callable(&func)),
                }
            }
            other => Err(self.not_callable(&other)),
        }
    }

    fn not_callable(&self, v: &Value) -> PyErr {
        self.type_error(format!("'{}' object is not callable", super::types::type_name(v)))
    }

    /// Turn a bound frame into the call's outcome according to its code kind.
    fn frame_to_invoke(&mut self, f: &Rc<Function>, frame: Box<Frame>) -> PyResult<Invoke> {
        match f.code.kind {
            CodeKind::Function | CodeKind::Module | CodeKind::ClassBody => Ok(Invoke::Frame(frame)),
            CodeKind::AsyncFunction => Ok(Invoke::Value(coroutine_of(f, frame))),
            CodeKind::Generator => {
                Ok(Invoke::Value(self.new_generator(GenKind::Generator, f, frame)))
            }
            CodeKind::AsyncGenerator => Ok(Invoke::Value(self.new_generator(
                GenKind::AsyncGenerator { hooked: Cell::new(None) },
                f,
                frame,
            ))),
        }
    }

    /// Bind arguments to a new frame for `f` (CPython 3.13 `ceval.c`'s `initialize_locals`).
    #[allow(clippy::needless_range_loop)] // `i` indexes `locals`, `varnames` and the defaults
    pub(crate) fn bind_frame(
        &mut self,
        f: &Rc<Function>,
        args: &[Value],
        kwargs: &[(Symbol, Value)],
    ) -> PyResult<Box<Frame>> {
        let code = &f.code;
        let p = &code.params;
        let npos = p.positional as usize;
        let mut frame = self.new_frame(code.clone(), f.globals.clone());
        let locals = &mut frame.locals;
        // Fast path: exactly the positional parameters.
        if kwargs.is_empty() && !p.varargs && p.kwonly == 0 && !p.varkw {
            if args.len() == npos {
                locals[..npos].clone_from_slice(args);
                self.init_cells(&mut frame, f);
                return Ok(frame);
            }
            // Fast path: the first positional parameters, defaults for the rest.
            let n = args.len();
            let ndefaults = f.defaults.len();
            if n < npos && n + ndefaults >= npos {
                locals[..n].clone_from_slice(args);
                locals[n..npos].clone_from_slice(&f.defaults[ndefaults - (npos - n)..]);
                self.init_cells(&mut frame, f);
                return Ok(frame);
            }
        }
        // The rest is ceval's `initialize_locals`, in its order of checks:
        // every keyword in turn (multiple values, unknown, positional-only),
        // then too many positional arguments, then the missing positional
        // ones, then the missing keyword-only ones.
        let fname = || f.qualname.borrow().clone();
        let n = args.len().min(npos);
        locals[..n].clone_from_slice(&args[..n]);
        let kwonly_start = npos + usize::from(p.varargs);
        let kwonly_end = kwonly_start + p.kwonly as usize;
        if p.varargs {
            locals[npos] = Value::tuple(args[n..].to_vec());
        }
        let mut varkw: Option<super::dict::DictData> =
            if p.varkw { Some(Default::default()) } else { None };
        let posonly = &code.varnames[..p.posonly as usize];
        let by_keyword = (p.posonly as usize..npos).chain(kwonly_start..kwonly_end);
        for (name, v) in kwargs {
            match by_keyword.clone().find(|&i| code.varnames[i] == *name) {
                Some(i) if !locals[i].is_undef() => {
                    return Err(self.type_error(args::multiple_values(&fname(), name)));
                }
                Some(i) => locals[i] = v.clone(),
                None => match &mut varkw {
                    Some(d) => {
                        let key = Value::str(name.to_string());
                        let h = super::hash::str_hash(&key);
                        d.insert(h, key, v.clone());
                    }
                    None => {
                        // The positional-only parameters named, in their order.
                        let passed: Vec<Symbol> = posonly
                            .iter()
                            .copied()
                            .filter(|p| kwargs.iter().any(|(k, _)| k == p))
                            .collect();
                        if !passed.is_empty() {
                            let msg = args::positional_only_as_keyword(&fname(), &passed);
                            return Err(self.type_error(msg));
                        }
                        // CPython suggests among the parameters that can be passed by keyword.
                        let names: Vec<String> =
                            by_keyword.clone().map(|i| code.varnames[i].to_string()).collect();
                        let cands: Vec<&str> = names.iter().map(String::as_str).collect();
                        let msg = crate::pylib::suggest::unexpected_keyword(
                            &fname(),
                            &name.to_string(),
                            &cands,
                        );
                        return Err(self.type_error(msg));
                    }
                },
            }
        }
        let ndefaults = f.defaults.len();
        if args.len() > npos && !p.varargs {
            let kwonly_given =
                locals[kwonly_start..kwonly_end].iter().filter(|v| !v.is_undef()).count();
            return Err(self.type_error(args::too_many_positional(
                &fname(),
                npos,
                ndefaults,
                args.len(),
                kwonly_given,
            )));
        }
        // Defaults for missing positional parameters.
        let mut missing = Vec::new();
        for i in n..npos {
            if locals[i].is_undef() {
                if i + ndefaults >= npos {
                    locals[i] = f.defaults[i + ndefaults - npos].clone();
                } else {
                    missing.push(code.varnames[i]);
                }
            }
        }
        if !missing.is_empty() {
            return Err(self.type_error(args::missing_arguments(&fname(), "positional", &missing)));
        }
        let mut missing_kw = Vec::new();
        for i in kwonly_start..kwonly_end {
            if locals[i].is_undef() {
                let name = code.varnames[i];
                match f.kwdefaults.iter().find(|(k, _)| *k == name) {
                    Some((_, v)) => locals[i] = v.clone(),
                    None => missing_kw.push(name),
                }
            }
        }
        if !missing_kw.is_empty() {
            let msg = args::missing_arguments(&fname(), "keyword-only", &missing_kw);
            return Err(self.type_error(msg));
        }
        if let Some(d) = varkw {
            locals[kwonly_end] = Value::Dict(Rc::new(Dict(RefCell::new(d))));
        }
        self.init_cells(&mut frame, f);
        Ok(frame)
    }

    /// Call `func` from native code and run it to completion (nested).
    pub(crate) fn call(
        &mut self,
        host: &mut dyn Host,
        func: &Value,
        args: Vec<Value>,
        kwargs: Vec<(Symbol, Value)>,
    ) -> PyResult<Value> {
        match self.invoke(host, func.clone(), args, kwargs)? {
            Invoke::Value(v) => Ok(v),
            Invoke::Frame(f) => self.run_nested(host, f),
            Invoke::Driver { .. } => {
                Err(self.runtime_error("asyncio.run() cannot be called from here"))
            }
            Invoke::Resume(req) => self.resume_native_req(host, req),
        }
    }

    /// Run a frame to completion on a fresh stack, from native code.
    pub(crate) fn run_nested(&mut self, host: &mut dyn Host, f: Box<Frame>) -> PyResult<Value> {
        if self.native_depth >= MAX_NATIVE_DEPTH || self.depth >= super::RECURSION_LIMIT {
            return Err(
                self.new_error(ExcKind::RecursionError, "maximum recursion depth exceeded".into())
            );
        }
        self.native_depth += 1;
        let fuel = std::mem::replace(&mut self.fuel, u64::MAX);
        let mut st = ExecStack { frames: vec![f] };
        let r = self.run(host, &mut st, Resume::Start);
        let used = u64::MAX - self.fuel;
        self.fuel = fuel.saturating_sub(used);
        self.native_depth -= 1;
        match r {
            RunResult::Return(v) => Ok(v),
            RunResult::Raise(e) => Err(e),
            RunResult::Yield(_) => {
                Err(self
                    .runtime_error("cannot suspend here (an await inside a synchronous callback)"))
            }
            RunResult::OutOfFuel => unreachable!("nested runs have unlimited fuel"),
            RunResult::HostCall { .. } => {
                Err(self.runtime_error("asyncio.run() cannot be called from here"))
            }
        }
    }

    /// Call a method by name on a value (native code calling e.g. `fut.cancel()`),
    /// honouring overrides in Python subclasses.
    pub(crate) fn call_method(
        &mut self,
        host: &mut dyn Host,
        obj: &Value,
        name: Symbol,
        args: Vec<Value>,
        kwargs: Vec<(Symbol, Value)>,
    ) -> PyResult<Value> {
        let (f, s) = self.load_method(host, obj.clone(), name)?;
        match (f, s) {
            (Value::MethodName(m), s) => self.call_method_name(host, &s, m, &args, &kwargs),
            (f, Value::Undef) => self.call(host, &f, args, kwargs),
            (f, s) => {
                let mut a = Vec::with_capacity(args.len() + 1);
                a.push(s);
                a.extend(args);
                self.call(host, &f, a, kwargs)
            }
        }
    }

    /// `BaseExceptionGroup.__new__`'s choice of class: `BaseExceptionGroup`
    /// of exceptions that are all `Exception`s makes an `ExceptionGroup`;
    /// an `ExceptionGroup` (or a subclass of `Exception`) refuses to hold a
    /// `BaseException`.
    fn group_class(&mut self, c: Rc<Class>, args: &[Value]) -> PyResult<Rc<Class>> {
        let base = self.types.exc_class(super::exc::ExcKind::BaseExceptionGroup).clone();
        if !c.is_subclass(&base) {
            return Ok(c);
        }
        let items: Vec<Value> = match args.get(1) {
            Some(Value::List(l)) => l.0.borrow().clone(),
            Some(Value::Tuple(t)) => t.0.clone(),
            _ => return Ok(c),
        };
        let exception = self.types.exc_class(super::exc::ExcKind::Exception).clone();
        let nested_base = items
            .iter()
            .any(|e| super::exc::is_exception(e) && !self.class_of(e).is_subclass(&exception));
        if Rc::ptr_eq(&c, &base) {
            if !nested_base && !items.is_empty() && items.iter().all(super::exc::is_exception) {
                return Ok(self.types.exc_class(super::exc::ExcKind::ExceptionGroup).clone());
            }
        } else if nested_base && c.is_subclass(&exception) {
            let eg = self.types.exc_class(super::exc::ExcKind::ExceptionGroup);
            if Rc::ptr_eq(&c, eg) {
                return Err(self.type_error("Cannot nest BaseExceptions in an ExceptionGroup"));
            }
            return Err(self.type_error(format!("Cannot nest BaseExceptions in '{}'", c.name)));
        }
        Ok(c)
    }

    /// `Class(args)`.
    pub(crate) fn instantiate(
        &mut self,
        host: &mut dyn Host,
        c: Rc<Class>,
        args: Vec<Value>,
        kwargs: Vec<(Symbol, Value)>,
    ) -> PyResult<Invoke> {
        match c.tag {
            TypeTag::User | TypeTag::Exception | TypeTag::Host | TypeTag::Object => {}
            _ => return Ok(Invoke::Value(self.construct_builtin(host, &c, args, kwargs)?)),
        }
        if c.tag == TypeTag::Object
            && c.name.as_ref() == "object"
            && Rc::ptr_eq(&c, &self.types.object)
            && (!args.is_empty() || !kwargs.is_empty())
        {
            return Err(self.type_error("object() takes no arguments"));
        }
        let c = if c.tag == TypeTag::Exception { self.group_class(c, &args)? } else { c };
        if c.tag == TypeTag::User && c.special_instantiation() {
            return self.instantiate_special(host, c, args, kwargs);
        }
        let inst = new_instance(&c, &args);
        self.init_instance(host, c, inst, args, kwargs)
    }

    /// `__init__` of a new instance (`inst`, of class `c`) with the call's arguments.
    fn init_instance(
        &mut self,
        host: &mut dyn Host,
        c: Rc<Class>,
        inst: Value,
        args: Vec<Value>,
        kwargs: Vec<(Symbol, Value)>,
    ) -> PyResult<Invoke> {
        match c.lookup(sym::__init__) {
            Some(Value::Function(f)) => {
                let mut a = Vec::with_capacity(args.len() + 1);
                a.push(inst.clone());
                a.extend(args);
                let mut frame = self.bind_frame(&f, &a, &kwargs)?;
                frame.on_return = OnReturn::Init(inst);
                Ok(Invoke::Frame(frame))
            }
            Some(init) => {
                let mut a = Vec::with_capacity(args.len() + 1);
                a.push(inst.clone());
                a.extend(args);
                self.call(host, &init, a, kwargs)?;
                Ok(Invoke::Value(inst))
            }
            None => {
                if c.tag != TypeTag::Exception
                    && (!args.is_empty() || !kwargs.is_empty())
                    && c.lookup(sym::__new__).is_none()
                {
                    return Err(self.type_error(format!("{}() takes no arguments", c.name)));
                }
                Ok(Invoke::Value(inst))
            }
        }
    }

    /// `Class(args)` for a class with `__new__` or abstract methods.
    #[cold]
    fn instantiate_special(
        &mut self,
        host: &mut dyn Host,
        c: Rc<Class>,
        args: Vec<Value>,
        kwargs: Vec<(Symbol, Value)>,
    ) -> PyResult<Invoke> {
        if let Some(abstract_) = c.lookup(sym::__abstractmethods__) {
            self.check_not_abstract(host, &c, &abstract_)?;
        }
        let Some(new) = c.lookup(sym::__new__) else {
            let inst = new_instance(&c, &args);
            return self.init_instance(host, c, inst, args, kwargs);
        };
        // `__new__` is a static method: the class comes first.
        let new = match new {
            Value::Instance(ref i) => match &*i.payload.borrow() {
                Payload::StaticMethod(f) => f.clone(),
                _ => new.clone(),
            },
            _ => new,
        };
        let mut a = Vec::with_capacity(args.len() + 1);
        a.push(Value::Class(c.clone()));
        a.extend(args.iter().cloned());
        let obj = self.call(host, &new, a, kwargs.clone())?;
        match &obj {
            Value::Instance(i) if i.class.is_subclass(&c) => {
                self.init_instance(host, c, obj, args, kwargs)
            }
            _ => Ok(Invoke::Value(obj)),
        }
    }

    /// `abc`: a class with abstract methods left cannot be instantiated.
    #[cold]
    fn check_not_abstract(
        &mut self,
        host: &mut dyn Host,
        c: &Class,
        abstract_: &Value,
    ) -> PyResult<()> {
        let mut names = Vec::new();
        for v in self.iterate(host, abstract_)? {
            names.push(format!("'{}'", self.str(host, &v)?));
        }
        if names.is_empty() {
            return Ok(());
        }
        names.sort();
        let s = if names.len() == 1 { "" } else { "s" };
        Err(self.type_error(format!(
            "Can't instantiate abstract class {} without an implementation for abstract method{s} {}",
            c.name,
            names.join(", ")
        )))
    }

    /// Instantiate an exception class with no arguments, running a Python `__init__` nested.
    pub(crate) fn instantiate_simple(&mut self, c: Rc<Class>) -> PyResult<Value> {
        let mut host = super::NoHost { out: String::new() };
        match self.instantiate(&mut host, c, Vec::new(), Vec::new())? {
            Invoke::Value(v) => Ok(v),
            Invoke::Frame(f) => self.run_nested(&mut host, f),
            Invoke::Driver { .. } | Invoke::Resume(_) => {
                unreachable!("instantiating a class returns a value or a frame")
            }
        }
    }

    /// Create a class from a finished class body (`type(name, bases, ns)`).
    pub(crate) fn build_class(
        &mut self,
        host: &mut dyn Host,
        name: &Rc<str>,
        qualname: &Rc<str>,
        bases: &[Value],
        ns: &Rc<Dict>,
        globals: &Rc<Globals>,
    ) -> PyResult<Value> {
        let mut base_classes = Vec::new();
        for b in bases {
            match b {
                Value::Class(c) => {
                    if !matches!(
                        c.tag,
                        TypeTag::User | TypeTag::Exception | TypeTag::Object | TypeTag::Host
                    ) {
                        return Err(self.type_error(format!(
                            "unsupported: subclassing the builtin type '{}'",
                            c.name
                        )));
                    }
                    base_classes.push(c.clone());
                }
                other => {
                    return Err(self.type_error(format!(
                        "bases must be types, not '{}'",
                        super::types::type_name(other)
                    )))
                }
            }
        }
        if base_classes.is_empty() {
            base_classes.push(self.types.object.clone());
        }
        let mro = super::types::c3_mro(&base_classes).map_err(|m| self.type_error(m))?;
        let tag = if mro.iter().any(|c| c.tag == TypeTag::Exception) {
            TypeTag::Exception
        } else if mro.iter().any(|c| c.tag == TypeTag::Host) {
            TypeTag::Host
        } else {
            TypeTag::User
        };
        let host_kind =
            mro.iter().find(|c| c.tag == TypeTag::Host).map(|c| c.host_kind).unwrap_or(0);
        let mut dict = AttrMap::default();
        for e in ns.0.borrow().iter() {
            if let Value::Str(k) = &e.key {
                let key = Symbol::new(&k.s);
                // `property.__set_name__`.
                if let Value::Instance(i) = &e.value {
                    if let Payload::Property { name, .. } = &mut *i.payload.borrow_mut() {
                        *name = Some(key);
                    }
                }
                dict.set(key, e.value.clone());
            }
        }
        // A class that defines __eq__ but not __hash__ is unhashable (type_new's rule).
        if dict.get(sym::__eq__).is_some() && dict.get(sym::__hash__).is_none() {
            dict.set(sym::__hash__, Value::None);
        }
        if dict.get(sym::__setattr__).is_some() {
            self.custom_setattr = true;
        }
        // `__module__` set in the class body names the class's module.
        let module = match dict.get(sym::__module__) {
            Some(Value::Str(m)) => {
                let m: Rc<str> = m.s.as_str().into();
                dict.remove(sym::__module__);
                m
            }
            _ => globals.module_name.clone(),
        };
        let cls = Rc::new(Class {
            name: name.clone(),
            qualname: qualname.clone(),
            module,
            bases: base_classes,
            mro,
            dict: RefCell::new(dict),
            cache: Default::default(),
            tag,
            host_kind,
            id: next_id(),
        });
        self.cycle_roots.borrow_mut().class(&cls);
        // `__init_subclass__` of the nearest base that defines it (an
        // implicit classmethod), called with the new class.
        let hook = cls
            .mro
            .iter()
            .find_map(|b| b.dict.borrow().get(Symbol::new("__init_subclass__")).cloned());
        if let Some(f) = hook {
            let f = match &f {
                Value::Instance(i) => match &*i.payload.borrow() {
                    Payload::ClassMethod(g) => g.clone(),
                    _ => f.clone(),
                },
                _ => f,
            };
            self.call(host, &f, vec![Value::Class(cls.clone())], vec![])?;
        }
        Ok(Value::Class(cls))
    }

    /// `super()` from a method of `cls` called on `obj`.
    pub(crate) fn make_super(&mut self, cls: Value, obj: Value) -> PyResult<Value> {
        let Value::Class(cls) = cls else {
            return Err(self.runtime_error("super(): __class__ cell not found"));
        };
        Ok(Value::Instance(Rc::new(Instance {
            class: self.types.super_.clone(),
            attrs: RefCell::new(AttrMap::default()),
            payload: RefCell::new(Payload::Super { class: cls, obj }),
            id: next_id(),
        })))
    }
}

/// The coroutine object of a call of the `async def` `f`, not started,
/// holding its bound frame.
#[inline]
pub(super) fn coroutine_of(f: &Rc<Function>, frame: Box<Frame>) -> Value {
    Value::Coroutine(Rc::new(Coroutine {
        name: f.name.borrow().clone(),
        qualname: f.qualname.borrow().clone(),
        code: f.code.clone(),
        state: Cell::new(CoroState::Created),
        stack: RefCell::new(Some(ExecStack { frames: vec![frame] })),
        id: next_id(),
    }))
}

/// A new instance of `c` (an exception's `args` set), its `__init__` not run yet.
pub(crate) fn new_instance(c: &Rc<Class>, args: &[Value]) -> Value {
    let payload = if c.tag == TypeTag::Exception {
        Payload::Exception(Box::new(ExcData {
            args: Value::tuple(args.to_vec()),
            cause: Value::None,
            context: Value::None,
            ..Default::default()
        }))
    } else {
        Payload::None
    };
    Value::Instance(Rc::new(Instance {
        class: c.clone(),
        attrs: RefCell::new(AttrMap::default()),
        payload: RefCell::new(payload),
        id: next_id(),
    }))
}
