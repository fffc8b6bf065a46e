//! The compiler: AST → code objects for the VM.
//!
//! One pass over an error-free tree (the parser has already refused invalid
//! and unsupported programs), after [`symtable`] has decided where each name
//! lives. Control flow that leaves a `try`, `with` or loop early (`return`,
//! `break`, `continue`) unwinds the enclosing blocks at compile time, as
//! CPython's compiler does with its "frame blocks": `finally` bodies are
//! emitted inline on those paths.

pub mod symtable;

use crate::syntax::ast::*;
use crate::syntax::{Diagnostic, Span};
use crate::vm::code::{self, Code, CodeKind, Instr, ParamSpec};
use crate::vm::intern::Symbol;
use crate::vm::value::{Globals, Value};
use crate::vm::Vm;
use std::rc::Rc;
use symtable::{NodeTag, Resolved, ScopeId, ScopeKind, SymbolTable};

/// Compile a parsed module. `globals` is the module's global table (its slots
/// are fixed here). `internal` marks the asyncio prelude (hidden from the UI's
/// line marks and from tracebacks).
pub(crate) fn compile_module(
    module: &Module,
    globals: &Rc<Globals>,
    internal: bool,
    first_line_of: &dyn Fn(Span) -> u32,
) -> Result<Rc<Code>, Vec<Diagnostic>> {
    let mut diags = Vec::new();
    let table = symtable::build(module, &mut diags);
    if !diags.is_empty() {
        return Err(diags);
    }
    let mut c = Compiler {
        table,
        globals: globals.clone(),
        internal,
        diags: Vec::new(),
        line_of: first_line_of,
    };
    let mut unit = Unit::new(0, CodeKind::Module, "<module>", "<module>");
    c.setup_annotations(&mut unit, &module.body);
    c.stmts(&mut unit, &module.body);
    let end =
        module.body.last().map(|s| Span { start: s.span.end, end: s.span.end }).unwrap_or_default();
    unit.span = end;
    unit.emit_const(Value::None);
    unit.emit(Instr::Return);
    if !c.diags.is_empty() {
        return Err(c.diags);
    }
    Ok(Rc::new(c.finish(unit, ParamSpec::default(), 1)))
}

/// Source to a module's code object, for `vm` (its [`crate::vm::Compiler`]):
/// parse errors and unsupported constructs come back as diagnostics. The
/// globals join the VM's cycle roots; user code (not `internal`) leaves its
/// line index on the VM for tracebacks.
pub fn compile_source(
    vm: &mut Vm,
    src: &str,
    globals: &Rc<Globals>,
    internal: bool,
) -> Result<Rc<Code>, Vec<Diagnostic>> {
    vm.cycle_roots.borrow_mut().globals(globals);
    let (module, diags) = crate::syntax::parse(src);
    if !diags.is_empty() {
        return Err(diags);
    }
    let index = crate::syntax::LineIndex::new(src);
    let line_of = |span: Span| index.line(span.start);
    let code = compile_module(&module, globals, internal, &line_of)?;
    if !internal {
        vm.line_index = Some(index);
    }
    Ok(code)
}

/// The bytecode's operator for the AST's (the same names, one enum each side).
fn bin_op(op: BinOp) -> code::BinOp {
    match op {
        BinOp::Add => code::BinOp::Add,
        BinOp::Sub => code::BinOp::Sub,
        BinOp::Mult => code::BinOp::Mult,
        BinOp::MatMult => code::BinOp::MatMult,
        BinOp::Div => code::BinOp::Div,
        BinOp::FloorDiv => code::BinOp::FloorDiv,
        BinOp::Mod => code::BinOp::Mod,
        BinOp::Pow => code::BinOp::Pow,
        BinOp::LShift => code::BinOp::LShift,
        BinOp::RShift => code::BinOp::RShift,
        BinOp::BitOr => code::BinOp::BitOr,
        BinOp::BitXor => code::BinOp::BitXor,
        BinOp::BitAnd => code::BinOp::BitAnd,
    }
}

/// The bytecode's comparison for the AST's.
fn cmp_op(op: CmpOp) -> code::CmpOp {
    match op {
        CmpOp::Eq => code::CmpOp::Eq,
        CmpOp::NotEq => code::CmpOp::NotEq,
        CmpOp::Lt => code::CmpOp::Lt,
        CmpOp::LtE => code::CmpOp::LtE,
        CmpOp::Gt => code::CmpOp::Gt,
        CmpOp::GtE => code::CmpOp::GtE,
        CmpOp::Is => code::CmpOp::Is,
        CmpOp::IsNot => code::CmpOp::IsNot,
        CmpOp::In => code::CmpOp::In,
        CmpOp::NotIn => code::CmpOp::NotIn,
    }
}

/// Fuse common instruction sequences (see the fused variants of [`Instr`]).
/// The fused instruction replaces the first of the sequence and skips the
/// rest, which stay in place for any jump that lands inside.
fn peephole(instrs: &mut [Instr]) {
    let n = instrs.len();
    for i in 0..n {
        match (instrs[i], instrs.get(i + 1).copied(), instrs.get(i + 2).copied()) {
            (Instr::LoadFast(a), Some(Instr::LoadConst(c)), Some(Instr::Binary(op)))
                if a < 65536 && c < 65536 =>
            {
                instrs[i] = Instr::BinaryFastConst(a as u16, c as u16, op);
            }
            (Instr::LoadFast(a), Some(Instr::LoadFast(b)), _) => {
                instrs[i] = Instr::LoadFast2(a, b);
            }
            (Instr::Compare(op), Some(Instr::PopJumpIfFalse(t)), _) => {
                instrs[i] = Instr::CompareJumpIfFalse(op, t);
            }
            (Instr::LoadConst(c), Some(Instr::Compare(op)), Some(Instr::PopJumpIfFalse(t)))
                if c < 65536 =>
            {
                instrs[i] = Instr::ConstCompareJumpIfFalse(c as u16, op, t);
            }
            (Instr::LoadConst(c), Some(Instr::Binary(op)), _) => {
                instrs[i] = Instr::BinaryConst(c, op);
            }
            (Instr::LoadFast(a), Some(Instr::Binary(op)), _) => {
                instrs[i] = Instr::BinaryFast(a, op);
            }
            (Instr::LoadFast(a), Some(Instr::LoadMethod(n)), _) => {
                instrs[i] = Instr::LoadFastMethod(a, n);
            }
            (Instr::ForIter(exit), Some(Instr::StoreFast(a)), _) => {
                instrs[i] = Instr::ForIterStore(exit, a);
            }
            _ => {}
        }
    }
    // A second pass: back edges to the fused loop heads made above.
    for i in 0..n {
        if let Instr::Jump(t) = instrs[i] {
            if let Some(Instr::ForIterStore(..)) = instrs.get(t as usize) {
                instrs[i] = Instr::JumpForIterStore(t);
            }
        }
    }
}

/// A block the compiler is inside, for unwinding on `return`/`break`/`continue`.
#[derive(Clone)]
enum FBlock {
    While {
        head: usize,
        breaks: Rc<std::cell::RefCell<Vec<usize>>>,
    },
    /// The iterator is on the stack.
    For {
        head: usize,
        breaks: Rc<std::cell::RefCell<Vec<usize>>>,
    },
    /// A `SetupExcept` block is active.
    TryExcept,
    /// A `SetupFinally` block is active; the finally body to run on the way out.
    TryFinally {
        body: Rc<Vec<Stmt>>,
    },
    /// Inside an `except` clause: `[prev, exc]` on the stack, a cleanup block
    /// active, and maybe a name bound to the exception.
    ExceptHandler {
        name: Option<String>,
    },
    /// Inside a `finally` body run for an exception: `[prev, exc]` and a cleanup block.
    FinallyHandler,
    /// Inside a `with` body: `exit` on the stack and a with-block active.
    With {
        is_async: bool,
    },
}

/// A code object being built.
struct Unit {
    scope: ScopeId,
    kind: CodeKind,
    name: String,
    qualname: String,
    instrs: Vec<Instr>,
    spans: Vec<Span>,
    consts: Vec<Value>,
    names: Vec<Symbol>,
    span: Span,
    fblocks: Vec<FBlock>,
    /// Hidden local for a `return` value while blocks unwind.
    retval_slot: Option<u32>,
    varnames: Vec<Symbol>,
}

impl Unit {
    fn new(scope: ScopeId, kind: CodeKind, name: &str, qualname: &str) -> Unit {
        Unit {
            scope,
            kind,
            name: name.to_string(),
            qualname: qualname.to_string(),
            instrs: Vec::new(),
            spans: Vec::new(),
            consts: Vec::new(),
            names: Vec::new(),
            span: Span::default(),
            fblocks: Vec::new(),
            retval_slot: None,
            varnames: Vec::new(),
        }
    }

    fn emit(&mut self, i: Instr) -> usize {
        self.instrs.push(i);
        self.spans.push(self.span);
        self.instrs.len() - 1
    }

