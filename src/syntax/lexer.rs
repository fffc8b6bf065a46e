//! Tokens of the Python subset: one pass over the text, never failing.
//!
//! `lex` produces the parser's token stream, layout included (`Newline`, `Indent`,
//! `Dedent`, as CPython's tokenizer makes them) plus the diagnostics of malformed
//! text; [`tokenize`] is the same stream simplified for the editor's highlighting.
//!
//! The lexer mirrors CPython's `Parser/lexer/lexer.c` where it matters:
//! - brackets are counted so that newlines inside them join lines, and a bracket
//!   that never closes is reported at the bracket;
//! - f-strings are lexed as in CPython 3.12+ (PEP 701): `FStart`, literal `FMiddle`
//!   pieces, and ordinary tokens between `{` and `}` (so nested quotes work), with a
//!   stack of modes to know whether we are in literal text, a replacement field or a
//!   format spec;
//! - indentation counts a tab to the next multiple of 8 and checks the tab/space mix.
//!
//! Errors never stop lexing. A malformed piece of text becomes an `Error` token
//! (zero-width for a bracket closed by recovery) and at most one diagnostic is
//! reported per logical line, so one typo gives one message — plus, for a bracket
//! never closed, that one too (`report::Reporter` then keeps one per line).
//!
//! An unclosed bracket joins the lines after it; so that one missing `)` does not
//! swallow the rest of the file, a line that can only begin a statement (`def`,
//! `return`, ... or a `for`/`if`/`else` header ending in `:`) at or left of the
//! indentation of the line that opened the bracket ends it (see `check_unclosed`).

use super::{Diagnostic, LineIndex, Span};

/// Token kinds for the editor's syntax highlighting (see [`tokenize`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// A hard keyword: `def`, `await`, `True`, ...
    Keyword,
    /// `match`, `case` or `type` where it starts a statement.
    SoftKeyword,
    Name,
    Number,
    /// A string literal, or a piece of an f-string's literal text and quotes (the
    /// expressions inside `{...}` come as their own tokens).
    String,
    Comment,
    /// Arithmetic, comparison, assignment and other operators.
    Operator,
    /// Brackets, `,`, `:`, `;`, `.`, `->`.
    Punctuation,
    /// Text that is no token: an unterminated string, an invalid character, ...
    Error,
}

/// One highlighted token: its kind and byte span.
#[derive(Debug, Clone, PartialEq)]
pub struct Token {
    pub kind: TokenKind,
    pub span: Span,
}

/// The tokens of `src` for highlighting, in order, without whitespace and layout
/// tokens. Never fails: malformed text comes back as [`TokenKind::Error`] tokens.
pub fn tokenize(src: &str) -> Vec<Token> {
    let (toks, _) = lex(src);
    let mut out = Vec::with_capacity(toks.len());
    let mut line_start = true;
    for (i, t) in toks.iter().enumerate() {
        let starts_line = line_start;
        line_start = matches!(t.kind, Tk::Newline | Tk::Indent | Tk::Dedent);
        let kind = match t.kind {
            Tk::Name => {
                let next = toks.get(i + 1).map_or(Tk::End, |t| t.kind);
                if starts_line
                    && is_soft_keyword_use(&src[t.span.start as usize..t.span.end as usize], next)
                {
                    TokenKind::SoftKeyword
                } else {
                    TokenKind::Name
                }
            }
            Tk::Number => TokenKind::Number,
            Tk::Str | Tk::FStart | Tk::FMiddle | Tk::FEnd => TokenKind::String,
            Tk::Comment => TokenKind::Comment,
            Tk::Error => TokenKind::Error,
            Tk::Kw(_) => TokenKind::Keyword,
            Tk::Op(op) if op.is_punctuation() => TokenKind::Punctuation,
            Tk::Op(_) => TokenKind::Operator,
            Tk::Newline | Tk::Indent | Tk::Dedent | Tk::End => continue,
        };
        if t.span.start < t.span.end {
            out.push(Token { kind, span: t.span });
        }
    }
    out
}

/// Whether a name at the start of a line is used as a soft keyword (`match x:`,
/// `case 1:`, `type X = ...`), judged from the token after it.
fn is_soft_keyword_use(name: &str, next: Tk) -> bool {
    match name {
        "match" | "case" => matches!(
            next,
            Tk::Name
                | Tk::Number
                | Tk::Str
                | Tk::FStart
                | Tk::Kw(Kw::None | Kw::True | Kw::False)
                | Tk::Op(Op::LSqb | Op::LBrace | Op::Minus)
        ),
        "type" => next == Tk::Name,
        _ => false,
    }
}

/// The parser's token kinds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tk {
    Name,
    Number,
    /// A whole string or bytes literal, prefix and quotes included.
    Str,
    /// An f-string's prefix and opening quote(s).
    FStart,
    /// Literal text of an f-string or of a format spec (escapes not yet decoded).
    FMiddle,
    /// An f-string's closing quote(s).
    FEnd,
    Comment,
    /// The end of a logical line.
    Newline,
    Indent,
    /// Zero-width, at the first token of the line that dedents.
    Dedent,
    /// Zero-width, at the end of the text; always the last token.
    End,
    /// Malformed text, already reported.
    Error,
    Kw(Kw),
    Op(Op),
}

macro_rules! keywords {
    ($($variant:ident = $text:literal,)*) => {
        /// Python's hard keywords.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub(crate) enum Kw { $($variant,)* }

        impl Kw {
            pub(crate) fn from_str(s: &str) -> Option<Kw> {
                match s { $($text => Some(Kw::$variant),)* _ => None }
            }

            pub(crate) fn as_str(self) -> &'static str {
                match self { $(Kw::$variant => $text,)* }
            }
        }
    };
}

keywords! {
    False = "False", None = "None", True = "True", And = "and", As = "as",
    Assert = "assert", Async = "async", Await = "await", Break = "break",
    Class = "class", Continue = "continue", Def = "def", Del = "del", Elif = "elif",
    Else = "else", Except = "except", Finally = "finally", For = "for", From = "from",
    Global = "global", If = "if", Import = "import", In = "in", Is = "is",
    Lambda = "lambda", Nonlocal = "nonlocal", Not = "not", Or = "or", Pass = "pass",
    Raise = "raise", Return = "return", Try = "try", While = "while", With = "with",
    Yield = "yield",
}

macro_rules! operators {
    ($($variant:ident = $text:literal,)*) => {
        /// Operators and delimiters.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub(crate) enum Op { $($variant,)* }

        impl Op {
            pub(crate) fn as_str(self) -> &'static str {
                match self { $(Op::$variant => $text,)* }
            }
        }

        /// Every operator with its text (checked against [`match_operator`] in a test).
        #[cfg(test)]
        const OPERATORS: &[(&str, Op)] = &[$(($text, Op::$variant),)*];
    };
}

