//! Statements: the statement loop and its recovery on logical lines, indented
//! blocks, the compound statements (`if`, `while`, `for`, `try`, `with`, `def`,
//! `class` and decorators) and the simple ones (assignments, `return`, `raise`,
//! `del`, `global`, `import`, ...). The statements outside the subset (`match`,
//! `type`, relative and `*` imports, modules Loopscope does not provide) are refused
//! here.
//!
//! It reads no expression itself (`expr`, and `target` for what is assigned to and
//! for parameters), and it does not judge where a statement stands (`return`
//! outside a function, ...): that is `check`'s, on the finished tree.

use super::target::{expr_name, TargetCtx};
use super::{cost, Fail, PResult, Parser, MAX_DEPTH, TOO_DEEP_INDENT};
use crate::syntax::ast::*;
use crate::syntax::lexer::{normalize_name, Kw, Op, Tk, Tok};
use crate::syntax::MODULES;
use crate::syntax::{Diagnostic, Span};

impl Parser<'_, '_> {
    /// Statements up to a `Dedent` (left for the caller) or the end of the text.
    pub(super) fn statements(&mut self, body: &mut Vec<Stmt>, in_block: bool) {
        loop {
            match self.kind() {
                Tk::End => return,
                Tk::Dedent if in_block => return,
                Tk::Dedent | Tk::Newline => {
                    self.bump();
                }
                Tk::Indent => {
                    self.bump();
                    // CPython's column is the last character of the indentation.
                    let at = self.tok().span.start.saturating_sub(1);
                    self.report(Diagnostic::syntax(
                        Span { start: at, end: at },
                        "unexpected indent",
                    ));
                    self.indented_block(body);
                }
                _ => {
                    if self.statement(body).is_err() {
                        self.recover();
                    }
                }
            }
        }
    }

    /// After an `Indent`: the block's statements and its `Dedent`.
    fn indented_block(&mut self, body: &mut Vec<Stmt>) {
        if self.depth + cost::BLOCK > MAX_DEPTH {
            if !self.indent_limit_reported {
                self.indent_limit_reported = true;
                let at = self.tok().span.start;
                self.report(Diagnostic::syntax(Span { start: at, end: at }, TOO_DEEP_INDENT));
            }
            self.skip_to_dedent();
            return;
        }
        self.depth += cost::BLOCK;
        self.statements(body, true);
        self.depth -= cost::BLOCK;
        if self.kind() == Tk::Dedent {
            self.bump();
        }
    }

    /// Skips the rest of a block, up to and including its `Dedent`.
    fn skip_to_dedent(&mut self) {
        let mut level = 1usize;
        loop {
            match self.bump().kind {
                Tk::Indent => level += 1,
                Tk::Dedent => {
                    level -= 1;
                    if level == 0 {
                        return;
                    }
                }
                Tk::End => return,
                _ => {}
            }
        }
    }

    /// Skips the rest of a logical line that failed to parse. If an indented block
    /// follows, it belonged to the failed line (a compound statement's header): it is
    /// checked, and dropped.
    fn recover(&mut self) {
        loop {
            match self.kind() {
                Tk::Newline => {
                    self.bump();
                    break;
                }
                Tk::End | Tk::Dedent | Tk::Indent => break,
                _ => {
                    self.bump();
                }
            }
        }
        if self.kind() == Tk::Indent {
            self.bump();
            let mut dropped = Vec::new();
            self.indented_block(&mut dropped);
        }
    }

    /// Skips the rest of the logical line (its `Newline` included).
    fn skip_line(&mut self) {
        while !matches!(self.kind(), Tk::Newline | Tk::End | Tk::Dedent | Tk::Indent) {
            self.bump();
        }
        if self.kind() == Tk::Newline {
            self.bump();
        }
    }

    /// Skips an indented block without parsing it (the body of a `match`).
    fn skip_block(&mut self) {
        if self.kind() == Tk::Indent {
            self.bump();
            self.skip_to_dedent();
        }
    }