    fn here(&self) -> usize {
        self.instrs.len()
    }

    /// Point the jump at `at` to `target`.
    fn patch(&mut self, at: usize, target: usize) {
        let t = target as u32;
        self.instrs[at] = match self.instrs[at] {
            Instr::Jump(_) => Instr::Jump(t),
            Instr::PopJumpIfFalse(_) => Instr::PopJumpIfFalse(t),
            Instr::PopJumpIfTrue(_) => Instr::PopJumpIfTrue(t),
            Instr::JumpIfFalseOrPop(_) => Instr::JumpIfFalseOrPop(t),
            Instr::JumpIfTrueOrPop(_) => Instr::JumpIfTrueOrPop(t),
            Instr::ForIter(_) => Instr::ForIter(t),
            Instr::Setup(_) => Instr::Setup(t),
            Instr::SetupUnder(_) => Instr::SetupUnder(t),
            _ => unreachable!("patching an instruction that is not a jump"),
        };
    }

    fn patch_here(&mut self, at: usize) {
        let h = self.here();
        self.patch(at, h);
    }

    fn add_const(&mut self, v: Value) -> u32 {
        // Share identical simple constants.
        for (i, c) in self.consts.iter().enumerate() {
            let same = match (c, &v) {
                (Value::None, Value::None) => true,
                (Value::Bool(a), Value::Bool(b)) => a == b,
                (Value::Int(a), Value::Int(b)) => a == b,
                (Value::Float(a), Value::Float(b)) => a.to_bits() == b.to_bits(),
                (Value::Str(a), Value::Str(b)) => a.s == b.s,
                _ => false,
            };
            if same {
                return i as u32;
            }
        }
        self.consts.push(v);
        (self.consts.len() - 1) as u32
    }

    fn emit_const(&mut self, v: Value) {
        let i = self.add_const(v);
        self.emit(Instr::LoadConst(i));
    }

    fn name_index(&mut self, s: Symbol) -> u32 {
        if let Some(i) = self.names.iter().position(|n| *n == s) {
            return i as u32;
        }
        self.names.push(s);
        (self.names.len() - 1) as u32
    }

    fn name_idx(&mut self, s: &str) -> u32 {
        self.name_index(Symbol::new(s))
    }
}

struct Compiler<'a> {
    table: SymbolTable,
    globals: Rc<Globals>,
    internal: bool,
    diags: Vec<Diagnostic>,
    line_of: &'a dyn Fn(Span) -> u32,
}

enum NameOp {
    Load,
    Store,
    Delete,
}

