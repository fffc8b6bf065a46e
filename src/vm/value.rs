//! Python values.
//!
//! A [`Value`] is 16 bytes: a tag plus either an immediate (`None`, `bool`,
//! `int`, `float`) or an `Rc` to a heap object. Mutable containers use
//! `RefCell`; the VM never holds a borrow across a call back into Python code,
//! so a program that mutates a list while sorting it gets Python's error, not a
//! Rust panic.

use super::code::Code;
use super::dict::DictData;
use super::intern::Symbol;
use super::set::SetData;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

/// A Python value.
#[derive(Clone, Debug, Default)]
pub(crate) enum Value {
    /// Internal marker: an unbound local, an empty slot, "no `self`" in a
    /// method call. Never visible to Python code.
    Undef,
    #[default]
    None,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(Rc<PyStr>),
    Tuple(Rc<Tuple>),
    List(Rc<List>),
    Dict(Rc<Dict>),
    Set(Rc<Set>),
    Range(Rc<RangeObj>),
    Slice(Rc<SliceObj>),
    Function(Rc<Function>),
    Builtin(Rc<Builtin>),
    /// A bound method: `self` plus a function, builtin or method name.
    Method(Rc<Method>),
    Class(Rc<Class>),
    Instance(Rc<Instance>),
    Module(Rc<Module>),
    Coroutine(Rc<Coroutine>),
    Generator(Rc<Generator>),
    Iter(Rc<IterObj>),
    Cell(Rc<CellObj>),
    /// A compiled code object (a constant of `MakeFunction`).
    Code(Rc<Code>),
    /// Internal: the method-name half of a `LoadMethod` on a builtin value.
    MethodName(Symbol),
    Ellipsis,
    NotImplemented,
}

/// A `str`: UTF-8 text plus its length in code points (Python indexes by code point).
#[derive(Debug)]
pub(crate) struct PyStr {
    pub(crate) s: String,
    /// Number of code points; equals `s.len()` for ASCII text.
    pub(crate) nchars: usize,
    hash: Cell<Option<i64>>,
}

impl PyStr {
    pub(crate) fn new(s: String) -> PyStr {
        let nchars = if s.is_ascii() { s.len() } else { s.chars().count() };
        PyStr { s, nchars, hash: Cell::new(None) }
    }

    pub(crate) fn is_ascii(&self) -> bool {
        self.nchars == self.s.len()
    }

    /// A deterministic string hash (CPython's is randomised per process, so no
    /// program may depend on it; see `reference/README.md`).
    pub(crate) fn hash(&self) -> i64 {
        if let Some(h) = self.hash.get() {
            return h;
        }
        // FNV-1a, folded into Python's hash range; never -1.
        let mut h: u64 = 0xcbf29ce484222325;
        for b in self.s.bytes() {
            h ^= b as u64;
            h = h.wrapping_mul(0x100000001b3);
        }
        let mut h = (h >> 1) as i64;
        if h == -1 {
            h = -2;
        }
        self.hash.set(Some(h));
        h
    }

    /// Byte offset of the `i`-th code point (`i <= nchars`).
    pub(crate) fn byte_offset(&self, i: usize) -> usize {
        if self.is_ascii() {
            return i;
        }
        self.s.char_indices().nth(i).map(|(b, _)| b).unwrap_or(self.s.len())
    }
}

#[derive(Debug)]
pub(crate) struct Tuple(pub Vec<Value>);

#[derive(Debug, Default)]
pub(crate) struct List(pub RefCell<Vec<Value>>);

#[derive(Debug, Default)]
pub(crate) struct Dict(pub RefCell<DictData>);

#[derive(Debug, Default)]
pub(crate) struct Set {
    pub(crate) data: RefCell<SetData>,
    /// `frozenset` rather than `set`.
    pub(crate) frozen: bool,
}

#[derive(Debug, Clone, Copy)]
pub(crate) struct RangeObj {
    pub(crate) start: i64,
    pub(crate) stop: i64,
    pub(crate) step: i64,
}

