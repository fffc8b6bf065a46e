//! Syntax: source text → tokens → AST, with every error found reported at once.
//!
//! This module knows nothing about running programs: it turns text into an
//! [`ast::Module`] plus a list of [`Diagnostic`]s. A program with any diagnostic is
//! never run (the compiler is only handed error-free trees).
//!
//! [`parse`] runs the stages in order: `lexer` (text → tokens), `parser` (tokens
//! → tree) and `check` (the errors that depend on where a construct stands, on the
//! finished tree). Each reports to one `report::Reporter`, which keeps one
//! diagnostic per logical line.

pub mod ast;
pub(crate) mod check;
pub(crate) mod lexer;
pub(crate) mod parser;
mod report;

use report::{Reporter, Source};

pub use lexer::{tokenize, Token, TokenKind};

/// Modules a program may import: `asyncio` and `random` (native) and the
/// library modules of `vm::lib`.
pub(crate) const MODULES: &[&str] = &[
    "asyncio", "random", "time", "datetime", "inspect", "types", "typing", "functools",
    "collections", "contextlib", "dataclasses", "itertools", "math", "sys", "json", "abc",
    "operator", "copy", "collections.abc",
];

/// Parses a whole program: lexes it, parses the tokens, then checks the tree in
/// context, every stage reporting to one `Reporter` that keeps one diagnostic per
/// logical line. Never panics; the tree holds every statement that could be read, and
/// the diagnostics are sorted by position.
pub fn parse(src: &str) -> (ast::Module, Vec<Diagnostic>) {
    let (tokens, lexer_errors) = lexer::lex(src);
    let tokens = parser::significant_tokens(src, tokens);
    let mut rep = Reporter::new(src, &tokens);
    for d in lexer_errors {
        rep.report(d, Source::Lexer);
    }
    let module = parser::parse(src, tokens, &mut rep);
    check::check(&module, &mut rep);
    (module, rep.finish())
}

/// A byte range `start..end` into the source text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

impl Span {
    pub(crate) fn new(start: usize, end: usize) -> Span {
        Span { start: start as u32, end: end as u32 }
    }

    /// The smallest span covering both.
    pub(crate) fn to(self, other: Span) -> Span {
        Span { start: self.start.min(other.start), end: self.end.max(other.end) }
    }
}

/// What kind of problem a [`Diagnostic`] reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DiagnosticKind {
    /// Not valid Python: reported as `LINE:COL: SyntaxError: message`.
    SyntaxError,
    /// Valid Python outside the subset Loopscope runs: `LINE:COL: unsupported: what`.
    Unsupported,
}

/// One problem found in a program, located by its span.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub(crate) kind: DiagnosticKind,
    pub message: String,
    pub span: Span,
}

impl Diagnostic {
    pub(crate) fn syntax(span: Span, message: impl Into<String>) -> Diagnostic {
        Diagnostic { kind: DiagnosticKind::SyntaxError, message: message.into(), span }
    }

    pub(crate) fn unsupported(span: Span, what: impl Into<String>) -> Diagnostic {
        Diagnostic { kind: DiagnosticKind::Unsupported, message: what.into(), span }
    }

    /// A hint for the learner beyond CPython's words: for a full-width or typographic
    /// character typed with an input method, the ASCII character it stands for
    /// (`Did you mean '('?`). The runner prints CPython's message only; the editor
    /// shows this under it.
    pub(crate) fn hint(&self, source: &str) -> Option<String> {
        if self.kind != DiagnosticKind::SyntaxError || !self.message.starts_with("invalid ") {
            return None;
        }
        let ch = source.get(self.span.start as usize..)?.chars().next()?;
        match lexer::ascii_lookalike(ch)? {
            ' ' => Some("a full-width space: did you mean ' '?".to_string()),
            h => Some(format!("Did you mean '{h}'?")),
        }
    }

    /// `LINE:COL: SyntaxError: message` or `LINE:COL: unsupported: what` (1-based line
    /// and column, the column counted in characters).
    pub fn render(&self, index: &LineIndex) -> String {
        let (line, col) = index.line_col(self.span.start);
        match self.kind {
            DiagnosticKind::SyntaxError => format!("{line}:{col}: SyntaxError: {}", self.message),
            DiagnosticKind::Unsupported => format!("{line}:{col}: unsupported: {}", self.message),
        }
    }
}

/// Maps byte offsets to 1-based (line, column) pairs, columns counted in Unicode
/// code points (so a Chinese character is one column, as an editor shows it).
#[derive(Debug, Clone)]
pub struct LineIndex {
    /// Byte offset at which each line starts.
    line_starts: Vec<u32>,
    text: std::rc::Rc<str>,
}

impl LineIndex {
    pub fn new(text: &str) -> LineIndex {
        let mut line_starts = vec![0u32];
        for (i, b) in text.bytes().enumerate() {
            if b == b'\n' {
                line_starts.push(i as u32 + 1);
            }
        }
        LineIndex { line_starts, text: text.into() }
    }

    /// 1-based line and 1-based column (in characters) of a byte offset.
    pub(crate) fn line_col(&self, offset: u32) -> (u32, u32) {
        let offset = offset.min(self.text.len() as u32);
        let line = match self.line_starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        let start = self.line_starts[line] as usize;
        let mut end = offset as usize;
        while end > start && !self.text.is_char_boundary(end) {
            end -= 1;
        }
        let col = self.text[start..end].chars().count() as u32 + 1;
        (line as u32 + 1, col)
    }

    /// 1-based line of a byte offset.
    pub(crate) fn line(&self, offset: u32) -> u32 {
        self.line_col(offset).0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_characters() {
        let idx = LineIndex::new("ab\n任务 x\n");
        assert_eq!(idx.line_col(0), (1, 1));
        assert_eq!(idx.line_col(3), (2, 1));
        // "任务 " is 7 bytes; 'x' is at byte 3 + 7 = 10, character column 4.
        assert_eq!(idx.line_col(10), (2, 4));
    }

    #[test]
    fn full_width_characters_get_a_hint_beside_cpythons_words() {
        let src = "print（1）\nx = 1\u{3000}+ 2\n";
        let (_, diags) = parse(src);
        assert_eq!(diags[0].message, "invalid character '（' (U+FF08)");
        assert_eq!(diags[0].hint(src).as_deref(), Some("Did you mean '('?"));
        let space = diags.iter().find(|d| d.message.contains("U+3000")).unwrap();
        assert_eq!(space.hint(src).as_deref(), Some("a full-width space: did you mean ' '?"));
    }
}
