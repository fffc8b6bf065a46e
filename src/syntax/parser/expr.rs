//! Expressions: operators by binding power, `not`, `await`, `**`, conditionals,
//! `lambda`, `:=`, `yield`, the trailers (attributes, calls and their arguments,
//! subscripts and slices), parenthesized forms and displays (tuples, lists, dicts,
//! sets) with their comprehensions, and CPython's messages for their mistakes
//! (`Perhaps you forgot a comma?`, ...).
//!
//! The text of literals is read by `literal`; target lists, what may be assigned
//! to, and parameters (of a `lambda` too) by `target`.
//!
//! The functions on the grammar's recursion cycles (expression → parse_bp → power →
//! primary → atom → bracket → items → expression, and the like) are kept small and
//! end in tail calls where they can, rare branches living in functions of their own:
//! a debug build gives every local its own stack slot, and the nesting limit must
//! hold on a ~1 MiB (wasm-sized) stack in a debug build too.

use super::target::{expr_name, TargetCtx};
use super::{cost, Fail, Last, PResult, Parser};
use crate::syntax::ast::*;
use crate::syntax::lexer::{normalize_name, Kw, Op, Tk, Tok};
use crate::syntax::Span;

// Binding powers of the expression grammar, loosest first.
const OR: u8 = 1;
const AND: u8 = 2;
const NOT: u8 = 3;
const CMP: u8 = 4;
pub(super) const BITOR: u8 = 5;
const BITXOR: u8 = 6;
const BITAND: u8 = 7;
const SHIFT: u8 = 8;
const ARITH: u8 = 9;
const TERM: u8 = 10;
const FACTOR: u8 = 11;

impl Parser<'_, '_> {
    /// `star_expressions`: `a, *b, c` (an unparenthesized tuple) or one item.
    pub(super) fn star_expressions(&mut self) -> PResult<Expr> {
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
    pub(super) fn named_expression(&mut self) -> PResult<Expr> {
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
    pub(super) fn expression(&mut self) -> PResult<Expr> {
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
    pub(super) fn parse_bp(&mut self, min: u8) -> PResult<Expr> {
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
    pub(super) fn arguments(&mut self, open: Tok) -> PResult<(Vec<Expr>, Vec<Keyword>)> {
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

    /// `yield`, `yield x`, `yield from x` (nested like a prefix operator).
    pub(super) fn yield_expr(&mut self) -> PResult<Expr> {
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

    /// A lone `*x` where a value is expected.
    pub(super) fn no_lone_star(&mut self, e: &Expr) -> PResult<()> {
        if matches!(e.kind, ExprKind::Starred(_)) {
            return self.error(e.span.start, "can't use starred expression here");
        }
        Ok(())
    }
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