operators! {
    Ellipsis = "...", DoubleStarEq = "**=", DoubleSlashEq = "//=", LShiftEq = "<<=",
    RShiftEq = ">>=",
    EqEq = "==", NotEq = "!=", LessEq = "<=", GreaterEq = ">=", LShift = "<<",
    RShift = ">>", DoubleStar = "**", DoubleSlash = "//", PlusEq = "+=", MinusEq = "-=",
    StarEq = "*=", SlashEq = "/=", PercentEq = "%=", AmperEq = "&=", VBarEq = "|=",
    CaretEq = "^=", AtEq = "@=", Arrow = "->", ColonEq = ":=",
    LPar = "(", RPar = ")", LSqb = "[", RSqb = "]", LBrace = "{", RBrace = "}",
    Colon = ":", Comma = ",", Semi = ";", Plus = "+", Minus = "-", Star = "*",
    Slash = "/", VBar = "|", Amper = "&", Less = "<", Greater = ">", Eq = "=",
    Dot = ".", Percent = "%", Tilde = "~", Caret = "^", At = "@", Bang = "!",
}

impl Op {
    fn is_punctuation(self) -> bool {
        matches!(
            self,
            Op::LPar
                | Op::RPar
                | Op::LSqb
                | Op::RSqb
                | Op::LBrace
                | Op::RBrace
                | Op::Colon
                | Op::Comma
                | Op::Semi
                | Op::Dot
                | Op::Arrow
        )
    }
}

/// A token of the parser's stream: kind and byte span (values are read from the text).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Tok {
    pub(crate) kind: Tk,
    pub(crate) span: Span,
}

/// CPython's `MAXLEVEL`: brackets nested deeper are refused.
const MAX_PARENS: usize = 200;
/// CPython's `MAXINDENT`.
const MAX_INDENT: usize = 100;
/// Nested replacement fields inside format specs (`f"{x:{y:{z}}}"` is the deepest allowed).
const MAX_SPEC_NESTING: usize = 2;

/// Keywords that can only begin a statement: one of them starting a line inside an
/// unclosed bracket means the bracket was never closed.
const STATEMENT_KEYWORDS: &[&str] = &[
    "def", "class", "return", "import", "pass", "break", "continue", "raise", "try", "except",
    "finally", "while", "with", "del", "global", "nonlocal", "assert", "elif",
];

/// What the lexer is inside of, beyond ordinary code.
#[derive(Debug, Clone, Copy)]
enum Mode {
    /// The literal text of an f-string. `parens` is the bracket depth where it began.
    FStr { quote: u8, triple: bool, raw: bool, start: u32, parens: u32 },
    /// A replacement field `{...}` of the innermost f-string; `parens` is the bracket
    /// depth just after its `{`. `spec` once its `:` was seen; `nested` once a
    /// replacement field was seen in the spec.
    Field { parens: u32, spec: bool, nested: bool },
}

#[derive(Debug, Clone, Copy)]
struct Level {
    /// Indentation width with tabs to the next multiple of 8.
    col: u32,
    /// Indentation width with a tab counting 1, to detect an inconsistent mix.
    alt: u32,
    /// A level made up by recovery from a bad dedent: no `Dedent` when it ends.
    ghost: bool,
}

/// Lexes `src` into the parser's tokens (comments included) and the diagnostics of
/// malformed text. The last token is always `End`.
pub(crate) fn lex(src: &str) -> (Vec<Tok>, Vec<Diagnostic>) {
    let mut lx = Lexer {
        src,
        b: src.as_bytes(),
        pos: 0,
        toks: Vec::with_capacity(src.len() / 3 + 8),
        diags: Vec::new(),
        levels: vec![Level { col: 0, alt: 0, ghost: false }],
        parens: Vec::new(),
        open_counts: [0; 3],
        modes: Vec::new(),
        fstrs: Vec::new(),
        at_line_start: true,
        line_has_token: false,
        line_has_error: false,
        line_indent: 0,
        index: None,
        too_deep_reported: false,
    };
    if src.starts_with('\u{feff}') {
        lx.pos = 3;
    }
    // CPython refuses a NUL anywhere (in a string or comment too) before tokenizing.
    if let Some(at) = src.find('\0') {
        lx.diags.push(Diagnostic::syntax(
            Span::new(at, at),
            "source code string cannot contain null bytes",
        ));
    }
    lx.run();
    (lx.toks, lx.diags)
}

struct Lexer<'a> {
    src: &'a str,
    b: &'a [u8],
    pos: usize,
    toks: Vec<Tok>,
    diags: Vec<Diagnostic>,
    levels: Vec<Level>,
    /// Open brackets (the byte and its offset), f-string field braces included.
    parens: Vec<(u8, u32)>,
    /// How many of each of `(`, `[`, `{` are in `parens` (so that a closer with no
    /// opener is known without searching the whole stack).
    open_counts: [u32; 3],
    modes: Vec<Mode>,
    /// Indices in `modes` of the `FStr` modes (so that the innermost f-string is found
    /// without walking back over its fields).
    fstrs: Vec<usize>,
    /// At the start of a logical line: indentation still to be measured.
    at_line_start: bool,
    /// The current logical line has a token (so it ends with a `Newline`).
    line_has_token: bool,
    /// A diagnostic was already reported on the current logical line.
    line_has_error: bool,
    /// Indentation width of the current logical line.
    line_indent: u32,
    /// Built on the first message that needs a line number.
    index: Option<LineIndex>,
    /// "too many levels of indentation" was reported for the current nesting.
    too_deep_reported: bool,
}

