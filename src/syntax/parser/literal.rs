//! Literals: numbers, adjacent strings concatenated, and f-strings (literal text,
//! replacement fields with `=`, `!c` and format specs), their escapes decoded as
//! CPython does. Complex numbers, integers beyond 64 bits and bytes are refused here.
//!
//! The lexer has already cut the text into tokens (an f-string comes as `FStart`,
//! `FMiddle` pieces and the ordinary tokens of its fields); the expression inside a
//! replacement field is read by `expr`.

use super::{cost, Fail, Last, PResult, Parser};
use crate::syntax::ast::*;
use crate::syntax::lexer::{Kw, Op, Tk, Tok};
use crate::syntax::Span;

impl Parser<'_, '_> {
    pub(super) fn number(&mut self, span: Span) -> ExprKind {
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
    pub(super) fn strings(&mut self) -> PResult<Expr> {
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

/// Appends literal text, merging it with a literal part just before.
fn push_literal(parts: &mut Vec<FStringPart>, s: String) {
    if let Some(FStringPart::Literal(prev)) = parts.last_mut() {
        prev.push_str(&s);
    } else if !s.is_empty() || parts.is_empty() {
        parts.push(FStringPart::Literal(s));
    }
}
