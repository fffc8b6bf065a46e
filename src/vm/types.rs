//! The builtin classes: `object`, `int`, `str`, ..., and the exception hierarchy.

use super::exc::ExcKind;
use super::intern::Symbol;
use super::value::*;
use std::cell::RefCell;
use std::rc::Rc;

/// Every builtin class, made once per VM.
#[derive(Debug)]
pub(crate) struct Types {
    pub(crate) object: Rc<Class>,
    pub(crate) type_: Rc<Class>,
    pub(crate) none: Rc<Class>,
    pub(crate) bool_: Rc<Class>,
    pub(crate) int: Rc<Class>,
    pub(crate) float: Rc<Class>,
    pub(crate) str_: Rc<Class>,
    pub(crate) tuple: Rc<Class>,
    pub(crate) list: Rc<Class>,
    pub(crate) dict: Rc<Class>,
    pub(crate) set: Rc<Class>,
    pub(crate) frozenset: Rc<Class>,
    pub(crate) range: Rc<Class>,
    pub(crate) slice: Rc<Class>,
    pub(crate) function: Rc<Class>,
    pub(crate) builtin_function: Rc<Class>,
    pub(crate) method: Rc<Class>,
    pub(crate) module: Rc<Class>,
    pub(crate) coroutine: Rc<Class>,
    pub(crate) generator: Rc<Class>,
    pub(crate) async_generator: Rc<Class>,
    pub(crate) coroutine_wrapper: Rc<Class>,
    pub(crate) agen_asend: Rc<Class>,
    pub(crate) agen_athrow: Rc<Class>,
    /// What `gi_frame` & co return (only `f_lineno`, `f_code` and `f_locals` are there).
    pub(crate) frame: Rc<Class>,
    /// The builtin iterators' types, indexed by [`IterType`].
    pub(crate) iterators: Vec<Rc<Class>>,
    pub(crate) cell: Rc<Class>,
    pub(crate) code: Rc<Class>,
    pub(crate) ellipsis: Rc<Class>,
    pub(crate) not_implemented: Rc<Class>,
    pub(crate) property: Rc<Class>,
    pub(crate) staticmethod: Rc<Class>,
    pub(crate) classmethod: Rc<Class>,
    pub(crate) super_: Rc<Class>,
    /// Exception classes indexed by [`ExcKind`].
    pub(crate) exc: Vec<Rc<Class>>,
}

/// C3 linearisation of `bases` (the class itself excluded).
pub(crate) fn c3_mro(bases: &[Rc<Class>]) -> Result<Vec<Rc<Class>>, String> {
    let mut seqs: Vec<Vec<Rc<Class>>> = bases
        .iter()
        .map(|b| {
            let mut v = vec![b.clone()];
            v.extend(b.mro.iter().cloned());
            v
        })
        .collect();
    seqs.push(bases.to_vec());
    let mut out: Vec<Rc<Class>> = Vec::new();
    loop {
        seqs.retain(|s| !s.is_empty());
        if seqs.is_empty() {
            return Ok(out);
        }
        let mut chosen = None;
        for s in &seqs {
            let head = &s[0];
            if !seqs.iter().any(|t| t[1..].iter().any(|c| c.id == head.id)) {
                chosen = Some(head.clone());
                break;
            }
        }
        let Some(c) = chosen else {
            // CPython names the heads still to merge, each once.
            let mut names: Vec<String> = Vec::new();
            for s in &seqs {
                let n = s[0].name.to_string();
                if !names.contains(&n) {
                    names.push(n);
                }
            }
            return Err(format!(
                "Cannot create a consistent method resolution order (MRO) for bases {}",
                names.join(", ")
            ));
        };
        for s in seqs.iter_mut() {
            if s[0].id == c.id {
                s.remove(0);
            }
        }
        out.push(c);
    }
}

