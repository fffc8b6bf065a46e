//! Recursive-descent parser: tokens → [`Module`], with every error found.
//!
//! The grammar follows CPython's `Grammar/python.gram` for the subset, and the error
//! messages follow CPython 3.13's wording (its `invalid_*` rules) where the subset
//! meets them. The parser never fails and never panics: it always returns a tree
//! (statements it could not read are left out) and the diagnostics.
//!
//! Error recovery works on logical lines. A parse function that meets an error
//! reports it and returns `Err(Fail)`; the statement loop then skips to the end of the
//! logical line (the lexer already balanced the brackets, so that is the next
//! `Newline` token) and goes on with the next statement. A compound statement whose
//! header is broken still parses its indented block, so one typo in `if x = 1:` does
//! not turn the block into "unexpected indent" errors. At most one diagnostic is
//! reported per logical line (see `report::Reporter` for which).
//!
//! Recursion is bounded: every nesting level (brackets, calls, blocks, prefix
//! operators, operator chains, trailers, `elif`s...) costs units against `MAX_DEPTH`
//! (200), weighted by the stack it takes, which bounds both the parser's own stack
//! (it fits in 1 MiB even in a debug build) and the depth of every tree it builds
//! (at most 200 nodes deep), so the compiler, the checker and `Drop` can recurse over
//! a tree safely. Deeper programs get a SyntaxError (`too many nested parentheses`,
//! `expression too complex (nested too deeply)`, `too many levels of indentation`).

use super::ast::*;
use super::lexer::{normalize_name, Kw, Op, Tk, Tok};
use super::report::{Reporter, Source};
use super::{Diagnostic, LineIndex, Span};

/// The nesting the parser accepts, in units of [`cost`]. It bounds the parser's
/// recursion (so that it fits a ~1 MiB stack, as the wasm build has, even in a debug
/// build) and the depth of every tree it builds (an `Expr` or `Stmt` tree is at most
/// `MAX_DEPTH` nodes deep), so code recursing over trees is safe too.
pub(crate) const MAX_DEPTH: u32 = 200;

/// What each nested construct costs against [`MAX_DEPTH`], roughly in proportion to
/// the stack its recursion takes in a debug build (the worst case, 100 nested `def`s,
/// takes about 540 KiB; `deep_nesting` in `tests/syntax_fuzz.rs` runs the extremes on
/// a 1 MiB stack). With these, brackets nest 100 deep (CPython allows 200), calls 66
/// deep, operator chains 200 long; blocks stop at CPython's own 99 levels first.
mod cost {
    /// A prefix operator, `**`, a conditional, or one more operator or trailer in a
    /// chain (`a + b + c`, `a.b.c`): the tree grows one deeper.
    pub const OPERATOR: u32 = 1;
    /// `( )`, `[ ]` or `{ }` around an expression.
    pub const BRACKET: u32 = 2;
    /// A call's arguments or a subscript's index.
    pub const CALL: u32 = 3;
    /// An f-string replacement field.
    pub const FIELD: u32 = 3;
    pub const LAMBDA: u32 = 2;
    /// An item after the first of a display, a comprehension clause, a default value.
    pub const ITEM: u32 = 1;
    /// An indented block.
    pub const BLOCK: u32 = 2;
}

const TOO_DEEP_INDENT: &str = "too many levels of indentation";

/// Re-exported from [`super::MODULES`]: `vm::lib`'s tests look for it here.
pub(crate) use super::MODULES;

/// The tokens the parser reads, from [`super::lexer::lex`]'s: without the comments,
/// and with the `Newline` of a line ending in a comment moved to the comment. The
/// [`Reporter`] the parser reports to takes its logical lines from these.
pub(crate) fn significant_tokens(src: &str, raw: Vec<Tok>) -> Vec<Tok> {
    let mut toks = Vec::with_capacity(raw.len());
    for t in raw {
        if t.kind == Tk::Comment {
            continue;
        }
        let mut t = t;
        // CPython places the NEWLINE of a line ending in a comment at the comment,
        // which is where "expected ':'" points.
        if t.kind == Tk::Newline {
            if let Some(c) = last_comment_before(src, &toks, t) {
                t.span.start = c;
            }
        }
        toks.push(t);
    }
    toks
}

/// Parses a whole program from its [`significant_tokens`], reporting to `rep` (which
/// holds the lexer's diagnostics already). Never panics; the tree holds every
/// statement that could be read.
pub(crate) fn parse(src: &str, toks: Vec<Tok>, rep: &mut Reporter) -> Module {
    // The lexer may have said it already; once is enough.
    let indent_limit_reported = rep.any_says(TOO_DEEP_INDENT);
    let mut p = Parser { src, toks, pos: 0, rep, depth: 0, index: None, indent_limit_reported };
    let mut body = Vec::new();
    p.statements(&mut body, false);
    Module { body }
}

/// The start of a comment between the last token and `newline`, if any.
fn last_comment_before(src: &str, toks: &[Tok], newline: Tok) -> Option<u32> {
    let from = toks.last().map_or(0, |t| t.span.end) as usize;
    let to = newline.span.start as usize;
    if from >= to || !src.is_char_boundary(from) || !src.is_char_boundary(to) {
        return None;
    }
    src[from..to].find('#').map(|i| (from + i) as u32)
}

/// An error was reported (or was already there); the caller gives up on the construct.
#[derive(Debug)]
struct Fail;

type PResult<T> = Result<T, Fail>;

// Binding powers of the expression grammar, loosest first.
const OR: u8 = 1;
const AND: u8 = 2;
const NOT: u8 = 3;
const CMP: u8 = 4;
const BITOR: u8 = 5;
const BITXOR: u8 = 6;
const BITAND: u8 = 7;
const SHIFT: u8 = 8;
const ARITH: u8 = 9;
const TERM: u8 = 10;
const FACTOR: u8 = 11;

/// Where an assignment-like target appears, for the wording of its errors.
#[derive(Clone, Copy, PartialEq, Eq)]
enum TargetCtx {
    /// The first target of `a = b`: "cannot assign to X here. Maybe you meant '=='...".
    AssignFirst,
    /// Any other place that assigns: later `=` targets, `for`, `with ... as`, comprehensions.
    Assign,
    Del,
}

struct Parser<'s, 'r> {
    src: &'s str,
    /// The lexer's tokens without comments; the last is always `End`.
    toks: Vec<Tok>,
    pos: usize,
    rep: &'r mut Reporter,
    /// Current nesting, against [`MAX_DEPTH`].
    depth: u32,
    index: Option<LineIndex>,
    /// "too many levels of indentation" was reported (by the lexer or here): once is
    /// enough.
    indent_limit_reported: bool,
}