    fn statement(&mut self, out: &mut Vec<Stmt>) -> PResult<()> {
        // Compound statements recover from errors in their headers by themselves (see
        // `clause_body`), so that their blocks are still read as blocks.
        match self.kind() {
            Tk::Kw(Kw::If) => self.if_stmt(out),
            Tk::Kw(Kw::While) => self.while_stmt(out),
            Tk::Kw(Kw::For) => {
                let start = self.tok().span.start;
                self.for_stmt(out, start, false)
            }
            Tk::Kw(Kw::Try) => self.try_stmt(out),
            Tk::Kw(Kw::With) => {
                let start = self.tok().span.start;
                self.with_stmt(out, start, false)
            }
            Tk::Kw(Kw::Def | Kw::Class) | Tk::Op(Op::At) => self.definition(out),
            Tk::Kw(Kw::Async) => self.async_stmt(out),
            Tk::Name if self.is_match_stmt() => {
                let t = self.bump();
                self.unsupported(t.span, "match statement");
                self.skip_line();
                self.skip_block();
                Ok(())
            }
            Tk::Name
                if self.text(self.tok().span) == "type"
                    && self.nth(1) == Tk::Name
                    && matches!(self.nth(2), Tk::Op(Op::Eq | Op::LSqb)) =>
            {
                let t = self.tok();
                self.unsupported(t.span, "type alias statement");
                Err(Fail)
            }
            _ => self.simple_stmts(out),
        }
    }

    fn async_stmt(&mut self, out: &mut Vec<Stmt>) -> PResult<()> {
        let start = self.tok().span.start;
        match self.nth(1) {
            Tk::Kw(Kw::Def) => self.definition(out),
            Tk::Kw(Kw::With) => {
                self.bump();
                self.with_stmt(out, start, true)
            }
            Tk::Kw(Kw::For) => {
                self.bump();
                self.for_stmt(out, start, true)
            }
            _ => {
                self.bump();
                self.unexpected()
            }
        }
    }

    /// `match subject:` followed by an indented block of `case` clauses.
    fn is_match_stmt(&self) -> bool {
        if self.text(self.tok().span) != "match" {
            return false;
        }
        let next_ok = match self.nth(1) {
            Tk::Name | Tk::Number | Tk::Str | Tk::FStart => true,
            Tk::Kw(kw) => {
                matches!(kw, Kw::None | Kw::True | Kw::False | Kw::Not | Kw::Await | Kw::Lambda)
            }
            Tk::Op(op) => {
                matches!(op, Op::LPar | Op::LSqb | Op::LBrace | Op::Minus | Op::Star | Op::Tilde)
            }
            _ => false,
        };
        if !next_ok {
            return false;
        }
        let mut i = self.pos + 1;
        while i < self.toks.len() && !matches!(self.toks[i].kind, Tk::Newline | Tk::End) {
            i += 1;
        }
        i >= 1
            && i + 2 < self.toks.len()
            && self.toks[i - 1].kind == Tk::Op(Op::Colon)
            && self.toks[i + 1].kind == Tk::Indent
            && self.toks[i + 2].kind == Tk::Name
            && self.text(self.toks[i + 2].span) == "case"
    }

    /// The block of a compound statement's clause whose header (up to and including
    /// its `:`) was just parsed, `header_ok` if without error. A broken header is
    /// skipped to the end of its line and an indented block after it is still parsed
    /// as the clause's block, so one typo in a header gives one error.
    fn clause_body(&mut self, header_ok: bool, what: &str, kw_start: u32) -> Vec<Stmt> {
        let mut body = Vec::new();
        if !header_ok {
            self.skip_line();
            if self.kind() == Tk::Indent {
                self.bump();
                self.indented_block(&mut body);
            }
        } else if self.block(&mut body, what, kw_start).is_err() {
            self.recover();
        }
        body
    }

    /// The block after a header's `:`: an indented block, or simple statements on the
    /// same line.
    fn block(&mut self, body: &mut Vec<Stmt>, what: &str, kw_start: u32) -> PResult<()> {
        if self.kind() != Tk::Newline {
            return self.simple_stmts(body);
        }
        let nl = self.bump();
        if self.kind() == Tk::Indent {
            self.bump();
            self.indented_block(body);
            return Ok(());
        }
        let next = self.tok();
        let at = if next.span.start as usize >= self.src.len() {
            nl.span.start
        } else {
            next.span.start
        };
        let line = self.line_of(kw_start);
        self.report(Diagnostic::syntax(
            Span { start: at, end: at },
            format!("expected an indented block after {what} on line {line}"),
        ));
        Ok(())
    }

    /// Where a statement list ends: its last statement, or `fallback` if it is empty.
    fn end_of(stmts: &[Stmt], fallback: u32) -> u32 {
        stmts.last().map_or(fallback, |s| s.span.end.max(fallback))
    }

