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
//!
//! One `Parser` reads the tokens; its methods are spread over files by what they
//! read: `stmt` (statements and blocks), `expr` (expressions), `target` (what a
//! program binds names to: assignment targets and parameters) and `literal`
//! (numbers, strings, f-strings). This file has the entry points and what they all
//! share: the token cursor, reporting errors, and counting nesting.

mod expr;
mod literal;
mod stmt;
mod target;

use super::ast::*;
use super::lexer::{Kw, Op, Tk, Tok};
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
    pub(crate) const OPERATOR: u32 = 1;
    /// `( )`, `[ ]` or `{ }` around an expression.
    pub(crate) const BRACKET: u32 = 2;
    /// A call's arguments or a subscript's index.
    pub(crate) const CALL: u32 = 3;
    /// An f-string replacement field.
    pub(crate) const FIELD: u32 = 3;
    pub(crate) const LAMBDA: u32 = 2;
    /// An item after the first of a display, a comprehension clause, a default value.
    pub(crate) const ITEM: u32 = 1;
    /// An indented block.
    pub(crate) const BLOCK: u32 = 2;
}

const TOO_DEEP_INDENT: &str = "too many levels of indentation";

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
