//! Operators: arithmetic (`+`, `*`, `%`, ... and their in-place forms),
//! unary operators, comparisons (`==`, `!=`, `<`, `is`, `in`) and truth, for
//! builtin values and for instances with special methods. Instances take
//! their turns as in CPython's `binary_op1` and `do_richcompare`: the left
//! operand's method, then the right one's reflected method, except that a
//! right operand whose type is a proper subclass of the left one's (and, for
//! arithmetic, overrides the reflected method) goes first; `NotImplemented`
//! passes the turn on.
//!
//! It does not do the numbers' arithmetic itself (`pylib::int_ops`), the
//! containers' methods (`methods`), `%`-formatting (`fmt`), hashing
//! (`hash`), subscription (`item`), iteration (`iter`) or attribute access
//! (`attr`). The dispatch loop (`interp`) does the int and float fast cases
//! inline and comes here for the rest.

use super::code::Instr;
use super::code::{BinOp, CmpOp};
use super::exc::ExcKind;
use super::intern::{sym, Symbol};
use super::set::SetData;
use super::types::type_name;
use super::value::*;
use super::{Host, PyErr, PyResult, Vm};
use crate::pylib;
use std::cell::RefCell;
use std::rc::Rc;

fn dunder_for(op: BinOp) -> (&'static str, &'static str) {
    match op {
        BinOp::Add => ("__add__", "__radd__"),
        BinOp::Sub => ("__sub__", "__rsub__"),
        BinOp::Mult => ("__mul__", "__rmul__"),
        BinOp::MatMult => ("__matmul__", "__rmatmul__"),
        BinOp::Div => ("__truediv__", "__rtruediv__"),
        BinOp::FloorDiv => ("__floordiv__", "__rfloordiv__"),
        BinOp::Mod => ("__mod__", "__rmod__"),
        BinOp::Pow => ("__pow__", "__rpow__"),
        BinOp::LShift => ("__lshift__", "__rlshift__"),
        BinOp::RShift => ("__rshift__", "__rrshift__"),
        BinOp::BitOr => ("__or__", "__ror__"),
        BinOp::BitXor => ("__xor__", "__rxor__"),
        BinOp::BitAnd => ("__and__", "__rand__"),
    }
}

/// A number as Python sees it for arithmetic (bools are ints).
#[derive(Clone, Copy)]
enum Num {
    I(i64),
    F(f64),
}

fn as_num(v: &Value) -> Option<Num> {
    match v {
        Value::Int(i) => Some(Num::I(*i)),
        Value::Bool(b) => Some(Num::I(*b as i64)),
        Value::Float(f) => Some(Num::F(*f)),
        _ => None,
    }
}

impl Vm {
    // ---- arithmetic ---------------------------------------------------------