impl RangeObj {
    pub(crate) fn len(&self) -> i64 {
        if self.step > 0 && self.start < self.stop {
            ((self.stop - self.start - 1) / self.step) + 1
        } else if self.step < 0 && self.start > self.stop {
            ((self.start - self.stop - 1) / (-self.step)) + 1
        } else {
            0
        }
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// `range_equals`: the same length, then the same start unless empty,
    /// then the same step unless of one item (what `hash` hashes too).
    pub(crate) fn same_items(&self, other: &RangeObj) -> bool {
        let (lx, ly) = (self.len(), other.len());
        lx == ly && (lx == 0 || (self.start == other.start && (lx == 1 || self.step == other.step)))
    }
}

#[derive(Debug)]
pub(crate) struct SliceObj {
    pub(crate) start: Value,
    pub(crate) stop: Value,
    pub(crate) step: Value,
}

/// A module's global variables, in slots fixed at compile time.
#[derive(Debug)]
pub struct Globals {
    pub(crate) names: RefCell<Vec<Symbol>>,
    pub(crate) values: RefCell<Vec<Value>>,
    pub(crate) index: RefCell<std::collections::HashMap<Symbol, u32>>,
    /// The module's `__name__`.
    pub(crate) module_name: Rc<str>,
}

impl Globals {
    pub fn new(module_name: &str) -> Globals {
        Globals {
            names: RefCell::new(Vec::new()),
            values: RefCell::new(Vec::new()),
            index: RefCell::new(Default::default()),
            module_name: module_name.into(),
        }
    }

    /// The slot of a global name, creating an empty one if needed.
    pub(crate) fn slot(&self, name: Symbol) -> u32 {
        if let Some(&i) = self.index.borrow().get(&name) {
            return i;
        }
        let mut names = self.names.borrow_mut();
        let i = names.len() as u32;
        names.push(name);
        self.values.borrow_mut().push(Value::Undef);
        self.index.borrow_mut().insert(name, i);
        i
    }

    pub(crate) fn get(&self, name: Symbol) -> Option<Value> {
        let i = *self.index.borrow().get(&name)?;
        match &self.values.borrow()[i as usize] {
            Value::Undef => None,
            v => Some(v.clone()),
        }
    }

    pub(crate) fn set(&self, name: Symbol, v: Value) {
        let i = self.slot(name);
        self.values.borrow_mut()[i as usize] = v;
    }

    pub(crate) fn name(&self, slot: u32) -> Symbol {
        self.names.borrow()[slot as usize]
    }
}

/// A closure cell.
#[derive(Debug, Default)]
pub(crate) struct CellObj(pub RefCell<Value>);

/// A Python function (or lambda, or comprehension body).
#[derive(Debug)]
pub(crate) struct Function {
    pub(crate) code: Rc<Code>,
    pub(crate) globals: Rc<Globals>,
    /// Defaults of the last positional parameters.
    pub(crate) defaults: Vec<Value>,
    pub(crate) kwdefaults: Vec<(Symbol, Value)>,
    pub(crate) closure: Vec<Rc<CellObj>>,
    pub(crate) name: RefCell<Rc<str>>,
    pub(crate) qualname: RefCell<Rc<str>>,
    pub(crate) attrs: RefCell<AttrMap>,
    pub(crate) id: u64,
}

/// Keyword arguments as passed to native functions.
pub(crate) type Kwargs = [(Symbol, Value)];

/// A native function implemented by the VM (builtins, methods of builtin
/// types) or by the host (the event loop's API).
pub(crate) type NativeFn =
    fn(&mut super::Vm, &mut dyn super::Host, &[Value], &Kwargs) -> super::PyResult<Value>;

#[derive(Debug, Clone, Copy)]
pub(crate) enum BuiltinKind {
    Native(NativeFn),
    /// Dispatched to [`Host::call`](super::Host::call) with this id.
    Host(u32),
    /// Suspends the calling stack and hands the call to the driver
    /// ([`RunResult::HostCall`](super::RunResult::HostCall)): `asyncio.run`.
    Driver(u32),
    /// May resume a generator's frames on the caller's stack (`next`,
    /// `send`, `throw`, `close`): see [`crate::vm::Vm::frame_builtin`].
    Frame(u32),
}

#[derive(Debug)]
pub(crate) struct Builtin {
    pub(crate) name: Rc<str>,
    /// `module.name` or `Class.name` for reprs and messages.
    pub(crate) qualname: Rc<str>,
    pub(crate) kind: BuiltinKind,
    /// For host callbacks that asyncio schedules, the name the trace shows
    /// (CPython's function name without leading underscores).
    pub(crate) id: u64,
}

/// A bound method.
#[derive(Debug)]
pub(crate) struct Method {
    pub(crate) self_: Value,
    /// A `Function`, a `Builtin`, or a `MethodName` (method of a builtin type).
    pub(crate) func: Value,
}

/// Which builtin type a class stands for (so that `type(3)` is `int`, and
/// `int(...)` constructs).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TypeTag {
    Object,
    Type,
    NoneType,
    Bool,
    Int,
    Float,
    Str,
    Tuple,
    List,
    Dict,
    Set,
    FrozenSet,
    Range,
    Slice,
    Function,
    BuiltinFunction,
    Method,
    Module,
    Coroutine,
    Generator,
    Iterator,
    Cell,
    Ellipsis,
    NotImplementedType,
    Property,
    StaticMethod,
    ClassMethod,
    Super,
    /// `BaseException` and every exception class below it.
    Exception,
    /// Classes whose instances carry a host payload (Future, Task, Handle, loop).
    Host,
    /// A class defined in Python.
    User,
}

