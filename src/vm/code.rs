//! Bytecode: the compact instruction form the compiler emits and the VM executes.
//!
//! The instruction set is a small stack machine modelled on CPython 3.12's
//! (`Python/bytecodes.c`): locals live in numbered slots, closures in cells,
//! exceptions are handled through handler blocks pushed and popped at run
//! time (`Setup`/`PopBlock`, as CPython did up to 3.10), and `await` is a single instruction that either
//! completes at once or suspends the whole frame stack of the running task.

use super::intern::Symbol;
use super::value::Value;
use crate::syntax::Span;
use std::rc::Rc;

/// The operator of `Binary`, `Inplace` and their fused forms: CPython's `NB_*`
/// operand of `BINARY_OP`. The bytecode's own enum, apart from the AST's
/// `ast::BinOp` (`compile` maps one onto the other), so the VM never reads the AST.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum BinOp {
    Add,
    Sub,
    Mult,
    MatMult,
    Div,
    FloorDiv,
    Mod,
    Pow,
    LShift,
    RShift,
    BitOr,
    BitXor,
    BitAnd,
}

/// The operator of `Compare` and its fused forms: CPython's `COMPARE_OP`,
/// `IS_OP` and `CONTAINS_OP` operands in one enum.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum CmpOp {
    Eq,
    NotEq,
    Lt,
    LtE,
    Gt,
    GtE,
    Is,
    IsNot,
    In,
    NotIn,
}

impl BinOp {
    /// The operator as Python spells it (`+`, `//`, ...), for messages such as
    /// `unsupported operand type(s) for +: 'int' and 'str'`.
    pub(crate) fn symbol(self) -> &'static str {
        match self {
            BinOp::Add => "+",
            BinOp::Sub => "-",
            BinOp::Mult => "*",
            BinOp::MatMult => "@",
            BinOp::Div => "/",
            BinOp::FloorDiv => "//",
            BinOp::Mod => "%",
            BinOp::Pow => "** or pow()",
            BinOp::LShift => "<<",
            BinOp::RShift => ">>",
            BinOp::BitOr => "|",
            BinOp::BitXor => "^",
            BinOp::BitAnd => "&",
        }
    }
}