    pub(crate) fn binary_op(
        &mut self,
        host: &mut dyn Host,
        op: BinOp,
        a: Value,
        b: Value,
        inplace: bool,
    ) -> PyResult<Value> {
        if let (Some(x), Some(y)) = (as_num(&a), as_num(&b)) {
            return self.num_op(op, x, y);
        }
        match (op, &a, &b) {
            (BinOp::Add, Value::Str(x), Value::Str(y)) => {
                self.alloc(y.s.len())?;
                let mut s = String::with_capacity(x.s.len() + y.s.len());
                s.push_str(&x.s);
                s.push_str(&y.s);
                return Ok(Value::str(s));
            }
            (BinOp::Add, Value::List(x), Value::List(y)) => {
                if inplace {
                    let items = y.0.borrow().clone();
                    self.alloc(items.len() * 16)?;
                    x.0.borrow_mut().extend(items);
                    return Ok(a.clone());
                }
                let mut v = x.0.borrow().clone();
                self.alloc((v.len() + y.0.borrow().len()) * 16)?;
                v.extend(y.0.borrow().iter().cloned());
                return Ok(Value::list(v));
            }
            (BinOp::Add, Value::List(x), _) if inplace => {
                let items = self.iterate(host, &b)?;
                self.alloc(items.len() * 16)?;
                x.0.borrow_mut().extend(items);
                return Ok(a.clone());
            }
            (BinOp::Add, Value::Tuple(x), Value::Tuple(y)) => {
                let mut v = x.0.clone();
                v.extend(y.0.iter().cloned());
                return Ok(Value::tuple(v));
            }
            (
                BinOp::Mult,
                Value::Str(_) | Value::List(_) | Value::Tuple(_),
                Value::Int(_) | Value::Bool(_),
            )
            | (
                BinOp::Mult,
                Value::Int(_) | Value::Bool(_),
                Value::Str(_) | Value::List(_) | Value::Tuple(_),
            ) => {
                let (seq, n) = match (&a, &b) {
                    (Value::Int(n), s) | (s, Value::Int(n)) => (s, *n),
                    (Value::Bool(n), s) | (s, Value::Bool(n)) => (s, *n as i64),
                    _ => unreachable!(),
                };
                return self.repeat(seq, n, inplace);
            }
            (BinOp::Mod, Value::Str(fmt), _) => {
                let s = super::fmt::percent_format(self, host, &fmt.s, &b)?;
                return Ok(Value::str(s));
            }
            (
                BinOp::BitOr | BinOp::BitAnd | BinOp::Sub | BinOp::BitXor,
                Value::Set(x),
                Value::Set(y),
            ) => {
                return self.set_binop(host, op, x, y, inplace, &a);
            }
            (BinOp::BitOr, Value::Dict(x), Value::Dict(_)) => {
                if inplace {
                    self.dict_update_from(host, &a, &b, false)?;
                    return Ok(a.clone());
                }
                let d = Value::Dict(Rc::new(Dict(RefCell::new(x.0.borrow().clone()))));
                self.dict_update_from(host, &d, &b, false)?;
                return Ok(d);
            }
            _ => {}
        }
        // Dunder methods on instances (CPython's binary_op1): the left operand's
        // method, then the right one's reflected method unless both operands
        // have the same type; a right operand of a subclass that overrides the
        // reflected method goes first.
        let (name, rname) = dunder_for(op);
        if let (Value::Instance(i), true) = (&a, inplace) {
            let iname = format!("__i{}", &name[2..]);
            if let Some(f) = i.class.lookup(Symbol::new(&iname)) {
                let r = self.call(host, &f, vec![a.clone(), b.clone()], vec![])?;
                if !matches!(r, Value::NotImplemented) {
                    return Ok(r);
                }
            }
        }
        let left = match &a {
            Value::Instance(i) => i.class.lookup(Symbol::new(name)),
            _ => None,
        };
        let mut right = match (&a, &b) {
            (Value::Instance(x), Value::Instance(y)) if Rc::ptr_eq(&x.class, &y.class) => None,
            (_, Value::Instance(y)) => y.class.lookup(Symbol::new(rname)),
            _ => None,
        };
        if let (Some(rf), Value::Instance(x), Value::Instance(y)) = (&right, &a, &b) {
            let overrides = match x.class.lookup(Symbol::new(rname)) {
                Some(lf) => !lf.is(rf),
                None => true,
            };
            if y.class.is_subclass(&x.class) && overrides {
                let r = self.call(host, rf, vec![b.clone(), a.clone()], vec![])?;
                if !matches!(r, Value::NotImplemented) {
                    return Ok(r);
                }
                right = None;
            }
        }
        if let Some(f) = left {
            let r = self.call(host, &f, vec![a.clone(), b.clone()], vec![])?;
            if !matches!(r, Value::NotImplemented) {
                return Ok(r);
            }
        }
        if let Some(f) = right {
            let r = self.call(host, &f, vec![b.clone(), a.clone()], vec![])?;
            if !matches!(r, Value::NotImplemented) {
                return Ok(r);
            }
        }
        if op == BinOp::BitOr
            && matches!(
                (&a, &b),
                (Value::Class(_), Value::Class(_) | Value::None) | (Value::None, Value::Class(_))
            )
        {
            // `int | None`: a `types.UnionType`.
            return self.library_call(host, "types", "_union", vec![a, b]);
        }
        Err(self.binop_type_error(op, &a, &b))
    }

    /// Call `module.name(args)` of a library module (loading it if need be).
    #[cold]
    pub(crate) fn library_call(
        &mut self,
        host: &mut dyn Host,
        module: &str,
        name: &str,
        args: Vec<Value>,
    ) -> PyResult<Value> {
        let m = self.import_module(host, module)?;
        let f = self.getattr(host, &m, Symbol::new(name))?;
        self.call(host, &f, args, vec![])
    }