    fn if_stmt(&mut self, out: &mut Vec<Stmt>) -> PResult<()> {
        // `if`/`elif` clauses are gathered first and nested afterwards, so that a long
        // `elif` chain costs no recursion here; but each `elif` is an `If` nested in
        // the one before, so the chain counts against the tree's depth.
        let saved = self.depth;
        let mut clauses = vec![self.if_clause("'if' statement")];
        while self.at_kw(Kw::Elif) {
            if self.depth + cost::OPERATOR > MAX_DEPTH {
                let at = self.tok().span.start;
                self.report(Diagnostic::syntax(
                    Span { start: at, end: at },
                    "too many 'elif' clauses (nested too deeply)",
                ));
                // Read the rest of the chain, and drop it.
                while self.at_kw(Kw::Elif) {
                    self.if_clause("'elif' statement");
                }
                break;
            }
            self.depth += cost::OPERATOR;
            clauses.push(self.if_clause("'elif' statement"));
        }
        let orelse = self.else_clause();
        self.depth = saved;
        out.push(fold_if(clauses, orelse));
        Ok(())
    }

    fn if_clause(&mut self, what: &str) -> IfClause {
        let kw = self.bump();
        let test = self.if_header();
        let header_end = test.as_ref().map_or(kw.span.end, |t| t.span.end);
        let body = self.clause_body(test.is_ok(), what, kw.span.start);
        let test = test.unwrap_or_else(|_| Self::placeholder(kw.span));
        let end = Self::end_of(&body, header_end);
        IfClause { start: kw.span.start, test, body, end }
    }

    /// `test :` of `if`, `elif` and `while`.
    fn if_header(&mut self) -> PResult<Expr> {
        let test = self.named_expression()?;
        if self.at_op(Op::Eq) {
            return self.error(
                test.span.start,
                "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
            );
        }
        self.expect_colon(false)?;
        Ok(test)
    }

    /// An optional `else:` clause of `if`/`while`/`for`/`try`.
    fn else_clause(&mut self) -> Vec<Stmt> {
        if !self.at_kw(Kw::Else) {
            return Vec::new();
        }
        let kw = self.bump();
        let ok = self.expect_colon(true).is_ok();
        self.clause_body(ok, "'else' statement", kw.span.start)
    }

    fn while_stmt(&mut self, out: &mut Vec<Stmt>) -> PResult<()> {
        let kw = self.bump();
        let test = self.if_header();
        let header_end = test.as_ref().map_or(kw.span.end, |t| t.span.end);
        let body = self.clause_body(test.is_ok(), "'while' statement", kw.span.start);
        let test = test.unwrap_or_else(|_| Self::placeholder(kw.span));
        let orelse = self.else_clause();
        let end = Self::end_of(&orelse, Self::end_of(&body, header_end));
        out.push(Stmt {
            kind: StmtKind::While { test, body, orelse },
            span: Span { start: kw.span.start, end },
        });
        Ok(())
    }

    fn for_stmt(&mut self, out: &mut Vec<Stmt>, start: u32, is_async: bool) -> PResult<()> {
        let kw = self.bump();
        let header = self.for_header();
        let header_end = header.as_ref().map_or(kw.span.end, |h| h.1.span.end);
        let body = self.clause_body(header.is_ok(), "'for' statement", kw.span.start);
        let (target, iter) =
            header.unwrap_or_else(|_| (Self::placeholder(kw.span), Self::placeholder(kw.span)));
        let orelse = self.else_clause();
        let end = Self::end_of(&orelse, Self::end_of(&body, header_end));
        out.push(Stmt {
            kind: StmtKind::For { target, iter, body, orelse, is_async },
            span: Span { start, end },
        });
        Ok(())
    }

    /// `target in iter :`
    fn for_header(&mut self) -> PResult<(Expr, Expr)> {
        let target = self.target_list()?;
        self.check_target(&target, TargetCtx::Assign)?;
        if !self.eat_kw(Kw::In) {
            return self.unexpected();
        }
        let iter = self.star_expressions()?;
        self.no_lone_star(&iter)?;
        self.expect_colon(false)?;
        Ok((target, iter))
    }

