//! Where a program binds names: target lists (of `for` and comprehensions), the
//! check that an expression can be assigned to or deleted, with CPython's messages
//! (`cannot assign to literal`, `cannot delete starred`, ...), and the parameters of
//! `def` and `lambda` (`/`, `*`, `**`, defaults, duplicate names).
//!
//! It does not decide where a bound name lives (local, cell, global): that is the
//! compiler's symbol table.

use super::expr::BITOR;
use super::{PResult, Parser};
use crate::syntax::ast::*;
use crate::syntax::lexer::{normalize_name, Kw, Op, Tk};
use crate::syntax::Span;

/// Where an assignment-like target appears, for the wording of its errors.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum TargetCtx {
    /// The first target of `a = b`: "cannot assign to X here. Maybe you meant '=='...".
    AssignFirst,
    /// Any other place that assigns: later `=` targets, `for`, `with ... as`, comprehensions.
    Assign,
    Del,
}

impl Parser<'_, '_> {
    // ---- targets ----

    /// `star_targets` of `for` and comprehensions: comma-separated `[*]bitor` items
    /// (which stop before `in`).
    pub(super) fn target_list(&mut self) -> PResult<Expr> {
        let first = self.target_elem()?;
        if !self.at_op(Op::Comma) {
            return Ok(first);
        }
        let start = first.span.start;
        let mut elts = vec![first];
        while self.eat_op(Op::Comma) {
            if self.at_kw(Kw::In) || self.at_op(Op::Eq) {
                break;
            }
            elts.push(self.target_elem()?);
        }
        Ok(Expr { kind: ExprKind::Tuple(elts), span: self.span_from(start) })
    }

    pub(super) fn target_elem(&mut self) -> PResult<Expr> {
        if self.at_op(Op::Star) {
            let star = self.bump();
            let inner = self.parse_bp(BITOR)?;
            return Ok(Expr {
                kind: ExprKind::Starred(Box::new(inner)),
                span: self.span_from(star.span.start),
            });
        }
        self.parse_bp(BITOR)
    }

    /// Checks that `e` can be assigned to (or deleted), with CPython's messages.
    pub(super) fn check_target(&mut self, e: &Expr, ctx: TargetCtx) -> PResult<()> {
        match &e.kind {
            ExprKind::Name(_) | ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => Ok(()),
            ExprKind::Tuple(elts) | ExprKind::List(elts) => {
                let mut stars = 0;
                for elt in elts {
                    if let ExprKind::Starred(inner) = &elt.kind {
                        if ctx == TargetCtx::Del {
                            return self.error(elt.span.start, "cannot delete starred");
                        }
                        stars += 1;
                        if stars > 1 {
                            return self
                                .error(e.span.start, "multiple starred expressions in assignment");
                        }
                        self.check_target(inner, TargetCtx::Assign)?;
                    } else {
                        let inner_ctx = if ctx == TargetCtx::Del { ctx } else { TargetCtx::Assign };
                        self.check_target(elt, inner_ctx)?;
                    }
                }
                Ok(())
            }
            ExprKind::Starred(_) if ctx != TargetCtx::Del => {
                self.error(e.span.start, "starred assignment target must be in a list or tuple")
            }
            other => {
                let what = expr_name(other);
                let msg = match ctx {
                    TargetCtx::Del => format!("cannot delete {what}"),
                    _ if matches!(
                        other,
                        ExprKind::Constant(Constant::None | Constant::Bool(_))
                    ) =>
                    {
                        format!("cannot assign to {what}")
                    }
                    TargetCtx::AssignFirst if self.is_bitwise_or_level(e) => {
                        format!(
                            "cannot assign to {what} here. Maybe you meant '==' instead of '='?"
                        )
                    }
                    _ => format!("cannot assign to {what}"),
                };
                self.error(e.span.start, msg)
            }
        }
    }

    /// Whether `e` is what CPython's grammar calls a `bitwise_or` (no comparison,
    /// boolean operator, conditional or lambda unless parenthesized).
    fn is_bitwise_or_level(&self, e: &Expr) -> bool {
        let low = matches!(
            e.kind,
            ExprKind::Compare { .. }
                | ExprKind::BoolOp { .. }
                | ExprKind::UnaryOp { op: UnaryOp::Not, .. }
                | ExprKind::IfExp { .. }
                | ExprKind::Lambda { .. }
                | ExprKind::NamedExpr { .. }
        );
        !low || self.text(e.span).starts_with('(')
    }

    // ---- parameters ----