    fn binop_type_error(&self, op: BinOp, a: &Value, b: &Value) -> PyErr {
        match (op, a) {
            (BinOp::Add, Value::Str(_)) => self
                .type_error(format!("can only concatenate str (not \"{}\") to str", type_name(b))),
            (BinOp::Add, Value::List(_)) => self.type_error(format!(
                "can only concatenate list (not \"{}\") to list",
                type_name(b)
            )),
            (BinOp::Add, Value::Tuple(_)) => self.type_error(format!(
                "can only concatenate tuple (not \"{}\") to tuple",
                type_name(b)
            )),
            (BinOp::Mult, Value::Str(_) | Value::List(_) | Value::Tuple(_)) => {
                if matches!(
                    b,
                    Value::Str(_)
                        | Value::List(_)
                        | Value::Tuple(_)
                        | Value::Float(_)
                        | Value::None
                        | Value::Dict(_)
                        | Value::Set(_)
                        | Value::Instance(_)
                ) {
                    self.type_error(format!(
                        "can't multiply sequence by non-int of type '{}'",
                        type_name(b)
                    ))
                } else {
                    self.type_error(format!(
                        "unsupported operand type(s) for {}: '{}' and '{}'",
                        op.symbol(),
                        type_name(a),
                        type_name(b)
                    ))
                }
            }
            _ => {
                if op == BinOp::Mult
                    && matches!(b, Value::Str(_) | Value::List(_) | Value::Tuple(_))
                    && !matches!(a, Value::Instance(_))
                {
                    return self.type_error(format!(
                        "can't multiply sequence by non-int of type '{}'",
                        type_name(a)
                    ));
                }
                self.type_error(format!(
                    "unsupported operand type(s) for {}: '{}' and '{}'",
                    op.symbol(),
                    type_name(a),
                    type_name(b)
                ))
            }
        }
    }

    fn repeat(&mut self, seq: &Value, n: i64, inplace: bool) -> PyResult<Value> {
        let n = n.max(0) as usize;
        match seq {
            Value::Str(s) => {
                // unicode_repeat: a length past PY_SSIZE_T_MAX is an
                // OverflowError; anything less too large, a MemoryError.
                if (s.nchars as u64)
                    .checked_mul(n as u64)
                    .is_none_or(|total| total > i64::MAX as u64)
                {
                    return Err(self
                        .new_error(ExcKind::OverflowError, "repeated string is too long".into()));
                }
                self.check_alloc(n, s.s.len())?;
                self.alloc(n * s.s.len())?;
                Ok(Value::str(s.s.repeat(n)))
            }
            Value::List(l) => {
                let len = l.0.borrow().len();
                // An empty list stays empty however large `n` is (no n-step loop).
                let n = if len == 0 { 0 } else { n };
                self.check_alloc(n, len * 16)?;
                self.alloc(n * len * 16)?;
                let items = l.0.borrow().clone();
                let mut out = Vec::with_capacity(len * n);
                for _ in 0..n {
                    out.extend(items.iter().cloned());
                }
                if inplace {
                    *l.0.borrow_mut() = out;
                    return Ok(seq.clone());
                }
                Ok(Value::list(out))
            }
            Value::Tuple(t) => {
                let n = if t.0.is_empty() { 0 } else { n };
                self.check_alloc(n, t.0.len() * 16)?;
                self.alloc(n * t.0.len() * 16)?;
                let mut out = Vec::with_capacity(t.0.len() * n);
                for _ in 0..n {
                    out.extend(t.0.iter().cloned());
                }
                Ok(Value::tuple(out))
            }
            _ => unreachable!(),
        }
    }

    fn num_op(&mut self, op: BinOp, x: Num, y: Num) -> PyResult<Value> {
        use pylib::int_ops as io;
        match (x, y) {
            (Num::I(a), Num::I(b)) => {
                let r = match op {
                    BinOp::Add => io::add(a, b),
                    BinOp::Sub => io::sub(a, b),
                    BinOp::Mult => io::mul(a, b),
                    BinOp::Div => {
                        return io::true_divide(a, b)
                            .map(Value::Float)
                            .map_err(|e| self.pylib_error(e))
                    }
                    BinOp::FloorDiv => io::floordiv(a, b),
                    BinOp::Mod => io::modulo(a, b),
                    BinOp::Pow => {
                        return match io::int_pow(a, b) {
                            Ok(io::Power::Int(i)) => Ok(Value::Int(i)),
                            Ok(io::Power::Float(f)) => Ok(Value::Float(f)),
                            Err(e) => Err(self.arith_error(e)),
                        }
                    }
                    BinOp::LShift => io::lshift(a, b),
                    BinOp::RShift => io::rshift(a, b),
                    BinOp::BitAnd => Ok(a & b),
                    BinOp::BitOr => Ok(a | b),
                    BinOp::BitXor => Ok(a ^ b),
                    BinOp::MatMult => {
                        return Err(
                            self.type_error("unsupported operand type(s) for @: 'int' and 'int'")
                        );
                    }
                };
                r.map(Value::Int).map_err(|e| self.arith_error(e))
            }
            _ => {
                let a = match x {
                    Num::I(i) => i as f64,
                    Num::F(f) => f,
                };
                let b = match y {
                    Num::I(i) => i as f64,
                    Num::F(f) => f,
                };
                let r = match op {
                    BinOp::Add => Ok(a + b),
                    BinOp::Sub => Ok(a - b),
                    BinOp::Mult => Ok(a * b),
                    BinOp::Div => io::float_divide(a, b),
                    BinOp::FloorDiv => io::float_floordiv(a, b),
                    BinOp::Mod => io::float_mod(a, b),
                    BinOp::Pow => {
                        return io::float_pow(a, b)
                            .map(Value::Float)
                            .map_err(|e| self.arith_error(e))
                    }
                    _ => {
                        let (ta, tb) = (num_type(x), num_type(y));
                        return Err(self.type_error(format!(
                            "unsupported operand type(s) for {}: '{ta}' and '{tb}'",
                            op.symbol()
                        )));
                    }
                };
                r.map(Value::Float).map_err(|e| self.pylib_error(e))
            }
        }
    }

