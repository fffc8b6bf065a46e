//! Context checks over a finished tree: the errors CPython's compiler reports from
//! where a statement or expression stands rather than from its shape.
//!
//! - `'return' outside function`, `'break' outside loop`,
//!   `'continue' not properly in loop`;
//! - `'await' outside function`, `'await' outside async function`,
//!   `'async with' outside async function`,
//!   `asynchronous comprehension outside of an asynchronous function`;
//! - `await` inside a generator expression makes it an async generator: refused as
//!   `unsupported`.
//!
//! Name binding errors (`nonlocal`, `global`) belong to the compiler's symbol table
//! and are not repeated here. The walk recurses over the tree, whose depth the parser
//! bounds (see `parser::MAX_DEPTH`).

use super::ast::*;
use super::parser::{Reporter, Source};
use super::{Diagnostic, Span};

/// Runs the checks on `module`, reporting through `rep` (which keeps them only on
/// lines without syntax errors).
pub(crate) fn check(module: &Module, rep: &mut Reporter) {
    let mut c = Checker { rep };
    let ctx = Ctx { func: Func::None, in_loop: false, comp: None };
    c.stmts(&module.body, ctx);
}

/// The kind of function a statement or expression is in.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Func {
    /// Module level or a class body.
    None,
    Sync,
    Async,
}

/// The innermost comprehension an expression is in.
#[derive(Clone, Copy)]
enum Comp {
    /// A list, set or dict comprehension starting here.
    Eager(Span),
    /// A generator expression.
    Gen,
}

#[derive(Clone, Copy)]
struct Ctx {
    func: Func,
    in_loop: bool,
    comp: Option<Comp>,
}

struct Checker<'r> {
    rep: &'r mut Reporter,
}

