//! Tokens of the Python subset (placeholder: being written).

use super::Span;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    Name,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Token {
    pub kind: TokenKind,
    pub span: Span,
}

pub fn tokenize(_src: &str) -> Vec<Token> {
    Vec::new()
}
