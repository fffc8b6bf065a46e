//! The editor's view of the program: highlighted lines, the problems found
//! in it, and which line each task is on.

use crate::syntax::{tokenize, Diagnostic, DiagnosticKind, LineIndex, TokenKind};
use crate::trace::{State, TaskState, Trace};

/// A run of text on one line, drawn with one class.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    /// The CSS class (`tok-kw`, `tok-str`, ...; empty: plain text).
    pub class: &'static str,
    pub text: String,
    /// Underlined as the place a problem was found.
    pub problem: bool,
}

/// The class a token kind is drawn with.
fn class(kind: TokenKind) -> &'static str {
    match kind {
        TokenKind::Keyword | TokenKind::SoftKeyword => "tok-kw",
        TokenKind::Name => "",
        TokenKind::Number => "tok-num",
        TokenKind::String => "tok-str",
        TokenKind::Comment => "tok-com",
        TokenKind::Operator => "tok-op",
        TokenKind::Punctuation => "tok-punct",
        TokenKind::Error => "tok-err",
    }
}

/// The program's lines as highlighted pieces, from the engine's own tokens;
/// the byte range `problem` (if any) is marked. Whatever the text, the pieces
/// of line `i` join up to exactly line `i` of `source`.
pub fn highlight(source: &str, problem: Option<(usize, usize)>) -> Vec<Vec<Piece>> {
    // Byte boundaries where the class changes, with the class from there on.
    let mut classes: Vec<(usize, &'static str)> = Vec::new();
    let mut at = 0;
    for t in tokenize(source) {
        let (s, e) = (t.span.start as usize, t.span.end as usize);
        if s < at || e > source.len() {
            continue;
        }
        classes.push((s, class(t.kind)));
        classes.push((e, ""));
        at = e;
    }
    let mut cuts: Vec<usize> = classes.iter().map(|(b, _)| *b).collect();
    // A problem at the end of the text or on a line break still shows: it
    // marks one character, or the end of its line.
    let problem = problem.map(|(s, e)| {
        let s = s.min(source.len());
        let e = e.clamp(s, source.len());
        if e > s {
            (s, e)
        } else {
            let next = source[s..].chars().next().map_or(s, |c| s + c.len_utf8());
            (s, next)
        }
    });
    if let Some((s, e)) = problem {
        cuts.push(s);
        cuts.push(e);
    }
    for (i, _) in source.match_indices('\n') {
        cuts.push(i);
        cuts.push(i + 1);
    }
    cuts.push(0);
    cuts.push(source.len());
    cuts.sort_unstable();
    cuts.dedup();

    let mut lines: Vec<Vec<Piece>> = vec![Vec::new()];
    let mut ci = 0;
    let mut current = "";
    for w in cuts.windows(2) {
        let (s, e) = (w[0], w[1]);
        while ci < classes.len() && classes[ci].0 <= s {
            current = classes[ci].1;
            ci += 1;
        }
        let Some(text) = source.get(s..e) else { continue };
        if text == "\n" {
            lines.push(Vec::new());
            continue;
        }
        let problem = problem.is_some_and(|(ps, pe)| s >= ps && e <= pe);
        let line = lines.last_mut().expect("one line at least");
        match line.last_mut() {
            Some(p) if p.class == current && p.problem == problem => p.text.push_str(text),
            _ => line.push(Piece { class: current, text: text.to_string(), problem }),
        }
    }
    lines
}

/// What Enter inserts after `before` (the text before the caret): a line
/// break and the current line's indentation, four spaces more after a line
/// that ends with `:` (a block opens), as Python editors do.
pub fn newline_indent(before: &str) -> String {
    let line = before.rsplit('\n').next().unwrap_or("");
    let indent: String = line.chars().take_while(|c| *c == ' ' || *c == '\t').collect();
    let code = line.split('#').next().unwrap_or("").trim_end();
    if code.ends_with(':') {
        format!("\n{indent}    ")
    } else {
        format!("\n{indent}")
    }
}

/// A problem the program has, where it is and what to say.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// 1-based line and column (in characters).
    pub line: u32,
    pub col: u32,
    /// Byte range in the source.
    pub(crate) start: usize,
    pub(crate) end: usize,
    /// `SyntaxError: ...`, `unsupported: ...`, as the runner prints it after `line:col: `.
    pub(crate) message: String,
    /// Help beyond CPython's words (a full-width character's ASCII twin).
    pub hint: Option<String>,
}

impl Problem {
    /// `3:7: SyntaxError: invalid syntax`.
    pub fn located(&self) -> String {
        format!("{}:{}: {}", self.line, self.col, self.message)
    }

    /// The problems of a refused program, as the runner words them.
    pub(crate) fn from_diagnostics(source: &str, diags: &[Diagnostic]) -> Vec<Problem> {
        let index = LineIndex::new(source);
        diags
            .iter()
            .map(|d| {
                let (line, col) = index.line_col(d.span.start);
                let message = match d.kind {
                    DiagnosticKind::SyntaxError => format!("SyntaxError: {}", d.message),
                    DiagnosticKind::Unsupported => format!("unsupported: {}", d.message),
                };
                Problem {
                    line,
                    col,
                    start: d.span.start as usize,
                    end: d.span.end as usize,
                    message,
                    hint: d.hint(source),
                }
            })
            .collect()
    }
}

/// A line's mark in the editor's gutter: the tasks on it (running there, or
/// stopped there waiting), named by the first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Marker {
    /// 1-based line.
    pub line: u32,
    /// The first task's number: the running one if it is on this line.
    pub task: u32,
    pub name: String,
    /// The task running now is on this line (drawn strongly; the others wait).
    pub running: bool,
    /// How many more tasks are on this line.
    pub more: usize,
    /// The tasks' names, for the mark's tooltip (the first dozen).
    pub names: String,
}

/// Names listed in a mark's tooltip at most.
const NAMES_LISTED: usize = 12;

/// Where every unfinished task is at this state, a mark per line: lines in
/// order, each named by its running task or else its first.
pub fn markers(trace: &Trace, index: &LineIndex, state: &State) -> Vec<Marker> {
    let running_task = state.tasks.iter().find(|t| t.state == TaskState::Running).map(|t| t.id);
    let mut out: Vec<Marker> = Vec::new();
    // Running task first, then by number, so a line's first task is the one to name.
    let order = running_task
        .into_iter()
        .chain(state.tasks.iter().map(|t| t.id).filter(|id| Some(*id) != running_task));
    for id in order {
        let Some(t) = state.task(id) else { continue };
        if t.id == 0 || t.state.is_done() || t.line == (0, 0) {
            continue;
        }
        let line = index.line(t.line.0);
        let name = trace.str(t.name);
        match out.iter_mut().find(|m| m.line == line) {
            Some(m) => {
                m.more += 1;
                if m.more < NAMES_LISTED {
                    m.names.push_str(", ");
                    m.names.push_str(name);
                } else if m.more == NAMES_LISTED {
                    m.names.push_str(", …");
                }
            }
            None => out.push(Marker {
                line,
                task: t.id,
                name: name.to_string(),
                running: running_task == Some(t.id),
                more: 0,
                names: name.to_string(),
            }),
        }
    }
    out.sort_by_key(|m| m.line);
    out
}