    fn try_stmt(&mut self, out: &mut Vec<Stmt>) -> PResult<()> {
        let kw = self.bump();
        let start = kw.span.start;
        let header_ok = self.expect_colon(true).is_ok();
        let body = self.clause_body(header_ok, "'try' statement", start);
        let mut end = Self::end_of(&body, kw.span.end);
        let mut handlers: Vec<ExceptHandler> = Vec::new();
        let mut bare_at: Option<u32> = None;
        let mut star: Option<bool> = None;
        while self.at_kw(Kw::Except) {
            if let Some(at) = bare_at.take() {
                self.report(Diagnostic::syntax(
                    Span { start: at, end: at },
                    "default 'except:' must be last",
                ));
            }
            let this_star = self.nth(1) == Tk::Op(Op::Star);
            if star.is_some_and(|s| s != this_star) {
                let at = self.tok().span.start;
                self.report(Diagnostic::syntax(
                    Span { start: at, end: at },
                    "cannot have both 'except' and 'except*' on the same 'try'",
                ));
            }
            star = Some(this_star);
            let (handler, bare) = self.except_clause();
            if bare {
                bare_at = Some(handler.span.start);
            }
            end = end.max(handler.span.end);
            handlers.push(handler);
        }
        let orelse = if handlers.is_empty() { Vec::new() } else { self.else_clause() };
        end = Self::end_of(&orelse, end);
        let mut finalbody = Vec::new();
        if self.at_kw(Kw::Finally) {
            let fkw = self.bump();
            let ok = self.expect_colon(true).is_ok();
            finalbody = self.clause_body(ok, "'finally' statement", fkw.span.start);
            end = Self::end_of(&finalbody, end.max(fkw.span.end));
        } else if handlers.is_empty() && header_ok {
            let t = self.tok();
            self.report(Diagnostic::syntax(
                Span { start: t.span.start, end: t.span.start },
                "expected 'except' or 'finally' block",
            ));
        }
        let star = star.unwrap_or(false);
        let kind = StmtKind::Try(Box::new(Try { body, handlers, orelse, finalbody, star }));
        out.push(Stmt { kind, span: Span { start, end } });
        Ok(())
    }

    /// An `except` clause, and whether it is a bare `except:`.
    fn except_clause(&mut self) -> (ExceptHandler, bool) {
        let kw = self.bump();
        let header = self.except_header();
        let bare = matches!(header, Ok((None, _, _)));
        let body = self.clause_body(header.is_ok(), "'except' statement", kw.span.start);
        let (typ, name, header_end) = header.unwrap_or((None, None, kw.span.end));
        let end = Self::end_of(&body, header_end);
        (ExceptHandler { typ, name, body, span: Span { start: kw.span.start, end } }, bare)
    }

    /// After `except`: `[type [as name]] :`, with the end of the header's last token
    /// before the colon.
    fn except_header(&mut self) -> PResult<(Option<Expr>, Option<Name>, u32)> {
        if self.at_op(Op::Star) {
            self.bump();
            if self.at_op(Op::Colon) {
                let at = self.tok().span.start;
                return self.error(at, "expected one or more exception types");
            }
        }
        if self.at_op(Op::Colon) {
            let end = self.prev_end();
            self.bump();
            return Ok((None, None, end));
        }
        let typ = self.expression()?;
        if self.at_op(Op::Comma) {
            return self.error(typ.span.start, "multiple exception types must be parenthesized");
        }
        let mut name = None;
        let mut end = typ.span.end;
        if self.eat_kw(Kw::As) {
            if self.kind() != Tk::Name {
                return self.unexpected();
            }
            let t = self.bump();
            name = Some(normalize_name(self.text(t.span)).into_owned());
            end = t.span.end;
        }
        self.expect_colon(false)?;
        Ok((Some(typ), name, end))
    }

    fn with_stmt(&mut self, out: &mut Vec<Stmt>, start: u32, is_async: bool) -> PResult<()> {
        let kw = self.bump();
        let header = self.with_header();
        let body = self.clause_body(header.is_ok(), "'with' statement", kw.span.start);
        let (items, header_end) = header.unwrap_or((Vec::new(), kw.span.end));
        let end = Self::end_of(&body, header_end);
        out.push(Stmt {
            kind: StmtKind::With { items, body, is_async },
            span: Span { start, end },
        });
        Ok(())
    }

    /// `items :`, with the end of the last token before the colon.
    fn with_header(&mut self) -> PResult<(Vec<WithItem>, u32)> {
        let items = self.with_items()?;
        let end = self.prev_end();
        self.expect_colon(false)?;
        Ok((items, end))
    }

    fn with_items(&mut self) -> PResult<Vec<WithItem>> {
        let mut items = Vec::new();
        if self.at_op(Op::LPar) && self.parenthesized_with_items() {
            self.bump();
            loop {
                if self.at_op(Op::RPar) {
                    break;
                }
                items.push(self.with_item()?);
                if !self.eat_op(Op::Comma) {
                    break;
                }
            }
            if items.is_empty() {
                return self.unexpected();
            }
            self.expect_op(Op::RPar)?;
            return Ok(items);
        }
        loop {
            items.push(self.with_item()?);
            if !self.eat_op(Op::Comma) {
                break;
            }
        }
        Ok(items)
    }

