//! The VM: runs compiled code on heap-allocated frames, one bounded slice at a time.
//!
//! Invariants:
//! - Python calls push frames onto an [`frame::ExecStack`]; they never recurse on
//!   the Rust stack. Only native code calling back into Python (a `key=`
//!   function, `__repr__`, `__eq__`) runs a nested stack, and that nesting is
//!   bounded ([`MAX_NATIVE_DEPTH`]).
//! - The VM never reads a clock and knows nothing about the event loop: time,
//!   printing and asyncio's objects are the [`Host`]'s. An `await` on a pending
//!   host future suspends the whole stack and hands the future to the caller of
//!   [`Vm::run`]; the scheduler resumes it later with [`Resume::Send`] or
//!   [`Resume::Throw`].
//! - Every instruction is counted: a slice returns [`RunResult::OutOfFuel`]
//!   when its fuel is spent, and the total budget stops a runaway program with
//!   [`Halt::StepBudget`].

pub(crate) mod args;
pub(crate) mod attr;
pub mod builtins;
pub mod call;
pub mod code;
pub mod dict;
pub mod egroup;
pub mod exc;
pub mod fmt;
pub mod frame;
pub(crate) mod frame_pool;
pub mod gen;
pub(crate) mod hash;
pub mod intern;
pub mod interp;
pub(crate) mod item;
pub(crate) mod iter;
pub mod lib;
pub mod memory;
pub mod methods;
pub mod object;
pub mod ops;
pub mod repr;
pub mod set;
pub mod setops;
pub mod types;
pub(crate) mod unwind;
pub mod value;

use code::Code;
use frame::ExecStack;
use intern::Symbol;
use std::collections::HashMap;
use std::rc::Rc;
use value::{Class, Kwargs, Value};

/// Python's default recursion limit.
pub(crate) const RECURSION_LIMIT: usize = 1000;
/// How deep native code may call back into Python (each level uses Rust stack).
pub(crate) const MAX_NATIVE_DEPTH: usize = 60;

/// Why a run stopped for good (not a Python exception: nothing can catch it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Halt {
    /// The total instruction budget is spent.
    StepBudget,
    /// A construct that cannot run here (reported, not raised as a Python exception).
    Unsupported(String),
}

/// An error in flight: a Python exception (an instance of a `BaseException`
/// subclass) or a halt.
#[derive(Debug, Clone)]
pub(crate) enum PyErr {
    Exc(Value),
    Halt(Halt),
}

pub(crate) type PyResult<T> = Result<T, PyErr>;

/// How to resume a suspended stack.
#[derive(Debug, Clone)]
pub(crate) enum Resume {
    /// First run of a fresh stack.
    Start,
    /// Complete the pending `await` normally (the awaited future is done).
    Send(Value),
    /// Raise this exception at the pending `await`.
    Throw(Value),
}

/// How a slice of execution ended.
#[derive(Debug)]
pub(crate) enum RunResult {
    /// The outermost frame returned.
    Return(Value),
    /// An exception escaped the outermost frame.
    Raise(PyErr),
    /// Suspended: the innermost frame awaits this (a pending host future, or
    /// `None` for a bare yield); or a generator yielded it.
    Yield(Value),
    /// The slice's fuel is spent; run again with [`Resume::Start`] to go on.
    OutOfFuel,
    /// A host function that needs the driver was called (`asyncio.run(coro)`:
    /// run the event loop on `coro`); resume this stack with its result.
    HostCall { id: u32, args: Vec<Value>, kwargs: Vec<(Symbol, Value)> },
}

/// What awaiting a host object does.
pub(crate) enum AwaitStart {
    /// Already done: this is the value of the `await` expression.
    Ready(Value),
    /// Pending: suspend the stack, handing this to the driver (the future itself,
    /// or `None` for a bare yield).
    Suspend(Value),
}