impl Compiler<'_> {
    fn finish(&mut self, unit: Unit, params: ParamSpec, first_line: u32) -> Code {
        let scope = &self.table.scopes[unit.scope];
        let mut varnames: Vec<Symbol> = scope.varnames.iter().map(|n| Symbol::new(n)).collect();
        for extra in &unit.varnames {
            if !varnames.contains(extra) {
                varnames.push(*extra);
            }
        }
        let cellvars = scope
            .cellvars
            .iter()
            .map(|n| {
                (
                    Symbol::new(n),
                    scope
                        .varnames
                        .iter()
                        .position(|v| v == n)
                        .filter(|&i| i < scope.params.len())
                        .map(|i| i as u32),
                )
            })
            .collect();
        let freevars = scope.freevars.iter().map(|n| Symbol::new(n)).collect();
        let mut unit = unit;
        peephole(&mut unit.instrs);
        Code {
            name: unit.name.as_str().into(),
            qualname: unit.qualname.as_str().into(),
            kind: unit.kind,
            instrs: unit.instrs,
            spans: unit.spans,
            consts: unit.consts,
            names: unit.names,
            varnames,
            cellvars,
            freevars,
            params,
            internal: self.internal,
            first_line,
            doc: None,
        }
    }

    fn scope_of(&self, span: Span, tag: NodeTag) -> ScopeId {
        *self.table.by_span.get(&symtable::key(span, tag)).expect("scope recorded by symtable")
    }

    // ---- names --------------------------------------------------------------

    fn cell_index(&self, unit: &Unit, name: &str) -> Option<u32> {
        let s = &self.table.scopes[unit.scope];
        if let Some(i) = s.cellvars.iter().position(|n| n == name) {
            return Some(i as u32);
        }
        s.freevars.iter().position(|n| n == name).map(|i| (s.cellvars.len() + i) as u32)
    }

    fn local_index(&self, unit: &mut Unit, name: &str) -> u32 {
        let s = &self.table.scopes[unit.scope];
        if let Some(i) = s.varnames.iter().position(|n| n == name) {
            return i as u32;
        }
        let sym = Symbol::new(name);
        if let Some(i) = unit.varnames.iter().position(|n| *n == sym) {
            return (s.varnames.len() + i) as u32;
        }
        unit.varnames.push(sym);
        (s.varnames.len() + unit.varnames.len() - 1) as u32
    }

    fn name_op(&mut self, unit: &mut Unit, name: &str, op: NameOp) {
        let scope = &self.table.scopes[unit.scope];
        let kind = scope.kind;
        let r = scope.resolve(name);
        match r {
            Resolved::Local => {
                let i = self.local_index(unit, name);
                unit.emit(match op {
                    NameOp::Load => Instr::LoadFast(i),
                    NameOp::Store => Instr::StoreFast(i),
                    NameOp::Delete => Instr::DeleteFast(i),
                });
            }
            Resolved::Cell | Resolved::Free => {
                let i = self.cell_index(unit, name).expect("cell or free variable has a cell");
                if kind == ScopeKind::Class && matches!(op, NameOp::Load) {
                    let n = unit.name_idx(name);
                    unit.emit(Instr::LoadClassDeref(n, i));
                    return;
                }
                unit.emit(match op {
                    NameOp::Load => Instr::LoadDeref(i),
                    NameOp::Store => Instr::StoreDeref(i),
                    NameOp::Delete => Instr::DeleteDeref(i),
                });
            }
            Resolved::ClassName => {
                let n = unit.name_idx(name);
                unit.emit(match op {
                    NameOp::Load => Instr::LoadName(n),
                    NameOp::Store => Instr::StoreName(n),
                    NameOp::Delete => Instr::DeleteName(n),
                });
            }
            Resolved::GlobalExplicit | Resolved::GlobalImplicit => {
                if kind == ScopeKind::Class && r == Resolved::GlobalImplicit {
                    let n = unit.name_idx(name);
                    unit.emit(match op {
                        NameOp::Load => Instr::LoadName(n),
                        NameOp::Store => Instr::StoreName(n),
                        NameOp::Delete => Instr::DeleteName(n),
                    });
                    return;
                }
                let slot = self.globals.slot(Symbol::new(name));
                unit.emit(match op {
                    NameOp::Load => Instr::LoadGlobal(slot),
                    NameOp::Store => Instr::StoreGlobal(slot),
                    NameOp::Delete => Instr::DeleteGlobal(slot),
                });
            }
        }
    }

    // ---- statements ---------------------------------------------------------

    fn stmts(&mut self, unit: &mut Unit, body: &[Stmt]) {
        for s in body {
            self.stmt(unit, s);
        }
    }

    fn stmt(&mut self, unit: &mut Unit, s: &Stmt) {
        unit.span = s.span;
        match &s.kind {
            StmtKind::Expr(e) => {
                self.expr(unit, e);
                unit.emit(Instr::Pop);
            }
            StmtKind::Assign { targets, value } => {
                self.expr(unit, value);
                for (i, t) in targets.iter().enumerate() {
                    if i + 1 < targets.len() {
                        unit.emit(Instr::Dup);
                    }
                    self.store_target(unit, t);
                }
            }
            StmtKind::AugAssign { target, op, value } => self.aug_assign(unit, target, *op, value),
            StmtKind::AnnAssign { target, annotation, value, simple } => {
                if let Some(v) = value {
                    self.expr(unit, v);
                    self.store_target(unit, target);
                }
                // At module and class level the annotation is evaluated, and a
                // simple name's goes into `__annotations__` (functions skip both).
                let kind = self.table.scopes[unit.scope].kind;
                if matches!(kind, ScopeKind::Module | ScopeKind::Class) {
                    self.expr(unit, annotation);
                    match (&target.kind, simple) {
                        (ExprKind::Name(n), true) => {
                            self.name_op(unit, "__annotations__", NameOp::Load);
                            unit.emit_const(Value::str(n.as_str()));
                            unit.span = s.span;
                            unit.emit(Instr::StoreSubscr);
                        }
                        _ => {
                            unit.emit(Instr::Pop);
                        }
                    }
                }
            }
            StmtKind::FunctionDef(f) => self.function_def(unit, f, s.span),
            StmtKind::ClassDef(c) => self.class_def(unit, c, s.span),
            StmtKind::Return(v) => {
                match v {
                    Some(v) => self.expr(unit, v),
                    None => unit.emit_const(Value::None),
                }
                unit.span = s.span;
                self.emit_return(unit);
            }
            StmtKind::If { test, body, orelse } => {
                self.expr(unit, test);
                let jf = unit.emit(Instr::PopJumpIfFalse(0));
                self.stmts(unit, body);
                if orelse.is_empty() {
                    unit.patch_here(jf);
                } else {
                    let jend = unit.emit(Instr::Jump(0));
                    unit.patch_here(jf);
                    self.stmts(unit, orelse);
                    unit.patch_here(jend);
                }
            }
            StmtKind::While { test, body, orelse } => {
                let head = unit.here();
                self.expr(unit, test);
                let jf = unit.emit(Instr::PopJumpIfFalse(0));
                let breaks = Rc::new(std::cell::RefCell::new(Vec::new()));
                unit.fblocks.push(FBlock::While { head, breaks: breaks.clone() });
                self.stmts(unit, body);
                unit.fblocks.pop();
                unit.span = s.span;
                unit.emit(Instr::Jump(head as u32));
                unit.patch_here(jf);
                self.stmts(unit, orelse);
                for b in breaks.borrow().iter() {
                    unit.patch_here(*b);
                }
            }
            StmtKind::For { target, iter, body, orelse, is_async } => {
                self.iterable(unit, iter);
                unit.span = s.span;
                unit.emit(if *is_async { Instr::GetAIter } else { Instr::GetIter });
                let head = unit.here();
                unit.span = target.span;
                let fi = if *is_async {
                    // `__anext__()` raising `StopAsyncIteration` ends the loop (`EndAsyncFor`).
                    let setup = unit.emit(Instr::Setup(0));
                    unit.span = iter.span;
                    unit.emit(Instr::GetANext);
                    unit.emit(Instr::Await);
                    unit.emit(Instr::PopBlock);
                    setup
                } else {
                    unit.emit(Instr::ForIter(0))
                };
                self.store_target(unit, target);
                let breaks = Rc::new(std::cell::RefCell::new(Vec::new()));
                unit.fblocks.push(FBlock::For { head, breaks: breaks.clone() });
                self.stmts(unit, body);
                unit.fblocks.pop();
                unit.span = s.span;
                unit.emit(Instr::Jump(head as u32));
                unit.patch_here(fi);
                if *is_async {
                    unit.span = iter.span;
                    unit.emit(Instr::EndAsyncFor);
                }
                self.stmts(unit, orelse);
                for b in breaks.borrow().iter() {
                    unit.patch_here(*b);
                }
            }
            StmtKind::Break => self.break_continue(unit, true),
            StmtKind::Continue => self.break_continue(unit, false),
            StmtKind::Pass => {
                unit.emit(Instr::Nop);
            }
            StmtKind::Try(t) => {
                if t.finalbody.is_empty() && t.star {
                    self.try_star(unit, t, s.span);
                } else if t.finalbody.is_empty() {
                    self.try_except(unit, t);
                } else {
                    self.try_finally(unit, t, s.span);
                }
            }
            StmtKind::Raise { exc, cause } => {
                let n = match (exc, cause) {
                    (None, _) => 0,
                    (Some(e), None) => {
                        self.expr(unit, e);
                        1
                    }
                    (Some(e), Some(c)) => {
                        self.expr(unit, e);
                        self.expr(unit, c);
                        2
                    }
                };
                unit.span = s.span;
                unit.emit(Instr::Raise(n));
            }
            StmtKind::Assert { test, msg } => {
                self.expr(unit, test);
                let ok = unit.emit(Instr::PopJumpIfTrue(0));
                if let Some(m) = msg {
                    self.expr(unit, m);
                }
                unit.span = s.span;
                unit.emit(Instr::RaiseAssert(msg.is_some() as u32));
                unit.patch_here(ok);
            }
            StmtKind::Delete(targets) => {
                for t in targets {
                    self.delete_target(unit, t);
                }
            }
            StmtKind::With { items, body, is_async } => self.with(unit, items, body, *is_async),
            StmtKind::Import(aliases) => {
                for a in aliases {
                    unit.span = a.span;
                    let n = unit.add_const(Value::str(a.name.as_str()));
                    unit.emit(Instr::ImportName(n));
                    let top = a.name.split('.').next().unwrap();
                    if a.asname.is_none() && top != a.name {
                        // `import a.b` binds the package `a` (with `b` loaded in it).
                        unit.emit(Instr::Pop);
                        let t = unit.add_const(Value::str(top));
                        unit.emit(Instr::ImportName(t));
                    }
                    let bound = a.asname.clone().unwrap_or_else(|| top.to_string());
                    self.name_op(unit, &bound, NameOp::Store);
                }
            }
            StmtKind::ImportFrom { module, names } => {
                let n = unit.add_const(Value::str(module.as_str()));
                unit.emit(Instr::ImportName(n));
                for a in names {
                    unit.span = a.span;
                    let attr = unit.name_idx(&a.name);
                    unit.emit(Instr::ImportFrom(attr));
                    let bound = a.asname.clone().unwrap_or_else(|| a.name.clone());
                    self.name_op(unit, &bound, NameOp::Store);
                }
                unit.emit(Instr::Pop);
            }
            StmtKind::Global(_) | StmtKind::Nonlocal(_) => {}
        }
    }

    /// `SETUP_ANNOTATIONS`: a module or class body with an annotated simple
    /// name (outside nested functions and classes) starts with
    /// `__annotations__ = {}`.
    fn setup_annotations(&mut self, unit: &mut Unit, body: &[Stmt]) {
        fn has(body: &[Stmt]) -> bool {
            body.iter().any(|s| match &s.kind {
                StmtKind::AnnAssign { simple: true, .. } => true,
                StmtKind::If { body, orelse, .. }
                | StmtKind::While { body, orelse, .. }
                | StmtKind::For { body, orelse, .. } => has(body) || has(orelse),
                StmtKind::With { body, .. } => has(body),
                StmtKind::Try(t) => {
                    has(&t.body)
                        || t.handlers.iter().any(|h| has(&h.body))
                        || has(&t.orelse)
                        || has(&t.finalbody)
                }
                _ => false,
            })
        }
        if has(body) {
            unit.emit(Instr::BuildMap(0));
            self.name_op(unit, "__annotations__", NameOp::Store);
        }
    }

    fn emit_return(&mut self, unit: &mut Unit) {
        let needs_unwind = unit.fblocks.iter().any(|b| !matches!(b, FBlock::While { .. }));
        if !needs_unwind {
            unit.emit(Instr::Return);
            return;
        }
        let slot = match unit.retval_slot {
            Some(s) => s,
            None => {
                let s = self.local_index(unit, ".retval");
                unit.retval_slot = Some(s);
                s
            }
        };
        unit.emit(Instr::StoreFast(slot));
        let blocks = unit.fblocks.clone();
        for (depth, b) in blocks.iter().enumerate().rev() {
            self.unwind_block(unit, b, depth, true);
        }
        unit.emit(Instr::LoadFast(slot));
        unit.emit(Instr::Return);
    }

    /// Emit the code that leaves block `b` (at index `depth` of the fblock
    /// stack) on a `return`, `break` or `continue` path.
    fn unwind_block(&mut self, unit: &mut Unit, b: &FBlock, depth: usize, is_return: bool) {
        match b {
            FBlock::While { .. } => {}
            FBlock::For { .. } => {
                if is_return {
                    unit.emit(Instr::PopIter);
                }
            }
            FBlock::TryExcept => {
                unit.emit(Instr::PopBlock);
            }
            FBlock::TryFinally { body } => {
                unit.emit(Instr::PopBlock);
                // Run the finally body with the blocks outside it in force.
                let saved: Vec<FBlock> = unit.fblocks.drain(depth..).collect();
                let span = unit.span;
                self.stmts(unit, body);
                unit.span = span;
                unit.fblocks.extend(saved);
            }
            FBlock::ExceptHandler { name } => {
                unit.emit(Instr::PopBlock);
                unit.emit(Instr::Pop);
                unit.emit(Instr::PopExcInfo);
                if let Some(n) = name {
                    unit.emit_const(Value::None);
                    self.name_op(unit, n, NameOp::Store);
                    self.name_op(unit, n, NameOp::Delete);
                }
            }
            FBlock::FinallyHandler => {
                unit.emit(Instr::PopBlock);
                unit.emit(Instr::Pop);
                unit.emit(Instr::PopExcInfo);
            }
            FBlock::With { is_async } => {
                unit.emit(Instr::PopBlock);
                unit.emit(Instr::WithNormalExit);
                if *is_async {
                    unit.emit(Instr::GetAwaitable);
                    unit.emit(Instr::Await);
                }
                unit.emit(Instr::Pop);
            }
        }
    }

    fn break_continue(&mut self, unit: &mut Unit, is_break: bool) {
        // Find the innermost loop.
        let Some(loop_at) = unit
            .fblocks
            .iter()
            .rposition(|b| matches!(b, FBlock::While { .. } | FBlock::For { .. }))
        else {
            // The parser reports break/continue outside a loop.
            return;
        };
        let blocks = unit.fblocks.clone();
        for depth in ((loop_at + 1)..blocks.len()).rev() {
            self.unwind_block(unit, &blocks[depth], depth, false);
        }
        match &blocks[loop_at] {
            FBlock::While { head, breaks } => {
                if is_break {
                    let j = unit.emit(Instr::Jump(0));
                    breaks.borrow_mut().push(j);
                } else {
                    unit.emit(Instr::Jump(*head as u32));
                }
            }
            FBlock::For { head, breaks } => {
                if is_break {
                    unit.emit(Instr::PopIter);
                    let j = unit.emit(Instr::Jump(0));
                    breaks.borrow_mut().push(j);
                } else {
                    unit.emit(Instr::Jump(*head as u32));
                }
            }
            _ => unreachable!(),
        }
    }

    fn try_except(&mut self, unit: &mut Unit, t: &Try) {
        let setup = unit.emit(Instr::Setup(0));
        unit.fblocks.push(FBlock::TryExcept);
        self.stmts(unit, &t.body);
        unit.fblocks.pop();
        unit.emit(Instr::PopBlock);
        self.stmts(unit, &t.orelse);
        let jend = unit.emit(Instr::Jump(0));
        unit.patch_here(setup);
        self.handlers(unit, &t.handlers);
        unit.patch_here(jend);
    }

    /// The handler code: the exception is on top of the stack.
    fn handlers(&mut self, unit: &mut Unit, handlers: &[ExceptHandler]) {
        unit.emit(Instr::PushExcInfo);
        let cleanup = unit.emit(Instr::SetupUnder(0));
        let mut ends = Vec::new();
        for h in handlers {
            unit.span = h.span;
            let next = match &h.typ {
                Some(ty) => {
                    self.expr(unit, ty);
                    unit.span = h.span;
                    unit.emit(Instr::CheckExcMatch);
                    Some(unit.emit(Instr::PopJumpIfFalse(0)))
                }
                None => None,
            };
            if let Some(n) = &h.name {
                unit.emit(Instr::Dup);
                self.name_op(unit, n, NameOp::Store);
            }
            unit.fblocks.push(FBlock::ExceptHandler { name: h.name.clone() });
            self.stmts(unit, &h.body);
            unit.fblocks.pop();
            unit.span = h.span;
            unit.emit(Instr::PopBlock);
            unit.emit(Instr::Pop);
            unit.emit(Instr::PopExcInfo);
            if let Some(n) = &h.name {
                unit.emit_const(Value::None);
                self.name_op(unit, n, NameOp::Store);
                self.name_op(unit, n, NameOp::Delete);
            }
            ends.push(unit.emit(Instr::Jump(0)));
            if let Some(next) = next {
                unit.patch_here(next);
            }
        }
        // No clause matched: re-raise (the cleanup block restores the handled exception).
        unit.emit(Instr::Reraise);
        unit.patch_here(cleanup);
        self.emit_cleanup(unit);
        for e in ends {
            unit.patch_here(e);
        }
    }

    /// `try/except*` (PEP 654), as CPython compiles it: each clause splits
    /// off the part of the exception (group) its types match and runs with it
    /// bound; what the handlers raise and what no clause matched are raised
    /// together at the end (`PrepReraiseStar`).
    fn try_star(&mut self, unit: &mut Unit, t: &Try, span: Span) {
        let setup = unit.emit(Instr::Setup(0));
        unit.fblocks.push(FBlock::TryExcept);
        self.stmts(unit, &t.body);
        unit.fblocks.pop();
        unit.emit(Instr::PopBlock);
        self.stmts(unit, &t.orelse);
        let jend = unit.emit(Instr::Jump(0));
        unit.patch_here(setup);
        unit.span = span;
        // [orig] → [prev, orig] with the cleanup block, then the list of what to
        // re-raise and the rest still to match: [prev, orig, list, rest].
        unit.emit(Instr::PushExcInfo);
        let cleanup = unit.emit(Instr::SetupUnder(0));
        unit.emit(Instr::BuildList(0));
        unit.emit(Instr::Dup2);
        unit.emit(Instr::Pop);
        for h in &t.handlers {
            unit.span = h.span;
            let ty = h.typ.as_ref().expect("the parser requires a type after except*");
            self.expr(unit, ty);
            unit.span = h.span;
            unit.emit(Instr::CheckEgMatch); // [.., rest, match]
            unit.emit(Instr::Dup);
            unit.emit_const(Value::None);
            unit.emit(Instr::Compare(code::CmpOp::Is));
            let no_match = unit.emit(Instr::PopJumpIfTrue(0));
            match &h.name {
                Some(n) => self.name_op(unit, n, NameOp::Store),
                None => {
                    unit.emit(Instr::Pop);
                }
            }
            // What the handler raises joins the list (two below the rest).
            let raised = unit.emit(Instr::Setup(0));
            unit.fblocks.push(FBlock::TryExcept);
            self.stmts(unit, &h.body);
            unit.fblocks.pop();
            unit.span = h.span;
            unit.emit(Instr::PopBlock);
            let done = unit.emit(Instr::Jump(0));
            unit.patch_here(raised);
            unit.emit(Instr::ListAppend(2));
            unit.patch_here(done);
            if let Some(n) = &h.name {
                unit.emit_const(Value::None);
                self.name_op(unit, n, NameOp::Store);
                self.name_op(unit, n, NameOp::Delete);
            }
            let next = unit.emit(Instr::Jump(0));
            unit.patch_here(no_match);
            unit.emit(Instr::Pop);
            unit.patch_here(next);
        }
        unit.span = span;
        unit.emit(Instr::ListAppend(1)); // [prev, orig, list]
        unit.emit(Instr::PrepReraiseStar); // [prev, result]
        unit.emit(Instr::Dup);
        unit.emit_const(Value::None);
        unit.emit(Instr::Compare(code::CmpOp::Is));
        let nothing = unit.emit(Instr::PopJumpIfTrue(0));
        unit.emit(Instr::Reraise);
        unit.patch_here(nothing);
        unit.emit(Instr::Pop);
        unit.emit(Instr::PopBlock);
        unit.emit(Instr::PopExcInfo);
        let jend2 = unit.emit(Instr::Jump(0));
        unit.patch_here(cleanup);
        self.emit_cleanup(unit);
        unit.patch_here(jend);
        unit.patch_here(jend2);
    }

    /// Cleanup after an exception escapes a handler: stack `[prev, new]`.
    fn emit_cleanup(&mut self, unit: &mut Unit) {
        unit.emit(Instr::Swap(1));
        unit.emit(Instr::PopExcInfo);
        unit.emit(Instr::Reraise);
    }

    fn try_finally(&mut self, unit: &mut Unit, t: &Try, span: Span) {
        let body = Rc::new(t.finalbody.clone());
        let setup = unit.emit(Instr::Setup(0));
        unit.fblocks.push(FBlock::TryFinally { body: body.clone() });
        if t.handlers.is_empty() {
            self.stmts(unit, &t.body);
        } else {
            let inner = Try {
                body: t.body.clone(),
                handlers: t.handlers.clone(),
                orelse: t.orelse.clone(),
                finalbody: vec![],
                star: t.star,
            };
            if t.star {
                self.try_star(unit, &inner, span);
            } else {
                self.try_except(unit, &inner);
            }
        }
        unit.fblocks.pop();
        unit.span = span;
        unit.emit(Instr::PopBlock);
        self.stmts(unit, &t.finalbody);
        let jend = unit.emit(Instr::Jump(0));
        // Exceptional path.
        unit.patch_here(setup);
        unit.span = span;
        unit.emit(Instr::PushExcInfo);
        let cleanup = unit.emit(Instr::SetupUnder(0));
        unit.fblocks.push(FBlock::FinallyHandler);
        self.stmts(unit, &t.finalbody);
        unit.fblocks.pop();
        unit.span = span;
        unit.emit(Instr::PopBlock);
        // [prev, exc] → restore prev, re-raise exc.
        unit.emit(Instr::Swap(1));
        unit.emit(Instr::PopExcInfo);
        unit.emit(Instr::Reraise);
        unit.patch_here(cleanup);
        self.emit_cleanup(unit);
        unit.patch_here(jend);
    }

    fn with(&mut self, unit: &mut Unit, items: &[WithItem], body: &[Stmt], is_async: bool) {
        let Some((first, rest)) = items.split_first() else {
            self.stmts(unit, body);
            return;
        };
        self.expr(unit, &first.context_expr);
        unit.span = first.context_expr.span;
        unit.emit(Instr::BeforeWith(is_async as u32));
        if is_async {
            unit.emit(Instr::GetAwaitable);
            unit.emit(Instr::Await);
        }
        let setup = unit.emit(Instr::SetupUnder(0));
        match &first.optional_vars {
            Some(t) => self.store_target(unit, t),
            None => {
                unit.emit(Instr::Pop);
            }
        }
        unit.fblocks.push(FBlock::With { is_async });
        if rest.is_empty() {
            self.stmts(unit, body);
        } else {
            self.with(unit, rest, body, is_async);
        }
        unit.fblocks.pop();
        unit.span = first.context_expr.span;
        unit.emit(Instr::PopBlock);
        unit.emit(Instr::WithNormalExit);
        if is_async {
            unit.emit(Instr::GetAwaitable);
            unit.emit(Instr::Await);
        }
        unit.emit(Instr::Pop);
        let jend = unit.emit(Instr::Jump(0));
        // Exceptional exit: [exit, exc].
        unit.patch_here(setup);
        unit.emit(Instr::PushExcInfo); // [exit, prev, exc]
        let cleanup = unit.emit(Instr::SetupUnder(0));
        unit.emit(Instr::WithExcept); // [exit, prev, exc, res]
        if is_async {
            unit.emit(Instr::GetAwaitable);
            unit.emit(Instr::Await);
        }
        let suppress = unit.emit(Instr::PopJumpIfTrue(0));
        unit.emit(Instr::Reraise);
        unit.patch_here(suppress);
        unit.emit(Instr::PopBlock);
        unit.emit(Instr::Pop);
        unit.emit(Instr::PopExcInfo);
        unit.emit(Instr::Pop);
        let jend2 = unit.emit(Instr::Jump(0));
        unit.patch_here(cleanup);
        // [exit, prev, new] → [new]
        unit.emit(Instr::Swap(1));
        unit.emit(Instr::PopExcInfo);
        unit.emit(Instr::Swap(1));
        unit.emit(Instr::Pop);
        unit.emit(Instr::Reraise);
        unit.patch_here(jend);
        unit.patch_here(jend2);
    }

    fn aug_assign(&mut self, unit: &mut Unit, target: &Expr, op: BinOp, value: &Expr) {
        match &target.kind {
            ExprKind::Name(n) => {
                self.name_op(unit, n, NameOp::Load);
                self.expr(unit, value);
                unit.span = target.span.to(value.span);
                unit.emit(Instr::Inplace(bin_op(op)));
                self.name_op(unit, n, NameOp::Store);
            }
            ExprKind::Attribute { value: obj, attr } => {
                self.expr(unit, obj);
                unit.emit(Instr::Dup);
                let a = unit.name_idx(attr);
                unit.span = target.span;
                unit.emit(Instr::LoadAttr(a));
                self.expr(unit, value);
                unit.span = target.span.to(value.span);
                unit.emit(Instr::Inplace(bin_op(op)));
                unit.emit(Instr::Swap(1));
                unit.emit(Instr::StoreAttr(a));
            }
            ExprKind::Subscript { value: obj, index } => {
                self.expr(unit, obj);
                self.expr(unit, index);
                unit.emit(Instr::Dup2);
                unit.span = target.span;
                unit.emit(Instr::Subscr);
                self.expr(unit, value);
                unit.span = target.span.to(value.span);
                unit.emit(Instr::Inplace(bin_op(op)));
                unit.emit(Instr::Rot3);
                unit.emit(Instr::StoreSubscr);
            }
            _ => self.diags.push(Diagnostic::syntax(
                target.span,
                "'expression' is an illegal expression for augmented assignment",
            )),
        }
    }

    fn store_target(&mut self, unit: &mut Unit, t: &Expr) {
        let span = unit.span;
        unit.span = t.span;
        match &t.kind {
            ExprKind::Name(n) => self.name_op(unit, n, NameOp::Store),
            ExprKind::Attribute { value, attr } => {
                self.expr(unit, value);
                let a = unit.name_idx(attr);
                unit.span = t.span;
                unit.emit(Instr::StoreAttr(a));
            }
            ExprKind::Subscript { value, index } => {
                self.expr(unit, value);
                self.expr(unit, index);
                unit.span = t.span;
                unit.emit(Instr::StoreSubscr);
            }
            ExprKind::Tuple(items) | ExprKind::List(items) => {
                let star = items.iter().position(|e| matches!(e.kind, ExprKind::Starred(_)));
                match star {
                    Some(i) => {
                        unit.emit(Instr::UnpackEx(i as u32, (items.len() - i - 1) as u32));
                    }
                    None => {
                        unit.emit(Instr::UnpackSequence(items.len() as u32));
                    }
                }
                for item in items {
                    match &item.kind {
                        ExprKind::Starred(inner) => self.store_target(unit, inner),
                        _ => self.store_target(unit, item),
                    }
                }
            }
            ExprKind::Starred(inner) => self.store_target(unit, inner),
            _ => self.diags.push(Diagnostic::syntax(t.span, "cannot assign to expression")),
        }
        unit.span = span;
    }

    fn delete_target(&mut self, unit: &mut Unit, t: &Expr) {
        unit.span = t.span;
        match &t.kind {
            ExprKind::Name(n) => self.name_op(unit, n, NameOp::Delete),
            ExprKind::Attribute { value, attr } => {
                self.expr(unit, value);
                let a = unit.name_idx(attr);
                unit.emit(Instr::DeleteAttr(a));
            }
            ExprKind::Subscript { value, index } => {
                self.expr(unit, value);
                self.expr(unit, index);
                unit.span = t.span;
                unit.emit(Instr::DeleteSubscr);
            }
            ExprKind::Tuple(items) | ExprKind::List(items) => {
                for i in items {
                    self.delete_target(unit, i);
                }
            }
            _ => self.diags.push(Diagnostic::syntax(t.span, "cannot delete expression")),
        }
    }

    // ---- functions and classes ----------------------------------------------

    fn param_spec(p: &Params) -> ParamSpec {
        ParamSpec {
            posonly: p.posonly.len() as u32,
            positional: (p.posonly.len() + p.args.len()) as u32,
            kwonly: p.kwonly.len() as u32,
            varargs: p.vararg.is_some(),
            varkw: p.kwarg.is_some(),
        }
    }

    /// Push defaults / kw-defaults / closure for a function about to be made;
    /// returns the MakeFunction flags.
    fn function_prelude(
        &mut self,
        unit: &mut Unit,
        params: Option<&Params>,
        returns: Option<&Expr>,
        scope: ScopeId,
    ) -> u32 {
        let mut flags = 0;
        if let Some(p) = params {
            let defaults: Vec<&Expr> =
                p.posonly.iter().chain(&p.args).filter_map(|a| a.default.as_ref()).collect();
            if !defaults.is_empty() {
                for d in &defaults {
                    self.expr(unit, d);
                }
                unit.emit(Instr::BuildTuple(defaults.len() as u32));
                flags |= 1;
            }
            let kwdefaults: Vec<(&str, &Expr)> = p
                .kwonly
                .iter()
                .filter_map(|a| a.default.as_ref().map(|d| (a.name.as_str(), d)))
                .collect();
            if !kwdefaults.is_empty() {
                for (n, d) in &kwdefaults {
                    unit.emit_const(Value::str(*n));
                    self.expr(unit, d);
                }
                unit.emit(Instr::BuildMap(kwdefaults.len() as u32));
                flags |= 2;
            }
            // `__annotations__`, evaluated where the `def` runs.
            let annotations: Vec<(&str, &Expr)> = crate::syntax::check::all_params(p)
                .filter_map(|a| a.annotation.as_deref().map(|e| (a.name.as_str(), e)))
                .chain(returns.map(|r| ("return", r)))
                .collect();
            if !annotations.is_empty() {
                for (n, e) in &annotations {
                    unit.emit_const(Value::str(*n));
                    self.expr(unit, e);
                }
                unit.emit(Instr::BuildMap(annotations.len() as u32));
                flags |= 8;
            }
        }
        let frees = self.table.scopes[scope].freevars.clone();
        if !frees.is_empty() {
            for f in &frees {
                let i = self
                    .cell_index(unit, f)
                    .expect("free variable of a child is a cell or free here");
                unit.emit(Instr::LoadClosure(i));
            }
            unit.emit(Instr::BuildTuple(frees.len() as u32));
            flags |= 4;
        }
        flags
    }

    fn qualname(&self, unit: &Unit, name: &str) -> String {
        match self.table.scopes[unit.scope].kind {
            ScopeKind::Module => name.to_string(),
            ScopeKind::Class => format!("{}.{}", unit.qualname, name),
            _ => format!("{}.<locals>.{}", unit.qualname, name),
        }
    }

    fn function_def(&mut self, unit: &mut Unit, f: &FunctionDef, span: Span) {
        for d in &f.decorators {
            self.expr(unit, d);
        }
        unit.span = span;
        let scope = self.scope_of(span, NodeTag::Def);
        let flags = self.function_prelude(unit, Some(&f.params), f.returns.as_deref(), scope);
        let kind = match (f.is_async, self.table.scopes[scope].has_yield) {
            (false, false) => CodeKind::Function,
            (true, false) => CodeKind::AsyncFunction,
            (false, true) => CodeKind::Generator,
            (true, true) => CodeKind::AsyncGenerator,
        };
        let qualname = self.qualname(unit, &f.name);
        let mut inner = Unit::new(scope, kind, &f.name, &qualname);
        inner.span = span;
        self.stmts(&mut inner, &f.body);
        inner.span = Span { start: span.end, end: span.end };
        if let Some(last) = f.body.last() {
            inner.span = last.span;
        }
        inner.emit_const(Value::None);
        inner.emit(Instr::Return);
        // `co_firstlineno`: the first decorator's line, if any.
        let first_line = (self.line_of)(f.decorators.first().map_or(f.name_span, |d| d.span));
        let mut code = self.finish(inner, Self::param_spec(&f.params), first_line);
        code.doc = docstring(&f.body).map(|d| clean_doc(d).into());
        let ci = unit.add_const(Value::Code(Rc::new(code)));
        unit.span = span;
        unit.emit(Instr::MakeFunction(ci, flags));
        for _ in &f.decorators {
            unit.emit(Instr::Call(1));
        }
        self.name_op(unit, &f.name, NameOp::Store);
    }

    fn class_def(&mut self, unit: &mut Unit, c: &ClassDef, span: Span) {
        for d in &c.decorators {
            self.expr(unit, d);
        }
        unit.span = span;
        let scope = self.scope_of(span, NodeTag::Class);
        let flags = self.function_prelude(unit, None, None, scope);
        let qualname = self.qualname(unit, &c.name);
        let mut inner = Unit::new(scope, CodeKind::ClassBody, &c.name, &qualname);
        inner.span = span;
        if let Some(d) = docstring(&c.body) {
            inner.emit_const(Value::str(clean_doc(d)));
            self.name_op(&mut inner, "__doc__", NameOp::Store);
        }
        self.setup_annotations(&mut inner, &c.body);
        self.stmts(&mut inner, &c.body);
        inner.emit_const(Value::None);
        inner.emit(Instr::Return);
        let first_line = (self.line_of)(c.name_span);
        let code = self.finish(inner, ParamSpec::default(), first_line);
        let ci = unit.add_const(Value::Code(Rc::new(code)));
        unit.span = span;
        unit.emit(Instr::MakeFunction(ci, flags));
        for b in &c.bases {
            self.expr(unit, b);
        }
        unit.emit(Instr::BuildTuple(c.bases.len() as u32));
        let n = unit.add_const(Value::str(c.name.as_str()));
        unit.span = span;
        unit.emit(Instr::BuildClass(n));
        for _ in &c.decorators {
            unit.emit(Instr::Call(1));
        }
        self.name_op(unit, &c.name, NameOp::Store);
    }

    fn lambda(&mut self, unit: &mut Unit, params: &Params, body: &Expr, span: Span) {
        let scope = self.scope_of(span, NodeTag::Lambda);
        let flags = self.function_prelude(unit, Some(params), None, scope);
        let qualname = self.qualname(unit, "<lambda>");
        let kind = if self.table.scopes[scope].has_yield {
            CodeKind::Generator
        } else {
            CodeKind::Function
        };
        let mut inner = Unit::new(scope, kind, "<lambda>", &qualname);
        inner.span = body.span;
        self.expr(&mut inner, body);
        inner.emit(Instr::Return);
        let first_line = (self.line_of)(span);
        let code = self.finish(inner, Self::param_spec(params), first_line);
        let ci = unit.add_const(Value::Code(Rc::new(code)));
        unit.span = span;
        unit.emit(Instr::MakeFunction(ci, flags));
    }

    /// Comprehensions and generator expressions: a nested function called at once
    /// with the first iterable's iterator.
    fn comprehension(&mut self, unit: &mut Unit, e: &Expr, gens: &[Comprehension]) {
        let span = e.span;
        let scope = self.scope_of(span, NodeTag::Comp);
        let has_await = self.table.scopes[scope].has_await;
        let is_gen = matches!(e.kind, ExprKind::GeneratorExp { .. });
        let flags = self.function_prelude(unit, None, None, scope);
        let name = self.table.scopes[scope].name.clone();
        let qualname = self.qualname(unit, &name);
        let kind = if is_gen && has_await {
            CodeKind::AsyncGenerator
        } else if is_gen {
            CodeKind::Generator
        } else if has_await {
            CodeKind::AsyncFunction
        } else {
            CodeKind::Function
        };
        let mut inner = Unit::new(scope, kind, &name, &qualname);
        inner.span = span;
        match &e.kind {
            ExprKind::ListComp { .. } => {
                inner.emit(Instr::BuildList(0));
            }
            ExprKind::SetComp { .. } => {
                inner.emit(Instr::BuildSet(0));
            }
            ExprKind::DictComp { .. } => {
                inner.emit(Instr::BuildMap(0));
            }
            _ => {}
        }
        self.comp_generator(&mut inner, e, gens, 0, if is_gen { 0 } else { 1 });
        inner.span = span;
        if is_gen {
            inner.emit_const(Value::None);
        }
        inner.emit(Instr::Return);
        let first_line = (self.line_of)(span);
        let spec = ParamSpec { positional: 1, ..Default::default() };
        let code = self.finish(inner, spec, first_line);
        let ci = unit.add_const(Value::Code(Rc::new(code)));
        unit.span = span;
        unit.emit(Instr::MakeFunction(ci, flags));
        self.iterable(unit, &gens[0].iter);
        unit.span = span;
        unit.emit(if gens[0].is_async { Instr::GetAIter } else { Instr::GetIter });
        unit.emit(Instr::Call(1));
        if has_await && !is_gen {
            unit.emit(Instr::GetAwaitable);
            unit.emit(Instr::Await);
        }
    }

    /// One `for` clause (and the ones after it) of a comprehension; `depth` is
    /// how many items sit between the result container and the iterators.
    fn comp_generator(
        &mut self,
        unit: &mut Unit,
        e: &Expr,
        gens: &[Comprehension],
        i: usize,
        below: u32,
    ) {
        let g = &gens[i];
        if i == 0 {
            // The iterator was passed in as `.0`.
            unit.emit(Instr::LoadFast(0));
        } else {
            self.iterable(unit, &g.iter);
            unit.span = g.iter.span;
            unit.emit(if g.is_async { Instr::GetAIter } else { Instr::GetIter });
        }
        let head = unit.here();
        unit.span = g.target.span;
        let fi = if g.is_async {
            let setup = unit.emit(Instr::Setup(0));
            unit.emit(Instr::GetANext);
            unit.emit(Instr::Await);
            unit.emit(Instr::PopBlock);
            setup
        } else {
            unit.emit(Instr::ForIter(0))
        };
        self.store_target(unit, &g.target);
        let mut skips = Vec::new();
        for cond in &g.ifs {
            self.expr(unit, cond);
            skips.push(unit.emit(Instr::PopJumpIfFalse(0)));
        }
        if i + 1 < gens.len() {
            self.comp_generator(unit, e, gens, i + 1, below);
        } else {
            // Iterators on the stack above the container: i + 1.
            let depth = i as u32 + 1 + below;
            match &e.kind {
                ExprKind::ListComp { elt, .. } => {
                    self.expr(unit, elt);
                    unit.emit(Instr::ListAppend(depth));
                }
                ExprKind::SetComp { elt, .. } => {
                    self.expr(unit, elt);
                    unit.emit(Instr::SetAdd(depth));
                }
                ExprKind::DictComp { key, value, .. } => {
                    self.expr(unit, key);
                    self.expr(unit, value);
                    unit.emit(Instr::MapAdd(depth));
                }
                ExprKind::GeneratorExp { elt, .. } => {
                    self.expr(unit, elt);
                    unit.span = elt.span;
                    unit.emit(Instr::Yield);
                    unit.emit(Instr::Pop);
                }
                _ => unreachable!(),
            }
        }
        for s in skips {
            unit.patch(s, head);
        }
        unit.emit(Instr::Jump(head as u32));
        unit.patch_here(fi);
        if g.is_async {
            unit.span = g.target.span;
            unit.emit(Instr::EndAsyncFor);
        }
    }

    // ---- expressions ----------------------------------------------------------

    fn expr(&mut self, unit: &mut Unit, e: &Expr) {
        let saved = unit.span;
        unit.span = e.span;
        self.expr_inner(unit, e);
        unit.span = saved;
    }

    fn expr_inner(&mut self, unit: &mut Unit, e: &Expr) {
        match &e.kind {
            ExprKind::Name(n) => self.name_op(unit, n, NameOp::Load),
            ExprKind::Constant(c) => {
                let v = match c {
                    Constant::None => Value::None,
                    Constant::Bool(b) => Value::Bool(*b),
                    Constant::Int(i) => Value::Int(*i),
                    Constant::Float(f) => Value::Float(*f),
                    Constant::Str(s) => Value::str(s.as_str()),
                    Constant::Ellipsis => Value::Ellipsis,
                };
                unit.emit_const(v);
            }
            ExprKind::FString(parts) => self.fstring(unit, parts),
            ExprKind::List(items) => self.display(unit, items, DisplayKind::List),
            ExprKind::Tuple(items) => self.display(unit, items, DisplayKind::Tuple),
            ExprKind::Set(items) => self.display(unit, items, DisplayKind::Set),
            ExprKind::Dict(items) => {
                if items.iter().all(|(k, _)| k.is_some()) {
                    for (k, v) in items {
                        self.expr(unit, k.as_ref().unwrap());
                        self.expr(unit, v);
                    }
                    unit.emit(Instr::BuildMap(items.len() as u32));
                } else {
                    unit.emit(Instr::BuildMap(0));
                    for (k, v) in items {
                        match k {
                            Some(k) => {
                                self.expr(unit, k);
                                self.expr(unit, v);
                                unit.emit(Instr::MapAdd(1));
                            }
                            None => {
                                self.expr(unit, v);
                                unit.span = v.span;
                                unit.emit(Instr::DictUpdate(1));
                            }
                        }
                    }
                }
            }
            ExprKind::Starred(_) => {
                self.diags.push(Diagnostic::syntax(e.span, "can't use starred expression here"));
            }
            ExprKind::BinOp { left, op, right } => {
                self.expr(unit, left);
                self.expr(unit, right);
                unit.emit(Instr::Binary(bin_op(*op)));
            }
            ExprKind::UnaryOp { op, operand } => {
                self.expr(unit, operand);
                unit.emit(match op {
                    UnaryOp::Not => Instr::Not,
                    UnaryOp::USub => Instr::Neg,
                    UnaryOp::UAdd => Instr::Pos,
                    UnaryOp::Invert => Instr::Invert,
                });
            }
            ExprKind::BoolOp { op, values } => {
                let mut jumps = Vec::new();
                for (i, v) in values.iter().enumerate() {
                    self.expr(unit, v);
                    if i + 1 < values.len() {
                        jumps.push(unit.emit(match op {
                            BoolOp::And => Instr::JumpIfFalseOrPop(0),
                            BoolOp::Or => Instr::JumpIfTrueOrPop(0),
                        }));
                    }
                }
                for j in jumps {
                    unit.patch_here(j);
                }
            }
            ExprKind::Compare { left, ops, comparators } => {
                self.expr(unit, left);
                if ops.len() == 1 {
                    if matches!(ops[0], CmpOp::In | CmpOp::NotIn) {
                        self.iterable(unit, &comparators[0]);
                    } else {
                        self.expr(unit, &comparators[0]);
                    }
                    unit.emit(Instr::Compare(cmp_op(ops[0])));
                } else {
                    let mut cleanups = Vec::new();
                    for (i, (op, right)) in ops.iter().zip(comparators).enumerate() {
                        self.expr(unit, right);
                        if i + 1 < ops.len() {
                            unit.emit(Instr::Dup);
                            unit.emit(Instr::Rot3);
                            unit.emit(Instr::Compare(cmp_op(*op)));
                            cleanups.push(unit.emit(Instr::JumpIfFalseOrPop(0)));
                        } else {
                            unit.emit(Instr::Compare(cmp_op(*op)));
                        }
                    }
                    let jend = unit.emit(Instr::Jump(0));
                    for c in cleanups {
                        unit.patch_here(c);
                    }
                    unit.emit(Instr::Swap(1));
                    unit.emit(Instr::Pop);
                    unit.patch_here(jend);
                }
            }
            ExprKind::IfExp { test, body, orelse } => {
                self.expr(unit, test);
                let jf = unit.emit(Instr::PopJumpIfFalse(0));
                self.expr(unit, body);
                let jend = unit.emit(Instr::Jump(0));
                unit.patch_here(jf);
                self.expr(unit, orelse);
                unit.patch_here(jend);
            }
            ExprKind::Lambda { params, body } => self.lambda(unit, params, body, e.span),
            ExprKind::Call { func, args, keywords } => self.call(unit, e, func, args, keywords),
            ExprKind::Attribute { value, attr } => {
                self.expr(unit, value);
                let a = unit.name_idx(attr);
                unit.emit(Instr::LoadAttr(a));
            }
            ExprKind::Subscript { value, index } => {
                self.expr(unit, value);
                self.expr(unit, index);
                unit.emit(Instr::Subscr);
            }
            ExprKind::Slice { lower, upper, step } => {
                for part in [lower, upper] {
                    match part {
                        Some(x) => self.expr(unit, x),
                        None => unit.emit_const(Value::None),
                    }
                }
                match step {
                    Some(s) => {
                        self.expr(unit, s);
                        unit.emit(Instr::BuildSlice(3));
                    }
                    None => {
                        unit.emit(Instr::BuildSlice(2));
                    }
                }
            }
            ExprKind::ListComp { generators, .. }
            | ExprKind::SetComp { generators, .. }
            | ExprKind::DictComp { generators, .. }
            | ExprKind::GeneratorExp { generators, .. } => self.comprehension(unit, e, generators),
            ExprKind::Await(inner) => {
                self.expr(unit, inner);
                unit.emit(Instr::GetAwaitable);
                unit.emit(Instr::Await);
            }
            ExprKind::Yield(value) => {
                match value {
                    Some(v) => self.expr(unit, v),
                    None => unit.emit_const(Value::None),
                }
                unit.emit(Instr::Yield);
            }
            ExprKind::YieldFrom(value) => {
                self.expr(unit, value);
                unit.emit(Instr::GetYieldFromIter);
                unit.emit(Instr::Await);
            }
            ExprKind::NamedExpr { target, value } => {
                self.expr(unit, value);
                unit.emit(Instr::Dup);
                self.name_op(unit, target, NameOp::Store);
            }
        }
    }

    /// An expression used as a `for` iterable or after `in`: a set display of
    /// constants becomes a frozenset constant, as CPython's optimizer makes it.
    fn iterable(&mut self, unit: &mut Unit, e: &Expr) {
        if let ExprKind::Set(items) = &e.kind {
            if let Some(consts) = constant_set(items) {
                let saved = unit.span;
                unit.span = e.span;
                unit.emit_const(frozen(crate::vm::set::SetData::frozenset_constant(consts)));
                unit.span = saved;
                return;
            }
        }
        self.expr(unit, e)
    }

    fn fstring(&mut self, unit: &mut Unit, parts: &[FStringPart]) {
        let mut n = 0;
        for p in parts {
            match p {
                FStringPart::Literal(s) => {
                    if s.is_empty() {
                        continue;
                    }
                    unit.emit_const(Value::str(s.as_str()));
                    n += 1;
                }
                FStringPart::Expr(fe) => {
                    if let Some(text) = &fe.debug_text {
                        unit.emit_const(Value::str(text.as_str()));
                        n += 1;
                    }
                    self.expr(unit, &fe.expr);
                    let mut conv = match fe.conversion {
                        Some('s') => 1,
                        Some('r') => 2,
                        Some('a') => 3,
                        _ => 0,
                    };
                    if fe.debug_text.is_some()
                        && fe.conversion.is_none()
                        && fe.format_spec.is_none()
                    {
                        conv = 2;
                    }
                    let mut flags = conv;
                    if let Some(spec) = &fe.format_spec {
                        self.fstring(unit, spec);
                        flags |= 4;
                    }
                    unit.span = fe.expr.span;
                    unit.emit(Instr::FormatValue(flags));
                    n += 1;
                }
            }
        }
        if n != 1 {
            unit.emit(Instr::BuildString(n));
        }
        if n == 1 {
            // A single literal part must still be a str (it is); a single
            // formatted value is already a str.
        }
    }

    fn display(&mut self, unit: &mut Unit, items: &[Expr], kind: DisplayKind) {
        let has_star = items.iter().any(|i| matches!(i.kind, ExprKind::Starred(_)));
        // `{5, 3, 1000}`: CPython builds an empty set and updates it from a
        // frozenset constant, which orders it differently from adding one by one.
        if let (DisplayKind::Set, true) = (&kind, items.len() >= 3) {
            if let Some(consts) = constant_set(items) {
                unit.emit(Instr::BuildSet(0));
                unit.emit_const(frozen(crate::vm::set::SetData::frozenset_constant(consts)));
                unit.emit(Instr::SetUpdate(1));
                return;
            }
        }
        if !has_star {
            for i in items {
                self.expr(unit, i);
            }
            let n = items.len() as u32;
            unit.emit(match kind {
                DisplayKind::List => Instr::BuildList(n),
                DisplayKind::Tuple => Instr::BuildTuple(n),
                DisplayKind::Set => Instr::BuildSet(n),
            });
            return;
        }
        match kind {
            DisplayKind::Set => unit.emit(Instr::BuildSet(0)),
            _ => unit.emit(Instr::BuildList(0)),
        };
        for i in items {
            match &i.kind {
                ExprKind::Starred(inner) => {
                    self.expr(unit, inner);
                    unit.span = i.span;
                    unit.emit(match kind {
                        DisplayKind::Set => Instr::SetUpdate(1),
                        _ => Instr::ListExtend(1),
                    });
                }
                _ => {
                    self.expr(unit, i);
                    unit.emit(match kind {
                        DisplayKind::Set => Instr::SetAdd(1),
                        _ => Instr::ListAppend(1),
                    });
                }
            }
        }
        if let DisplayKind::Tuple = kind {
            unit.emit(Instr::ListToTuple);
        }
    }

    fn call(
        &mut self,
        unit: &mut Unit,
        e: &Expr,
        func: &Expr,
        args: &[Expr],
        keywords: &[Keyword],
    ) {
        let has_star = args.iter().any(|a| matches!(a.kind, ExprKind::Starred(_)))
            || keywords.iter().any(|k| k.arg.is_none());
        // Zero-argument super().
        if let ExprKind::Name(n) = &func.kind {
            if n == "super" && args.is_empty() && keywords.is_empty() {
                let scope = &self.table.scopes[unit.scope];
                if scope.resolve("super") == Resolved::GlobalImplicit
                    && scope.kind == ScopeKind::Function
                {
                    if let Some(first) = scope.params.first().cloned() {
                        match self.cell_index(unit, "__class__") {
                            Some(cell) => unit.emit(Instr::LoadDeref(cell)),
                            // Not in a class body: `LoadSuper` raises CPython's
                            // "super(): __class__ cell not found".
                            None => {
                                let none = unit.add_const(Value::None);
                                unit.emit(Instr::LoadConst(none))
                            }
                        };
                        // The first argument may itself live in a cell.
                        self.name_op(unit, &first, NameOp::Load);
                        unit.span = e.span;
                        unit.emit(Instr::LoadSuper);
                        return;
                    }
                }
            }
        }
        if has_star {
            self.expr(unit, func);
            if let [Expr { kind: ExprKind::Starred(inner), .. }] = args {
                // `f(*x)`: x itself is passed (CALL_FUNCTION_EX checks it).
                self.expr(unit, inner);
            } else {
                // Positional arguments as a tuple.
                unit.emit(Instr::BuildList(0));
                for a in args {
                    match &a.kind {
                        ExprKind::Starred(inner) => {
                            self.expr(unit, inner);
                            unit.span = a.span;
                            unit.emit(Instr::ListExtend(1));
                        }
                        _ => {
                            self.expr(unit, a);
                            unit.emit(Instr::ListAppend(1));
                        }
                    }
                }
                unit.emit(Instr::ListToTuple);
            }
            let has_kw = !keywords.is_empty();
            if has_kw {
                unit.emit(Instr::BuildMap(0));
                // Named keywords go in groups merged like `**` mappings, so a
                // name repeated across them is reported (CPython's DICT_MERGE).
                let mut i = 0;
                while i < keywords.len() {
                    match &keywords[i].arg {
                        Some(_) => {
                            let mut n = 0;
                            while i < keywords.len() && keywords[i].arg.is_some() {
                                let k = &keywords[i];
                                unit.emit_const(Value::str(k.arg.as_deref().unwrap()));
                                self.expr(unit, &k.value);
                                n += 1;
                                i += 1;
                            }
                            unit.emit(Instr::BuildMap(n));
                            unit.emit(Instr::DictMerge(1));
                        }
                        None => {
                            let k = &keywords[i];
                            self.expr(unit, &k.value);
                            unit.span = k.span;
                            unit.emit(Instr::DictMerge(1));
                            i += 1;
                        }
                    }
                }
            }
            unit.span = e.span;
            unit.emit(Instr::CallEx(has_kw as u32));
            return;
        }
        let kwnames = || -> Value {
            Value::tuple(keywords.iter().map(|k| Value::str(k.arg.as_deref().unwrap())).collect())
        };
        if let ExprKind::Attribute { value, attr } = &func.kind {
            self.expr(unit, value);
            let a = unit.name_idx(attr);
            unit.span = func.span;
            unit.emit(Instr::LoadMethod(a));
            for a in args {
                self.expr(unit, a);
            }
            for k in keywords {
                self.expr(unit, &k.value);
            }
            unit.span = e.span;
            let n = (args.len() + keywords.len()) as u32;
            if keywords.is_empty() {
                unit.emit(Instr::CallMethod(n));
            } else {
                let names = unit.add_const(kwnames());
                unit.emit(Instr::CallMethodKw(n, names));
            }
            return;
        }
        self.expr(unit, func);
        for a in args {
            self.expr(unit, a);
        }
        for k in keywords {
            self.expr(unit, &k.value);
        }
        unit.span = e.span;
        let n = (args.len() + keywords.len()) as u32;
        if keywords.is_empty() {
            unit.emit(Instr::Call(n));
        } else {
            let names = unit.add_const(kwnames());
            unit.emit(Instr::CallKw(n, names));
        }
    }
}