    /// Parameters of a `def` (after `(`, up to the `)`) or a `lambda` (up to the `:`).
    pub(super) fn params(&mut self, lambda: bool) -> PResult<Params> {
        let close = if lambda { Op::Colon } else { Op::RPar };
        let mut p = Params::default();
        let mut seen_slash = false;
        let mut star_at: Option<u32> = None;
        let mut seen_default = false;
        let mut seen_kwarg = false;
        let mut names: Vec<(String, u32)> = Vec::new();
        loop {
            if self.at_op(close) {
                break;
            }
            let t = self.tok();
            if seen_kwarg {
                if matches!(t.kind, Tk::Name | Tk::Op(Op::Star | Op::DoubleStar | Op::Slash)) {
                    return self
                        .error(t.span.start, "arguments cannot follow var-keyword argument");
                }
                return self.unexpected();
            }
            match t.kind {
                Tk::Op(Op::Slash) => {
                    if star_at.is_some() {
                        return self.error(t.span.start, "/ must be ahead of *");
                    }
                    if seen_slash {
                        return self.error(t.span.start, "/ may appear only once");
                    }
                    if p.args.is_empty() {
                        return self.error(t.span.start, "at least one argument must precede /");
                    }
                    self.bump();
                    seen_slash = true;
                    p.posonly = std::mem::take(&mut p.args);
                }
                Tk::Op(Op::Star) => {
                    if star_at.is_some() {
                        return self.error(t.span.start, "* argument may appear only once");
                    }
                    self.bump();
                    star_at = Some(t.span.start);
                    if self.kind() == Tk::Name {
                        let param = self.param_no_default(lambda)?;
                        if self.at_op(Op::Eq) {
                            let at = self.tok().span.start;
                            return self
                                .error(at, "var-positional argument cannot have default value");
                        }
                        names.push((param.name.clone(), param.span.start));
                        p.vararg = Some(param);
                    } else if self.at_op(Op::Eq) {
                        let at = self.tok().span.start;
                        return self.error(at, "var-positional argument cannot have default value");
                    } else if !self.at_op(Op::Comma) {
                        return self.error(t.span.start, "named arguments must follow bare *");
                    }
                }
                Tk::Op(Op::DoubleStar) => {
                    self.bump();
                    if self.kind() != Tk::Name {
                        return self.unexpected();
                    }
                    let param = self.param_no_default(lambda)?;
                    if self.at_op(Op::Eq) {
                        let at = self.tok().span.start;
                        return self.error(at, "var-keyword argument cannot have default value");
                    }
                    names.push((param.name.clone(), param.span.start));
                    p.kwarg = Some(param);
                    seen_kwarg = true;
                }
                Tk::Name => {
                    let param = self.param(lambda)?;
                    names.push((param.name.clone(), param.span.start));
                    if star_at.is_some() {
                        p.kwonly.push(param);
                    } else {
                        if param.default.is_some() {
                            seen_default = true;
                        } else if seen_default {
                            return self.error(
                                param.span.start,
                                "parameter without a default follows parameter with a default",
                            );
                        }
                        p.args.push(param);
                    }
                }
                _ => return self.unexpected(),
            }
            if !self.eat_op(Op::Comma) {
                break;
            }
        }
        if let Some(at) = star_at {
            if p.vararg.is_none() && p.kwonly.is_empty() {
                return self.error(at, "named arguments must follow bare *");
            }
        }
        if !self.at_op(close) {
            return self.unexpected();
        }
        let mut seen = std::collections::HashSet::new();
        for (name, at) in &names {
            if !seen.insert(name.as_str()) {
                return self
                    .error(*at, format!("duplicate argument '{name}' in function definition"));
            }
        }
        Ok(p)
    }

    /// `name [: annotation]`, reporting a default (the caller knows which message).
    fn param_no_default(&mut self, lambda: bool) -> PResult<Param> {
        let t = self.bump();
        let name = normalize_name(self.text(t.span)).into_owned();
        let mut end = t.span.end;
        let mut annotation = None;
        if !lambda && self.eat_op(Op::Colon) {
            let a = self.expression()?;
            end = a.span.end;
            annotation = Some(Box::new(a));
        }
        Ok(Param { name, annotation, default: None, span: Span { start: t.span.start, end } })
    }

    /// `name [: annotation] [= default]`
    fn param(&mut self, lambda: bool) -> PResult<Param> {
        let mut param = self.param_no_default(lambda)?;
        if self.eat_op(Op::Eq) {
            param.default = Some(self.item(Self::expression)?);
        }
        Ok(param)
    }
}

/// How CPython names an expression in "cannot assign to ..." messages.
pub(super) fn expr_name(kind: &ExprKind) -> &'static str {
    match kind {
        ExprKind::Name(_) => "name",
        ExprKind::Attribute { .. } => "attribute",
        ExprKind::Subscript { .. } => "subscript",
        ExprKind::Starred(_) => "starred",
        ExprKind::List(_) => "list",
        ExprKind::Tuple(_) => "tuple",
        ExprKind::Lambda { .. } => "lambda",
        ExprKind::Call { .. } => "function call",
        ExprKind::BoolOp { .. } | ExprKind::BinOp { .. } | ExprKind::UnaryOp { .. } => "expression",
        ExprKind::GeneratorExp { .. } => "generator expression",
        ExprKind::Await(_) => "await expression",
        ExprKind::Yield(_) | ExprKind::YieldFrom(_) => "yield expression",
        ExprKind::ListComp { .. } => "list comprehension",
        ExprKind::SetComp { .. } => "set comprehension",
        ExprKind::DictComp { .. } => "dict comprehension",
        ExprKind::Dict(_) => "dict literal",
        ExprKind::Set(_) => "set display",
        ExprKind::FString(_) => "f-string expression",
        ExprKind::Constant(Constant::None) => "None",
        ExprKind::Constant(Constant::Bool(true)) => "True",
        ExprKind::Constant(Constant::Bool(false)) => "False",
        ExprKind::Constant(Constant::Ellipsis) => "ellipsis",
        ExprKind::Constant(_) => "literal",
        ExprKind::Compare { .. } => "comparison",
        ExprKind::IfExp { .. } => "conditional expression",
        ExprKind::NamedExpr { .. } => "named expression",
        ExprKind::Slice { .. } => "slice",
    }
}