/// Everything the VM needs from outside: the event loop, the clock, the output.
pub(crate) trait Host {
    /// Call a host function (registered with [`value::BuiltinKind::Host`]).
    fn call(&mut self, vm: &mut Vm, id: u32, args: &[Value], kwargs: &Kwargs) -> PyResult<Value>;
    /// `print` output (already formatted, may hold several lines or a partial one).
    fn write(&mut self, vm: &mut Vm, text: &str);
    /// `await obj` where `obj` is a host object.
    fn await_start(&mut self, vm: &mut Vm, obj: &Value) -> PyResult<AwaitStart>;
    /// The suspended `await obj` is resumed normally: its value (or exception).
    fn await_resume(&mut self, vm: &mut Vm, obj: &Value) -> PyResult<Value>;
    /// Data attributes of host objects (`fut._state`, ...), before class lookup.
    fn getattr(&mut self, vm: &mut Vm, obj: &Value, name: Symbol) -> Option<PyResult<Value>>;
    /// `repr()` of a host object.
    fn repr(&mut self, vm: &mut Vm, obj: &Value) -> Option<String>;
    /// Identity hash of a host object (tasks hash by creation number, as the
    /// reference harness arranges).
    fn hash(&mut self, _vm: &mut Vm, _obj: &Value) -> Option<i64> {
        None
    }
    /// An async generator is first iterated (`sys.set_asyncgen_hooks`'
    /// `firstiter`: the event loop keeps it to close at shutdown).
    /// Values a library module's source finds in its namespace before it
    /// runs (the `time` module's clock functions).
    fn module_natives(&mut self, _vm: &mut Vm, _module: &str) -> Vec<(&'static str, Value)> {
        Vec::new()
    }
    /// True when a finalizer is installed (the loop is running).
    fn agen_firstiter(&mut self, _vm: &mut Vm, _agen: &Value) -> bool {
        false
    }
    /// A suspended async generator lost its last reference (the hooks'
    /// `finalizer`: the event loop schedules `aclose()`). False when no loop
    /// takes it: the VM closes it at once.
    fn agen_finalize(&mut self, _vm: &mut Vm, _agen: &Value) -> bool {
        false
    }
}

/// A host that has no event loop: for running plain programs and for tests.
pub(crate) struct NoHost {
    pub(crate) out: String,
}

impl Host for NoHost {
    fn call(
        &mut self,
        vm: &mut Vm,
        _id: u32,
        _args: &[Value],
        _kwargs: &Kwargs,
    ) -> PyResult<Value> {
        Err(vm.new_error(exc::ExcKind::RuntimeError, "no event loop".to_string()))
    }
    fn write(&mut self, _vm: &mut Vm, text: &str) {
        self.out.push_str(text);
    }
    fn await_start(&mut self, vm: &mut Vm, _obj: &Value) -> PyResult<AwaitStart> {
        Err(vm.new_error(exc::ExcKind::RuntimeError, "no event loop".to_string()))
    }
    fn await_resume(&mut self, vm: &mut Vm, _obj: &Value) -> PyResult<Value> {
        Err(vm.new_error(exc::ExcKind::RuntimeError, "no event loop".to_string()))
    }
    fn getattr(&mut self, _vm: &mut Vm, _obj: &Value, _name: Symbol) -> Option<PyResult<Value>> {
        None
    }
    fn repr(&mut self, _vm: &mut Vm, _obj: &Value) -> Option<String> {
        None
    }
}

/// Limits that keep a program from freezing or exhausting the tab.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Total instructions a program may execute.
    pub step_budget: u64,
    /// Trace events a run may record (a program that loops on `sleep(0)`
    /// for ever records events without end).
    pub max_events: usize,
    /// Bytes the program's containers may hold (approximate), beyond which
    /// `MemoryError` is raised.
    pub memory: usize,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits { step_budget: 200_000_000, max_events: 20_000_000, memory: 256 << 20 }
    }
}