    fn set_binop(
        &mut self,
        host: &mut dyn Host,
        op: BinOp,
        x: &Rc<Set>,
        y: &Rc<Set>,
        inplace: bool,
        a: &Value,
    ) -> PyResult<Value> {
        if inplace && !x.frozen {
            let same = Rc::ptr_eq(x, y);
            let other = if same { SetData::new() } else { y.data.borrow().clone() };
            x.data.borrow_mut().update_op(op, &other, same);
            return Ok(a.clone());
        }
        let result = super::methods::set_combine(self, host, op, x, y)?;
        Ok(Value::Set(Rc::new(Set { data: RefCell::new(result), frozen: x.frozen })))
    }

    /// Turn a pylib arithmetic failure into a Python exception.
    pub(crate) fn arith_error(&self, e: pylib::int_ops::ArithError) -> PyErr {
        match e {
            pylib::int_ops::ArithError::Raise(e) => self.pylib_error(e),
            pylib::int_ops::ArithError::Overflow => self.overflow(),
            pylib::int_ops::ArithError::Complex => self.value_error(
                "unsupported: complex numbers (a negative number raised to a fractional power)",
            ),
        }
    }

    /// Turn a pylib error into a Python exception.
    pub(crate) fn pylib_error(&self, e: pylib::PyError) -> PyErr {
        let kind = match e.kind {
            "TypeError" => ExcKind::TypeError,
            "ZeroDivisionError" => ExcKind::ZeroDivisionError,
            "OverflowError" => ExcKind::OverflowError,
            "IndexError" => ExcKind::IndexError,
            "KeyError" => ExcKind::KeyError,
            "MemoryError" => ExcKind::MemoryError,
            _ => ExcKind::ValueError,
        };
        self.new_error(kind, e.message)
    }

    pub(crate) fn unary_op(
        &mut self,
        host: &mut dyn Host,
        instr: Instr,
        v: Value,
    ) -> PyResult<Value> {
        match (instr, &v) {
            (Instr::Neg, Value::Int(i)) => {
                i.checked_neg().map(Value::Int).ok_or_else(|| self.overflow())
            }
            (Instr::Neg, Value::Bool(b)) => Ok(Value::Int(-(*b as i64))),
            (Instr::Neg, Value::Float(f)) => Ok(Value::Float(-f)),
            (Instr::Pos, Value::Int(_) | Value::Float(_)) => Ok(v.clone()),
            (Instr::Pos, Value::Bool(b)) => Ok(Value::Int(*b as i64)),
            (Instr::Invert, Value::Int(i)) => Ok(Value::Int(!i)),
            (Instr::Invert, Value::Bool(b)) => Ok(Value::Int(!(*b as i64))),
            (_, Value::Instance(i)) => {
                let name = match instr {
                    Instr::Neg => "__neg__",
                    Instr::Pos => "__pos__",
                    _ => "__invert__",
                };
                match i.class.lookup(Symbol::new(name)) {
                    Some(f) => self.call(host, &f, vec![v.clone()], vec![]),
                    None => Err(self.bad_unary(instr, &v)),
                }
            }
            _ => Err(self.bad_unary(instr, &v)),
        }
    }