    /// `with (a as b, c):` — the parenthesis holds the items when its closing `)` is
    /// followed by the `:` (otherwise it is an expression: `with (a, b) as c:`), and
    /// no item is starred (`with (a, *b):` is a tuple, as in CPython).
    fn parenthesized_with_items(&self) -> bool {
        let mut depth = 0usize;
        let mut i = self.pos;
        while let Some(t) = self.toks.get(i) {
            let after_separator =
                i > self.pos && matches!(self.toks[i - 1].kind, Tk::Op(Op::LPar | Op::Comma));
            if depth == 1 && after_separator && t.kind == Tk::Op(Op::Star) {
                return false;
            }
            match t.kind {
                Tk::Op(Op::LPar | Op::LSqb | Op::LBrace) => depth += 1,
                Tk::Op(Op::RPar | Op::RSqb | Op::RBrace) => {
                    depth = depth.saturating_sub(1);
                    if depth == 0 {
                        return self.toks.get(i + 1).is_some_and(|t| t.kind == Tk::Op(Op::Colon));
                    }
                }
                Tk::Newline | Tk::End => return false,
                _ => {}
            }
            i += 1;
        }
        false
    }

    fn with_item(&mut self) -> PResult<WithItem> {
        let context_expr = self.expression()?;
        let mut optional_vars = None;
        if self.eat_kw(Kw::As) {
            let target = self.target_elem()?;
            self.check_target(&target, TargetCtx::Assign)?;
            if !matches!(self.kind(), Tk::Op(Op::Comma | Op::RPar | Op::Colon)) {
                return self.unexpected();
            }
            optional_vars = Some(target);
        }
        Ok(WithItem { context_expr, optional_vars })
    }

    /// A `def` or `class`, with its decorators (and `async`).
    fn definition(&mut self, out: &mut Vec<Stmt>) -> PResult<()> {
        let decorators = if self.at_op(Op::At) { self.decorators()? } else { Vec::new() };
        let start = self.tok().span.start;
        let is_async = self.at_kw(Kw::Async) && self.nth(1) == Tk::Kw(Kw::Def);
        if is_async {
            self.bump();
        }
        let stmt = match self.kind() {
            Tk::Kw(Kw::Def) => self.funcdef(start, decorators, is_async),
            Tk::Kw(Kw::Class) => self.classdef(start, decorators),
            _ => return self.unexpected(),
        };
        out.extend(stmt);
        Ok(())
    }

    /// `@expr NEWLINE`, one or more.
    fn decorators(&mut self) -> PResult<Vec<Expr>> {
        let mut decorators = Vec::new();
        while self.at_op(Op::At) {
            self.bump();
            let e = self.named_expression()?;
            if self.kind() != Tk::Newline {
                return self.unexpected();
            }
            self.bump();
            decorators.push(e);
        }
        Ok(decorators)
    }

    /// At `def`; `None` if the signature is broken (its body was still checked).
    fn funcdef(&mut self, start: u32, decorators: Vec<Expr>, is_async: bool) -> Option<Stmt> {
        self.bump();
        let sig = self.def_header();
        let body = self.clause_body(sig.is_ok(), "function definition", start);
        let (name_tok, params, returns, header_end) = sig.ok()?;
        let end = Self::end_of(&body, header_end);
        let def = FunctionDef {
            name: normalize_name(self.text(name_tok.span)).into_owned(),
            params,
            body,
            is_async,
            decorators,
            returns,
            name_span: name_tok.span,
        };
        Some(Stmt { kind: StmtKind::FunctionDef(Box::new(def)), span: Span { start, end } })
    }

    /// `name(params) [-> annotation] :`, with the end of the last token before the colon.
    fn def_header(&mut self) -> PResult<(Tok, Params, Option<Box<Expr>>, u32)> {
        let name_tok = self.def_name()?;
        if !self.at_op(Op::LPar) {
            let t = self.tok();
            if t.kind == Tk::Error {
                return Err(Fail);
            }
            return self.error(t.span.start, "expected '('");
        }
        self.bump();
        let params = self.params(false)?;
        self.expect_op(Op::RPar)?;
        let mut returns = None;
        if self.eat_op(Op::Arrow) {
            returns = Some(Box::new(self.expression()?));
        }
        let end = self.prev_end();
        self.expect_colon(true)?;
        Ok((name_tok, params, returns, end))
    }