impl Checker<'_> {
    fn error(&mut self, at: Span, msg: &str) {
        self.rep.report(Diagnostic::syntax(Span { start: at.start, end: at.start }, msg), Source::Check);
    }

    fn stmts(&mut self, body: &[Stmt], ctx: Ctx) {
        for s in body {
            self.stmt(s, ctx);
        }
    }

    fn stmt(&mut self, s: &Stmt, ctx: Ctx) {
        let in_loop = Ctx { in_loop: true, ..ctx };
        match &s.kind {
            StmtKind::Expr(e) => self.expr(e, ctx),
            StmtKind::Assign { targets, value } => {
                self.exprs(targets, ctx);
                self.expr(value, ctx);
            }
            StmtKind::AugAssign { target, value, .. } => {
                self.expr(target, ctx);
                self.expr(value, ctx);
            }
            StmtKind::AnnAssign { target, value } => {
                self.expr(target, ctx);
                if let Some(v) = value {
                    self.expr(v, ctx);
                }
            }
            StmtKind::FunctionDef(def) => {
                self.exprs(&def.decorators, ctx);
                self.params(&def.params, ctx);
                let func = if def.is_async { Func::Async } else { Func::Sync };
                self.stmts(&def.body, Ctx { func, in_loop: false, comp: None });
            }
            StmtKind::ClassDef(def) => {
                self.exprs(&def.decorators, ctx);
                self.exprs(&def.bases, ctx);
                self.stmts(&def.body, Ctx { func: Func::None, in_loop: false, comp: None });
            }
            StmtKind::Return(value) => {
                if ctx.func == Func::None {
                    self.error(s.span, "'return' outside function");
                }
                if let Some(v) = value {
                    self.expr(v, ctx);
                }
            }
            StmtKind::If { test, body, orelse } => {
                self.expr(test, ctx);
                self.stmts(body, ctx);
                self.stmts(orelse, ctx);
            }
            StmtKind::While { test, body, orelse } => {
                self.expr(test, ctx);
                self.stmts(body, in_loop);
                self.stmts(orelse, ctx);
            }
            StmtKind::For { target, iter, body, orelse } => {
                self.expr(target, ctx);
                self.expr(iter, ctx);
                self.stmts(body, in_loop);
                self.stmts(orelse, ctx);
            }
            StmtKind::Break => {
                if !ctx.in_loop {
                    self.error(s.span, "'break' outside loop");
                }
            }
            StmtKind::Continue => {
                if !ctx.in_loop {
                    self.error(s.span, "'continue' not properly in loop");
                }
            }
            StmtKind::Pass | StmtKind::Global(_) | StmtKind::Nonlocal(_) => {}
            StmtKind::Import(_) | StmtKind::ImportFrom { .. } => {}
            StmtKind::Try(t) => {
                self.stmts(&t.body, ctx);
                for h in &t.handlers {
                    if let Some(typ) = &h.typ {
                        self.expr(typ, ctx);
                    }
                    self.stmts(&h.body, ctx);
                }
                self.stmts(&t.orelse, ctx);
                self.stmts(&t.finalbody, ctx);
            }
            StmtKind::Raise { exc, cause } => {
                for e in exc.iter().chain(cause) {
                    self.expr(e, ctx);
                }
            }
            StmtKind::Assert { test, msg } => {
                self.expr(test, ctx);
                if let Some(m) = msg {
                    self.expr(m, ctx);
                }
            }
            StmtKind::Delete(targets) => self.exprs(targets, ctx),
            StmtKind::With { items, body, is_async } => {
                if *is_async && ctx.func != Func::Async {
                    self.error(s.span, "'async with' outside async function");
                }
                for item in items {
                    self.expr(&item.context_expr, ctx);
                    if let Some(v) = &item.optional_vars {
                        self.expr(v, ctx);
                    }
                }
                self.stmts(body, ctx);
            }
        }
    }

    fn params(&mut self, params: &Params, ctx: Ctx) {
        let all = params.posonly.iter().chain(&params.args).chain(&params.kwonly);
        for p in all {
            if let Some(d) = &p.default {
                self.expr(d, ctx);
            }
        }
    }

    fn exprs(&mut self, es: &[Expr], ctx: Ctx) {
        for e in es {
            self.expr(e, ctx);
        }
    }

    fn expr(&mut self, e: &Expr, ctx: Ctx) {
        match &e.kind {
            ExprKind::Name(_) | ExprKind::Constant(_) => {}
            ExprKind::FString(parts) => self.fstring_parts(parts, ctx),
            ExprKind::List(es) | ExprKind::Tuple(es) | ExprKind::Set(es) => self.exprs(es, ctx),
            ExprKind::Dict(items) => {
                for (k, v) in items {
                    if let Some(k) = k {
                        self.expr(k, ctx);
                    }
                    self.expr(v, ctx);
                }
            }
            ExprKind::Starred(inner) => self.expr(inner, ctx),
            ExprKind::BinOp { left, right, .. } => {
                self.expr(left, ctx);
                self.expr(right, ctx);
            }
            ExprKind::UnaryOp { operand, .. } => self.expr(operand, ctx),
            ExprKind::BoolOp { values, .. } => self.exprs(values, ctx),
            ExprKind::Compare { left, comparators, .. } => {
                self.expr(left, ctx);
                self.exprs(comparators, ctx);
            }
            ExprKind::IfExp { test, body, orelse } => {
                self.expr(test, ctx);
                self.expr(body, ctx);
                self.expr(orelse, ctx);
            }
            ExprKind::Lambda { params, body } => {
                self.params(params, ctx);
                self.expr(body, Ctx { func: Func::Sync, in_loop: false, comp: None });
            }
            ExprKind::Call { func, args, keywords } => {
                self.expr(func, ctx);
                self.exprs(args, ctx);
                for k in keywords {
                    self.expr(&k.value, ctx);
                }
            }
            ExprKind::Attribute { value, .. } => self.expr(value, ctx),
            ExprKind::Subscript { value, index } => {
                self.expr(value, ctx);
                self.expr(index, ctx);
            }
            ExprKind::Slice { lower, upper, step } => {
                for part in [lower, upper, step].into_iter().flatten() {
                    self.expr(part, ctx);
                }
            }
            ExprKind::ListComp { elt, generators } | ExprKind::SetComp { elt, generators } => {
                self.comprehension(&[elt], generators, Comp::Eager(e.span), ctx);
            }
            ExprKind::DictComp { key, value, generators } => {
                self.comprehension(&[key, value], generators, Comp::Eager(e.span), ctx);
            }
            ExprKind::GeneratorExp { elt, generators } => {
                self.comprehension(&[elt], generators, Comp::Gen, ctx);
            }
            ExprKind::Await(inner) => {
                match (ctx.comp, ctx.func) {
                    (Some(Comp::Gen), _) => {
                        self.rep.report(
                            Diagnostic::unsupported(
                                Span { start: e.span.start, end: e.span.start },
                                "await inside a generator expression (async generators)",
                            ),
                            Source::Check,
                        );
                    }
                    (Some(Comp::Eager(span)), f) if f != Func::Async => {
                        self.error(span, "asynchronous comprehension outside of an asynchronous function");
                    }
                    (_, Func::None) => self.error(e.span, "'await' outside function"),
                    (_, Func::Sync) => self.error(e.span, "'await' outside async function"),
                    _ => {}
                }
                self.expr(inner, ctx);
            }
            ExprKind::NamedExpr { value, .. } => self.expr(value, ctx),
        }
    }

    fn fstring_parts(&mut self, parts: &[FStringPart], ctx: Ctx) {
        for part in parts {
            if let FStringPart::Expr(f) = part {
                self.expr(&f.expr, ctx);
                if let Some(spec) = &f.format_spec {
                    self.fstring_parts(spec, ctx);
                }
            }
        }
    }

    /// A comprehension: its first iterable is evaluated where the comprehension
    /// stands, everything else inside it.
    fn comprehension(&mut self, elts: &[&Expr], generators: &[Comprehension], comp: Comp, ctx: Ctx) {
        let inner = Ctx { comp: Some(comp), ..ctx };
        for (i, g) in generators.iter().enumerate() {
            self.expr(&g.iter, if i == 0 { ctx } else { inner });
            self.expr(&g.target, inner);
            self.exprs(&g.ifs, inner);
        }
        for e in elts {
            self.expr(e, inner);
        }
    }
}