    fn bad_unary(&self, instr: Instr, v: &Value) -> PyErr {
        let sym = match instr {
            Instr::Neg => "-",
            Instr::Pos => "+",
            _ => "~",
        };
        self.type_error(format!("bad operand type for unary {sym}: '{}'", type_name(v)))
    }

    // ---- comparison ---------------------------------------------------------

    pub(crate) fn compare_op(
        &mut self,
        host: &mut dyn Host,
        op: CmpOp,
        a: &Value,
        b: &Value,
    ) -> PyResult<Value> {
        Ok(Value::Bool(match op {
            CmpOp::Eq => self.eq(host, a, b)?,
            CmpOp::NotEq => match (a, b) {
                (Value::Instance(_), _) | (_, Value::Instance(_)) => {
                    self.ne_instances(host, a, b)?
                }
                _ => !self.eq(host, a, b)?,
            },
            CmpOp::Is => a.is(b),
            CmpOp::IsNot => !a.is(b),
            CmpOp::In => self.contains(host, b, a)?,
            CmpOp::NotIn => !self.contains(host, b, a)?,
            CmpOp::Lt | CmpOp::LtE | CmpOp::Gt | CmpOp::GtE => {
                return self.rich_compare(host, op, a, b)
            }
        }))
    }

    /// `a == b`.
    pub(crate) fn eq(&mut self, host: &mut dyn Host, a: &Value, b: &Value) -> PyResult<bool> {
        use Value::*;
        if let (List(_) | Tuple(_) | Dict(_), List(_) | Tuple(_) | Dict(_)) = (a, b) {
            self.enter_nested("in comparison")?;
            let r = self.eq_inner(host, a, b);
            self.nested -= 1;
            return r;
        }
        self.eq_inner(host, a, b)
    }

    /// `a != b` with an instance on either side: each side's `__ne__` (its
    /// own, or `object.__ne__`: its `__eq__` inverted), in `==`'s order.
    fn ne_instances(&mut self, host: &mut dyn Host, a: &Value, b: &Value) -> PyResult<bool> {
        let custom =
            |v: &Value| matches!(v, Value::Instance(i) if i.class.lookup(sym::__ne__).is_some());
        if !custom(a) && !custom(b) {
            return Ok(!self.eq(host, a, b)?);
        }
        let mut right_first = false;
        if let (Value::Instance(x), Value::Instance(y)) = (a, b) {
            right_first = !Rc::ptr_eq(&x.class, &y.class) && y.class.is_subclass(&x.class);
        }
        if right_first {
            let r = self.instance_ne(host, b, a)?;
            if !matches!(r, Value::NotImplemented) {
                return self.truthy(host, &r);
            }
        }
        for (me, other) in [(a, b), (b, a)] {
            if right_first && me.is(b) {
                continue;
            }
            let r = self.instance_ne(host, me, other)?;
            if !matches!(r, Value::NotImplemented) {
                return self.truthy(host, &r);
            }
        }
        Ok(!a.is(b))
    }

    /// `type(me).__ne__(me, other)` for an instance (`NotImplemented` for other values).
    fn instance_ne(&mut self, host: &mut dyn Host, me: &Value, other: &Value) -> PyResult<Value> {
        let Value::Instance(i) = me else {
            return Ok(Value::NotImplemented);
        };
        if let Some(f) = i.class.lookup(sym::__ne__) {
            return self.call(host, &f, vec![me.clone(), other.clone()], vec![]);
        }
        let eq = match i.class.lookup(sym::__eq__) {
            Some(f) => self.call(host, &f, vec![me.clone(), other.clone()], vec![])?,
            Option::None if me.is(other) => Value::Bool(true),
            Option::None => Value::NotImplemented,
        };
        Ok(match eq {
            Value::NotImplemented => Value::NotImplemented,
            r => Value::Bool(!self.truthy(host, &r)?),
        })
    }

    /// Containers nested deeper than this in `==`, `<`, `hash()` raise
    /// `RecursionError` (CPython's C recursion guard), so the Rust stack stays small.
    pub(crate) fn enter_nested(&mut self, what: &str) -> PyResult<()> {
        if self.nested >= 400 {
            return Err(self.new_error(
                ExcKind::RecursionError,
                format!("maximum recursion depth exceeded {what}"),
            ));
        }
        self.nested += 1;
        Ok(())
    }