/// Make a class object.
pub(crate) fn new_class(
    name: &str,
    module: &str,
    bases: Vec<Rc<Class>>,
    tag: TypeTag,
    host_kind: u32,
) -> Rc<Class> {
    let mro = c3_mro(&bases).expect("builtin class hierarchy is consistent");
    Rc::new(Class {
        name: name.into(),
        qualname: name.into(),
        module: module.into(),
        bases,
        mro,
        dict: RefCell::new(AttrMap::default()),
        cache: Default::default(),
        tag,
        host_kind,
        id: next_id(),
    })
}

impl Types {
    pub(crate) fn new() -> Types {
        let object = new_class("object", "builtins", vec![], TypeTag::Object, 0);
        let mk =
            |name: &str, tag: TypeTag| new_class(name, "builtins", vec![object.clone()], tag, 0);
        let int = mk("int", TypeTag::Int);
        let bool_ = new_class("bool", "builtins", vec![int.clone()], TypeTag::Bool, 0);
        let mut t = Types {
            type_: mk("type", TypeTag::Type),
            none: mk("NoneType", TypeTag::NoneType),
            bool_,
            int,
            float: mk("float", TypeTag::Float),
            str_: mk("str", TypeTag::Str),
            tuple: mk("tuple", TypeTag::Tuple),
            list: mk("list", TypeTag::List),
            dict: mk("dict", TypeTag::Dict),
            set: mk("set", TypeTag::Set),
            frozenset: mk("frozenset", TypeTag::FrozenSet),
            range: mk("range", TypeTag::Range),
            slice: mk("slice", TypeTag::Slice),
            function: mk("function", TypeTag::Function),
            builtin_function: mk("builtin_function_or_method", TypeTag::BuiltinFunction),
            method: mk("method", TypeTag::Method),
            module: mk("module", TypeTag::Module),
            coroutine: mk("coroutine", TypeTag::Coroutine),
            generator: mk("generator", TypeTag::Generator),
            async_generator: mk("async_generator", TypeTag::Generator),
            coroutine_wrapper: mk("coroutine_wrapper", TypeTag::Generator),
            agen_asend: mk("async_generator_asend", TypeTag::Generator),
            agen_athrow: mk("async_generator_athrow", TypeTag::Generator),
            frame: mk("frame", TypeTag::Object),
            iterators: IterType::ALL.iter().map(|t| mk(t.name(), TypeTag::Iterator)).collect(),
            cell: mk("cell", TypeTag::Cell),
            code: mk("code", TypeTag::Object),
            ellipsis: mk("ellipsis", TypeTag::Ellipsis),
            not_implemented: mk("NotImplementedType", TypeTag::NotImplementedType),
            property: mk("property", TypeTag::Property),
            staticmethod: mk("staticmethod", TypeTag::StaticMethod),
            classmethod: mk("classmethod", TypeTag::ClassMethod),
            super_: mk("super", TypeTag::Super),
            exc: Vec::new(),
            object,
        };
        t.exc = ExcKind::build_hierarchy(&t.object);
        t
    }

    pub(crate) fn exc_class(&self, kind: ExcKind) -> &Rc<Class> {
        &self.exc[kind as usize]
    }

    /// `type(v)`.
    pub(crate) fn type_of(&self, v: &Value) -> Rc<Class> {
        match v {
            Value::Undef | Value::None => self.none.clone(),
            Value::Bool(_) => self.bool_.clone(),
            Value::Int(_) => self.int.clone(),
            Value::Float(_) => self.float.clone(),
            Value::Str(_) => self.str_.clone(),
            Value::Tuple(_) => self.tuple.clone(),
            Value::List(_) => self.list.clone(),
            Value::Dict(_) => self.dict.clone(),
            Value::Set(s) => {
                if s.frozen {
                    self.frozenset.clone()
                } else {
                    self.set.clone()
                }
            }
            Value::Range(_) => self.range.clone(),
            Value::Slice(_) => self.slice.clone(),
            Value::Function(_) => self.function.clone(),
            Value::Builtin(_) | Value::MethodName(_) => self.builtin_function.clone(),
            Value::Method(_) => self.method.clone(),
            Value::Class(_) => self.type_.clone(),
            Value::Instance(i) => i.class.clone(),
            Value::Module(_) => self.module.clone(),
            Value::Coroutine(_) => self.coroutine.clone(),
            Value::Generator(g) => match &g.kind {
                GenKind::Generator => self.generator.clone(),
                GenKind::AsyncGenerator { .. } => self.async_generator.clone(),
                GenKind::CoroWrapper(_) => self.coroutine_wrapper.clone(),
                GenKind::AgenOp { op: AgenOpKind::Send, .. } => self.agen_asend.clone(),
                GenKind::AgenOp { .. } => self.agen_athrow.clone(),
            },
            Value::Iter(it) => self.iterators[it.kind.borrow().iter_type() as usize].clone(),
            Value::Cell(_) => self.cell.clone(),
            Value::Code(_) => self.code.clone(),
            Value::Ellipsis => self.ellipsis.clone(),
            Value::NotImplemented => self.not_implemented.clone(),
        }
    }

