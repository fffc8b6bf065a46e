//! The abstract syntax tree of the Python subset Loopscope runs.
//!
//! Shapes follow CPython's `ast` module (`Lib/ast.py`, `Parser/Python.asdl`) closely so
//! that anyone who knows Python's AST can read the compiler. Every node carries a
//! [`Span`] (byte offsets into the source); line and column are derived from it with
//! [`crate::syntax::LineIndex`] only when a message or the UI needs them.
//!
//! The tree only ever holds constructs of the subset: the parser refuses everything
//! else (`match`, bytes, complex numbers, ...) with an `unsupported` error before a
//! tree reaches the compiler.

use super::Span;

/// An identifier as written in the source (already NFKC-normalisation-free: the subset
/// uses plain identifiers).
pub type Name = String;

/// A whole program.
#[derive(Debug, Clone, PartialEq)]
pub struct Module {
    pub body: Vec<Stmt>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Stmt {
    pub kind: StmtKind,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub enum StmtKind {
    /// An expression statement (a call, usually).
    Expr(Expr),
    /// `a = b = value`: `targets` in source order.
    Assign {
        targets: Vec<Expr>,
        value: Expr,
    },
    /// `target op= value`.
    AugAssign {
        target: Expr,
        op: BinOp,
        value: Expr,
    },
    /// `target: annotation = value`; a bare `x: int` has `value: None`.
    /// `simple`: the target is a name not in parentheses (its annotation is
    /// stored in `__annotations__` at module and class level).
    AnnAssign {
        target: Expr,
        annotation: Expr,
        value: Option<Expr>,
        simple: bool,
    },
    FunctionDef(Box<FunctionDef>),
    ClassDef(Box<ClassDef>),
    Return(Option<Expr>),
    If {
        test: Expr,
        body: Vec<Stmt>,
        orelse: Vec<Stmt>,
    },
    While {
        test: Expr,
        body: Vec<Stmt>,
        orelse: Vec<Stmt>,
    },
    /// `for target in iter: body else: orelse`, or `async for`.
    For {
        target: Expr,
        iter: Expr,
        body: Vec<Stmt>,
        orelse: Vec<Stmt>,
        is_async: bool,
    },
    Break,
    Continue,
    Pass,
    Try(Box<Try>),
    /// `raise`, `raise exc`, `raise exc from cause`.
    Raise {
        exc: Option<Expr>,
        cause: Option<Expr>,
    },
    Assert {
        test: Expr,
        msg: Option<Expr>,
    },
    Delete(Vec<Expr>),
    /// `with` / `async with` with one or more items.
    With {
        items: Vec<WithItem>,
        body: Vec<Stmt>,
        is_async: bool,
    },
    /// `import a`, `import a as b` (only `asyncio`, `time`, `random` are accepted by
    /// the parser; anything else is `unsupported`).
    Import(Vec<Alias>),
    /// `from module import a, b as c` (module is `asyncio`, `time` or `random`).
    ImportFrom {
        module: Name,
        names: Vec<Alias>,
    },
    Global(Vec<Name>),
    Nonlocal(Vec<Name>),
}

#[derive(Debug, Clone, PartialEq)]
pub struct FunctionDef {
    pub name: Name,
    pub params: Params,
    pub body: Vec<Stmt>,
    pub is_async: bool,
    /// Decorator expressions, outermost first (as written, top to bottom).
    pub decorators: Vec<Expr>,
    /// `-> annotation`.
    pub returns: Option<Box<Expr>>,
    /// Span of the name, for messages.
    pub name_span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ClassDef {
    pub name: Name,
    pub bases: Vec<Expr>,
    pub body: Vec<Stmt>,
    pub decorators: Vec<Expr>,
    pub name_span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Try {
    pub body: Vec<Stmt>,
    pub handlers: Vec<ExceptHandler>,
    pub orelse: Vec<Stmt>,
    pub finalbody: Vec<Stmt>,
    /// `except*` clauses (CPython's `TryStar`): every handler is one.
    pub star: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ExceptHandler {
    /// `None` for a bare `except:`.
    pub typ: Option<Expr>,
    /// `except T as name`.
    pub name: Option<Name>,
    pub body: Vec<Stmt>,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub struct WithItem {
    pub context_expr: Expr,
    pub optional_vars: Option<Expr>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Alias {
    pub name: Name,
    pub asname: Option<Name>,
    pub span: Span,
}

/// Parameters of a `def` or `lambda`, in CPython's grouping.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Params {
    /// Before a `/` marker.
    pub posonly: Vec<Param>,
    /// Ordinary positional-or-keyword parameters.
    pub args: Vec<Param>,
    /// `*args`.
    pub vararg: Option<Param>,
    /// After `*` or `*args`.
    pub kwonly: Vec<Param>,
    /// `**kwargs`.
    pub kwarg: Option<Param>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Param {
    pub name: Name,
    /// `name: annotation` (evaluated when the `def` runs, into `__annotations__`).
    pub annotation: Option<Box<Expr>>,
    /// Default value expression.
    pub default: Option<Expr>,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Expr {
    pub kind: ExprKind,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub enum ExprKind {
    Name(Name),
    Constant(Constant),
    /// An f-string (adjacent string literals concatenated, f-strings and plain ones
    /// mixed, are one `FString` if any part is an f-string; otherwise one `Constant::Str`).
    FString(Vec<FStringPart>),
    List(Vec<Expr>),
    Tuple(Vec<Expr>),
    Set(Vec<Expr>),
    /// `{k: v, **m}`: a `None` key is a `**m` spread of the value.
    Dict(Vec<(Option<Expr>, Expr)>),
    /// `*x` inside a call's arguments, a list/tuple/set display, or an assignment target.
    Starred(Box<Expr>),
    BinOp {
        left: Box<Expr>,
        op: BinOp,
        right: Box<Expr>,
    },
    UnaryOp {
        op: UnaryOp,
        operand: Box<Expr>,
    },
    /// `a and b and c` (`values` has at least two items).
    BoolOp {
        op: BoolOp,
        values: Vec<Expr>,
    },
    /// `a < b <= c`: `ops.len() == comparators.len()`.
    Compare {
        left: Box<Expr>,
        ops: Vec<CmpOp>,
        comparators: Vec<Expr>,
    },
    IfExp {
        test: Box<Expr>,
        body: Box<Expr>,
        orelse: Box<Expr>,
    },
    Lambda {
        params: Box<Params>,
        body: Box<Expr>,
    },
    /// `func(args, keywords)`: `args` may contain `Starred`; a keyword with
    /// `arg: None` is a `**mapping`.
    Call {
        func: Box<Expr>,
        args: Vec<Expr>,
        keywords: Vec<Keyword>,
    },
    Attribute {
        value: Box<Expr>,
        attr: Name,
    },
    /// `value[index]`; a slice index is `ExprKind::Slice`, `a[i, j]` is a `Tuple` index.
    Subscript {
        value: Box<Expr>,
        index: Box<Expr>,
    },
    Slice {
        lower: Option<Box<Expr>>,
        upper: Option<Box<Expr>>,
        step: Option<Box<Expr>>,
    },
    ListComp {
        elt: Box<Expr>,
        generators: Vec<Comprehension>,
    },
    SetComp {
        elt: Box<Expr>,
        generators: Vec<Comprehension>,
    },
    DictComp {
        key: Box<Expr>,
        value: Box<Expr>,
        generators: Vec<Comprehension>,
    },
    GeneratorExp {
        elt: Box<Expr>,
        generators: Vec<Comprehension>,
    },
    Await(Box<Expr>),
    /// `yield` / `yield value`.
    Yield(Option<Box<Expr>>),
    /// `yield from iterable`.
    YieldFrom(Box<Expr>),
    /// `target := value` (target is always a plain name).
    NamedExpr {
        target: Name,
        value: Box<Expr>,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub enum Constant {
    None,
    Bool(bool),
    /// Integer literals that fit in an `i64`. A larger literal is a parse error
    /// (`unsupported: integer literal beyond 64 bits`).
    Int(i64),
    Float(f64),
    /// Adjacent plain string literals are concatenated by the parser.
    Str(String),
    /// `...`
    Ellipsis,
}

#[derive(Debug, Clone, PartialEq)]
pub enum FStringPart {
    Literal(String),
    Expr(FStringExpr),
}

#[derive(Debug, Clone, PartialEq)]
pub struct FStringExpr {
    pub expr: Box<Expr>,
    /// `!r`, `!s`, `!a` as `'r'`, `'s'`, `'a'`.
    pub conversion: Option<char>,
    /// The part after `:`; itself may contain nested replacement fields.
    pub format_spec: Option<Vec<FStringPart>>,
    /// For `f"{x=}"`: the literal text `x=` (including any whitespace) to print before
    /// the value; when set and neither conversion nor spec is given, the value is
    /// rendered with `repr` as CPython does.
    pub debug_text: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Keyword {
    /// `None` for `**mapping`.
    pub arg: Option<Name>,
    pub value: Expr,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Comprehension {
    pub target: Expr,
    pub iter: Expr,
    pub ifs: Vec<Expr>,
    /// `async for`.
    pub is_async: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BinOp {
    Add,
    Sub,
    Mult,
    MatMult,
    Div,
    FloorDiv,
    Mod,
    Pow,
    LShift,
    RShift,
    BitOr,
    BitXor,
    BitAnd,
}

impl BinOp {
    /// The operator as Python spells it (`+`, `//`, `**`, ...).
    pub fn symbol(self) -> &'static str {
        match self {
            BinOp::Add => "+",
            BinOp::Sub => "-",
            BinOp::Mult => "*",
            BinOp::MatMult => "@",
            BinOp::Div => "/",
            BinOp::FloorDiv => "//",
            BinOp::Mod => "%",
            BinOp::Pow => "**",
            BinOp::LShift => "<<",
            BinOp::RShift => ">>",
            BinOp::BitOr => "|",
            BinOp::BitXor => "^",
            BinOp::BitAnd => "&",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum UnaryOp {
    Invert,
    Not,
    UAdd,
    USub,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BoolOp {
    And,
    Or,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CmpOp {
    Eq,
    NotEq,
    Lt,
    LtE,
    Gt,
    GtE,
    Is,
    IsNot,
    In,
    NotIn,
}