impl<'s> Parser<'s, '_> {
    // ---- tokens ----

    fn tok(&self) -> Tok {
        self.toks[self.pos.min(self.toks.len() - 1)]
    }

    fn kind(&self) -> Tk {
        self.tok().kind
    }

    fn nth(&self, n: usize) -> Tk {
        self.toks.get(self.pos + n).map_or(Tk::End, |t| t.kind)
    }

    fn bump(&mut self) -> Tok {
        let t = self.tok();
        if t.kind != Tk::End {
            self.pos += 1;
        }
        t
    }

    fn at_op(&self, op: Op) -> bool {
        self.kind() == Tk::Op(op)
    }

    fn at_kw(&self, kw: Kw) -> bool {
        self.kind() == Tk::Kw(kw)
    }

    fn eat_op(&mut self, op: Op) -> bool {
        if self.at_op(op) {
            self.bump();
            true
        } else {
            false
        }
    }

    fn eat_kw(&mut self, kw: Kw) -> bool {
        if self.at_kw(kw) {
            self.bump();
            true
        } else {
            false
        }
    }

    /// End offset of the last consumed token.
    fn prev_end(&self) -> u32 {
        if self.pos == 0 {
            0
        } else {
            self.toks[self.pos - 1].span.end
        }
    }

    fn text(&self, span: Span) -> &'s str {
        self.src.get(span.start as usize..span.end as usize).unwrap_or("")
    }

    fn span_from(&self, start: u32) -> Span {
        Span { start, end: self.prev_end().max(start) }
    }

    fn line_of(&mut self, offset: u32) -> u32 {
        let src = self.src;
        self.index.get_or_insert_with(|| LineIndex::new(src)).line(offset)
    }

    /// Whether the current token ends a simple statement.
    fn at_stmt_end(&self) -> bool {
        matches!(self.kind(), Tk::Newline | Tk::End | Tk::Op(Op::Semi))
    }

    /// Whether the current token can begin an expression.
    fn starts_expr(&self) -> bool {
        match self.kind() {
            Tk::Name | Tk::Number | Tk::Str | Tk::FStart | Tk::Error => true,
            Tk::Kw(kw) => matches!(
                kw,
                Kw::True | Kw::False | Kw::None | Kw::Not | Kw::Lambda | Kw::Await | Kw::Yield
            ),
            Tk::Op(op) => matches!(
                op,
                Op::LPar
                    | Op::LSqb
                    | Op::LBrace
                    | Op::Minus
                    | Op::Plus
                    | Op::Tilde
                    | Op::Star
                    | Op::Ellipsis
            ),
            _ => false,
        }
    }

    /// Whether the current token begins an expression right after another one without
    /// an operator between them (`[1 2]`): what CPython calls a forgotten comma.
    fn juxtaposed(&self, prev: Last) -> bool {
        let starts = match self.kind() {
            Tk::Name | Tk::Number | Tk::FStart => true,
            // `f(x "y")`: CPython excludes a name followed by a string.
            Tk::Str => !prev.name,
            Tk::Kw(kw) => matches!(kw, Kw::True | Kw::False | Kw::None | Kw::Lambda | Kw::Await),
            Tk::Op(op) => matches!(op, Op::LBrace | Op::Tilde | Op::Ellipsis),
            _ => false,
        };
        starts && !prev.starred
    }

    // ---- errors ----

    fn report(&mut self, d: Diagnostic) {
        self.rep.report(d, Source::Parser);
    }

    fn error<T>(&mut self, at: u32, msg: impl Into<String>) -> PResult<T> {
        self.report(Diagnostic::syntax(Span { start: at, end: at }, msg));
        Err(Fail)
    }

    fn error_span<T>(&mut self, span: Span, msg: impl Into<String>) -> PResult<T> {
        self.report(Diagnostic::syntax(span, msg));
        Err(Fail)
    }

    fn unsupported(&mut self, span: Span, what: impl Into<String>) {
        self.report(Diagnostic::unsupported(span, what));
    }

    /// "invalid syntax" at the current token (silently for an `Error` token: the lexer
    /// reported it).
    fn unexpected<T>(&mut self) -> PResult<T> {
        let t = self.tok();
        if t.kind == Tk::Error {
            return Err(Fail);
        }
        self.error(t.span.start, "invalid syntax")
    }

    fn expect_op(&mut self, op: Op) -> PResult<Tok> {
        if self.at_op(op) {
            Ok(self.bump())
        } else {
            self.unexpected()
        }
    }

    /// The `:` ending a compound statement's header. CPython says "expected ':'" when
    /// the line ends there, or always after a keyword that must be followed by it
    /// (`else`, `try`, `finally`, a `def`'s signature); otherwise "invalid syntax".
    fn expect_colon(&mut self, always: bool) -> PResult<()> {
        if self.eat_op(Op::Colon) {
            return Ok(());
        }
        let t = self.tok();
        if t.kind == Tk::Error {
            return Err(Fail);
        }
        if always || matches!(t.kind, Tk::Newline | Tk::End) {
            self.error(t.span.start, "expected ':'")
        } else {
            self.error(t.span.start, "invalid syntax")
        }
    }

    /// Counts `cost` more nesting (undone by the caller with [`Parser::leave`]), or
    /// reports that the program nests too deeply.
    fn enter(&mut self, cost: u32) -> PResult<()> {
        if self.depth + cost > MAX_DEPTH {
            let t = self.tok();
            let msg = if matches!(t.kind, Tk::Op(Op::LPar | Op::LSqb | Op::LBrace)) {
                "too many nested parentheses"
            } else {
                "expression too complex (nested too deeply)"
            };
            return self.error(t.span.start, msg);
        }
        self.depth += cost;
        Ok(())
    }

    fn leave(&mut self, cost: u32) {
        self.depth -= cost;
    }

    /// Parses one more item of a list (display items after the first, comprehension
    /// clauses, default values) with `f`, at [`cost::ITEM`].
    fn item<T>(&mut self, f: fn(&mut Self) -> PResult<T>) -> PResult<T> {
        self.enter(cost::ITEM)?;
        let r = f(self);
        self.leave(cost::ITEM);
        r
    }

    fn placeholder(span: Span) -> Expr {
        Expr { kind: ExprKind::Constant(Constant::None), span }
    }

    // ---- statements ----

    /// Statements up to a `Dedent` (left for the caller) or the end of the text.
    fn statements(&mut self, body: &mut Vec<Stmt>, in_block: bool) {
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

    /// `yield`, `yield x`, `yield from x` (nested like a prefix operator).
    fn yield_expr(&mut self) -> PResult<Expr> {
        self.enter(cost::LAMBDA)?;
        let r = self.yield_inner();
        self.leave(cost::LAMBDA);
        r
    }

    fn yield_inner(&mut self) -> PResult<Expr> {
        let kw = self.bump();
        let kind = if self.eat_kw(Kw::From) {
            ExprKind::YieldFrom(Box::new(self.expression()?))
        } else if !self.starts_expr() {
            ExprKind::Yield(None)
        } else {
            let v = self.star_expressions()?;
            self.no_lone_star(&v)?;
            ExprKind::Yield(Some(Box::new(v)))
        };
        Ok(Expr { kind, span: self.span_from(kw.span.start) })
    }

    // ---- targets ----

    /// `star_targets` of `for` and comprehensions: comma-separated `[*]bitor` items
    /// (which stop before `in`).
    fn target_list(&mut self) -> PResult<Expr> {
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

    fn target_elem(&mut self) -> PResult<Expr> {
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
    fn check_target(&mut self, e: &Expr, ctx: TargetCtx) -> PResult<()> {
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

    /// A lone `*x` where a value is expected.
    fn no_lone_star(&mut self, e: &Expr) -> PResult<()> {
        if matches!(e.kind, ExprKind::Starred(_)) {
            return self.error(e.span.start, "can't use starred expression here");
        }
        Ok(())
    }

    // ---- expressions ----
    //
    // The functions on the grammar's recursion cycles (expression → parse_bp → power →
    // primary → atom → bracket → items → expression, and the like) are kept small and
    // end in tail calls where they can, rare branches living in functions of their own:
    // a debug build gives every local its own stack slot, and the nesting limit must
    // hold on a ~1 MiB (wasm-sized) stack in a debug build too.

    /// `star_expressions`: `a, *b, c` (an unparenthesized tuple) or one item.
    fn star_expressions(&mut self) -> PResult<Expr> {
        let r = self.star_expression();
        match r {
            Ok(first) if self.at_op(Op::Comma) => self.tuple_rest(first),
            r => r,
        }
    }

    /// The rest of an unparenthesized tuple, at the `,` after its first item.
    fn tuple_rest(&mut self, first: Expr) -> PResult<Expr> {
        let start = first.span.start;
        let mut elts = vec![first];
        while self.eat_op(Op::Comma) {
            if !self.starts_expr() {
                break;
            }
            elts.push(self.item(Self::star_expression)?);
        }
        Ok(Expr { kind: ExprKind::Tuple(elts), span: self.span_from(start) })
    }

    fn star_expression(&mut self) -> PResult<Expr> {
        if self.at_op(Op::Star) {
            return self.starred();
        }
        self.expression()
    }

    /// `*x`, at the `*` (its operand is a bitwise-or expression).
    fn starred(&mut self) -> PResult<Expr> {
        let star = self.bump();
        let inner = self.parse_bp(BITOR)?;
        Ok(Expr { kind: ExprKind::Starred(Box::new(inner)), span: self.span_from(star.span.start) })
    }

    /// An item of a list, set or tuple display: `*x` or a named expression.
    fn star_named_expression(&mut self) -> PResult<Expr> {
        if self.at_op(Op::Star) {
            return self.starred();
        }
        self.named_expression()
    }

    /// `name := value` or an expression.
    fn named_expression(&mut self) -> PResult<Expr> {
        if self.kind() == Tk::Name && self.nth(1) == Tk::Op(Op::ColonEq) {
            return self.walrus();
        }
        let r = self.expression();
        match r {
            Ok(e) if self.at_op(Op::ColonEq) => {
                let what = expr_name(&e.kind);
                self.error(e.span.start, format!("cannot use assignment expressions with {what}"))
            }
            r => r,
        }
    }

    fn walrus(&mut self) -> PResult<Expr> {
        let name = self.bump();
        self.bump();
        let value = self.expression()?;
        let target = normalize_name(self.text(name.span)).into_owned();
        Ok(Expr {
            kind: ExprKind::NamedExpr { target, value: Box::new(value) },
            span: self.span_from(name.span.start),
        })
    }

    /// `expression`: a lambda, a conditional expression or a disjunction.
    fn expression(&mut self) -> PResult<Expr> {
        if self.at_kw(Kw::Lambda) {
            return self.lambda();
        }
        let r = self.parse_bp(OR);
        match r {
            Ok(body) if self.at_kw(Kw::If) => self.conditional(body),
            r => r,
        }
    }

    /// `body if test else orelse`, at the `if`.
    fn conditional(&mut self, body: Expr) -> PResult<Expr> {
        self.enter(cost::OPERATOR)?;
        let r = self.conditional_inner(body);
        self.leave(cost::OPERATOR);
        r
    }

    fn conditional_inner(&mut self, body: Expr) -> PResult<Expr> {
        self.bump();
        let test = self.parse_bp(OR)?;
        if !self.eat_kw(Kw::Else) {
            if self.kind() == Tk::Error {
                return Err(Fail);
            }
            return self.error(body.span.start, "expected 'else' after 'if' expression");
        }
        let orelse = self.expression()?;
        let span = self.span_from(body.span.start);
        Ok(Expr {
            kind: ExprKind::IfExp {
                test: Box::new(test),
                body: Box::new(body),
                orelse: Box::new(orelse),
            },
            span,
        })
    }

    fn lambda(&mut self) -> PResult<Expr> {
        self.enter(cost::LAMBDA)?;
        let r = self.lambda_inner();
        self.leave(cost::LAMBDA);
        r
    }

    fn lambda_inner(&mut self) -> PResult<Expr> {
        let kw = self.bump();
        let params = self.params(true)?;
        self.expect_op(Op::Colon)?;
        let body = self.expression()?;
        Ok(Expr {
            kind: ExprKind::Lambda { params: Box::new(params), body: Box::new(body) },
            span: self.span_from(kw.span.start),
        })
    }

    /// Operator-precedence parsing of everything from `or` down to `**`: operators
    /// binding at least as tightly as `min`.
    fn parse_bp(&mut self, min: u8) -> PResult<Expr> {
        let start = self.tok().span.start;
        let r = match self.prefix_op(min) {
            Some((op, bp)) => self.unary(op, bp),
            None => self.power(),
        };
        match r {
            Ok(lhs) if self.infix_prec().is_some_and(|p| p >= min) => self.infix(lhs, min, start),
            r => r,
        }
    }

    /// A prefix operator allowed where operators of `min` binding power may start.
    fn prefix_op(&self, min: u8) -> Option<(UnaryOp, u8)> {
        match self.kind() {
            Tk::Kw(Kw::Not) if min <= NOT => Some((UnaryOp::Not, NOT)),
            Tk::Op(Op::Minus) if min <= FACTOR => Some((UnaryOp::USub, FACTOR)),
            Tk::Op(Op::Plus) if min <= FACTOR => Some((UnaryOp::UAdd, FACTOR)),
            Tk::Op(Op::Tilde) if min <= FACTOR => Some((UnaryOp::Invert, FACTOR)),
            _ => None,
        }
    }

    fn unary(&mut self, op: UnaryOp, bp: u8) -> PResult<Expr> {
        let start = self.bump().span.start;
        self.enter(cost::OPERATOR)?;
        let r = self.parse_bp(bp);
        self.leave(cost::OPERATOR);
        let operand = r?;
        Ok(Expr {
            kind: ExprKind::UnaryOp { op, operand: Box::new(operand) },
            span: self.span_from(start),
        })
    }

    /// The infix operators after `lhs`, binding at least as tightly as `min`. Each
    /// operator applied counts one level of nesting (the tree grows one deeper).
    fn infix(&mut self, lhs: Expr, min: u8, start: u32) -> PResult<Expr> {
        let saved = self.depth;
        let r = self.infix_loop(lhs, min, start);
        self.depth = saved;
        r
    }

    fn infix_loop(&mut self, mut lhs: Expr, min: u8, start: u32) -> PResult<Expr> {
        loop {
            let Some(prec) = self.infix_prec().filter(|&p| p >= min) else { return Ok(lhs) };
            self.enter(cost::OPERATOR)?;
            lhs = self.infix_step(lhs, prec, start)?;
        }
    }

    fn infix_step(&mut self, lhs: Expr, prec: u8, start: u32) -> PResult<Expr> {
        match prec {
            OR => self.boolop(lhs, Kw::Or, BoolOp::Or, start),
            AND => self.boolop(lhs, Kw::And, BoolOp::And, start),
            CMP => self.compare(lhs, start),
            _ => self.binop(lhs, prec, start),
        }
    }

    fn boolop(&mut self, lhs: Expr, kw: Kw, op: BoolOp, start: u32) -> PResult<Expr> {
        let prec = if op == BoolOp::Or { OR } else { AND };
        let mut values = vec![lhs];
        while self.eat_kw(kw) {
            values.push(self.parse_bp(prec + 1)?);
        }
        Ok(Expr { kind: ExprKind::BoolOp { op, values }, span: self.span_from(start) })
    }

    fn compare(&mut self, lhs: Expr, start: u32) -> PResult<Expr> {
        let mut ops = Vec::new();
        let mut comparators = Vec::new();
        while let Some(op) = self.cmp_op() {
            ops.push(op);
            comparators.push(self.parse_bp(CMP + 1)?);
        }
        Ok(Expr {
            kind: ExprKind::Compare { left: Box::new(lhs), ops, comparators },
            span: self.span_from(start),
        })
    }

    fn binop(&mut self, lhs: Expr, prec: u8, start: u32) -> PResult<Expr> {
        let Tk::Op(op) = self.bump().kind else { return self.unexpected() };
        let op = bin_op(op).unwrap_or(BinOp::Add);
        let rhs = self.parse_bp(prec + 1)?;
        Ok(Expr {
            kind: ExprKind::BinOp { left: Box::new(lhs), op, right: Box::new(rhs) },
            span: self.span_from(start),
        })
    }

    /// The binding power of the current token as an infix operator.
    fn infix_prec(&self) -> Option<u8> {
        Some(match self.kind() {
            Tk::Kw(Kw::Or) => OR,
            Tk::Kw(Kw::And) => AND,
            Tk::Kw(Kw::In | Kw::Is) => CMP,
            Tk::Kw(Kw::Not) if self.nth(1) == Tk::Kw(Kw::In) => CMP,
            Tk::Op(op) => match op {
                Op::EqEq | Op::NotEq | Op::Less | Op::LessEq | Op::Greater | Op::GreaterEq => CMP,
                Op::VBar => BITOR,
                Op::Caret => BITXOR,
                Op::Amper => BITAND,
                Op::LShift | Op::RShift => SHIFT,
                Op::Plus | Op::Minus => ARITH,
                Op::Star | Op::Slash | Op::DoubleSlash | Op::Percent | Op::At => TERM,
                _ => return None,
            },
            _ => return None,
        })
    }

    /// Consumes a comparison operator (`not in` and `is not` are two tokens).
    fn cmp_op(&mut self) -> Option<CmpOp> {
        let op = match self.kind() {
            Tk::Op(Op::EqEq) => CmpOp::Eq,
            Tk::Op(Op::NotEq) => CmpOp::NotEq,
            Tk::Op(Op::Less) => CmpOp::Lt,
            Tk::Op(Op::LessEq) => CmpOp::LtE,
            Tk::Op(Op::Greater) => CmpOp::Gt,
            Tk::Op(Op::GreaterEq) => CmpOp::GtE,
            Tk::Kw(Kw::In) => CmpOp::In,
            Tk::Kw(Kw::Not) if self.nth(1) == Tk::Kw(Kw::In) => {
                self.bump();
                CmpOp::NotIn
            }
            Tk::Kw(Kw::Is) => {
                if self.nth(1) == Tk::Kw(Kw::Not) {
                    self.bump();
                    CmpOp::IsNot
                } else {
                    CmpOp::Is
                }
            }
            _ => return None,
        };
        self.bump();
        Some(op)
    }

    /// `power: await_primary ['**' factor]`
    fn power(&mut self) -> PResult<Expr> {
        let r = if self.at_kw(Kw::Await) { self.await_primary() } else { self.primary() };
        match r {
            Ok(base) if self.at_op(Op::DoubleStar) => self.power_rest(base),
            r => r,
        }
    }

    fn await_primary(&mut self) -> PResult<Expr> {
        let kw = self.bump();
        let operand = self.primary()?;
        Ok(Expr { kind: ExprKind::Await(Box::new(operand)), span: self.span_from(kw.span.start) })
    }

    /// `base ** exponent`, at the `**` (right-associative: the exponent is a factor).
    fn power_rest(&mut self, base: Expr) -> PResult<Expr> {
        self.bump();
        self.enter(cost::OPERATOR)?;
        let r = self.parse_bp(FACTOR);
        self.leave(cost::OPERATOR);
        let exponent = r?;
        let span = self.span_from(base.span.start);
        Ok(Expr {
            kind: ExprKind::BinOp {
                left: Box::new(base),
                op: BinOp::Pow,
                right: Box::new(exponent),
            },
            span,
        })
    }

    /// An atom and its trailers: `.name`, `(args)`, `[index]`.
    fn primary(&mut self) -> PResult<Expr> {
        let r = self.atom();
        match r {
            Ok(e) if matches!(self.kind(), Tk::Op(Op::Dot | Op::LPar | Op::LSqb)) => {
                self.trailers(e)
            }
            r => r,
        }
    }

    /// Trailers after `e`; each one counts a level of nesting (the tree grows deeper).
    fn trailers(&mut self, e: Expr) -> PResult<Expr> {
        let saved = self.depth;
        let r = self.trailers_loop(e);
        self.depth = saved;
        r
    }

    fn trailers_loop(&mut self, mut e: Expr) -> PResult<Expr> {
        loop {
            if !matches!(self.kind(), Tk::Op(Op::Dot | Op::LPar | Op::LSqb)) {
                return Ok(e);
            }
            // Counted before the trailer is read (a call's arguments and an index nest
            // inside it), and kept for the rest of the chain (the tree grows deeper).
            self.enter(if self.at_op(Op::Dot) { cost::OPERATOR } else { cost::CALL })?;
            e = match self.kind() {
                Tk::Op(Op::Dot) => self.attribute(e)?,
                Tk::Op(Op::LPar) => self.call(e)?,
                _ => self.subscript(e)?,
            };
        }
    }

    fn attribute(&mut self, value: Expr) -> PResult<Expr> {
        self.bump();
        if self.kind() != Tk::Name {
            return self.unexpected();
        }
        let t = self.bump();
        let attr = normalize_name(self.text(t.span)).into_owned();
        let span = self.span_from(value.span.start);
        Ok(Expr { kind: ExprKind::Attribute { value: Box::new(value), attr }, span })
    }

    fn call(&mut self, func: Expr) -> PResult<Expr> {
        let open = self.bump();
        let (args, keywords) = self.arguments(open)?;
        let span = self.span_from(func.span.start);
        Ok(Expr { kind: ExprKind::Call { func: Box::new(func), args, keywords }, span })
    }

    fn subscript(&mut self, value: Expr) -> PResult<Expr> {
        self.bump();
        let index = self.slices()?;
        self.close(Op::RSqb, &index)?;
        let span = self.span_from(value.span.start);
        Ok(Expr {
            kind: ExprKind::Subscript { value: Box::new(value), index: Box::new(index) },
            span,
        })
    }

    /// The closing bracket of a display or call after item `last`, with CPython's
    /// "Perhaps you forgot a comma?" when another expression follows directly.
    fn close(&mut self, op: Op, last: &Expr) -> PResult<Tok> {
        self.close_after(op, Last::of(last))
    }

    fn close_after(&mut self, op: Op, last: Last) -> PResult<Tok> {
        if self.at_op(op) {
            return Ok(self.bump());
        }
        if self.juxtaposed(last) {
            return self.error(last.start, "invalid syntax. Perhaps you forgot a comma?");
        }
        self.unexpected()
    }

    /// Call arguments after `(`, up to and including `)`.
    fn arguments(&mut self, open: Tok) -> PResult<(Vec<Expr>, Vec<Keyword>)> {
        let mut a = Args { open: open.span.start, comma_at: open.span.start, ..Args::default() };
        loop {
            if self.at_op(Op::RPar) {
                break;
            }
            a.count += 1;
            self.argument(&mut a)?;
            a.comma_at = self.tok().span.start;
            if !self.eat_op(Op::Comma) {
                break;
            }
        }
        self.end_arguments(a)
    }

    /// One argument, added to `a`.
    fn argument(&mut self, a: &mut Args) -> PResult<()> {
        match self.kind() {
            Tk::Op(Op::Star) => self.star_argument(a),
            Tk::Op(Op::DoubleStar) => {
                let start = self.bump().span.start;
                let value = self.expression()?;
                a.seen_dstar = true;
                a.last = Some(Last::of(&value));
                a.keywords.push(Keyword { arg: None, value, span: self.span_from(start) });
                Ok(())
            }
            Tk::Name if self.nth(1) == Tk::Op(Op::Eq) => self.keyword_argument(a),
            Tk::Kw(kw @ (Kw::True | Kw::False | Kw::None)) if self.nth(1) == Tk::Op(Op::Eq) => {
                let at = self.tok().span.start;
                self.error(at, format!("cannot assign to {}", kw.as_str()))
            }
            _ => self.positional_argument(a),
        }
    }

    fn star_argument(&mut self, a: &mut Args) -> PResult<()> {
        let start = self.bump().span.start;
        if self.at_op(Op::RPar) || self.at_op(Op::Comma) {
            let at = self.tok().span.start;
            return self.error(at, "Invalid star expression");
        }
        let value = self.expression()?;
        if self.at_comp_for() {
            return self.error(start, "iterable unpacking cannot be used in comprehension");
        }
        if a.seen_dstar {
            return self.error(
                a.comma_at,
                "iterable argument unpacking follows keyword argument unpacking",
            );
        }
        let e = Expr { kind: ExprKind::Starred(Box::new(value)), span: self.span_from(start) };
        a.last = Some(Last::of(&e));
        a.args.push(e);
        Ok(())
    }

    fn keyword_argument(&mut self, a: &mut Args) -> PResult<()> {
        let name_tok = self.bump();
        self.bump();
        let value = self.expression()?;
        let name = normalize_name(self.text(name_tok.span)).into_owned();
        if !a.keyword_names.insert(name.clone()) {
            return self.error(name_tok.span.start, format!("keyword argument repeated: {name}"));
        }
        a.seen_keyword = true;
        a.last = Some(Last::of(&value));
        a.keywords.push(Keyword {
            arg: Some(name),
            value,
            span: self.span_from(name_tok.span.start),
        });
        Ok(())
    }

    fn positional_argument(&mut self, a: &mut Args) -> PResult<()> {
        let e = self.named_expression()?;
        if self.at_op(Op::Eq) {
            return self.error(
                e.span.start,
                "expression cannot contain assignment, perhaps you meant \"==\"?",
            );
        }
        let e = if self.at_comp_for() { self.call_genexp(a, e)? } else { e };
        if (a.seen_keyword || a.seen_dstar) && a.misplaced.is_none() {
            a.misplaced = Some(if a.seen_dstar {
                "positional argument follows keyword argument unpacking"
            } else {
                "positional argument follows keyword argument"
            });
        }
        a.last = Some(Last::of(&e));
        a.args.push(e);
        Ok(())
    }

    /// `f(x for x in y)`: a generator expression as an argument (its span takes the
    /// call's parentheses when it is the sole argument, as in CPython).
    fn call_genexp(&mut self, a: &mut Args, elt: Expr) -> PResult<Expr> {
        self.no_starred_element(&elt)?;
        let elt_start = elt.span.start;
        let generators = self.comprehension_clauses()?;
        a.genexp_at.get_or_insert(elt_start);
        let span = if a.count == 1 && self.at_op(Op::RPar) {
            Span { start: a.open, end: self.tok().span.end }
        } else {
            self.span_from(elt_start)
        };
        Ok(Expr { kind: ExprKind::GeneratorExp { elt: Box::new(elt), generators }, span })
    }

    fn end_arguments(&mut self, a: Args) -> PResult<(Vec<Expr>, Vec<Keyword>)> {
        if let Some(msg) = a.misplaced {
            // CPython reports an argument out of order where the argument list ends.
            let t = self.tok();
            if t.kind == Tk::Error {
                return Err(Fail);
            }
            return self.error(t.span.start, msg);
        }
        if let Some(at) = a.genexp_at {
            if self.kind() == Tk::Error {
                return Err(Fail);
            }
            if a.count > 1
                || !self.at_op(Op::RPar)
                || self.toks[self.pos - 1].kind == Tk::Op(Op::Comma)
            {
                return self.error(at, "Generator expression must be parenthesized");
            }
        }
        match a.last {
            Some(last) => self.close_after(Op::RPar, last)?,
            None => self.expect_op(Op::RPar)?,
        };
        Ok((a.args, a.keywords))
    }

    /// The index of a subscript: a slice, an expression, or a tuple of them.
    fn slices(&mut self) -> PResult<Expr> {
        let r = self.slice();
        match r {
            Ok(first) if self.at_op(Op::Comma) => self.slices_rest(first),
            // `a[*b]` indexes with the tuple `(*b,)`.
            Ok(first) if matches!(first.kind, ExprKind::Starred(_)) => {
                let span = first.span;
                Ok(Expr { kind: ExprKind::Tuple(vec![first]), span })
            }
            r => r,
        }
    }

    fn slices_rest(&mut self, first: Expr) -> PResult<Expr> {
        let start = first.span.start;
        let mut elts = vec![first];
        while self.eat_op(Op::Comma) {
            if self.at_op(Op::RSqb) {
                break;
            }
            elts.push(self.item(Self::slice)?);
        }
        Ok(Expr { kind: ExprKind::Tuple(elts), span: self.span_from(start) })
    }

    fn slice(&mut self) -> PResult<Expr> {
        if self.at_op(Op::Star) {
            return self.starred();
        }
        if self.at_op(Op::Colon) {
            let start = self.tok().span.start;
            return self.slice_rest(start, None);
        }
        let r = self.named_expression();
        match r {
            Ok(lower) if self.at_op(Op::Colon) => self.slice_rest(lower.span.start, Some(lower)),
            r => r,
        }
    }

    /// At the first `:` of a slice.
    fn slice_rest(&mut self, start: u32, lower: Option<Expr>) -> PResult<Expr> {
        self.bump();
        let upper = if self.starts_expr() { Some(Box::new(self.expression()?)) } else { None };
        let mut step = None;
        if self.eat_op(Op::Colon) && self.starts_expr() {
            step = Some(Box::new(self.expression()?));
        }
        Ok(Expr {
            kind: ExprKind::Slice { lower: lower.map(Box::new), upper, step },
            span: self.span_from(start),
        })
    }

    fn atom(&mut self) -> PResult<Expr> {
        let t = self.tok();
        let kind = match t.kind {
            Tk::Name => ExprKind::Name(normalize_name(self.text(t.span)).into_owned()),
            Tk::Kw(Kw::True) => ExprKind::Constant(Constant::Bool(true)),
            Tk::Kw(Kw::False) => ExprKind::Constant(Constant::Bool(false)),
            Tk::Kw(Kw::None) => ExprKind::Constant(Constant::None),
            Tk::Op(Op::Ellipsis) => ExprKind::Constant(Constant::Ellipsis),
            Tk::Number => self.number(t.span),
            Tk::Str | Tk::FStart => return self.strings(),
            Tk::Op(Op::LPar | Op::LSqb | Op::LBrace) => return self.bracket(),
            Tk::Kw(Kw::Yield) => return self.yield_expr(),
            _ => return self.unexpected(),
        };
        self.bump();
        Ok(Expr { kind, span: t.span })
    }

    /// A parenthesized expression, tuple, list, dict, set or comprehension: one level
    /// of nesting.
    fn bracket(&mut self) -> PResult<Expr> {
        self.enter(cost::BRACKET)?;
        let r = match self.kind() {
            Tk::Op(Op::LPar) => self.paren(),
            Tk::Op(Op::LSqb) => self.list(),
            _ => self.dict_or_set(),
        };
        self.leave(cost::BRACKET);
        r
    }

    fn at_comp_for(&self) -> bool {
        self.at_kw(Kw::For) || (self.at_kw(Kw::Async) && self.nth(1) == Tk::Kw(Kw::For))
    }

    /// `( ... )`: a parenthesized expression (its span widened to the parentheses), a
    /// tuple, or a generator expression.
    fn paren(&mut self) -> PResult<Expr> {
        let open = self.bump();
        if self.at_op(Op::RPar) || self.at_kw(Kw::Yield) {
            return self.paren_special(open.span.start);
        }
        let r = self.star_named_expression();
        match r {
            Ok(first) => self.paren_rest(open.span.start, first),
            r => r,
        }
    }

    /// `()` and `(yield ...)`.
    fn paren_special(&mut self, start: u32) -> PResult<Expr> {
        if self.eat_op(Op::RPar) {
            return Ok(Expr { kind: ExprKind::Tuple(Vec::new()), span: self.span_from(start) });
        }
        // The span stays the `yield`'s own: CPython's messages point at it.
        let _ = start;
        let e = self.yield_expr()?;
        self.expect_op(Op::RPar)?;
        Ok(e)
    }

    fn paren_rest(&mut self, start: u32, first: Expr) -> PResult<Expr> {
        if self.at_comp_for() {
            return self.comprehension(start, first, Op::RPar);
        }
        if self.at_op(Op::Comma) {
            let elts = self.rest_of_items(first, Op::RPar)?;
            return Ok(Expr { kind: ExprKind::Tuple(elts), span: self.span_from(start) });
        }
        self.close(Op::RPar, &first)?;
        if matches!(first.kind, ExprKind::Starred(_)) {
            return self.error(first.span.start, "cannot use starred expression here");
        }
        let mut e = first;
        e.span = self.span_from(start);
        Ok(e)
    }

    /// A list, set or generator comprehension after its element, at the `for`.
    fn comprehension(&mut self, start: u32, elt: Expr, close: Op) -> PResult<Expr> {
        self.no_starred_element(&elt)?;
        let generators = self.comprehension_clauses()?;
        self.close(close, &elt)?;
        let elt = Box::new(elt);
        let kind = match close {
            Op::RPar => ExprKind::GeneratorExp { elt, generators },
            Op::RSqb => ExprKind::ListComp { elt, generators },
            _ => ExprKind::SetComp { elt, generators },
        };
        Ok(Expr { kind, span: self.span_from(start) })
    }

    /// After a display's first item and at a `,`: the other items and the closer.
    fn rest_of_items(&mut self, first: Expr, close: Op) -> PResult<Vec<Expr>> {
        let mut elts = vec![first];
        while self.eat_op(Op::Comma) {
            if self.at_op(close) {
                break;
            }
            elts.push(self.item(Self::star_named_expression)?);
        }
        let last = elts.last().map_or(Last { start: 0, name: false, starred: true }, Last::of);
        self.close_after(close, last)?;
        Ok(elts)
    }

    fn list(&mut self) -> PResult<Expr> {
        let open = self.bump();
        if self.at_op(Op::RSqb) {
            self.bump();
            return Ok(Expr {
                kind: ExprKind::List(Vec::new()),
                span: self.span_from(open.span.start),
            });
        }
        let r = self.star_named_expression();
        match r {
            Ok(first) => self.list_rest(open.span.start, first),
            r => r,
        }
    }

    fn list_rest(&mut self, start: u32, first: Expr) -> PResult<Expr> {
        if self.at_comp_for() {
            return self.comprehension(start, first, Op::RSqb);
        }
        let elts = if self.at_op(Op::Comma) {
            self.rest_of_items(first, Op::RSqb)?
        } else {
            self.close(Op::RSqb, &first)?;
            vec![first]
        };
        Ok(Expr { kind: ExprKind::List(elts), span: self.span_from(start) })
    }

    fn dict_or_set(&mut self) -> PResult<Expr> {
        let open = self.bump();
        let start = open.span.start;
        if self.at_op(Op::RBrace) {
            self.bump();
            return Ok(Expr { kind: ExprKind::Dict(Vec::new()), span: self.span_from(start) });
        }
        if self.at_op(Op::DoubleStar) {
            let dstar = self.bump();
            let value = self.parse_bp(BITOR)?;
            if self.at_comp_for() {
                return self.error(
                    dstar.span.start,
                    "dict unpacking cannot be used in dict comprehension",
                );
            }
            return self.dict_rest(start, None, value);
        }
        let r = self.star_named_expression();
        match r {
            Ok(first) => self.dict_or_set_rest(start, first),
            r => r,
        }
    }

    fn dict_or_set_rest(&mut self, start: u32, first: Expr) -> PResult<Expr> {
        if self.at_op(Op::Colon) && !matches!(first.kind, ExprKind::Starred(_)) {
            return self.dict_first_value(start, first);
        }
        self.set_rest(start, first)
    }

    fn dict_first_value(&mut self, start: u32, key: Expr) -> PResult<Expr> {
        let r = self.dict_value();
        match r {
            Ok(value) => self.dict_rest(start, Some(key), value),
            Err(f) => Err(f),
        }
    }

    fn set_rest(&mut self, start: u32, first: Expr) -> PResult<Expr> {
        if self.at_comp_for() {
            return self.comprehension(start, first, Op::RBrace);
        }
        let elts = if self.at_op(Op::Comma) {
            self.rest_of_items(first, Op::RBrace)?
        } else {
            self.close(Op::RBrace, &first)?;
            vec![first]
        };
        Ok(Expr { kind: ExprKind::Set(elts), span: self.span_from(start) })
    }

    /// A dict display or comprehension after its first item (`None` key: `**value`).
    fn dict_rest(&mut self, start: u32, key: Option<Expr>, value: Expr) -> PResult<Expr> {
        if let Some(key) = key {
            if self.at_comp_for() {
                return self.dict_comprehension(start, key, value);
            }
            return self.dict_items(start, (Some(key), value));
        }
        self.dict_items(start, (None, value))
    }

    fn dict_comprehension(&mut self, start: u32, key: Expr, value: Expr) -> PResult<Expr> {
        let generators = self.comprehension_clauses()?;
        self.close(Op::RBrace, &value)?;
        Ok(Expr {
            kind: ExprKind::DictComp { key: Box::new(key), value: Box::new(value), generators },
            span: self.span_from(start),
        })
    }

    fn dict_items(&mut self, start: u32, first: (Option<Expr>, Expr)) -> PResult<Expr> {
        let mut items = vec![first];
        while self.eat_op(Op::Comma) {
            if self.at_op(Op::RBrace) {
                break;
            }
            items.push(self.item(Self::dict_item)?);
        }
        let last = items
            .last()
            .map_or(Last { start: 0, name: false, starred: true }, |(_, v)| Last::of(v));
        self.close_after(Op::RBrace, last)?;
        Ok(Expr { kind: ExprKind::Dict(items), span: self.span_from(start) })
    }

    /// `key: value` or `**mapping`.
    fn dict_item(&mut self) -> PResult<(Option<Expr>, Expr)> {
        if self.eat_op(Op::DoubleStar) {
            return Ok((None, self.parse_bp(BITOR)?));
        }
        let key = self.expression()?;
        if !self.at_op(Op::Colon) {
            if self.kind() == Tk::Error {
                return Err(Fail);
            }
            return self.error(key.span.start, "':' expected after dictionary key");
        }
        let value = self.dict_value()?;
        Ok((Some(key), value))
    }

    /// `[*a for a in b]`
    fn no_starred_element(&mut self, elt: &Expr) -> PResult<()> {
        if matches!(elt.kind, ExprKind::Starred(_)) {
            return self
                .error(elt.span.start, "iterable unpacking cannot be used in comprehension");
        }
        Ok(())
    }

    /// At a dict key's `:`: the value.
    fn dict_value(&mut self) -> PResult<Expr> {
        let colon = self.bump();
        if matches!(self.kind(), Tk::Op(Op::Comma | Op::RBrace)) {
            return self
                .error(colon.span.start, "expression expected after dictionary key and ':'");
        }
        if self.at_op(Op::Star) {
            let at = self.tok().span.start;
            return self.error(at, "cannot use a starred expression in a dictionary value");
        }
        self.expression()
    }

    /// One or more `for target in iter [if cond]...` clauses.
    fn comprehension_clauses(&mut self) -> PResult<Vec<Comprehension>> {
        let mut generators = Vec::new();
        while self.at_comp_for() {
            generators.push(self.item(Self::comprehension_clause)?);
        }
        Ok(generators)
    }

    fn comprehension_clause(&mut self) -> PResult<Comprehension> {
        let is_async = self.eat_kw(Kw::Async);
        self.bump();
        let target = self.target_list()?;
        self.check_target(&target, TargetCtx::Assign)?;
        if !self.eat_kw(Kw::In) {
            return self.unexpected();
        }
        let iter = self.parse_bp(OR)?;
        let mut ifs = Vec::new();
        while self.eat_kw(Kw::If) {
            ifs.push(self.parse_bp(OR)?);
        }
        Ok(Comprehension { target, iter, ifs, is_async })
    }

    // ---- parameters ----

    /// Parameters of a `def` (after `(`, up to the `)`) or a `lambda` (up to the `:`).
    fn params(&mut self, lambda: bool) -> PResult<Params> {
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

    // ---- literals ----

    fn number(&mut self, span: Span) -> ExprKind {
        let text = self.text(span);
        let clean: String = text.chars().filter(|&c| c != '_').collect();
        let lower = clean.to_ascii_lowercase();
        if lower.ends_with('j') {
            self.unsupported(span, "complex literals");
            return ExprKind::Constant(Constant::None);
        }
        let int = |digits: &str, radix: u32| i64::from_str_radix(digits, radix).ok();
        let value = if let Some(hex) = lower.strip_prefix("0x") {
            int(hex, 16)
        } else if let Some(oct) = lower.strip_prefix("0o") {
            int(oct, 8)
        } else if let Some(bin) = lower.strip_prefix("0b") {
            int(bin, 2)
        } else if lower.contains(['.', 'e']) {
            return ExprKind::Constant(Constant::Float(lower.parse::<f64>().unwrap_or(f64::NAN)));
        } else {
            int(&lower, 10)
        };
        match value {
            Some(v) => ExprKind::Constant(Constant::Int(v)),
            None => {
                self.unsupported(span, "integer literal beyond 64 bits");
                ExprKind::Constant(Constant::Int(0))
            }
        }
    }

    /// Adjacent string literals, concatenated: a `Constant::Str`, or an `FString` if
    /// any of them is an f-string.
    fn strings(&mut self) -> PResult<Expr> {
        let start = self.tok().span.start;
        let mut parts: Vec<FStringPart> = Vec::new();
        let mut is_f = false;
        let mut bytes_reported = false;
        loop {
            match self.kind() {
                Tk::Str => self.plain_string(&mut parts, &mut bytes_reported)?,
                Tk::FStart => {
                    is_f = true;
                    self.fstring(&mut parts)?;
                }
                _ => break,
            }
        }
        let span = self.span_from(start);
        if is_f {
            parts.retain(|p| !matches!(p, FStringPart::Literal(s) if s.is_empty()));
            return Ok(Expr { kind: ExprKind::FString(parts), span });
        }
        let s = match parts.pop() {
            Some(FStringPart::Literal(s)) => s,
            _ => String::new(),
        };
        Ok(Expr { kind: ExprKind::Constant(Constant::Str(s)), span })
    }

    /// A plain (or bytes) string literal token, its value appended to `parts`.
    fn plain_string(
        &mut self,
        parts: &mut Vec<FStringPart>,
        bytes_reported: &mut bool,
    ) -> PResult<()> {
        let t = self.bump();
        let text = self.text(t.span);
        let quote = text.find(['\'', '"']).unwrap_or(0);
        let prefix = &text[..quote];
        if prefix.contains(['b', 'B']) {
            if !*bytes_reported {
                *bytes_reported = true;
                self.unsupported(t.span, "bytes literals");
            }
            return Ok(());
        }
        let raw = prefix.contains(['r', 'R']);
        let q = if text[quote..].starts_with("'''") || text[quote..].starts_with("\"\"\"") {
            3
        } else {
            1
        };
        let body_start = quote + q;
        let body_end = text.len().saturating_sub(q).max(body_start);
        let s = self.decode(&text[body_start..body_end], raw, false, t.span)?;
        push_literal(parts, s);
        Ok(())
    }

    /// Literal text of an f-string or format spec, appended to `parts`.
    fn fstring_middle(
        &mut self,
        parts: &mut Vec<FStringPart>,
        raw: bool,
        fstring: bool,
    ) -> PResult<()> {
        let t = self.bump();
        let s = self.decode(self.text(t.span), raw, fstring, t.span)?;
        push_literal(parts, s);
        Ok(())
    }

    /// One f-string, from its `FStart` to its `FEnd`, appended to `parts`.
    fn fstring(&mut self, parts: &mut Vec<FStringPart>) -> PResult<()> {
        let start = self.bump();
        let prefix = self.text(start.span);
        let raw = prefix.contains(['r', 'R']);
        loop {
            let t = self.tok();
            match t.kind {
                Tk::FMiddle => self.fstring_middle(parts, raw, true)?,
                Tk::Op(Op::LBrace) => {
                    let field = self.fstring_field(raw)?;
                    parts.push(FStringPart::Expr(field));
                }
                Tk::FEnd => {
                    self.bump();
                    return Ok(());
                }
                _ => return self.unexpected(),
            }
        }
    }

    /// A replacement field `{expr[=][!c][:spec]}`.
    fn fstring_field(&mut self, raw: bool) -> PResult<FStringExpr> {
        self.enter(cost::FIELD)?;
        let r = self.fstring_field_inner(raw);
        self.leave(cost::FIELD);
        r
    }

    fn fstring_field_inner(&mut self, raw: bool) -> PResult<FStringExpr> {
        let open = self.bump();
        let r = self.field_expr();
        match r {
            Ok(expr) => self.field_tail(open, expr, raw),
            Err(f) => Err(f),
        }
    }

    /// The expression of a replacement field.
    fn field_expr(&mut self) -> PResult<Expr> {
        let t = self.tok();
        match t.kind {
            Tk::Op(op @ (Op::RBrace | Op::Bang | Op::Colon | Op::Eq)) => {
                return self.error(
                    t.span.start,
                    format!("f-string: valid expression required before '{}'", op.as_str()),
                );
            }
            Tk::Kw(Kw::Lambda) => {
                return self.error(
                    t.span.start,
                    "f-string: lambda expressions are not allowed without parentheses",
                );
            }
            _ => {}
        }
        let expr =
            if self.at_kw(Kw::Yield) { self.yield_expr()? } else { self.star_expressions()? };
        self.no_lone_star(&expr)?;
        Ok(expr)
    }

    /// After a replacement field's expression: `=`, `!c`, `:spec` and the `}`.
    fn field_tail(&mut self, open: Tok, expr: Expr, raw: bool) -> PResult<FStringExpr> {
        let mut debug_text = None;
        if self.at_op(Op::Eq) {
            self.bump();
            let next = self.tok().span.start;
            debug_text =
                Some(self.src.get(open.span.end as usize..next as usize).unwrap_or("").to_string());
        }
        let mut conversion = None;
        if self.at_op(Op::Bang) {
            let bang = self.bump();
            let t = self.tok();
            if t.kind != Tk::Name || t.span.start != bang.span.end {
                if t.kind == Tk::Error {
                    return Err(Fail);
                }
                if t.kind == Tk::Name {
                    // (sic: CPython's spelling)
                    return self.error(
                        bang.span.start,
                        "f-string: conversion type must come right after the exclamanation mark",
                    );
                }
                return self.error(t.span.start, "f-string: missing conversion character");
            }
            self.bump();
            let c = self.text(t.span);
            match c {
                "r" | "s" | "a" => conversion = c.chars().next(),
                _ => {
                    return self.error(
                        t.span.start,
                        format!(
                        "f-string: invalid conversion character '{c}': expected 's', 'r', or 'a'"
                    ),
                    )
                }
            }
        }
        let mut format_spec = None;
        if self.at_op(Op::Colon) {
            self.bump();
            let mut spec = Vec::new();
            loop {
                let t = self.tok();
                match t.kind {
                    Tk::FMiddle => self.fstring_middle(&mut spec, raw, false)?,
                    Tk::Op(Op::LBrace) => {
                        let field = self.fstring_field(raw)?;
                        spec.push(FStringPart::Expr(field));
                    }
                    _ => break,
                }
            }
            spec.retain(|p| !matches!(p, FStringPart::Literal(s) if s.is_empty()));
            format_spec = Some(spec);
        }
        if self.at_op(Op::RBrace) {
            self.bump();
            return Ok(FStringExpr { expr: Box::new(expr), conversion, format_spec, debug_text });
        }
        let t = self.tok();
        if t.kind == Tk::Error {
            return Err(Fail);
        }
        if conversion.is_none()
            && format_spec.is_none()
            && debug_text.is_none()
            && self.juxtaposed(Last::of(&expr))
        {
            return self.error(expr.span.start, "invalid syntax. Perhaps you forgot a comma?");
        }
        if conversion.is_some() && format_spec.is_none() {
            return self.error(t.span.start, "f-string: expecting ':' or '}'");
        }
        if format_spec.is_some() {
            return self.error(t.span.start, "f-string: expecting '}', or format specs");
        }
        if format_spec.is_none() && conversion.is_none() {
            let msg = if debug_text.is_some() {
                "f-string: expecting '!', or ':', or '}'"
            } else {
                "f-string: expecting '=', or '!', or ':', or '}'"
            };
            return self.error(t.span.start, msg);
        }
        self.error(t.span.start, "f-string: expecting '}'")
    }

    /// Decodes a string literal's body (`raw`: no escapes; `fstring`: `{{`/`}}` are
    /// single braces). Malformed escapes are reported at `span` (the token).
    fn decode(&mut self, body: &str, raw: bool, fstring: bool, span: Span) -> PResult<String> {
        let mut out = String::with_capacity(body.len());
        let mut chars = body.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            match c {
                '{' | '}' if fstring => {
                    // The lexer only lets doubled braces into literal text.
                    out.push(c);
                    if chars.peek().map(|&(_, d)| d) == Some(c) {
                        chars.next();
                    }
                }
                '\r' => {
                    // Newlines in the source are `\n` in the value, as CPython reads text.
                    out.push('\n');
                    if chars.peek().map(|&(_, d)| d) == Some('\n') {
                        chars.next();
                    }
                }
                '\\' if raw => {
                    out.push('\\');
                    // `r"\""`: the quote after a backslash stays, with the backslash
                    // (a newline after it is read by the `\r` arm).
                    if let Some(&(_, d)) = chars.peek() {
                        if d != '\r' && !(fstring && matches!(d, '{' | '}')) {
                            out.push(d);
                            chars.next();
                        }
                    }
                }
                '\\' => {
                    // In an f-string, `\{` and `\}` keep the backslash; the brace is
                    // an ordinary (doubled) brace, read by the arm above.
                    if fstring && matches!(chars.peek(), Some(&(_, '{' | '}'))) {
                        out.push('\\');
                        continue;
                    }
                    let Some((_, e)) = chars.next() else {
                        out.push('\\');
                        break;
                    };
                    match e {
                        '\n' => {}
                        '\r' => {
                            if chars.peek().map(|&(_, d)| d) == Some('\n') {
                                chars.next();
                            }
                        }
                        '\\' => out.push('\\'),
                        '\'' => out.push('\''),
                        '"' => out.push('"'),
                        'a' => out.push('\x07'),
                        'b' => out.push('\x08'),
                        'f' => out.push('\x0c'),
                        'n' => out.push('\n'),
                        'r' => out.push('\r'),
                        't' => out.push('\t'),
                        'v' => out.push('\x0b'),
                        '0'..='7' => {
                            let mut v = e as u32 - '0' as u32;
                            for _ in 0..2 {
                                match chars.peek() {
                                    Some(&(_, d @ '0'..='7')) => {
                                        v = v * 8 + (d as u32 - '0' as u32);
                                        chars.next();
                                    }
                                    _ => break,
                                }
                            }
                            out.push(char::from_u32(v).unwrap_or('\u{FFFD}'));
                        }
                        'x' | 'u' | 'U' => {
                            let n = match e {
                                'x' => 2,
                                'u' => 4,
                                _ => 8,
                            };
                            let mut v: u32 = 0;
                            let mut got = 0;
                            while got < n {
                                match chars.peek().and_then(|&(_, d)| d.to_digit(16)) {
                                    Some(d) => {
                                        v = v * 16 + d;
                                        got += 1;
                                        chars.next();
                                    }
                                    None => break,
                                }
                            }
                            let end = i + 2 + got;
                            if got < n {
                                let what = match e {
                                    'x' => "truncated \\xXX escape",
                                    'u' => "truncated \\uXXXX escape",
                                    _ => "truncated \\UXXXXXXXX escape",
                                };
                                return self.error_span(
                                    span,
                                    format!(
                                        "(unicode error) 'unicodeescape' codec can't decode bytes in position {}-{}: {what}",
                                        i,
                                        end - 1
                                    ),
                                );
                            }
                            match char::from_u32(v) {
                                Some(ch) => out.push(ch),
                                None if v > 0x10FFFF => {
                                    return self.error_span(
                                        span,
                                        format!(
                                            "(unicode error) 'unicodeescape' codec can't decode bytes in position {}-{}: illegal Unicode character",
                                            i,
                                            end - 1
                                        ),
                                    )
                                }
                                None => {
                                    self.unsupported(span, "lone surrogate in a string literal");
                                    out.push('\u{FFFD}');
                                }
                            }
                        }
                        'N' if chars.peek().map(|&(_, d)| d) != Some('{') => {
                            return self.error_span(
                                span,
                                format!(
                                    "(unicode error) 'unicodeescape' codec can't decode bytes in position {}-{}: malformed \\N character escape",
                                    i,
                                    i + 1
                                ),
                            );
                        }
                        'N' => {
                            self.unsupported(span, "\\N{...} escapes (write the character itself)");
                            for (_, d) in chars.by_ref() {
                                if d == '}' {
                                    break;
                                }
                            }
                        }
                        other => {
                            // An invalid escape is kept as written (CPython warns).
                            out.push('\\');
                            out.push(other);
                        }
                    }
                }
                _ => out.push(c),
            }
        }
        Ok(out)
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

/// The state of a call's argument list while it is read.
#[derive(Default)]
struct Args {
    args: Vec<Expr>,
    keywords: Vec<Keyword>,
    keyword_names: std::collections::HashSet<String>,
    /// Offset of the `(`.
    open: u32,
    /// Offset of the last `,` (where CPython reports `*x` after `**y`).
    comma_at: u32,
    count: usize,
    seen_keyword: bool,
    seen_dstar: bool,
    last: Option<Last>,
    /// Start of the first generator expression among the arguments.
    genexp_at: Option<u32>,
    /// An argument-order error, reported once the list is read.
    misplaced: Option<&'static str>,
}

/// What "Perhaps you forgot a comma?" needs to know about the item before the token.
#[derive(Clone, Copy)]
struct Last {
    start: u32,
    name: bool,
    starred: bool,
}

impl Last {
    fn of(e: &Expr) -> Last {
        Last {
            start: e.span.start,
            name: matches!(e.kind, ExprKind::Name(_)),
            starred: matches!(e.kind, ExprKind::Starred(_)),
        }
    }
}

/// Appends literal text, merging it with a literal part just before.
fn push_literal(parts: &mut Vec<FStringPart>, s: String) {
    if let Some(FStringPart::Literal(prev)) = parts.last_mut() {
        prev.push_str(&s);
    } else if !s.is_empty() || parts.is_empty() {
        parts.push(FStringPart::Literal(s));
    }
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

fn bin_op(op: Op) -> Option<BinOp> {
    Some(match op {
        Op::Plus => BinOp::Add,
        Op::Minus => BinOp::Sub,
        Op::Star => BinOp::Mult,
        Op::At => BinOp::MatMult,
        Op::Slash => BinOp::Div,
        Op::DoubleSlash => BinOp::FloorDiv,
        Op::Percent => BinOp::Mod,
        Op::LShift => BinOp::LShift,
        Op::RShift => BinOp::RShift,
        Op::VBar => BinOp::BitOr,
        Op::Caret => BinOp::BitXor,
        Op::Amper => BinOp::BitAnd,
        _ => return None,
    })
}

/// How CPython names an expression in "cannot assign to ..." messages.
fn expr_name(kind: &ExprKind) -> &'static str {
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