/// One instruction. Operands are indices into the code object's tables or jump
/// targets (instruction indices). Eight bytes each.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Instr {
    Nop,
    Pop,
    /// `Pop` of a `for` / `async for` loop's iterator on `break` or
    /// `return`: a suspended generator left behind is finalized at once.
    PopIter,
    // Fused instructions, made by `compile::peephole` from the sequences they
    // name. Each executes the whole sequence and skips it; the original
    // instructions stay in place after it, so a jump into the middle of the
    // sequence still runs correctly.
    /// `LoadFast(a); LoadFast(b)`.
    LoadFast2(u32, u32),
    /// `LoadFast(a); LoadConst(c); Binary(op)`.
    BinaryFastConst(u16, u16, BinOp),
    /// `Compare(op); PopJumpIfFalse(target)`.
    CompareJumpIfFalse(CmpOp, u32),
    /// `LoadConst(c); Compare(op); PopJumpIfFalse(target)`.
    ConstCompareJumpIfFalse(u16, CmpOp, u32),
    /// `LoadConst(c); Binary(op)`.
    BinaryConst(u32, BinOp),
    /// `LoadFast(a); Binary(op)`.
    BinaryFast(u32, BinOp),
    /// `LoadFast(a); LoadMethod(name)`.
    LoadFastMethod(u32, u32),
    /// `ForIter(exit); StoreFast(a)`.
    ForIterStore(u32, u32),
    /// `Jump(target)` back to a `ForIterStore`: runs that instruction's step
    /// at once (a `for` loop's back edge, one instruction instead of two).
    JumpForIterStore(u32),
    /// Duplicate the top of stack.
    Dup,
    /// Duplicate the two top items (`a b` → `a b a b`).
    Dup2,
    /// Swap the top item with the one `n` below it (`Swap(1)` swaps the two top items).
    Swap(u32),
    /// Rotate the top three: `a b c` → `c a b`.
    Rot3,
    LoadConst(u32),
    LoadFast(u32),
    StoreFast(u32),
    DeleteFast(u32),
    /// Load the contents of cell `n` (cellvars first, then freevars).
    LoadDeref(u32),
    StoreDeref(u32),
    DeleteDeref(u32),
    /// Push the cell object itself (to build a closure).
    LoadClosure(u32),
    /// Module-global slot `n` (the module's [`Globals`](super::value::Globals)
    /// table is fixed when the module is compiled), falling back to builtins.
    LoadGlobal(u32),
    StoreGlobal(u32),
    DeleteGlobal(u32),
    /// Class bodies: the class namespace, then globals, then builtins.
    LoadName(u32),
    StoreName(u32),
    DeleteName(u32),
    /// Class bodies: a free variable, looked up in the namespace first.
    LoadClassDeref(u32, u32),
    LoadAttr(u32),
    StoreAttr(u32),
    DeleteAttr(u32),
    /// Pushes two values for `CallMethod`: the callable and `self` (or an
    /// `Undef` marker when the attribute was not a plain method).
    LoadMethod(u32),
    CallMethod(u32),
    /// Like `CallMethod` with keyword arguments; the second operand indexes a
    /// constant tuple of keyword names (the last `len` arguments).
    CallMethodKw(u32, u32),
    Subscr,
    StoreSubscr,
    DeleteSubscr,
    Binary(BinOp),
    /// `x op= y`: in place for lists (`+=` extends), otherwise like `Binary`.
    Inplace(BinOp),
    Compare(CmpOp),
    Not,
    Neg,
    Pos,
    Invert,
    Jump(u32),
    PopJumpIfFalse(u32),
    PopJumpIfTrue(u32),
    /// For `and`: if false, keep it and jump; else pop and go on.
    JumpIfFalseOrPop(u32),
    JumpIfTrueOrPop(u32),
    GetIter,
    /// Advance the iterator on top of stack: push the next item, or pop the
    /// iterator and jump to the target when exhausted.
    ForIter(u32),
    BuildList(u32),
    BuildTuple(u32),
    BuildSet(u32),
    /// `n` key/value pairs.
    BuildMap(u32),
    /// Append TOS to the list `n` items below it (comprehensions and displays).
    ListAppend(u32),
    ListExtend(u32),
    SetAdd(u32),
    SetUpdate(u32),
    /// TOS1: key, TOS: value; add to the dict `n` items below them.
    MapAdd(u32),
    DictUpdate(u32),
    ListToTuple,
    /// Concatenate `n` strings (f-strings).
    BuildString(u32),
    /// Format TOS for an f-string: bits 0-1 conversion (0 none, 1 str, 2 repr,
    /// 3 ascii), bit 2 a format spec is on the stack below the value... above it.
    FormatValue(u32),
    /// 2 or 3 items.
    BuildSlice(u32),
    UnpackSequence(u32),
    /// `a, *b, c`: before-count, after-count.
    UnpackEx(u32, u32),
    /// Positional call with `n` arguments: `callable arg1 .. argn`.
    Call(u32),
    /// Call with keywords: `n` arguments in all, of which the last `len(kwnames)`
    /// are keyword values; the names are the constant tuple at the second operand.
    CallKw(u32, u32),
    /// Call with `*args` (a tuple) and, when the operand is 1, `**kwargs` (a dict).
    CallEx(u32),
    /// Build a function from the constant code object at the operand. Flags in
    /// the second operand: 1 defaults tuple, 2 kw-defaults dict, 4 closure tuple
    /// are on the stack (in that order, below the code).
    MakeFunction(u32, u32),
    /// Build a class: stack has the body function and the bases tuple; the
    /// operand is the constant name. Runs the body, then creates the class.
    BuildClass(u32),
    Return,
    /// Await TOS: enter a coroutine, or suspend on a pending future.
    Await,
    /// Convert TOS into something `await` accepts (`__aenter__` results etc.
    /// are already awaitables; this checks and reports `TypeError` early).
    GetAwaitable,
    /// `yield TOS`: suspend the generator's frames; on resumption the value
    /// sent in is pushed (`None` for `next`).
    Yield,
    /// `yield from x`: TOS becomes the iterator to delegate to (a generator
    /// stays itself; a coroutine is refused outside a coroutine).
    GetYieldFromIter,
    /// `async for`: TOS becomes `type(TOS).__aiter__(TOS)`.
    GetAIter,
    /// `async for`: push the awaitable of `__anext__()` of the async iterator on TOS.
    GetANext,
    /// The end of an `async for`: TOS is the exception the loop's `__anext__`
    /// raised, below it the async iterator. `StopAsyncIteration` ends the loop
    /// (both are popped); anything else is re-raised.
    EndAsyncFor,
    /// `except* T`: TOS the type, below it the exception (group) still
    /// unhandled; pushes the rest and the matched part (`None` when nothing
    /// matched), which becomes the handled exception.
    CheckEgMatch,
    /// The end of a `try/except*`: TOS the list of what the handlers raised
    /// and the unhandled rest, below it the original exception; pushes what
    /// to raise (`None` for nothing).
    PrepReraiseStar,
    /// `raise` (0), `raise x` (1), `raise x from y` (2).
    Raise(u32),
    /// In a handler: re-raise the exception on top of stack.
    Reraise,
    /// Entering a handler: push the previously handled exception below TOS and
    /// make TOS the handled one.
    PushExcInfo,
    /// Leaving a handler: restore the handled exception saved by `PushExcInfo`.
    PopExcInfo,
    /// `except T`: TOS is the type (or tuple), below it the exception; push the
    /// match result.
    CheckExcMatch,
    /// `with`/`async with` entry: TOS context manager → pushes the bound `__exit__`
    /// (or `__aexit__`) and the result of `__enter__` (or the awaitable of
    /// `__aenter__` when the operand is 1).
    BeforeWith(u32),
    /// Exceptional `with` exit: the stack holds `exit_func, exc`; calls
    /// `exit_func(type, exc, tb)` and pushes its result (an awaitable for async).
    WithExcept,
    /// `import module` (constant name): push the module.
    ImportName(u32),
    /// `from module import name`: TOS module → push attribute (ImportError if absent).
    ImportFrom(u32),
    /// `assert` failure: raise `AssertionError`, with the message TOS if operand 1.
    RaiseAssert(u32),
    /// Push the `super()` proxy from TOS1 (`__class__`) and TOS (`self`).
    LoadSuper,
    /// Push a handler block: an exception raised before the matching
    /// `PopBlock` cuts the stack back to its current height, pushes the
    /// exception and jumps to the handler (CPython ≤ 3.10's `SETUP_FINALLY`).
    Setup(u32),
    /// Like `Setup`, but the block's height leaves out the top item: the value
    /// `__enter__` returned (which a `with` body stores), or the exception a
    /// handler is handling (so that its cleanup always finds `[prev, new]`).
    SetupUnder(u32),
    PopBlock,
    /// Normal `with` exit: pops `exit` and pushes `exit(None, None, None)`.
    WithNormalExit,
    /// `f(**m)`: merge the mapping TOS into the dict `n` below, refusing
    /// duplicate keys (`got multiple values for keyword argument`).
    DictMerge(u32),
}