/// The interpreter state shared by every stack: builtin types, modules, counters.
pub struct Vm {
    /// How source becomes code (`compile::compile_source`): given by whoever
    /// makes the VM, so the VM never imports the compiler.
    pub(crate) compiler: Compiler,
    pub(crate) types: types::Types,
    pub(crate) builtins: HashMap<Symbol, Value>,
    /// Importable modules by name.
    pub(crate) modules: HashMap<String, Value>,
    pub(crate) limits: Limits,
    /// Instructions executed so far.
    pub steps: u64,
    /// Instructions left in the current slice.
    pub(crate) fuel: u64,
    /// Python frames currently executing (across nested runs).
    pub(crate) depth: usize,
    /// Nested runs (native code calling Python).
    pub(crate) native_depth: usize,
    /// Heap in use when the VM was made (the program's share is above it).
    pub(crate) mem_base: usize,
    /// Heap the host holds for itself (the recorded trace), not the program's.
    pub(crate) host_bytes: usize,
    /// The `random` module's generator.
    pub(crate) random: crate::pylib::random::Random,
    /// Source spans of user code → line numbers, for tracebacks.
    pub(crate) line_index: Option<crate::syntax::LineIndex>,
    /// The program's file name as CPython would show it (`__file__`, a
    /// coroutine's `running at FILE:LINE`): the path the headless runner
    /// was given, `main.py` in the browser.
    pub(crate) file_name: Rc<str>,
    /// The span of the call being made into native code (where a `print` is).
    pub(crate) site: crate::syntax::Span,
    /// Whether `site` is in user code (not the prelude).
    pub(crate) site_user: bool,
    /// Depth of native recursion through nested containers (`==`, `hash`).
    pub(crate) nested: usize,
    /// Finished frames kept for reuse (fewer allocations per call), boxed
    /// as `ExecStack` holds them.
    #[allow(clippy::vec_box)]
    pub(crate) frame_pool: Vec<Box<frame::Frame>>,
    /// `object`'s methods as attribute lookup finds them (see [`object`]).
    pub(crate) object_methods: value::AttrMap,
    /// `BaseException`'s methods as attribute lookup finds them.
    pub(crate) exception_methods: value::AttrMap,
    /// Has any class defined `__setattr__`? (Stores skip the lookup until one does.)
    pub(crate) custom_setattr: bool,
    /// What to empty when the VM goes, so reference cycles break.
    pub(crate) cycle_roots: std::cell::RefCell<CycleRoots>,
}

/// The objects every program's reference cycles run through, which `Rc`
/// alone never frees (CPython's cycle collector does): module namespaces
/// (a function holds its globals, which hold the function), classes (methods
/// hold the class through `__class__` cells) and closure cells (a recursive
/// inner function holds itself). Dropping the [`Vm`] empties them all, so a
/// finished program gives its memory back. Cycles a program builds from its
/// own objects (`self.me = self`) are not broken.
#[derive(Default)]
pub(crate) struct CycleRoots {
    globals: Vec<std::rc::Weak<value::Globals>>,
    classes: Vec<std::rc::Weak<Class>>,
    cells: Vec<std::rc::Weak<value::CellObj>>,
    /// Dead cells are swept from `cells` when it reaches this length.
    sweep_at: usize,
}

impl CycleRoots {
    pub(crate) fn globals(&mut self, g: &Rc<value::Globals>) {
        if !self.globals.iter().any(|w| std::ptr::eq(w.as_ptr(), Rc::as_ptr(g))) {
            self.globals.push(Rc::downgrade(g));
        }
    }

    pub(crate) fn class(&mut self, c: &Rc<Class>) {
        self.classes.push(Rc::downgrade(c));
    }