/// A class: builtin, host-provided, or defined by `class` in Python.
#[derive(Debug)]
pub(crate) struct Class {
    pub(crate) name: Rc<str>,
    pub(crate) qualname: Rc<str>,
    pub(crate) module: Rc<str>,
    pub(crate) bases: Vec<Rc<Class>>,
    /// The method resolution order without the class itself (C3, as CPython).
    pub(crate) mro: Vec<Rc<Class>>,
    /// The class's own attributes. Change them only through `set_attr`,
    /// `remove_attr` and `clear_attrs`, which invalidate cached lookups.
    pub(crate) dict: RefCell<AttrMap>,
    /// `lookup` results along the MRO, valid while `CLASS_EPOCH` is unchanged.
    pub(crate) cache: RefCell<LookupCache>,
    /// The builtin type this class is, or the nearest builtin base for user classes.
    pub(crate) tag: TypeTag,
    /// For `Host` classes: which host type (host-defined numbering).
    pub(crate) host_kind: u32,
    pub(crate) id: u64,
}

/// Cached `Class::lookup` results (CPython keeps a per-type method cache with
/// version tags; one global version is enough here).
#[derive(Debug, Default)]
pub(crate) struct LookupCache {
    epoch: u64,
    map: rustc_hash::FxHashMap<Symbol, Option<Value>>,
    /// `has_properties`, valid while `props_epoch` is `CLASS_EPOCH`.
    props_epoch: u64,
    props: bool,
    /// Whether the class or a base defines `__new__` or `__abstractmethods__`
    /// (instantiation is not the plain path); valid with `props`.
    special: bool,
}

thread_local! {
    /// Bumped by every change to any class's attributes: a subclass's cached
    /// lookup may have come from the class that changed.
    static CLASS_EPOCH: Cell<u64> = const { Cell::new(1) };
}

impl Class {
    /// Look up an attribute along the MRO (the class itself first).
    pub(crate) fn lookup(&self, name: Symbol) -> Option<Value> {
        let epoch = CLASS_EPOCH.with(Cell::get);
        {
            let cache = self.cache.borrow();
            if cache.epoch == epoch {
                if let Some(v) = cache.map.get(&name) {
                    return v.clone();
                }
            }
        }
        let v = self.lookup_uncached(name);
        let mut cache = self.cache.borrow_mut();
        if cache.epoch != epoch {
            cache.map.clear();
            cache.epoch = epoch;
        }
        cache.map.insert(name, v.clone());
        v
    }

    /// Whether the class or a class along its MRO has a property (the only
    /// data descriptor the VM has). Without one, an instance attribute is
    /// found in the instance's own attributes first: CPython's
    /// LOAD_ATTR_INSTANCE_VALUE / STORE_ATTR_INSTANCE_VALUE specialisations
    /// rest on the same fact, checked through the type's version tag.
    #[inline]
    pub(crate) fn has_properties(&self) -> bool {
        self.flags().0
    }

    /// Whether instantiating the class takes more than `__init__`: a
    /// `__new__` or `__abstractmethods__` in the class or a base.
    #[inline]
    pub(crate) fn special_instantiation(&self) -> bool {
        self.flags().1
    }

    #[inline(always)]
    fn flags(&self) -> (bool, bool) {
        let epoch = CLASS_EPOCH.with(Cell::get);
        {
            let cache = self.cache.borrow();
            if cache.props_epoch == epoch {
                return (cache.props, cache.special);
            }
        }
        self.compute_flags(epoch)
    }