/// What kind of code object this is (decides how calling it behaves).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CodeKind {
    Module,
    Function,
    /// `async def`: calling it makes a coroutine object.
    AsyncFunction,
    /// A generator function or expression: calling it makes a generator.
    Generator,
    /// `async def` with `yield`, or a generator expression with `await` /
    /// `async for`: calling it makes an async generator.
    AsyncGenerator,
    /// A class body: runs once with a namespace.
    ClassBody,
}

/// The parameter shape of a function.
#[derive(Debug, Clone, Default)]
pub(crate) struct ParamSpec {
    /// Positional-only parameters (before `/`).
    pub(crate) posonly: u32,
    /// Positional parameters in all (including positional-only).
    pub(crate) positional: u32,
    pub(crate) kwonly: u32,
    pub(crate) varargs: bool,
    pub(crate) varkw: bool,
}

/// A compiled code object (one per module, function, lambda, comprehension, class body).
#[derive(Debug)]
pub struct Code {
    pub(crate) name: Rc<str>,
    pub(crate) qualname: Rc<str>,
    pub(crate) kind: CodeKind,
    pub(crate) instrs: Vec<Instr>,
    /// The source span of each instruction (same length as `instrs`).
    pub(crate) spans: Vec<Span>,
    pub(crate) consts: Vec<Value>,
    /// Attribute, global and import names.
    pub(crate) names: Vec<Symbol>,
    /// Local variable names: parameters first, in order (positional, `*args`,
    /// keyword-only, `**kwargs`), then other locals.
    pub(crate) varnames: Vec<Symbol>,
    /// Locals that inner functions capture: `(name, index in varnames if it is
    /// a parameter)`.
    pub(crate) cellvars: Vec<(Symbol, Option<u32>)>,
    /// Variables captured from enclosing scopes.
    pub(crate) freevars: Vec<Symbol>,
    pub(crate) params: ParamSpec,
    /// Internal code (the asyncio prelude): hidden from tracebacks and line marks.
    pub(crate) internal: bool,
    /// First line of the definition (1-based), for tracebacks.
    pub(crate) first_line: u32,
    /// The function's docstring (`__doc__`), its indentation removed as 3.13 does.
    pub(crate) doc: Option<Rc<str>>,
}

impl Code {
    /// A call with `argc` positional arguments binds them to the first `argc`
    /// locals, one to one: every positional parameter is given, and there is
    /// no `*args`, keyword-only or `**kwargs` parameter and no cell.
    #[inline]
    pub(crate) fn takes_exactly(&self, argc: u32) -> bool {
        let p = &self.params;
        p.positional == argc && !p.varargs && p.kwonly == 0 && !p.varkw && self.cellvars.is_empty()
    }

    /// A call with `argc` positional arguments binds them one to one and the
    /// last `ndefaults` parameters' defaults fill in the rest: `takes_exactly`
    /// but for the defaults.
    #[inline]
    pub(crate) fn takes_positional(&self, argc: u32, ndefaults: usize) -> bool {
        let p = &self.params;
        p.positional >= argc
            && argc as usize + ndefaults >= p.positional as usize
            && !p.varargs
            && p.kwonly == 0
            && !p.varkw
            && self.cellvars.is_empty()
    }

    /// A readable listing of this code object and the ones nested in it
    /// (`loopscope dis FILE`, for debugging the compiler).
    pub fn disassemble(&self) -> String {
        let mut out = format!("code {} ({:?})\n", self.qualname, self.kind);
        for (i, ins) in self.instrs.iter().enumerate() {
            out.push_str(&format!("  {i:4} {ins:?}\n"));
        }
        for c in &self.consts {
            if let Value::Code(inner) = c {
                out.push_str(&inner.disassemble());
            }
        }
        out
    }
}