    pub(crate) fn cell(&mut self, c: &Rc<value::CellObj>) {
        if self.cells.len() >= self.sweep_at.max(1024) {
            // A weak reference keeps its allocation: sweep the dead ones.
            self.cells.retain(|w| w.strong_count() > 0);
            self.classes.retain(|w| w.strong_count() > 0);
            self.sweep_at = self.cells.len() * 2;
        }
        self.cells.push(Rc::downgrade(c));
    }
}

impl Drop for Vm {
    fn drop(&mut self) {
        value::set_finalize_off(true);
        let roots = std::mem::take(&mut *self.cycle_roots.borrow_mut());
        for g in roots.globals.iter().filter_map(|w| w.upgrade()) {
            let values = std::mem::take(&mut *g.values.borrow_mut());
            drop(values);
        }
        for c in roots.classes.iter().filter_map(|w| w.upgrade()) {
            let attrs = c.clear_attrs();
            drop(attrs);
        }
        for c in roots.cells.iter().filter_map(|w| w.upgrade()) {
            let v = std::mem::replace(&mut *c.0.borrow_mut(), Value::Undef);
            drop(v);
        }
        value::set_finalize_off(false);
    }
}

/// Compiles `src` into a module's code object with `globals` as its globals;
/// `internal` code (the prelude, the library) keeps no line index.
pub(crate) type Compiler = fn(
    &mut Vm,
    &str,
    &Rc<value::Globals>,
    bool,
) -> Result<Rc<Code>, Vec<crate::syntax::Diagnostic>>;

impl Vm {
    pub fn new(compiler: Compiler) -> Vm {
        let types = types::Types::new();
        let mut vm = Vm {
            compiler,
            types,
            builtins: HashMap::new(),
            modules: HashMap::new(),
            limits: Limits::default(),
            steps: 0,
            fuel: u64::MAX,
            depth: 0,
            native_depth: 0,
            mem_base: memory::live(),
            host_bytes: 0,
            random: crate::pylib::random::Random::new(0),
            line_index: None,
            file_name: "main.py".into(),
            site: Default::default(),
            site_user: false,
            frame_pool: Vec::new(),
            nested: 0,
            object_methods: Default::default(),
            exception_methods: Default::default(),
            custom_setattr: false,
            cycle_roots: Default::default(),
        };
        (vm.object_methods, vm.exception_methods) = object::methods();
        builtins::install(&mut vm);
        vm
    }

    /// Compile internal Python (a library module on its first import, code
    /// `_make_function` builds) with the compiler this VM was made with.
    pub(crate) fn compile_internal(
        &mut self,
        src: &str,
        globals: &Rc<value::Globals>,
    ) -> Result<Rc<Code>, Vec<crate::syntax::Diagnostic>> {
        (self.compiler)(self, src, globals, true)
    }

    /// A fresh stack that will run a module's code.
    pub(crate) fn module_stack(
        &mut self,
        code: Rc<Code>,
        globals: Rc<value::Globals>,
    ) -> ExecStack {
        ExecStack::new(frame::Frame::new(code, globals))
    }

    /// The line (1-based) of a span in user code.
    pub(crate) fn line_of(&self, span: crate::syntax::Span) -> u32 {
        self.line_index.as_ref().map(|i| i.line(span.start)).unwrap_or(0)
    }

    /// `MemoryError` if the program holds more than its limit (plus `bytes`
    /// it is about to allocate).
    pub(crate) fn alloc(&mut self, bytes: usize) -> PyResult<()> {
        let live = memory::live().saturating_sub(self.mem_base).saturating_sub(self.host_bytes);
        if live.saturating_add(bytes) > self.limits.memory {
            return Err(self.new_error(exc::ExcKind::MemoryError, String::new()));
        }
        Ok(())
    }

    /// Check a size before building a container of `n` items of `item` bytes.
    pub(crate) fn check_alloc(&mut self, n: usize, item: usize) -> PyResult<()> {
        self.alloc(n.saturating_mul(item))
    }

    pub(crate) fn class_of(&self, v: &Value) -> Rc<Class> {
        self.types.type_of(v)
    }
}