    #[inline(never)]
    fn compute_flags(&self, epoch: u64) -> (bool, bool) {
        let (mut props, mut special) = (false, false);
        for c in std::iter::once(self).chain(self.mro.iter().map(|c| &**c)) {
            for (n, v) in c.dict.borrow().0.iter() {
                props |= v.is_property();
                special |= *n == super::intern::sym::__new__
                    || *n == super::intern::sym::__abstractmethods__;
            }
        }
        let mut cache = self.cache.borrow_mut();
        cache.props_epoch = epoch;
        cache.props = props;
        cache.special = special;
        (props, special)
    }

    pub(crate) fn set_attr(&self, name: Symbol, v: Value) {
        self.dict.borrow_mut().set(name, v);
        CLASS_EPOCH.with(|e| e.set(e.get() + 1));
    }

    pub(crate) fn remove_attr(&self, name: Symbol) -> Option<Value> {
        let r = self.dict.borrow_mut().remove(name);
        CLASS_EPOCH.with(|e| e.set(e.get() + 1));
        r
    }

    /// Empty the class (breaking reference cycles when the VM is dropped).
    pub(crate) fn clear_attrs(&self) -> (AttrMap, LookupCache) {
        CLASS_EPOCH.with(|e| e.set(e.get() + 1));
        (
            std::mem::take(&mut *self.dict.borrow_mut()),
            std::mem::take(&mut *self.cache.borrow_mut()),
        )
    }

    fn lookup_uncached(&self, name: Symbol) -> Option<Value> {
        if let Some(v) = self.dict.borrow().get(name) {
            return Some(v.clone());
        }
        for c in &self.mro {
            if let Some(v) = c.dict.borrow().get(name) {
                return Some(v.clone());
            }
        }
        None
    }

    /// Is `self` the class `other` or a subclass of it?
    pub(crate) fn is_subclass(&self, other: &Class) -> bool {
        self.id == other.id || self.mro.iter().any(|c| c.id == other.id)
    }

    /// The nearest class along the MRO (itself included) with this tag.
    pub(crate) fn is_exception_class(&self) -> bool {
        self.tag == TypeTag::Exception
    }
}

/// A small insertion-ordered attribute map (instances and classes have few attributes).
#[derive(Debug, Default, Clone)]
pub(crate) struct AttrMap(pub Vec<(Symbol, Value)>);

impl AttrMap {
    pub(crate) fn get(&self, name: Symbol) -> Option<&Value> {
        self.0.iter().find(|(k, _)| *k == name).map(|(_, v)| v)
    }

    pub(crate) fn set(&mut self, name: Symbol, v: Value) {
        if let Some(slot) = self.0.iter_mut().find(|(k, _)| *k == name) {
            slot.1 = v;
        } else {
            self.0.push((name, v));
        }
    }

    pub(crate) fn remove(&mut self, name: Symbol) -> Option<Value> {
        let i = self.0.iter().position(|(k, _)| *k == name)?;
        Some(self.0.remove(i).1)
    }
}

/// An instance of a class (user classes, exceptions, property objects, host objects).
#[derive(Debug)]
pub(crate) struct Instance {
    pub(crate) class: Rc<Class>,
    pub(crate) attrs: RefCell<AttrMap>,
    pub(crate) payload: RefCell<Payload>,
    pub(crate) id: u64,
}

/// Native data carried by an instance.
#[derive(Debug, Default)]
pub(crate) enum Payload {
    #[default]
    None,
    Exception(Box<ExcData>),
    /// Index of the object in the host's arena (futures, tasks, handles).
    Host(u32),
    Property {
        fget: Value,
        fset: Value,
        fdel: Value,
        /// Set by `__set_name__` when the class body defines it; error
        /// messages fall back to the getter's `__name__`.
        name: Option<Symbol>,
    },
    StaticMethod(Value),
    ClassMethod(Value),
    /// `super()`: the class to start after, and the object.
    Super {
        class: Rc<Class>,
        obj: Value,
    },
}

/// The state of an exception instance.
#[derive(Debug, Default)]
pub(crate) struct ExcData {
    /// Always a tuple.
    pub(crate) args: Value,
    pub(crate) cause: Value,
    pub(crate) context: Value,
    pub(crate) suppress_context: bool,
    /// Innermost frame last: (function name, 1-based line, internal?).
    pub(crate) traceback: Vec<TbEntry>,
    /// `ExceptionGroup`: the message and the sub-exceptions.
    pub(crate) group: Option<(Value, Value)>,
}

#[derive(Debug, Clone)]
pub(crate) struct TbEntry {
    pub(crate) name: Rc<str>,
    pub(crate) line: u32,
    /// Byte offset in the source of the instruction that raised or called.
    pub(crate) start: u32,
    pub(crate) internal: bool,
}