impl Lexer<'_> {
    fn run(&mut self) {
        loop {
            if self.at_line_start {
                self.at_line_start = false;
                self.indentation();
            }
            match self.modes.last() {
                Some(Mode::FStr { .. }) => self.fstring_text(),
                Some(Mode::Field { spec: true, .. }) => self.spec_text(),
                _ => {
                    if !self.token() {
                        break;
                    }
                }
            }
        }
        self.finish();
    }

    // ---- helpers ----

    fn peek(&self, ahead: usize) -> u8 {
        self.b.get(self.pos + ahead).copied().unwrap_or(0)
    }

    fn at_eof(&self) -> bool {
        self.pos >= self.b.len()
    }

    fn char_at(&self, pos: usize) -> char {
        self.src[pos..].chars().next().unwrap_or('\0')
    }

    /// Advances over one character (of any UTF-8 length).
    fn bump_char(&mut self) {
        if let Some(c) = self.src[self.pos..].chars().next() {
            self.pos += c.len_utf8();
        }
    }

    fn push(&mut self, kind: Tk, start: usize, end: usize) {
        if !matches!(kind, Tk::Comment | Tk::Newline | Tk::Indent | Tk::Dedent | Tk::End) {
            self.line_has_token = true;
        }
        self.toks.push(Tok { kind, span: Span::new(start, end) });
    }

    /// Reports an error unless this logical line already has one.
    fn error(&mut self, at: usize, msg: impl Into<String>) {
        if !self.line_has_error {
            self.line_has_error = true;
            self.diags.push(Diagnostic::syntax(Span::new(at, at), msg));
        }
    }

    /// The line of a byte offset, as CPython counts it in "detected at line N".
    fn line_of(&mut self, pos: usize) -> u32 {
        let index = self.index.get_or_insert_with(|| LineIndex::new(self.src));
        let line = index.line(pos as u32);
        // At the very end of a text ending in a newline, CPython still counts the last
        // line that has text.
        if pos >= self.b.len() && pos > 0 && self.b[pos - 1] == b'\n' {
            line.saturating_sub(1).max(1)
        } else {
            line
        }
    }

    // ---- layout ----

    /// Measures the indentation at the start of a logical line and emits `Indent` /
    /// `Dedent` tokens. Blank and comment-only lines do not count.
    fn indentation(&mut self) {
        let start = self.pos;
        let (mut col, mut alt) = (0u32, 0u32);
        // As CPython: indentation is not split over lines by backslashes; the column
        // of the first backslash, if not 0, is the line's indentation.
        let mut cont_col = 0u32;
        loop {
            match self.peek(0) {
                b' ' => {
                    col += 1;
                    alt += 1;
                }
                b'\t' => {
                    col = (col / 8 + 1) * 8;
                    alt += 1;
                }
                b'\x0c' => {
                    col = 0;
                    alt = 0;
                }
                b'\\' if matches!(self.peek(1), b'\n' | b'\r') => {
                    if cont_col == 0 {
                        cont_col = col;
                    }
                    let at = self.pos;
                    self.pos += if self.peek(1) == b'\r' && self.peek(2) == b'\n' { 3 } else { 2 };
                    if self.at_eof() {
                        self.error(at + 1, "unexpected EOF while parsing");
                        self.push(Tk::Error, at, at + 1);
                        return;
                    }
                    continue;
                }
                _ => break,
            }
            self.pos += 1;
        }
        if matches!(self.peek(0), b'#' | b'\n' | b'\r') || self.at_eof() {
            return;
        }
        if cont_col != 0 {
            (col, alt) = (cont_col, cont_col);
        }
        self.line_indent = col;
        let top = *self.levels.last().unwrap_or(&Level { col: 0, alt: 0, ghost: false });
        // CPython reports a TabError at the start of the line.
        if col == top.col {
            if alt != top.alt {
                self.error(start, "inconsistent use of tabs and spaces in indentation");
            }
        } else if col > top.col {
            if self.levels.len() >= MAX_INDENT && !self.too_deep_reported {
                // Once, not again for each line deeper still. The level is kept, so
                // that the block structure stays (the parser bounds its recursion).
                self.too_deep_reported = true;
                self.error(self.pos, "too many levels of indentation");
            }
            if alt <= top.alt {
                self.error(start, "inconsistent use of tabs and spaces in indentation");
            }
            self.levels.push(Level { col, alt, ghost: false });
            self.push(Tk::Indent, start, self.pos);
        } else {
            while self.levels.len() > 1 && col < self.levels[self.levels.len() - 1].col {
                if let Some(level) = self.levels.pop() {
                    if !level.ghost {
                        self.push(Tk::Dedent, self.pos, self.pos);
                    }
                }
            }
            if self.levels.len() < MAX_INDENT {
                self.too_deep_reported = false;
            }
            let top = self.levels[self.levels.len() - 1];
            if col != top.col {
                // CPython points one past the end of the line.
                let eol = self.src[self.pos..]
                    .find(['\n', '\r'])
                    .map_or(self.src.len(), |i| self.pos + i);
                self.error(eol, "unindent does not match any outer indentation level");
                self.levels.push(Level { col, alt, ghost: true });
            } else if alt != top.alt {
                self.error(start, "inconsistent use of tabs and spaces in indentation");
            }
        }
    }

    /// After a newline inside brackets: if the next line, at or left of the
    /// indentation of the line that opened the brackets, starts with a keyword that
    /// only begins statements (or with `for`, `if`, `else` or `async` and ends with a
    /// `:`, like a compound statement's header), the innermost bracket was never
    /// closed. Reports it, closes all brackets and ends the logical line there, so the
    /// rest of the file parses.
    fn check_unclosed(&mut self, newline_at: usize) {
        let mut p = self.pos;
        let mut col = 0u32;
        while let Some(&c) = self.b.get(p) {
            match c {
                b' ' => col += 1,
                b'\t' => col = (col / 8 + 1) * 8,
                b'\x0c' => col = 0,
                _ => break,
            }
            p += 1;
        }
        let word_end = self.b[p..]
            .iter()
            .position(|c| !c.is_ascii_alphabetic())
            .map_or(self.b.len(), |n| p + n);
        let word = &self.src[p..word_end];
        let ends_word =
            self.b.get(word_end).is_none_or(|c| !c.is_ascii_alphanumeric() && *c != b'_');
        if col > self.line_indent || !ends_word {
            return;
        }
        let header_like =
            matches!(word, "for" | "if" | "else" | "async") && line_ends_with_colon(&self.src[p..]);
        if !STATEMENT_KEYWORDS.contains(&word) && !header_like {
            return;
        }
        self.never_closed();
        self.truncate_parens(0);
        self.truncate_modes(0);
        self.push(Tk::Error, newline_at, newline_at);
        self.end_line(newline_at, newline_at);
    }

    /// Ends the logical line with a `Newline` token (if it had tokens).
    fn end_line(&mut self, start: usize, end: usize) {
        if self.line_has_token {
            self.push(Tk::Newline, start, end);
        }
        self.line_has_token = false;
        self.line_has_error = false;
        self.at_line_start = true;
    }

    /// Reports an open bracket as never closed, even if its logical line (which it
    /// made run on) already has an error: it is most likely the cause of that one.
    /// Which bracket: the innermost of those on the first line that left one open (as
    /// CPython when they share a line; the first line is where the run-on began).
    fn never_closed(&mut self) {
        let Some(&first) = self.parens.first() else { return };
        let mut chosen = first;
        for pair in self.parens.windows(2) {
            let (from, to) = (pair[0].1 as usize, pair[1].1 as usize);
            if self.b[from..to].iter().any(|&c| c == b'\n' || c == b'\r') {
                break;
            }
            chosen = pair[1];
        }
        let (open, at) = chosen;
        self.line_has_error = true;
        let at = at as usize;
        self.diags.push(Diagnostic::syntax(
            Span::new(at, at),
            format!("'{}' was never closed", open as char),
        ));
    }

    fn finish(&mut self) {
        let end = self.b.len();
        if !self.parens.is_empty() {
            self.never_closed();
            self.push(Tk::Error, end, end);
        }
        if self.line_has_token {
            self.push(Tk::Newline, end, end);
        }
        for level in self.levels.drain(1..).rev().collect::<Vec<_>>() {
            if !level.ghost {
                self.toks.push(Tok { kind: Tk::Dedent, span: Span::new(end, end) });
            }
        }
        self.toks.push(Tok { kind: Tk::End, span: Span::new(end, end) });
    }

    // ---- ordinary tokens ----

    /// Lexes one token (or a newline) of ordinary code; `false` at the end of the text.
    fn token(&mut self) -> bool {
        // Whitespace and line continuations.
        loop {
            match self.peek(0) {
                b' ' | b'\t' | b'\x0c' => self.pos += 1,
                b'\\' => {
                    let at = self.pos;
                    match (self.peek(1), self.peek(2)) {
                        (b'\r', b'\n') => self.pos += 3,
                        (b'\n' | b'\r', _) => self.pos += 2,
                        _ if self.pos + 1 >= self.b.len() => {
                            self.error(at + 1, "unexpected EOF while parsing");
                            self.push(Tk::Error, at, at + 1);
                            self.pos += 1;
                            return true;
                        }
                        _ => {
                            self.error(
                                at + 1,
                                "unexpected character after line continuation character",
                            );
                            self.push(Tk::Error, at, at + 1);
                            self.pos += 1;
                            return true;
                        }
                    }
                    if self.at_eof() {
                        self.error(at + 1, "unexpected EOF while parsing");
                        self.push(Tk::Error, at, at + 1);
                    }
                }
                _ => break,
            }
        }
        if self.at_eof() {
            return false;
        }
        let start = self.pos;
        let c = self.b[start];
        match c {
            b'\n' | b'\r' => {
                self.pos += if c == b'\r' && self.peek(1) == b'\n' { 2 } else { 1 };
                if self.parens.is_empty() {
                    self.end_line(start, self.pos);
                } else {
                    self.check_unclosed(start);
                }
            }
            b'#' => {
                let rest = &self.b[self.pos..];
                self.pos +=
                    rest.iter().position(|&c| c == b'\n' || c == b'\r').unwrap_or(rest.len());
                self.push(Tk::Comment, start, self.pos);
            }
            b'0'..=b'9' => self.number(),
            b'.' if self.peek(1).is_ascii_digit() => self.number(),
            b'\'' | b'"' => self.string(start, start),
            b'a'..=b'z' | b'A'..=b'Z' | b'_' => self.name(),
            0x80.. => {
                let ch = self.char_at(start);
                if is_id_start(ch) {
                    self.name();
                } else {
                    self.invalid_char(ch);
                }
            }
            _ => self.operator(),
        }
        true
    }

    fn name(&mut self) {
        let start = self.pos;
        while let Some(ch) = self.src[self.pos..].chars().next() {
            if is_id_continue(ch) {
                self.pos += ch.len_utf8();
            } else {
                break;
            }
        }
        let text = &self.src[start..self.pos];
        if matches!(self.peek(0), b'\'' | b'"') && text.len() <= 2 && is_string_prefix(text) {
            return self.string(start, self.pos);
        }
        let kind = match Kw::from_str(text) {
            Some(kw) => Tk::Kw(kw),
            None => Tk::Name,
        };
        self.push(kind, start, self.pos);
    }

    fn operator(&mut self) {
        let start = self.pos;
        let rest = &self.b[start..];
        let Some((mut len, mut op)) = match_operator(rest) else {
            let ch = self.char_at(start);
            return self.invalid_char(ch);
        };
        // `f"{x:=5}"`: at the top level of a replacement field, `:` starts the format
        // spec even before `=` (a walrus there must be parenthesized).
        if op == Op::ColonEq {
            let depth = self.parens.len() as u32;
            if matches!(self.modes.last(), Some(Mode::Field { parens, .. }) if *parens == depth) {
                (len, op) = (1, Op::Colon);
            }
        }
        self.pos += len;
        let first = rest[0];
        match op {
            Op::LPar | Op::LSqb | Op::LBrace => {
                self.open_bracket(first, start);
                self.push(Tk::Op(op), start, self.pos);
            }
            Op::RPar | Op::RSqb | Op::RBrace => {
                let ok = self.close_bracket(first, start);
                self.push(if ok { Tk::Op(op) } else { Tk::Error }, start, self.pos);
                if ok {
                    // A `}` that closed a replacement field ends it.
                    if let Some(&Mode::Field { parens, .. }) = self.modes.last() {
                        if self.parens.len() < parens as usize {
                            self.modes.pop();
                        }
                    }
                }
            }
            Op::Colon => {
                // A `:` at the top level of a replacement field starts its format spec.
                let depth = self.parens.len() as u32;
                if let Some(Mode::Field { parens, spec, .. }) = self.modes.last_mut() {
                    if *parens == depth {
                        *spec = true;
                    }
                }
                self.push(Tk::Op(op), start, self.pos);
            }
            _ => self.push(Tk::Op(op), start, self.pos),
        }
    }

    fn bracket_slot(b: u8) -> usize {
        match b {
            b'(' => 0,
            b'[' => 1,
            _ => 2,
        }
    }

    fn push_paren(&mut self, open: u8, at: usize) {
        self.open_counts[Self::bracket_slot(open)] += 1;
        self.parens.push((open, at as u32));
    }

    fn pop_paren(&mut self) {
        if let Some((open, _)) = self.parens.pop() {
            self.open_counts[Self::bracket_slot(open)] -= 1;
        }
    }

    fn truncate_parens(&mut self, len: usize) {
        while self.parens.len() > len {
            self.pop_paren();
        }
    }

    fn open_bracket(&mut self, open: u8, at: usize) {
        if self.parens.len() >= MAX_PARENS {
            self.error(at, "too many nested parentheses");
        }
        self.push_paren(open, at);
    }

    /// Pops the bracket that `close` closes; `false` (and a diagnostic) if it closes
    /// none. A mismatched closer closes up to its opener if there is one.
    fn close_bracket(&mut self, close: u8, at: usize) -> bool {
        let opener = match close {
            b')' => b'(',
            b']' => b'[',
            _ => b'{',
        };
        // Inside a replacement field, brackets outside it are out of reach.
        let floor = match self.modes.last() {
            Some(Mode::Field { parens, .. }) => *parens as usize - 1,
            _ => 0,
        };
        let in_fstring = !self.modes.is_empty();
        let prefix = if in_fstring { "f-string: " } else { "" };
        let Some(&(top, top_at)) = self.parens.last() else {
            self.error(at, format!("unmatched '{}'", close as char));
            return false;
        };
        if top == opener {
            self.pop_paren();
            return true;
        }
        let found = if self.open_counts[Self::bracket_slot(opener)] == 0 {
            None
        } else {
            self.parens[floor..].iter().rposition(|&(o, _)| o == opener).map(|i| i + floor)
        };
        match found {
            Some(i) if !(in_fstring && i == floor && close != b'}') => {
                if self.line_has_error {
                    // The message would not be reported: spare computing it.
                    self.truncate_parens(i);
                    return true;
                }
                let msg = if self.line_of(top_at as usize) == self.line_of(at) {
                    format!(
                        "{prefix}closing parenthesis '{}' does not match opening parenthesis '{}'",
                        close as char, top as char
                    )
                } else {
                    format!(
                        "{prefix}closing parenthesis '{}' does not match opening parenthesis '{}' on line {}",
                        close as char,
                        top as char,
                        self.line_of(top_at as usize)
                    )
                };
                self.error(at, msg);
                self.truncate_parens(i);
                true
            }
            _ => {
                if in_fstring {
                    self.error(at, format!("f-string: unmatched '{}'", close as char));
                } else {
                    let msg = format!(
                        "closing parenthesis '{}' does not match opening parenthesis '{}'",
                        close as char, top as char
                    );
                    self.error(at, msg);
                    // Most likely a typo for the right closer (`foo(1]`): let it close
                    // the bracket so the logical line still ends at its newline and the
                    // lines after it are checked on their own.
                    self.pop_paren();
                }
                false
            }
        }
    }

    /// A character that starts no token. Full-width punctuation (typed with a Chinese
    /// input method) gets the ASCII character it stands for as a hint, and full-width
    /// brackets still count as brackets so the next lines are not swallowed.
    fn invalid_char(&mut self, ch: char) {
        let start = self.pos;
        self.pos += ch.len_utf8().max(1);
        let hint = ascii_lookalike(ch);
        let msg = if ch == '\0' {
            "source code string cannot contain null bytes".to_string()
        } else if ch.is_ascii_graphic() {
            // `$`, `?`, `` ` ``: CPython's tokenizer passes them on and the parser
            // reports them.
            "invalid syntax".to_string()
        } else if is_printable(ch) {
            format!("invalid character '{ch}' (U+{:04X})", ch as u32)
        } else {
            format!("invalid non-printable character U+{:04X}", ch as u32)
        };
        // CPython's words exactly; the editor adds "did you mean" for look-alikes.
        self.error(start, msg);
        match hint {
            Some(open @ ('(' | '[' | '{')) => self.open_bracket(open as u8, start),
            Some(close @ (')' | ']' | '}')) => {
                let opener = match close {
                    ')' => b'(',
                    ']' => b'[',
                    _ => b'{',
                };
                if self.parens.last().is_some_and(|&(o, _)| o == opener) {
                    self.pop_paren();
                }
            }
            _ => {}
        }
        self.push(Tk::Error, start, self.pos);
    }

    // ---- numbers ----

    fn number(&mut self) {
        let start = self.pos;
        let ok = self.number_body(start);
        // Whatever the error, swallow the rest of the would-be literal.
        if !ok {
            while let Some(ch) = self.src[self.pos..].chars().next() {
                if is_id_continue(ch) || ch == '.' {
                    self.pos += ch.len_utf8();
                } else {
                    break;
                }
            }
        }
        self.push(if ok { Tk::Number } else { Tk::Error }, start, self.pos);
    }

    /// Scans a number literal; `false` after reporting an error.
    fn number_body(&mut self, start: usize) -> bool {
        if self.peek(0) == b'0' && matches!(self.peek(1) | 0x20, b'x' | b'o' | b'b') {
            let (radix, name) = match self.peek(1) | 0x20 {
                b'x' => (16, "hexadecimal"),
                b'o' => (8, "octal"),
                _ => (2, "binary"),
            };
            self.pos += 2;
            let mut digits = 0;
            loop {
                let c = self.peek(0);
                if c == b'_' {
                    self.pos += 1;
                    if !(self.peek(0) as char).is_digit(radix) {
                        self.error(self.pos, format!("invalid {name} literal"));
                        return false;
                    }
                } else if (c as char).is_digit(radix) {
                    self.pos += 1;
                    digits += 1;
                } else {
                    break;
                }
            }
            let c = self.peek(0);
            if radix < 16 && c.is_ascii_digit() {
                self.error(self.pos, format!("invalid digit '{}' in {name} literal", c as char));
                return false;
            }
            if digits == 0 || self.followed_by_name() {
                // CPython points at the last character it accepted.
                self.error(self.pos - 1, format!("invalid {name} literal"));
                return false;
            }
            return true;
        }
        // Decimal: integer part, fraction, exponent, imaginary suffix.
        let int_start = self.pos;
        if !self.decimal_digits() {
            return false;
        }
        let int_end = self.pos;
        let mut is_float = false;
        if self.peek(0) == b'.' {
            is_float = true;
            self.pos += 1;
            if self.peek(0).is_ascii_digit() && !self.decimal_digits() {
                return false;
            }
        }
        if self.peek(0) | 0x20 == b'e' {
            let e_at = self.pos;
            let mut p = 1;
            if matches!(self.peek(1), b'+' | b'-') {
                p = 2;
            }
            if self.peek(p).is_ascii_digit() {
                is_float = true;
                self.pos += p;
                if !self.decimal_digits() {
                    return false;
                }
            } else if !self.keyword_follows(e_at) {
                self.error(start, "invalid decimal literal");
                return false;
            }
        }
        if self.peek(0) | 0x20 == b'j' {
            self.pos += 1;
            is_float = true;
        }
        if self.followed_by_name() {
            self.error(start, "invalid decimal literal");
            return false;
        }
        let int_part = &self.b[int_start..int_end];
        if !is_float
            && int_part.len() > 1
            && int_part[0] == b'0'
            && int_part.iter().any(|c| matches!(c, b'1'..=b'9'))
        {
            self.error(start, "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers");
            return false;
        }
        true
    }

    /// Digits with single underscores between them (possibly none at all when the
    /// literal starts with `.`); `false` after reporting `invalid decimal literal` at a
    /// stray `_` (where CPython points).
    fn decimal_digits(&mut self) -> bool {
        loop {
            let c = self.peek(0);
            if c.is_ascii_digit() {
                self.pos += 1;
            } else if c == b'_' {
                if !self.peek(1).is_ascii_digit() {
                    self.error(self.pos, "invalid decimal literal");
                    return false;
                }
                self.pos += 1;
            } else {
                return true;
            }
        }
    }

    /// A letter, digit or `_` right after a number makes it invalid, except for the
    /// keywords CPython still accepts there (`1if x else 2`, `0x1for`).
    fn followed_by_name(&self) -> bool {
        let ch = self.char_at(self.pos);
        self.pos < self.b.len() && is_id_continue(ch) && !self.keyword_follows(self.pos)
    }

    fn keyword_follows(&self, at: usize) -> bool {
        let rest = &self.b[at..];
        let len = rest
            .iter()
            .position(|c| !c.is_ascii_alphanumeric() && *c != b'_')
            .unwrap_or(rest.len());
        let word = &self.src[at..at + len];
        matches!(word, "and" | "else" | "for" | "if" | "in" | "is" | "not" | "or")
    }

    // ---- strings ----

    /// A string starting at `start` (prefix included) whose quote is at `quote_at`.
    fn string(&mut self, start: usize, quote_at: usize) {
        let prefix = &self.src[start..quote_at];
        let raw = prefix.bytes().any(|c| c | 0x20 == b'r');
        let is_f = prefix.bytes().any(|c| c | 0x20 == b'f');
        let q = self.b[quote_at];
        let triple = self.b.get(quote_at + 1) == Some(&q) && self.b.get(quote_at + 2) == Some(&q);
        self.pos = quote_at + if triple { 3 } else { 1 };
        if is_f {
            let parens = self.parens.len() as u32;
            self.fstrs.push(self.modes.len());
            self.modes.push(Mode::FStr { quote: q, triple, raw, start: start as u32, parens });
            self.push(Tk::FStart, start, self.pos);
            return;
        }
        loop {
            if self.at_eof() {
                break;
            }
            let c = self.peek(0);
            if c == b'\\' {
                self.pos += 1;
                if self.peek(0) == b'\r' && self.peek(1) == b'\n' {
                    self.pos += 2;
                } else if !self.at_eof() {
                    self.bump_char();
                }
            } else if c == q {
                if !triple {
                    self.pos += 1;
                    self.push(Tk::Str, start, self.pos);
                    return;
                }
                if self.peek(1) == q && self.peek(2) == q {
                    self.pos += 3;
                    self.push(Tk::Str, start, self.pos);
                    return;
                }
                self.pos += 1;
            } else if !triple && matches!(c, b'\n' | b'\r') {
                break;
            } else {
                // Byte by byte: the scan only stops at ASCII bytes, which are never
                // inside a multi-byte character.
                self.pos += 1;
            }
        }
        // Unterminated. Inside a replacement field, a quote like the f-string's own
        // means the field's `}` is missing (CPython's wording).
        if let Some(fstr_start) = self.enclosing_fstring_with_quote(q, triple) {
            self.pos = quote_at + if triple { 3 } else { 1 };
            self.error(quote_at, "f-string: expecting '}'");
            self.push(Tk::Error, quote_at, self.pos);
            self.abort_fstring(fstr_start);
            return;
        }
        let line = self.line_of(self.pos);
        let what = if triple {
            "unterminated triple-quoted string literal"
        } else {
            "unterminated string literal"
        };
        self.error(quote_at, format!("{what} (detected at line {line})"));
        self.push(Tk::Error, start, self.pos);
    }

    /// If the innermost f-string (the one whose replacement field we are in) uses
    /// this quote, the index of its mode.
    fn enclosing_fstring_with_quote(&self, q: u8, triple: bool) -> Option<usize> {
        let i = self.innermost_fstr()?;
        match self.modes[i] {
            Mode::FStr { quote, triple: t, .. } if quote == q && t == triple => Some(i),
            _ => None,
        }
    }

    /// Abandons the f-string whose mode is at `index` (and everything inside it).
    fn abort_fstring(&mut self, index: usize) {
        if let Some(Mode::FStr { parens, .. }) = self.modes.get(index) {
            self.truncate_parens(*parens as usize);
        }
        self.truncate_modes(index);
    }

    fn fstring_text(&mut self) {
        let Some(&Mode::FStr { quote, triple, raw, start, .. }) = self.modes.last() else { return };
        let index = self.modes.len() - 1;
        let mut text_start = self.pos;
        loop {
            if self.at_eof() || (!triple && matches!(self.peek(0), b'\n' | b'\r')) {
                self.flush_middle(text_start);
                let line = self.line_of(self.pos);
                let what = if triple {
                    "unterminated triple-quoted f-string literal"
                } else {
                    "unterminated f-string literal"
                };
                self.error(start as usize, format!("{what} (detected at line {line})"));
                self.push(Tk::Error, self.pos, self.pos);
                self.abort_fstring(index);
                return;
            }
            let c = self.peek(0);
            if c == quote && (!triple || (self.peek(1) == quote && self.peek(2) == quote)) {
                self.flush_middle(text_start);
                let end_start = self.pos;
                self.pos += if triple { 3 } else { 1 };
                self.push(Tk::FEnd, end_start, self.pos);
                self.truncate_modes(index);
                return;
            }
            match c {
                b'\\' => {
                    self.pos += 1;
                    if !raw && self.peek(0) == b'N' && self.peek(1) == b'{' {
                        // `\N{NAME}`: the braces belong to the escape.
                        while !self.at_eof()
                            && !matches!(self.peek(0), b'}' | b'\n' | b'\r')
                            && self.peek(0) != quote
                        {
                            self.bump_char();
                        }
                        if self.peek(0) == b'}' {
                            self.pos += 1;
                        }
                    } else if !matches!(self.peek(0), b'{' | b'}') && !self.at_eof() {
                        if self.peek(0) == b'\r' && self.peek(1) == b'\n' {
                            self.pos += 1;
                        }
                        self.bump_char();
                    }
                }
                b'{' if self.peek(1) == b'{' => self.pos += 2,
                b'}' if self.peek(1) == b'}' => self.pos += 2,
                b'{' => {
                    self.flush_middle(text_start);
                    self.open_field();
                    return;
                }
                b'}' => {
                    self.flush_middle(text_start);
                    self.error(self.pos, "f-string: single '}' is not allowed");
                    self.push(Tk::Error, self.pos, self.pos + 1);
                    self.pos += 1;
                    text_start = self.pos;
                }
                // Byte by byte: the scan stops only at ASCII bytes.
                _ => self.pos += 1,
            }
        }
    }

    /// Literal text of a format spec, up to a nested field's `{` or the field's `}`.
    fn spec_text(&mut self) {
        let text_start = self.pos;
        loop {
            if self.at_eof() {
                // The f-string's own text reports the unterminated literal.
                self.flush_middle(text_start);
                let Some(i) = self.innermost_fstr() else {
                    self.truncate_modes(0);
                    return;
                };
                let Mode::FStr { start, triple, .. } = self.modes[i] else { return };
                let line = self.line_of(self.pos);
                let what = if triple {
                    "unterminated triple-quoted f-string literal"
                } else {
                    "unterminated f-string literal"
                };
                self.error(start as usize, format!("{what} (detected at line {line})"));
                self.push(Tk::Error, self.pos, self.pos);
                self.abort_fstring(i);
                return;
            }
            let c = self.peek(0);
            if let Some(i) = self.innermost_fstr() {
                if let Mode::FStr { quote, triple, .. } = self.modes[i] {
                    if c == quote && (!triple || (self.peek(1) == quote && self.peek(2) == quote)) {
                        self.flush_middle(text_start);
                        self.error(self.pos, "f-string: expecting '}', or format specs");
                        let at = self.pos;
                        self.pos += if triple { 3 } else { 1 };
                        self.push(Tk::Error, at, self.pos);
                        self.abort_fstring(i);
                        return;
                    }
                }
            }
            match c {
                b'\\' => {
                    // An escape: `\` and a newline is a line continuation inside the
                    // spec text, `\\` a backslash.
                    self.pos += match (self.peek(1), self.peek(2)) {
                        (b'\r', b'\n') => 3,
                        (b'\n' | b'\r' | b'\\', _) => 2,
                        _ => 1,
                    };
                }
                b'\n' | b'\r' if !self.in_triple_fstring() => {
                    // In a single-quoted f-string, a newline ends the spec's literal
                    // text and the rest of the field is read as ordinary tokens (where
                    // only `{...}` fields and the closing `}` may follow); after a
                    // nested field, though, it leaves the f-string unterminated
                    // (CPython 3.12+).
                    let nested =
                        matches!(self.modes.last(), Some(Mode::Field { nested: true, .. }));
                    if !nested {
                        self.flush_middle(text_start);
                        if let Some(Mode::Field { spec, .. }) = self.modes.last_mut() {
                            *spec = false;
                        }
                        return;
                    }
                    {
                        let line = self.line_of(self.pos);
                        let start = match self.innermost_fstr().map(|i| self.modes[i]) {
                            Some(Mode::FStr { start, .. }) => Some(start as usize),
                            _ => None,
                        };
                        let msg =
                            format!("unterminated f-string literal (detected at line {line})");
                        self.error(start.unwrap_or(self.pos), msg);
                    }
                    // Reported, and read on as spec text so that the rest of the
                    // line stays in step.
                    self.pos += if c == b'\r' && self.peek(1) == b'\n' { 2 } else { 1 };
                }
                b'{' => {
                    self.flush_middle(text_start);
                    if let Some(Mode::Field { nested, .. }) = self.modes.last_mut() {
                        *nested = true;
                    }
                    let nesting = self.modes.len() - 1 - self.innermost_fstr().unwrap_or(0);
                    if nesting >= MAX_SPEC_NESTING {
                        self.error(self.pos, "f-string: expressions nested too deeply");
                    }
                    self.open_field();
                    return;
                }
                b'}' => {
                    self.flush_middle(text_start);
                    self.push(Tk::Op(Op::RBrace), self.pos, self.pos + 1);
                    self.pos += 1;
                    self.pop_paren();
                    self.modes.pop();
                    return;
                }
                _ => self.pos += 1,
            }
        }
    }

    /// Whether the innermost f-string is triple-quoted.
    fn in_triple_fstring(&self) -> bool {
        matches!(
            self.innermost_fstr().map(|i| self.modes[i]),
            Some(Mode::FStr { triple: true, .. })
        )
    }

    /// The index in `modes` of the innermost f-string.
    fn innermost_fstr(&self) -> Option<usize> {
        self.fstrs.last().copied()
    }

    fn truncate_modes(&mut self, len: usize) {
        self.modes.truncate(len);
        while self.fstrs.last().is_some_and(|&i| i >= len) {
            self.fstrs.pop();
        }
    }

    fn open_field(&mut self) {
        let at = self.pos;
        self.pos += 1;
        self.open_bracket(b'{', at);
        self.push(Tk::Op(Op::LBrace), at, self.pos);
        self.modes.push(Mode::Field {
            parens: self.parens.len() as u32,
            spec: false,
            nested: false,
        });
    }

    fn flush_middle(&mut self, text_start: usize) {
        if self.pos > text_start {
            self.push(Tk::FMiddle, text_start, self.pos);
        }
    }
}