    fn eq_inner(&mut self, host: &mut dyn Host, a: &Value, b: &Value) -> PyResult<bool> {
        use Value::*;
        Ok(match (a, b) {
            (Int(_) | Bool(_) | Float(_), Int(_) | Bool(_) | Float(_)) => num_eq(a, b),
            (Str(x), Str(y)) => Rc::ptr_eq(x, y) || x.s == y.s,
            (None, None) => true,
            (List(x), List(y)) => {
                if Rc::ptr_eq(x, y) {
                    return Ok(true);
                }
                let (xs, ys) = (x.0.borrow().clone(), y.0.borrow().clone());
                self.seq_eq(host, &xs, &ys)?
            }
            (Tuple(x), Tuple(y)) => {
                if Rc::ptr_eq(x, y) {
                    return Ok(true);
                }
                let (xs, ys) = (x.0.clone(), y.0.clone());
                self.seq_eq(host, &xs, &ys)?
            }
            (Dict(x), Dict(y)) => {
                if x.0.borrow().len() != y.0.borrow().len() {
                    return Ok(false);
                }
                let entries: Vec<_> = x.0.borrow().iter().cloned().collect();
                for e in entries {
                    let other = y.0.borrow().get(e.hash, &e.key).cloned();
                    match other {
                        Some(v) => {
                            if !self.eq(host, &e.value, &v)? {
                                return Ok(false);
                            }
                        }
                        Option::None => return Ok(false),
                    }
                }
                true
            }
            (Set(x), Set(y)) => {
                let (x, y) = (x.data.borrow(), y.data.borrow());
                x.len() == y.len() && x.iter().all(|(h, k)| y.contains(h, k))
            }
            (Range(x), Range(y)) => x.same_items(y),
            (Instance(_), _) | (_, Instance(_)) => {
                // CPython's do_richcompare: a right operand whose type is a
                // proper subclass of the left one's goes first; then the left
                // operand's __eq__, the right one's; identity last.
                let left = match a {
                    Instance(x) => x.class.lookup(sym::__eq__),
                    _ => Option::None,
                };
                let mut right = match b {
                    Instance(y) => y.class.lookup(sym::__eq__),
                    _ => Option::None,
                };
                if let (Some(f), Instance(x), Instance(y)) = (&right, a, b) {
                    if !Rc::ptr_eq(&x.class, &y.class) && y.class.is_subclass(&x.class) {
                        let r = self.call(host, f, vec![b.clone(), a.clone()], vec![])?;
                        if !matches!(r, NotImplemented) {
                            return self.truthy(host, &r);
                        }
                        right = Option::None;
                    }
                }
                if let Some(f) = left {
                    let r = self.call(host, &f, vec![a.clone(), b.clone()], vec![])?;
                    if !matches!(r, NotImplemented) {
                        return self.truthy(host, &r);
                    }
                }
                if let Some(f) = right {
                    let r = self.call(host, &f, vec![b.clone(), a.clone()], vec![])?;
                    if !matches!(r, NotImplemented) {
                        return self.truthy(host, &r);
                    }
                }
                a.is(b)
            }
            _ => a.is(b),
        })
    }

    fn seq_eq(&mut self, host: &mut dyn Host, xs: &[Value], ys: &[Value]) -> PyResult<bool> {
        if xs.len() != ys.len() {
            return Ok(false);
        }
        for (x, y) in xs.iter().zip(ys) {
            if !x.is(y) && !self.eq(host, x, y)? {
                return Ok(false);
            }
        }
        Ok(true)
    }