/// A module object (`asyncio`, `time`, `random`, `__main__`).
#[derive(Debug)]
pub(crate) struct Module {
    pub(crate) name: Rc<str>,
    pub(crate) attrs: RefCell<AttrMap>,
}

/// The life of a coroutine, generator or async generator (CPython's
/// `FRAME_CREATED`, `FRAME_EXECUTING`, `FRAME_SUSPENDED`, `FRAME_COMPLETED`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CoroState {
    /// Made by calling an `async def` or a generator function; no code has run yet.
    Created,
    /// Its frames are executing (on the stack of whoever resumed it).
    Running,
    /// Stopped at an `await` or a `yield`. Its frames are in its own `stack`
    /// when a resumer in the program (`for`, `next()`, `send()`) got the
    /// value, or on the stack of whatever delegates to it (the task's stack,
    /// a `yield from`) otherwise.
    Suspended,
    Done,
}

/// A coroutine object.
#[derive(Debug)]
pub(crate) struct Coroutine {
    pub(crate) name: Rc<str>,
    pub(crate) qualname: Rc<str>,
    /// Its function's code (`cr_code`: where it is defined).
    pub(crate) code: Rc<Code>,
    pub(crate) state: Cell<CoroState>,
    /// Before it starts: its frame. While suspended as the outermost coroutine of
    /// a task: the whole frame stack (it and everything it awaits).
    pub(crate) stack: RefCell<Option<super::frame::ExecStack>>,
    pub(crate) id: u64,
}

/// A generator, an async generator, or one of the iterator-like objects
/// built on them (`coro.__await__()`, the awaitables of `asend()` & co).
#[derive(Debug)]
pub(crate) struct Generator {
    pub(crate) kind: GenKind,
    pub(crate) name: Rc<str>,
    pub(crate) qualname: Rc<str>,
    pub(crate) state: Cell<CoroState>,
    /// Created: its frame. Suspended with a resumer in the program: its
    /// frame (owner cleared, so that the generator does not hold itself)
    /// and the frames it delegates to, innermost last. `None` otherwise.
    pub(crate) stack: RefCell<Option<super::frame::ExecStack>>,
    pub(crate) code: Option<Rc<Code>>,
    pub(crate) id: u64,
}

#[derive(Debug)]
pub(crate) enum GenKind {
    Generator,
    /// `hooked`: `None` before its first iteration, then whether the event
    /// loop's hooks took it (asyncio keeps it to close at shutdown and
    /// finalizes it through the loop).
    AsyncGenerator {
        hooked: Cell<Option<bool>>,
    },
    /// `coro.__await__()`: iterating it runs the coroutine.
    CoroWrapper(Rc<Coroutine>),
    /// The awaitable `__anext__()`, `asend()`, `athrow()` or `aclose()`
    /// returns; `state` is CPython's init / iter / closed as Created / Running / Done.
    AgenOp {
        agen: Rc<Generator>,
        op: AgenOpKind,
        arg: RefCell<Value>,
        default: Option<Value>,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum AgenOpKind {
    /// `__anext__()` and `asend(value)`.
    Send,
    /// `athrow(exc)`.
    Throw,
    /// `aclose()`.
    Close,
}

impl Generator {
    /// An async generator (not one of its awaitables).
    pub(crate) fn is_async_gen(&self) -> bool {
        matches!(self.kind, GenKind::AsyncGenerator { .. })
    }
}

/// Builtin iterators.
#[derive(Debug)]
pub(crate) struct IterObj {
    pub(crate) kind: RefCell<IterKind>,
}

#[derive(Debug)]
pub(crate) enum IterKind {
    /// list, tuple (snapshot of the Rc), str (by char index)
    Seq {
        seq: Value,
        index: usize,
    },
    /// Byte offset into a str.
    Str {
        s: Rc<PyStr>,
        byte: usize,
    },
    Range {
        next: i64,
        stop: i64,
        step: i64,
    },
    /// Dict keys/values/items in insertion order (entry index), with the dict's
    /// size at creation to detect changes.
    Dict {
        dict: Rc<Dict>,
        pos: usize,
        what: DictIterWhat,
        len: usize,
    },
    /// A snapshot of the keys, plus the set to detect a change of size.
    Set {
        set: Rc<Set>,
        keys: Vec<Value>,
        pos: usize,
        len: usize,
    },
    Enumerate {
        inner: Value,
        count: i64,
    },
    Zip {
        inners: Vec<Value>,
        strict: bool,
    },
    Map {
        func: Value,
        inners: Vec<Value>,
    },
    Filter {
        func: Value,
        inner: Value,
    },
    Reversed {
        seq: Value,
        index: i64,
    },
    /// `dict.keys()` / `values()` / `items()`: a live view, iterable many times.
    View {
        dict: Rc<Dict>,
        what: DictIterWhat,
    },
    /// The sequence protocol: `obj[index]` until `IndexError`.
    GetItem {
        obj: Value,
        index: i64,
    },
    /// An iterator run out, which let go of what it iterated (CPython's
    /// list iterator drops its list too); it keeps its type.
    Exhausted(IterType),
}

/// The type of a builtin iterator, as `type(it)` and its repr name it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum IterType {
    List,
    Tuple,
    StrAscii,
    Str,
    Range,
    DictKey,
    DictValue,
    DictItem,
    Set,
    Enumerate,
    Zip,
    Map,
    Filter,
    ListReverse,
    Reversed,
    DictKeys,
    DictValues,
    DictItems,
    /// The sequence protocol's iterator (`iter()` of a class with only `__getitem__`).
    Iterator,
}

impl IterType {
    /// Every iterator type, in declaration order (`ALL[t as usize] == t`).
    pub(crate) const ALL: [IterType; 19] = [
        IterType::List,
        IterType::Tuple,
        IterType::StrAscii,
        IterType::Str,
        IterType::Range,
        IterType::DictKey,
        IterType::DictValue,
        IterType::DictItem,
        IterType::Set,
        IterType::Enumerate,
        IterType::Zip,
        IterType::Map,
        IterType::Filter,
        IterType::ListReverse,
        IterType::Reversed,
        IterType::DictKeys,
        IterType::DictValues,
        IterType::DictItems,
        IterType::Iterator,
    ];