/// The longest operator at the start of `b`: its length and kind.
fn match_operator(b: &[u8]) -> Option<(usize, Op)> {
    let c0 = *b.first()?;
    let c1 = b.get(1).copied().unwrap_or(0);
    let c2 = b.get(2).copied().unwrap_or(0);
    let three = match (c0, c1, c2) {
        (b'.', b'.', b'.') => Some(Op::Ellipsis),
        (b'*', b'*', b'=') => Some(Op::DoubleStarEq),
        (b'/', b'/', b'=') => Some(Op::DoubleSlashEq),
        (b'<', b'<', b'=') => Some(Op::LShiftEq),
        (b'>', b'>', b'=') => Some(Op::RShiftEq),
        _ => None,
    };
    if let Some(op) = three {
        return Some((3, op));
    }
    let two = match (c0, c1) {
        (b'=', b'=') => Some(Op::EqEq),
        (b'!', b'=') => Some(Op::NotEq),
        (b'<', b'=') => Some(Op::LessEq),
        (b'>', b'=') => Some(Op::GreaterEq),
        (b'<', b'<') => Some(Op::LShift),
        (b'>', b'>') => Some(Op::RShift),
        (b'*', b'*') => Some(Op::DoubleStar),
        (b'/', b'/') => Some(Op::DoubleSlash),
        (b'+', b'=') => Some(Op::PlusEq),
        (b'-', b'=') => Some(Op::MinusEq),
        (b'*', b'=') => Some(Op::StarEq),
        (b'/', b'=') => Some(Op::SlashEq),
        (b'%', b'=') => Some(Op::PercentEq),
        (b'&', b'=') => Some(Op::AmperEq),
        (b'|', b'=') => Some(Op::VBarEq),
        (b'^', b'=') => Some(Op::CaretEq),
        (b'@', b'=') => Some(Op::AtEq),
        (b'-', b'>') => Some(Op::Arrow),
        (b':', b'=') => Some(Op::ColonEq),
        _ => None,
    };
    if let Some(op) = two {
        return Some((2, op));
    }
    let op = match c0 {
        b'(' => Op::LPar,
        b')' => Op::RPar,
        b'[' => Op::LSqb,
        b']' => Op::RSqb,
        b'{' => Op::LBrace,
        b'}' => Op::RBrace,
        b':' => Op::Colon,
        b',' => Op::Comma,
        b';' => Op::Semi,
        b'+' => Op::Plus,
        b'-' => Op::Minus,
        b'*' => Op::Star,
        b'/' => Op::Slash,
        b'|' => Op::VBar,
        b'&' => Op::Amper,
        b'<' => Op::Less,
        b'>' => Op::Greater,
        b'=' => Op::Eq,
        b'.' => Op::Dot,
        b'%' => Op::Percent,
        b'~' => Op::Tilde,
        b'^' => Op::Caret,
        b'@' => Op::At,
        b'!' => Op::Bang,
        _ => return None,
    };
    Some((1, op))
}