/// The value of a constant expression (a literal, or a tuple of them, which
/// CPython's compiler folds).
fn const_of(e: &Expr) -> Option<Value> {
    match &e.kind {
        ExprKind::Constant(c) => Some(match c {
            Constant::None => Value::None,
            Constant::Bool(b) => Value::Bool(*b),
            Constant::Int(i) => Value::Int(*i),
            Constant::Float(f) => Value::Float(*f),
            Constant::Str(s) => Value::str(s.as_str()),
            Constant::Ellipsis => return None,
        }),
        ExprKind::Tuple(items) => {
            let vals: Option<Vec<Value>> = items.iter().map(const_of).collect();
            vals.map(Value::tuple)
        }
        // CPython's AST optimizer folds a sign on a number literal.
        ExprKind::UnaryOp { op: UnaryOp::USub, operand } => match const_of(operand)? {
            Value::Int(i) => i.checked_neg().map(Value::Int),
            Value::Float(f) => Some(Value::Float(-f)),
            _ => None,
        },
        ExprKind::UnaryOp { op: UnaryOp::UAdd, operand } => match const_of(operand)? {
            v @ (Value::Int(_) | Value::Float(_)) => Some(v),
            _ => None,
        },
        _ => None,
    }
}

/// `hash()` of a constant, as CPython computes it.
fn const_hash(v: &Value) -> Option<i64> {
    use crate::pylib::hash as h;
    Some(match v {
        Value::None => h::HASH_NONE,
        Value::Bool(b) => *b as i64,
        Value::Int(i) => h::hash_int(*i),
        Value::Float(f) => match h::hash_float(*f) {
            h::FloatHash::Value(x) => x,
            h::FloatHash::Identity => return None,
        },
        Value::Str(s) => s.hash(),
        Value::Tuple(t) => {
            let hs: Option<Vec<i64>> = t.0.iter().map(const_hash).collect();
            h::hash_tuple(&hs?)
        }
        _ => return None,
    })
}