    /// CPython's name of the type (`list_iterator`, `str_ascii_iterator`, ...).
    pub(crate) fn name(self) -> &'static str {
        match self {
            IterType::List => "list_iterator",
            IterType::Tuple => "tuple_iterator",
            IterType::StrAscii => "str_ascii_iterator",
            IterType::Str => "str_iterator",
            IterType::Range => "range_iterator",
            IterType::DictKey => "dict_keyiterator",
            IterType::DictValue => "dict_valueiterator",
            IterType::DictItem => "dict_itemiterator",
            IterType::Set => "set_iterator",
            IterType::Enumerate => "enumerate",
            IterType::Zip => "zip",
            IterType::Map => "map",
            IterType::Filter => "filter",
            IterType::ListReverse => "list_reverseiterator",
            IterType::Reversed => "reversed",
            IterType::DictKeys => "dict_keys",
            IterType::DictValues => "dict_values",
            IterType::DictItems => "dict_items",
            IterType::Iterator => "iterator",
        }
    }
}

impl IterKind {
    /// The iterator's type: what it iterates decides (`reversed()` of a
    /// list is a `list_reverseiterator`, of a range a `range_iterator`).
    pub(crate) fn iter_type(&self) -> IterType {
        match self {
            IterKind::Seq { seq: Value::Tuple(_), .. } => IterType::Tuple,
            IterKind::Seq { .. } => IterType::List,
            IterKind::Str { s, .. } if s.nchars == s.s.len() => IterType::StrAscii,
            IterKind::Str { .. } => IterType::Str,
            IterKind::Range { .. } => IterType::Range,
            IterKind::Dict { what, .. } => match what {
                DictIterWhat::Keys => IterType::DictKey,
                DictIterWhat::Values => IterType::DictValue,
                DictIterWhat::Items => IterType::DictItem,
            },
            IterKind::Set { .. } => IterType::Set,
            IterKind::Enumerate { .. } => IterType::Enumerate,
            IterKind::Zip { .. } => IterType::Zip,
            IterKind::Map { .. } => IterType::Map,
            IterKind::Filter { .. } => IterType::Filter,
            IterKind::Reversed { seq, .. } => match seq {
                Value::List(_) => IterType::ListReverse,
                Value::Range(_) => IterType::Range,
                _ => IterType::Reversed,
            },
            IterKind::View { what, .. } => match what {
                DictIterWhat::Keys => IterType::DictKeys,
                DictIterWhat::Values => IterType::DictValues,
                DictIterWhat::Items => IterType::DictItems,
            },
            IterKind::GetItem { .. } => IterType::Iterator,
            IterKind::Exhausted(t) => *t,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DictIterWhat {
    Keys,
    Values,
    Items,
}

thread_local! {
    static NEXT_ID: Cell<u64> = const { Cell::new(1) };
    static DROPPING: Cell<bool> = const { Cell::new(false) };
    static PENDING_DROPS: RefCell<Vec<Value>> = const { RefCell::new(Vec::new()) };
}

/// Drop the values held by a dying container without recursion: a list
/// nested 100,000 deep is freed by a loop, not by 100,000 nested `drop`s
/// (CPython's "trashcan" does the same for the C stack).
fn drop_children(items: impl IntoIterator<Item = Value>) {
    let mut deferred = false;
    for v in items {
        let nested = matches!(
            v,
            Value::List(_)
                | Value::Tuple(_)
                | Value::Dict(_)
                | Value::Set(_)
                | Value::Instance(_)
                | Value::Cell(_)
                | Value::Method(_)
                | Value::Generator(_)
                | Value::Coroutine(_)
        );
        if nested {
            PENDING_DROPS.with(|p| p.borrow_mut().push(v));
            deferred = true;
        }
    }
    if !deferred || DROPPING.with(|d| d.get()) {
        return;
    }
    DROPPING.with(|d| d.set(true));
    while let Some(v) = PENDING_DROPS.with(|p| p.borrow_mut().pop()) {
        drop(v);
    }
    DROPPING.with(|d| d.set(false));
}

impl Drop for List {
    fn drop(&mut self) {
        drop_children(std::mem::take(self.0.get_mut()));
    }
}

impl Drop for Tuple {
    fn drop(&mut self) {
        drop_children(std::mem::take(&mut self.0));
    }
}

impl Drop for Dict {
    fn drop(&mut self) {
        let d = std::mem::take(self.0.get_mut());
        drop_children(d.into_values());
    }
}

impl Drop for Instance {
    fn drop(&mut self) {
        let attrs = std::mem::take(&mut self.attrs.get_mut().0);
        drop_children(attrs.into_iter().map(|(_, v)| v));
    }
}

thread_local! {
    /// Suspended generators dropped with something left to run (a `finally`
    /// or `with` around their `yield`, an async generator the event loop
    /// must close): CPython finalizes them when their last reference goes;
    /// the VM does it at its next safe point ([`super::Vm::run_finalizers`]).
    static FINALIZE: RefCell<Vec<Rc<Generator>>> = const { RefCell::new(Vec::new()) };
    static FINALIZE_PENDING: Cell<bool> = const { Cell::new(false) };
    /// Set while a VM is torn down: nothing is finalized any more.
    static FINALIZE_OFF: Cell<bool> = const { Cell::new(false) };
}

/// Whether dropped generators wait to be finalized.
#[inline]
pub(crate) fn finalize_pending() -> bool {
    FINALIZE_PENDING.with(Cell::get)
}

/// The dropped generators to finalize, oldest first.
pub(crate) fn take_finalizers() -> Vec<Rc<Generator>> {
    FINALIZE_PENDING.with(|p| p.set(false));
    FINALIZE.with(|q| std::mem::take(&mut *q.borrow_mut()))
}

/// Stop (or resume) queueing dropped generators: a VM being torn down
/// runs nothing.
pub(crate) fn set_finalize_off(off: bool) {
    FINALIZE_OFF.with(|f| f.set(off));
    if off {
        let q = FINALIZE.with(|q| std::mem::take(&mut *q.borrow_mut()));
        FINALIZE_PENDING.with(|p| p.set(false));
        drop(q);
    }
}

impl Drop for Generator {
    fn drop(&mut self) {
        if self.state.get() != CoroState::Suspended {
            return;
        }
        let Some(st) = self.stack.get_mut().take() else { return };
        let kind = match &self.kind {
            // Only a handler block around the `yield` can run code on close.
            GenKind::Generator if st.frames.iter().any(|f| !f.blocks.is_empty()) => {
                GenKind::Generator
            }
            GenKind::AsyncGenerator { hooked }
                if hooked.get() == Some(true) || st.frames.iter().any(|f| !f.blocks.is_empty()) =>
            {
                GenKind::AsyncGenerator { hooked: Cell::new(hooked.get()) }
            }
            _ => return,
        };
        if FINALIZE_OFF.with(Cell::get) {
            return;
        }
        let g = Rc::new(Generator {
            kind,
            name: self.name.clone(),
            qualname: self.qualname.clone(),
            state: Cell::new(CoroState::Suspended),
            stack: RefCell::new(Some(st)),
            code: self.code.clone(),
            id: self.id,
        });
        FINALIZE.with(|q| q.borrow_mut().push(g));
        FINALIZE_PENDING.with(|p| p.set(true));
    }
}

impl Drop for super::frame::Frame {
    fn drop(&mut self) {
        // A frame may hold generators holding frames: free those with a
        // loop, not nested drops (containers see to their own items).
        let gen_like = |v: &Value| matches!(v, Value::Generator(_) | Value::Coroutine(_));
        if self.locals.iter().any(gen_like) || self.stack.iter().any(gen_like) {
            let locals = std::mem::take(&mut self.locals);
            let stack = std::mem::take(&mut self.stack);
            drop_children(locals.into_iter().chain(stack));
        }
    }
}

impl Drop for CellObj {
    fn drop(&mut self) {
        drop_children(std::iter::once(std::mem::take(self.0.get_mut())));
    }
}

/// A fresh object identity (used for `id()`, identity hashing, reprs).
pub(crate) fn next_id() -> u64 {
    NEXT_ID.with(|n| {
        let v = n.get();
        n.set(v + 1);
        v
    })
}

impl Value {
    /// A `property` object (the VM's one data descriptor).
    pub(crate) fn is_property(&self) -> bool {
        matches!(self, Value::Instance(i) if matches!(&*i.payload.borrow(), Payload::Property { .. }))
    }
}

impl Value {
    pub(crate) fn str(s: impl Into<String>) -> Value {
        Value::Str(Rc::new(PyStr::new(s.into())))
    }

    pub(crate) fn tuple(items: Vec<Value>) -> Value {
        Value::Tuple(Rc::new(Tuple(items)))
    }

    pub(crate) fn list(items: Vec<Value>) -> Value {
        Value::List(Rc::new(List(RefCell::new(items))))
    }

    pub(crate) fn is_none(&self) -> bool {
        matches!(self, Value::None)
    }

    pub(crate) fn is_undef(&self) -> bool {
        matches!(self, Value::Undef)
    }

    /// Identity (`is`).
    pub(crate) fn is(&self, other: &Value) -> bool {
        use Value::*;
        match (self, other) {
            (Undef, Undef) | (None, None) | (Ellipsis, Ellipsis) => true,
            (NotImplemented, NotImplemented) => true,
            (Bool(a), Bool(b)) => a == b,
            // Small ints are cached in CPython; all ints compare by value here,
            // which is what every program that uses `is` on ints expects.
            (Int(a), Int(b)) => a == b,
            (Float(a), Float(b)) => a.to_bits() == b.to_bits(),
            (Str(a), Str(b)) => Rc::ptr_eq(a, b) || (a.s.len() <= 1 && a.s == b.s),
            (Tuple(a), Tuple(b)) => Rc::ptr_eq(a, b) || (a.0.is_empty() && b.0.is_empty()),
            (List(a), List(b)) => Rc::ptr_eq(a, b),
            (Dict(a), Dict(b)) => Rc::ptr_eq(a, b),
            (Set(a), Set(b)) => Rc::ptr_eq(a, b),
            (Range(a), Range(b)) => Rc::ptr_eq(a, b),
            (Slice(a), Slice(b)) => Rc::ptr_eq(a, b),
            (Function(a), Function(b)) => Rc::ptr_eq(a, b),
            (Builtin(a), Builtin(b)) => Rc::ptr_eq(a, b),
            (Method(a), Method(b)) => Rc::ptr_eq(a, b),
            (Class(a), Class(b)) => Rc::ptr_eq(a, b),
            (Instance(a), Instance(b)) => Rc::ptr_eq(a, b),
            (Module(a), Module(b)) => Rc::ptr_eq(a, b),
            (Coroutine(a), Coroutine(b)) => Rc::ptr_eq(a, b),
            (Generator(a), Generator(b)) => Rc::ptr_eq(a, b),
            (Iter(a), Iter(b)) => Rc::ptr_eq(a, b),
            (Cell(a), Cell(b)) => Rc::ptr_eq(a, b),
            (MethodName(a), MethodName(b)) => a == b,
            _ => false,
        }
    }

    /// Host arena index carried by an instance.
    pub(crate) fn host_ref(&self) -> Option<u32> {
        match self {
            Value::Instance(i) => match &*i.payload.borrow() {
                Payload::Host(n) => Some(*n),
                _ => None,
            },
            _ => None,
        }
    }
}