    fn rich_compare(
        &mut self,
        host: &mut dyn Host,
        op: CmpOp,
        a: &Value,
        b: &Value,
    ) -> PyResult<Value> {
        use std::cmp::Ordering;
        let ord: Option<Ordering> = match (a, b) {
            (
                Value::Int(_) | Value::Bool(_) | Value::Float(_),
                Value::Int(_) | Value::Bool(_) | Value::Float(_),
            ) => {
                match num_cmp(a, b) {
                    Some(o) => Some(o),
                    None => return Ok(Value::Bool(false)), // NaN
                }
            }
            (Value::Str(x), Value::Str(y)) => Some(x.s.cmp(&y.s)),
            (Value::List(x), Value::List(y)) => {
                let (xs, ys) = (x.0.borrow().clone(), y.0.borrow().clone());
                return self.seq_compare(host, op, &xs, &ys);
            }
            (Value::Tuple(x), Value::Tuple(y)) => {
                let (xs, ys) = (x.0.clone(), y.0.clone());
                return self.seq_compare(host, op, &xs, &ys);
            }
            (Value::Set(x), Value::Set(y)) => {
                let (xd, yd) = (x.data.borrow(), y.data.borrow());
                let sub = xd.iter().all(|(h, k)| yd.contains(h, k));
                let sup = yd.iter().all(|(h, k)| xd.contains(h, k));
                let r = match op {
                    CmpOp::Lt => sub && xd.len() < yd.len(),
                    CmpOp::LtE => sub,
                    CmpOp::Gt => sup && xd.len() > yd.len(),
                    _ => sup,
                };
                return Ok(Value::Bool(r));
            }
            _ => None,
        };
        if let Some(o) = ord {
            return Ok(Value::Bool(match op {
                CmpOp::Lt => o == Ordering::Less,
                CmpOp::LtE => o != Ordering::Greater,
                CmpOp::Gt => o == Ordering::Greater,
                _ => o != Ordering::Less,
            }));
        }
        let (name, reflected) = match op {
            CmpOp::Lt => (sym::__lt__, sym::__gt__),
            CmpOp::LtE => (sym::__le__, sym::__ge__),
            CmpOp::Gt => (sym::__gt__, sym::__lt__),
            _ => (sym::__ge__, sym::__le__),
        };
        if let Value::Instance(i) = a {
            if let Some(f) = i.class.lookup(name) {
                let r = self.call(host, &f, vec![a.clone(), b.clone()], vec![])?;
                if !matches!(r, Value::NotImplemented) {
                    return Ok(r);
                }
            }
        }
        if let Value::Instance(i) = b {
            if let Some(f) = i.class.lookup(reflected) {
                let r = self.call(host, &f, vec![b.clone(), a.clone()], vec![])?;
                if !matches!(r, Value::NotImplemented) {
                    return Ok(r);
                }
            }
        }
        let s = match op {
            CmpOp::Lt => "<",
            CmpOp::LtE => "<=",
            CmpOp::Gt => ">",
            _ => ">=",
        };
        Err(self.type_error(format!(
            "'{s}' not supported between instances of '{}' and '{}'",
            type_name(a),
            type_name(b)
        )))
    }

    fn seq_compare(
        &mut self,
        host: &mut dyn Host,
        op: CmpOp,
        xs: &[Value],
        ys: &[Value],
    ) -> PyResult<Value> {
        self.enter_nested("in comparison")?;
        let r = self.seq_compare_inner(host, op, xs, ys);
        self.nested -= 1;
        r
    }

    fn seq_compare_inner(
        &mut self,
        host: &mut dyn Host,
        op: CmpOp,
        xs: &[Value],
        ys: &[Value],
    ) -> PyResult<Value> {
        for (x, y) in xs.iter().zip(ys) {
            if x.is(y) || self.eq(host, x, y)? {
                continue;
            }
            return self.rich_compare(host, op, x, y);
        }
        let (lx, ly) = (xs.len(), ys.len());
        Ok(Value::Bool(match op {
            CmpOp::Lt => lx < ly,
            CmpOp::LtE => lx <= ly,
            CmpOp::Gt => lx > ly,
            _ => lx >= ly,
        }))
    }

    /// `a < b` as a bool (sorting, min, max).
    pub(crate) fn less_than(
        &mut self,
        host: &mut dyn Host,
        a: &Value,
        b: &Value,
    ) -> PyResult<bool> {
        if let (Value::Int(x), Value::Int(y)) = (a, b) {
            return Ok(x < y);
        }
        let r = self.rich_compare(host, CmpOp::Lt, a, b)?;
        self.truthy(host, &r)
    }