/// Whether the line starting `text` ends with a `:` (before any comment), roughly.
fn line_ends_with_colon(text: &str) -> bool {
    let line = text.split(['\n', '\r']).next().unwrap_or("");
    let code = line.trim_end();
    if code.ends_with(':') {
        return true;
    }
    line.rfind('#').is_some_and(|i| line[..i].trim_end().ends_with(':'))
}

fn is_string_prefix(p: &str) -> bool {
    let lower = p.to_ascii_lowercase();
    matches!(lower.as_str(), "r" | "u" | "f" | "b" | "br" | "rb" | "fr" | "rf")
}

/// Identifier characters, approximating Unicode's XID_Start / XID_Continue with the
/// standard library's alphabetic / alphanumeric tables (no extra table in the wasm).
pub(crate) fn is_id_start(c: char) -> bool {
    c.is_ascii_alphabetic() || c == '_' || (!c.is_ascii() && c.is_alphabetic())
}

pub(crate) fn is_id_continue(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || c == '_'
        || (!c.is_ascii() && (c.is_alphanumeric() || is_combining_mark(c)))
}

fn is_combining_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}' | '\u{20D0}'..='\u{20FF}' | '\u{FE20}'..='\u{FE2F}' | '\u{200C}' | '\u{200D}' | '\u{00B7}')
}