/// The elements of a set display made only of constants, with their hashes.
fn constant_set(items: &[Expr]) -> Option<Vec<(i64, Value)>> {
    items
        .iter()
        .map(|e| {
            let v = const_of(e)?;
            Some((const_hash(&v)?, v))
        })
        .collect()
}

fn frozen(data: crate::vm::set::SetData) -> Value {
    Value::Set(Rc::new(crate::vm::value::Set { data: std::cell::RefCell::new(data), frozen: true }))
}

enum DisplayKind {
    List,
    Tuple,
    Set,
}

/// The docstring a body starts with.
fn docstring(body: &[Stmt]) -> Option<&str> {
    match &body.first()?.kind {
        StmtKind::Expr(Expr { kind: ExprKind::Constant(Constant::Str(s)), .. }) => Some(s),
        _ => None,
    }
}

/// A docstring as CPython 3.13's compiler keeps it: tabs expanded, the first
/// line's leading blanks and the other lines' common indentation removed.
fn clean_doc(doc: &str) -> String {
    let expanded: Vec<String> = doc.split('\n').map(expand_tabs).collect();
    let margin = expanded
        .iter()
        .skip(1)
        .filter(|l| !l.trim_start_matches(' ').is_empty())
        .map(|l| l.len() - l.trim_start_matches(' ').len())
        .min()
        .unwrap_or(0);
    let mut out = String::with_capacity(doc.len());
    for (i, line) in expanded.iter().enumerate() {
        if i == 0 {
            out.push_str(line.trim_start_matches(' '));
        } else {
            out.push('\n');
            let indent = line.len() - line.trim_start_matches(' ').len();
            out.push_str(&line[indent.min(margin)..]);
        }
    }
    out
}

fn expand_tabs(line: &str) -> String {
    let mut out = String::new();
    let mut col = 0;
    for ch in line.chars() {
        if ch == '\t' {
            let n = 8 - col % 8;
            out.extend(std::iter::repeat_n(' ', n));
            col += n;
        } else {
            out.push(ch);
            col += 1;
        }
    }
    out
}
