//! Collecting diagnostics: the lexer's, the parser's and the context checks' errors
//! all go to one [`Reporter`], which keeps one per logical line (CPython's choice of
//! which) and hands them back sorted by position.
//!
//! It finds no errors and words none: it only chooses among those reported to it.

use super::lexer::{Tk, Tok};
use super::Diagnostic;

/// Where a diagnostic comes from, which decides which one a logical line keeps.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Source {
    Lexer,
    Parser,
    /// The context checks on the finished tree (`'return' outside function`, ...).
    Check,
}

/// Collects the diagnostics and keeps one per logical line, so that one mistake
/// gives one message and not a cascade. Which one, as CPython would choose:
/// - the earliest on the line, except that a lexer error beats a parser error on the
///   same physical line (CPython's parser reads the line ahead, and its tokenizer's
///   errors stop it: `x = = "abc` is an unterminated string);
/// - an unclosed bracket makes its logical line run on over the next lines: it wins
///   over errors after it, except a lexer error on its own physical line (a string
///   that swallowed the closer: `print(f"x {y} )` missing a quote);
/// - a context check's error only where the line has no syntax error.
pub(crate) struct Reporter {
    /// Start offsets of the `Newline` tokens: logical line `i` ends at `newline_starts[i]`.
    newline_starts: Vec<u32>,
    /// Offsets of the `\n` characters, for physical lines.
    physical_ends: Vec<u32>,
    candidates: Vec<(Diagnostic, Source)>,
}

impl Reporter {
    /// A reporter for `src`, whose logical lines end at the `Newline` tokens of `toks`
    /// (the tokens the parser reads: `parser::significant_tokens`).
    pub(crate) fn new(src: &str, toks: &[Tok]) -> Reporter {
        let newline_starts: Vec<u32> =
            toks.iter().filter(|t| t.kind == Tk::Newline).map(|t| t.span.start).collect();
        let physical_ends =
            src.bytes().enumerate().filter(|&(_, b)| b == b'\n').map(|(i, _)| i as u32).collect();
        Reporter { newline_starts, physical_ends, candidates: Vec::new() }
    }

    pub(crate) fn report(&mut self, d: Diagnostic, source: Source) {
        self.candidates.push((d, source));
    }

    /// Whether a diagnostic saying `message` was reported already.
    pub(crate) fn any_says(&self, message: &str) -> bool {
        self.candidates.iter().any(|(d, _)| d.message == message)
    }

    fn logical_line(&self, at: u32) -> usize {
        self.newline_starts.partition_point(|&s| s < at)
    }

    fn physical_line(&self, at: u32) -> usize {
        self.physical_ends.partition_point(|&e| e < at)
    }

    /// One diagnostic per logical line, sorted by position.
    pub(crate) fn finish(self) -> Vec<Diagnostic> {
        let mut by_line: std::collections::BTreeMap<usize, Vec<usize>> =
            std::collections::BTreeMap::new();
        for (i, (d, _)) in self.candidates.iter().enumerate() {
            by_line.entry(self.logical_line(d.span.start)).or_default().push(i);
        }
        let mut kept: Vec<Diagnostic> = Vec::with_capacity(by_line.len());
        for group in by_line.values() {
            if let Some(i) = self.choose(group) {
                kept.push(self.candidates[i].0.clone());
            }
        }
        kept.sort_by_key(|d| d.span.start);
        kept
    }

    fn choose(&self, group: &[usize]) -> Option<usize> {
        let at = |i: usize| self.candidates[i].0.span.start;
        let source = |i: usize| self.candidates[i].1;
        let earliest = |it: &mut dyn Iterator<Item = usize>| it.min_by_key(|&i| (at(i), i));
        let syntax: Vec<usize> =
            group.iter().copied().filter(|&i| source(i) != Source::Check).collect();
        if syntax.is_empty() {
            return earliest(&mut group.iter().copied());
        }
        let unclosed = syntax.iter().copied().find(|&i| {
            source(i) == Source::Lexer && self.candidates[i].0.message.ends_with("was never closed")
        });
        let Some(n) = unclosed else {
            let first = earliest(&mut syntax.iter().copied())?;
            if source(first) == Source::Lexer {
                return Some(first);
            }
            let line = self.physical_line(at(first));
            let lexer_here = syntax
                .iter()
                .copied()
                .filter(|&i| source(i) == Source::Lexer && self.physical_line(at(i)) == line);
            return earliest(&mut lexer_here.into_iter()).or(Some(first));
        };
        if let Some(before) = earliest(&mut syntax.iter().copied().filter(|&i| at(i) < at(n))) {
            return Some(before);
        }
        let line = self.physical_line(at(n));
        let same_line = syntax
            .iter()
            .copied()
            .filter(|&i| i != n && source(i) == Source::Lexer && self.physical_line(at(i)) == line);
        earliest(&mut same_line.into_iter()).or(Some(n))
    }
}