    /// `item in container`.
    pub(crate) fn contains(
        &mut self,
        host: &mut dyn Host,
        container: &Value,
        item: &Value,
    ) -> PyResult<bool> {
        match container {
            Value::Str(s) => match item {
                Value::Str(sub) => Ok(s.s.contains(sub.s.as_str())),
                _ => Err(self.type_error(format!(
                    "'in <string>' requires string as left operand, not {}",
                    type_name(item)
                ))),
            },
            Value::List(l) => Ok(self.list_position(host, l, item, 0, usize::MAX)?.is_some()),
            Value::Tuple(t) => {
                for x in t.0.clone().iter() {
                    if x.is(item) || self.eq(host, x, item)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            Value::Dict(d) => {
                let (h, k) = self.key_for(host, container, item)?;
                Ok(d.0.borrow().contains(h, &k))
            }
            Value::Set(s) => {
                let (h, k) = self.key_for(host, container, item)?;
                Ok(s.data.borrow().contains(h, &k))
            }
            Value::Range(r) => Ok(match item {
                Value::Int(i) => {
                    let i = *i;
                    if r.step > 0 {
                        i >= r.start && i < r.stop && (i - r.start) % r.step == 0
                    } else {
                        i <= r.start && i > r.stop && (r.start - i) % (-r.step) == 0
                    }
                }
                _ => {
                    let items = self.iterate(host, container)?;
                    let mut found = false;
                    for x in items {
                        if self.eq(host, &x, item)? {
                            found = true;
                            break;
                        }
                    }
                    found
                }
            }),
            Value::Iter(it) if matches!(&*it.kind.borrow(), IterKind::View { .. }) => {
                let (dict, what) = match &*it.kind.borrow() {
                    IterKind::View { dict, what } => (dict.clone(), *what),
                    _ => unreachable!(),
                };
                match what {
                    DictIterWhat::Keys => {
                        let h = self.hash(host, item)?;
                        Ok(dict.0.borrow().contains(h, item))
                    }
                    _ => {
                        let items = self.iterate(host, container)?;
                        for x in items {
                            if self.eq(host, &x, item)? {
                                return Ok(true);
                            }
                        }
                        Ok(false)
                    }
                }
            }
            Value::Instance(i) => {
                if let Some(f) = i.class.lookup(sym::__contains__) {
                    let r = self.call(host, &f, vec![container.clone(), item.clone()], vec![])?;
                    return self.truthy(host, &r);
                }
                let it = self.get_iter(host, container.clone()).map_err(|_| {
                    self.type_error(format!(
                        "argument of type '{}' is not iterable",
                        type_name(container)
                    ))
                })?;
                while let Some(x) = self.next(host, &it)? {
                    if x.is(item) || self.eq(host, &x, item)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            Value::Iter(_) | Value::Generator(_) => {
                while let Some(x) = self.next(host, container)? {
                    if x.is(item) || self.eq(host, &x, item)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            _ => Err(self.type_error(format!(
                "argument of type '{}' is not iterable",
                type_name(container)
            ))),
        }
    }

    // ---- truth --------------------------------------------------------------

    pub(crate) fn truthy(&mut self, host: &mut dyn Host, v: &Value) -> PyResult<bool> {
        Ok(match v {
            Value::None | Value::Undef => false,
            Value::Bool(b) => *b,
            Value::Int(i) => *i != 0,
            Value::Float(f) => *f != 0.0,
            Value::Str(s) => !s.s.is_empty(),
            Value::List(l) => !l.0.borrow().is_empty(),
            Value::Tuple(t) => !t.0.is_empty(),
            Value::Dict(d) => !d.0.borrow().is_empty(),
            Value::Set(s) => !s.data.borrow().is_empty(),
            Value::Range(r) => !r.is_empty(),
            Value::Instance(i) => {
                if let Some(f) = i.class.lookup(sym::__bool__) {
                    let r = self.call(host, &f, vec![v.clone()], vec![])?;
                    return match r {
                        Value::Bool(b) => Ok(b),
                        other => Err(self.type_error(format!(
                            "__bool__ should return bool, returned {}",
                            type_name(&other)
                        ))),
                    };
                }
                if let Some(f) = i.class.lookup(sym::__len__) {
                    let r = self.call(host, &f, vec![v.clone()], vec![])?;
                    return match r {
                        Value::Int(n) => Ok(n != 0),
                        other => Err(self.type_error(format!(
                            "'{}' object cannot be interpreted as an integer",
                            type_name(&other)
                        ))),
                    };
                }
                true
            }
            Value::Iter(it) => match &*it.kind.borrow() {
                IterKind::View { dict, .. } => !dict.0.borrow().is_empty(),
                _ => true,
            },
            _ => true,
        })
    }
}

fn num_type(n: Num) -> &'static str {
    match n {
        Num::I(_) => "int",
        Num::F(_) => "float",
    }
}

fn num_eq(a: &Value, b: &Value) -> bool {
    num_cmp(a, b) == Some(std::cmp::Ordering::Equal)
}

/// Compare two numbers exactly (ints and floats mixed), `None` for NaN.
pub(crate) fn num_cmp(a: &Value, b: &Value) -> Option<std::cmp::Ordering> {
    let x = as_num(a)?;
    let y = as_num(b)?;
    match (x, y) {
        (Num::I(p), Num::I(q)) => Some(p.cmp(&q)),
        (Num::F(p), Num::F(q)) => p.partial_cmp(&q),
        (Num::I(p), Num::F(q)) => pylib::int_ops::compare_int_float(p, q),
        (Num::F(p), Num::I(q)) => pylib::int_ops::compare_int_float(q, p).map(|o| o.reverse()),
    }
}