    /// The name after `def` or `class` (type parameters are refused).
    fn def_name(&mut self) -> PResult<Tok> {
        if self.kind() != Tk::Name {
            return self.unexpected();
        }
        let name_tok = self.bump();
        if self.at_op(Op::LSqb) {
            let t = self.tok();
            self.unsupported(t.span, "type parameters");
            return Err(Fail);
        }
        Ok(name_tok)
    }

    /// At `class`; `None` if its header is broken (its body was still checked).
    fn classdef(&mut self, start: u32, decorators: Vec<Expr>) -> Option<Stmt> {
        self.bump();
        let header = self.class_header();
        let body = self.clause_body(header.is_ok(), "class definition", start);
        let (name_tok, bases, header_end) = header.ok()?;
        let end = Self::end_of(&body, header_end);
        let def = ClassDef {
            name: normalize_name(self.text(name_tok.span)).into_owned(),
            bases,
            body,
            decorators,
            name_span: name_tok.span,
        };
        Some(Stmt { kind: StmtKind::ClassDef(Box::new(def)), span: Span { start, end } })
    }

    /// `name [(bases)] :`, with the end of the last token before the colon.
    fn class_header(&mut self) -> PResult<(Tok, Vec<Expr>, u32)> {
        let name_tok = self.def_name()?;
        let mut bases = Vec::new();
        if self.at_op(Op::LPar) {
            let open = self.bump();
            let (args, keywords) = self.arguments(open)?;
            if let Some(k) = keywords.first() {
                self.unsupported(k.span, "class keyword arguments (metaclass=...)");
            }
            bases = args;
        }
        let end = self.prev_end();
        self.expect_colon(false)?;
        Ok((name_tok, bases, end))
    }

    // ---- simple statements ----

    /// `simple_stmt (';' simple_stmt)* [';'] NEWLINE`
    fn simple_stmts(&mut self, out: &mut Vec<Stmt>) -> PResult<()> {
        loop {
            let stmt = self.simple_stmt()?;
            out.push(stmt);
            if self.eat_op(Op::Semi) {
                if matches!(self.kind(), Tk::Newline | Tk::End) {
                    break;
                }
                continue;
            }
            break;
        }
        match self.kind() {
            Tk::Newline => {
                self.bump();
                Ok(())
            }
            Tk::End => Ok(()),
            _ => self.unexpected(),
        }
    }

    fn simple_stmt(&mut self) -> PResult<Stmt> {
        let start = self.tok().span.start;
        let kind = match self.kind() {
            Tk::Kw(Kw::Pass) => {
                self.bump();
                StmtKind::Pass
            }
            Tk::Kw(Kw::Break) => {
                self.bump();
                StmtKind::Break
            }
            Tk::Kw(Kw::Continue) => {
                self.bump();
                StmtKind::Continue
            }
            Tk::Kw(Kw::Return) => {
                self.bump();
                if self.at_stmt_end() {
                    StmtKind::Return(None)
                } else {
                    let value = self.star_expressions()?;
                    self.no_lone_star(&value)?;
                    StmtKind::Return(Some(value))
                }
            }
            Tk::Kw(Kw::Raise) => {
                self.bump();
                let (mut exc, mut cause) = (None, None);
                if !self.at_stmt_end() {
                    exc = Some(self.expression()?);
                    if self.eat_kw(Kw::From) {
                        cause = Some(self.expression()?);
                    }
                }
                StmtKind::Raise { exc, cause }
            }
            Tk::Kw(kw @ (Kw::Global | Kw::Nonlocal)) => {
                self.bump();
                let mut names = Vec::new();
                loop {
                    if self.kind() != Tk::Name {
                        return self.unexpected();
                    }
                    let t = self.bump();
                    names.push(normalize_name(self.text(t.span)).into_owned());
                    if !self.eat_op(Op::Comma) {
                        break;
                    }
                }
                if kw == Kw::Global {
                    StmtKind::Global(names)
                } else {
                    StmtKind::Nonlocal(names)
                }
            }
            Tk::Kw(Kw::Del) => {
                self.bump();
                let mut targets = Vec::new();
                loop {
                    targets.push(self.expression()?);
                    if !self.eat_op(Op::Comma) || self.at_stmt_end() {
                        break;
                    }
                }
                for t in &targets {
                    self.check_target(t, TargetCtx::Del)?;
                }
                StmtKind::Delete(targets)
            }
            Tk::Kw(Kw::Assert) => {
                self.bump();
                let test = self.expression()?;
                let msg = if self.eat_op(Op::Comma) { Some(self.expression()?) } else { None };
                StmtKind::Assert { test, msg }
            }
            Tk::Kw(Kw::Import) => self.import_name()?,
            Tk::Kw(Kw::From) => self.import_from()?,
            _ => return self.expr_or_assign(),
        };
        Ok(Stmt { kind, span: self.span_from(start) })
    }