/// Python's `str.isprintable` for one character (the tokenizer's
/// `Py_UNICODE_ISPRINTABLE`).
fn is_printable(c: char) -> bool {
    crate::pylib::text::is_printable(c)
}

/// The ASCII character a full-width or typographic one stands for, as typed by an
/// input method: `，` → `,`, `（` → `(`, `“` → `"`, ...
pub(crate) fn ascii_lookalike(c: char) -> Option<char> {
    Some(match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0)?,
        '\u{3000}' => ' ',
        '“' | '”' | '„' | '″' => '"',
        '‘' | '’' | '′' => '\'',
        '。' => '.',
        '、' => ',',
        '【' | '〔' | '〖' => '[',
        '】' | '〕' | '〗' => ']',
        '《' | '〈' => '<',
        '》' | '〉' => '>',
        '—' | '–' | '−' => '-',
        '×' => '*',
        '÷' => '/',
        '…' => '.',
        _ => return None,
    })
}

/// Full-width letters and digits are the same identifier as their ASCII forms under
/// the NFKC normalization CPython applies to names; returns the normalized name
/// (borrowing when nothing changes). Other normalizations are not done.
pub(crate) fn normalize_name(name: &str) -> std::borrow::Cow<'_, str> {
    if name.is_ascii() || !name.chars().any(|c| ('\u{FF10}'..='\u{FF5A}').contains(&c)) {
        return std::borrow::Cow::Borrowed(name);
    }
    name.chars()
        .map(|c| match c {
            '\u{FF10}'..='\u{FF19}' | '\u{FF21}'..='\u{FF3A}' | '\u{FF41}'..='\u{FF5A}' => {
                char::from_u32(c as u32 - 0xFEE0).unwrap_or(c)
            }
            _ => c,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(src: &str) -> Vec<String> {
        lex(src)
            .0
            .iter()
            .map(|t| {
                let text = &src[t.span.start as usize..t.span.end as usize];
                match t.kind {
                    Tk::Newline => "NL".to_string(),
                    Tk::Indent => "IN".to_string(),
                    Tk::Dedent => "DE".to_string(),
                    Tk::End => "END".to_string(),
                    Tk::Kw(_) | Tk::Op(_) => text.to_string(),
                    k => format!("{k:?}({text})"),
                }
            })
            .collect()
    }

    #[test]
    fn layout_tokens() {
        let got = kinds("if x:\n    y = 1\n\n  # c\nz\n");
        assert_eq!(
            got.join(" "),
            "if Name(x) : NL IN Name(y) = Number(1) NL Comment(# c) DE Name(z) NL END"
        );
    }

    #[test]
    fn brackets_join_lines() {
        assert_eq!(kinds("f(1,\n  2)\n").join(" "), "Name(f) ( Number(1) , Number(2) ) NL END");
    }

    #[test]
    fn fstring_pieces() {
        let got = kinds(r#"f"a{x!r:>{w}}b{d["k"]}""#);
        assert_eq!(
            got.join(" "),
            r#"FStart(f") FMiddle(a) { Name(x) ! Name(r) : FMiddle(>) { Name(w) } } FMiddle(b) { Name(d) [ Str("k") ] } FEnd(") NL END"#
        );
    }

    #[test]
    fn tokenize_for_highlighting() {
        let toks = tokenize("match = type(x)  # hi\nasync def f(): return 'a'\n");
        let kinds: Vec<TokenKind> = toks.iter().map(|t| t.kind).collect();
        use TokenKind::*;
        assert_eq!(
            kinds,
            vec![
                Name, Operator, Name, Punctuation, Name, Punctuation, Comment, Keyword, Keyword,
                Name, Punctuation, Punctuation, Punctuation, Keyword, String
            ]
        );
        let soft = tokenize("match x:\n    case 1: pass\ntype T = int\n");
        assert_eq!(soft[0].kind, SoftKeyword);
        assert!(soft.iter().filter(|t| t.kind == SoftKeyword).count() == 3);
    }

    #[test]
    fn operator_matching_agrees_with_the_table() {
        for &(text, op) in OPERATORS {
            assert_eq!(match_operator(text.as_bytes()), Some((text.len(), op)), "{text}");
            assert_eq!(op.as_str(), text);
        }
        assert_eq!(match_operator(b"**=x"), Some((3, Op::DoubleStarEq)));
        assert_eq!(match_operator(b"..x"), Some((1, Op::Dot)));
        assert_eq!(match_operator(b"$"), None);
    }

    #[test]
    fn full_width_names_normalize() {
        assert_eq!(normalize_name("ｘ１"), "x1");
        assert_eq!(normalize_name("任务"), "任务");
    }
}