    /// The builtin classes exposed as builtins (`int`, `str`, ...).
    pub(crate) fn builtin_names(&self) -> Vec<(&'static str, Rc<Class>)> {
        vec![
            ("object", self.object.clone()),
            ("type", self.type_.clone()),
            ("bool", self.bool_.clone()),
            ("int", self.int.clone()),
            ("float", self.float.clone()),
            ("str", self.str_.clone()),
            ("tuple", self.tuple.clone()),
            ("list", self.list.clone()),
            ("dict", self.dict.clone()),
            ("set", self.set.clone()),
            ("frozenset", self.frozenset.clone()),
            ("range", self.range.clone()),
            ("slice", self.slice.clone()),
            ("property", self.property.clone()),
            ("staticmethod", self.staticmethod.clone()),
            ("classmethod", self.classmethod.clone()),
            ("super", self.super_.clone()),
        ]
    }
}

impl Default for Types {
    fn default() -> Types {
        Types::new()
    }
}

/// The name of a value's type, as messages print it (`'int'`, `'NoneType'`).
pub(crate) fn type_name(v: &Value) -> Rc<str> {
    match v {
        Value::Undef | Value::None => "NoneType".into(),
        Value::Bool(_) => "bool".into(),
        Value::Int(_) => "int".into(),
        Value::Float(_) => "float".into(),
        Value::Str(_) => "str".into(),
        Value::Tuple(_) => "tuple".into(),
        Value::List(_) => "list".into(),
        Value::Dict(_) => "dict".into(),
        Value::Set(s) => {
            if s.frozen {
                "frozenset".into()
            } else {
                "set".into()
            }
        }
        Value::Range(_) => "range".into(),
        Value::Slice(_) => "slice".into(),
        Value::Function(_) => "function".into(),
        Value::Builtin(_) | Value::MethodName(_) => "builtin_function_or_method".into(),
        Value::Method(_) => "method".into(),
        Value::Class(_) => "type".into(),
        Value::Instance(i) => i.class.name.clone(),
        Value::Module(_) => "module".into(),
        Value::Coroutine(_) => "coroutine".into(),
        Value::Generator(g) => match &g.kind {
            GenKind::Generator => "generator".into(),
            GenKind::AsyncGenerator { .. } => "async_generator".into(),
            GenKind::CoroWrapper(_) => "coroutine_wrapper".into(),
            GenKind::AgenOp { op: AgenOpKind::Send, .. } => "async_generator_asend".into(),
            GenKind::AgenOp { .. } => "async_generator_athrow".into(),
        },
        Value::Iter(it) => it.kind.borrow().iter_type().name().into(),
        Value::Cell(_) => "cell".into(),
        Value::Code(_) => "code".into(),
        Value::Ellipsis => "ellipsis".into(),
        Value::NotImplemented => "NotImplementedType".into(),
    }
}

/// A class attribute holding a native method.
pub(crate) fn add_native(class: &Rc<Class>, name: &str, f: NativeFn) {
    let qual = format!("{}.{}", class.name, name);
    class.set_attr(
        Symbol::new(name),
        Value::Builtin(Rc::new(Builtin {
            name: name.into(),
            qualname: qual.into(),
            kind: BuiltinKind::Native(f),
            id: next_id(),
        })),
    );
}