    /// The right-hand side of an assignment: `yield` or star expressions.
    fn assigned_value(&mut self) -> PResult<Expr> {
        if self.at_kw(Kw::Yield) {
            return self.yield_expr();
        }
        let value = self.star_expressions()?;
        self.no_lone_star(&value)?;
        Ok(value)
    }

    fn expr_or_assign(&mut self) -> PResult<Stmt> {
        let start = self.tok().span.start;
        let first =
            if self.at_kw(Kw::Yield) { self.yield_expr()? } else { self.star_expressions()? };
        let kind = match self.kind() {
            Tk::Op(Op::Eq) => {
                let mut targets = vec![first];
                let value = loop {
                    self.bump();
                    let e = self.assigned_value()?;
                    if !self.at_op(Op::Eq) {
                        break e;
                    }
                    targets.push(e);
                };
                // CPython's "Maybe you meant '=='" form is for a lone `a = b` whose
                // value is no lambda (its `invalid_named_expression` rule).
                let lone = targets.len() == 1 && !matches!(value.kind, ExprKind::Lambda { .. });
                for t in &targets {
                    let ctx = if lone { TargetCtx::AssignFirst } else { TargetCtx::Assign };
                    self.check_target(t, ctx)?;
                }
                StmtKind::Assign { targets, value }
            }
            Tk::Op(op) if aug_op(op).is_some() => {
                let what = match &first.kind {
                    ExprKind::Name(_) | ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => {
                        None
                    }
                    other => Some(expr_name(other)),
                };
                if let Some(what) = what {
                    return self.error(
                        first.span.start,
                        format!("'{what}' is an illegal expression for augmented assignment"),
                    );
                }
                self.bump();
                let value = self.assigned_value()?;
                StmtKind::AugAssign { target: first, op: aug_op(op).unwrap_or(BinOp::Add), value }
            }
            Tk::Op(Op::Colon) => {
                match &first.kind {
                    ExprKind::Name(_) | ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => {
                    }
                    ExprKind::Tuple(_) => {
                        return self.error(
                            first.span.start,
                            "only single target (not tuple) can be annotated",
                        )
                    }
                    _ => return self.error(first.span.start, "illegal target for annotation"),
                }
                self.bump();
                let annotation = self.expression()?;
                let value = if self.eat_op(Op::Eq) { Some(self.assigned_value()?) } else { None };
                let simple = matches!(first.kind, ExprKind::Name(_))
                    && !self.src[first.span.start as usize..].starts_with('(');
                StmtKind::AnnAssign { target: first, annotation, value, simple }
            }
            _ => {
                if let ExprKind::Name(n) = &first.kind {
                    let next = self.kind();
                    if (n == "print" || n == "exec")
                        && self.starts_expr()
                        && !matches!(next, Tk::Op(Op::Star) | Tk::Error)
                    {
                        return self.error(
                            first.span.start,
                            format!("Missing parentheses in call to '{n}'. Did you mean {n}(...)?"),
                        );
                    }
                }
                self.no_lone_star(&first)?;
                StmtKind::Expr(first)
            }
        };
        Ok(Stmt { kind, span: self.span_from(start) })
    }

    /// A dotted module name: `a.b.c`.
    fn dotted_name(&mut self) -> PResult<(String, Span)> {
        if self.kind() != Tk::Name {
            return self.unexpected();
        }
        let first = self.bump();
        let mut name = self.text(first.span).to_string();
        while self.at_op(Op::Dot) {
            self.bump();
            if self.kind() != Tk::Name {
                return self.unexpected();
            }
            let t = self.bump();
            name.push('.');
            name.push_str(self.text(t.span));
        }
        Ok((name, self.span_from(first.span.start)))
    }

    fn check_module(&mut self, name: &str, span: Span) {
        if !MODULES.contains(&name) {
            self.unsupported(
                span,
                format!("import of module '{name}' (not among the modules Loopscope provides)"),
            );
        }
    }

    fn import_name(&mut self) -> PResult<StmtKind> {
        self.bump();
        if matches!(self.kind(), Tk::Newline | Tk::End) {
            let at = self.tok().span.start;
            return self.error(at, "Expected one or more names after 'import'");
        }
        let mut names = Vec::new();
        loop {
            let (name, span) = self.dotted_name()?;
            self.check_module(&name, span);
            let asname = self.as_name()?;
            names.push(Alias { name, asname, span: self.span_from(span.start) });
            if !self.eat_op(Op::Comma) {
                break;
            }
        }
        Ok(StmtKind::Import(names))
    }

    fn as_name(&mut self) -> PResult<Option<Name>> {
        if !self.eat_kw(Kw::As) {
            return Ok(None);
        }
        if self.kind() != Tk::Name {
            return self.unexpected();
        }
        let t = self.bump();
        Ok(Some(normalize_name(self.text(t.span)).into_owned()))
    }

    fn import_from(&mut self) -> PResult<StmtKind> {
        self.bump();
        let dots_start = self.tok().span.start;
        let mut relative = false;
        while matches!(self.kind(), Tk::Op(Op::Dot | Op::Ellipsis)) {
            self.bump();
            relative = true;
        }
        let mut module = String::new();
        if self.kind() == Tk::Name {
            let (name, span) = self.dotted_name()?;
            if !relative {
                self.check_module(&name, span);
            }
            module = name;
        } else if !relative {
            return self.unexpected();
        }
        if relative {
            let span = self.span_from(dots_start);
            self.unsupported(span, "relative import");
        }
        if !self.eat_kw(Kw::Import) {
            return self.unexpected();
        }
        let mut names = Vec::new();
        if self.at_op(Op::Star) {
            let t = self.bump();
            self.unsupported(t.span, format!("from {module} import * (import the names you use)"));
            return Ok(StmtKind::ImportFrom { module, names });
        }
        let paren = self.eat_op(Op::LPar);
        loop {
            if self.kind() != Tk::Name {
                return self.unexpected();
            }
            let t = self.bump();
            let name = normalize_name(self.text(t.span)).into_owned();
            let asname = self.as_name()?;
            names.push(Alias { name, asname, span: self.span_from(t.span.start) });
            if !self.eat_op(Op::Comma) {
                break;
            }
            if paren && self.at_op(Op::RPar) {
                break;
            }
            if !paren && matches!(self.kind(), Tk::Newline | Tk::End | Tk::Op(Op::Semi)) {
                let at = self.tok().span.start;
                return self
                    .error(at, "trailing comma not allowed without surrounding parentheses");
            }
        }
        if paren {
            self.expect_op(Op::RPar)?;
        }
        Ok(StmtKind::ImportFrom { module, names })
    }
}

/// An `if` or `elif` clause before the chain is nested into `If` statements.
struct IfClause {
    start: u32,
    test: Expr,
    body: Vec<Stmt>,
    end: u32,
}

/// Nests `if`/`elif` clauses: each `elif` is an `If` in the `orelse` of the one before.
fn fold_if(mut clauses: Vec<IfClause>, mut orelse: Vec<Stmt>) -> Stmt {
    let mut orelse_end = Parser::end_of(&orelse, 0);
    while let Some(c) = clauses.pop() {
        let end = c.end.max(orelse_end);
        let stmt = Stmt {
            kind: StmtKind::If { test: c.test, body: c.body, orelse: std::mem::take(&mut orelse) },
            span: Span { start: c.start, end },
        };
        orelse = vec![stmt];
        orelse_end = end;
    }
    orelse.pop().unwrap_or(Stmt { kind: StmtKind::Pass, span: Span::default() })
}

fn aug_op(op: Op) -> Option<BinOp> {
    Some(match op {
        Op::PlusEq => BinOp::Add,
        Op::MinusEq => BinOp::Sub,
        Op::StarEq => BinOp::Mult,
        Op::AtEq => BinOp::MatMult,
        Op::SlashEq => BinOp::Div,
        Op::DoubleSlashEq => BinOp::FloorDiv,
        Op::PercentEq => BinOp::Mod,
        Op::DoubleStarEq => BinOp::Pow,
        Op::LShiftEq => BinOp::LShift,
        Op::RShiftEq => BinOp::RShift,
        Op::VBarEq => BinOp::BitOr,
        Op::CaretEq => BinOp::BitXor,
        Op::AmperEq => BinOp::BitAnd,
        _ => return None,
    })
}
