//! Exception groups (PEP 654): `split`, `subgroup`, `derive` and what
//! `except*` does with them, in the steps of CPython's `Objects/exceptions.c`
//! (`exceptiongroup_split_recursive`, `_PyExc_PrepReraiseStar`) and
//! `Python/ceval.c` (`_PyEval_ExceptionGroupMatch`).

use super::exc::{is_exception, with_exc, ExcKind};
use super::intern::Symbol;
use super::types::type_name;
use super::value::*;
use super::{Host, PyResult, Vm};

/// What `split` keeps.
enum Matcher {
    /// An exception class or a tuple of them: `isinstance`.
    Type(Value),
    /// A callable called with each leaf (and each group, first).
    Predicate(Value),
    /// The leaves with these ids (`except*`'s re-raise projection).
    Leaves(Vec<u64>),
}

impl Vm {
    /// The message and exceptions of a group, if `v` is one.
    pub(crate) fn group_parts(&self, v: &Value) -> Option<(Value, Vec<Value>)> {
        with_exc(v, |d| d.group.clone()).flatten().map(|(m, e)| {
            let items = match e {
                Value::Tuple(t) => t.0.clone(),
                _ => vec![],
            };
            (m, items)
        })
    }

    /// `BaseExceptionGroup(msg, excs)`: an `ExceptionGroup` when every
    /// exception is an `Exception`.
    pub(crate) fn make_group(
        &mut self,
        host: &mut dyn Host,
        msg: Value,
        excs: Vec<Value>,
    ) -> PyResult<Value> {
        let all_exc = excs.iter().all(|e| self.exc_is(e, ExcKind::Exception));
        let kind = if all_exc { ExcKind::ExceptionGroup } else { ExcKind::BaseExceptionGroup };
        let cls = Value::Class(self.types.exc_class(kind).clone());
        self.call(host, &cls, vec![msg, Value::list(excs)], vec![])
    }

    /// `orig.derive(excs)` with `orig`'s notes, cause, context and
    /// traceback (CPython's `exceptiongroup_subset`); `None` for no exceptions.
    fn group_subset(
        &mut self,
        host: &mut dyn Host,
        orig: &Value,
        excs: Vec<Value>,
    ) -> PyResult<Value> {
        if excs.is_empty() {
            return Ok(Value::None);
        }
        let eg =
            self.call_method(host, orig, Symbol::new("derive"), vec![Value::list(excs)], vec![])?;
        if self.group_parts(&eg).is_none() {
            return Err(self.type_error("derive must return an instance of BaseExceptionGroup"));
        }
        copy_metadata(orig, &eg);
        Ok(eg)
    }

    fn matches(&mut self, host: &mut dyn Host, exc: &Value, m: &Matcher) -> PyResult<bool> {
        match m {
            Matcher::Type(t) => Ok(self.isinstance_of(exc, t)),
            Matcher::Predicate(f) => {
                let r = self.call(host, f, vec![exc.clone()], vec![])?;
                self.truthy(host, &r)
            }
            Matcher::Leaves(ids) => Ok(match exc {
                Value::Instance(i) => ids.contains(&i.id),
                _ => false,
            }),
        }
    }

    fn isinstance_of(&self, exc: &Value, t: &Value) -> bool {
        match t {
            Value::Class(c) => self.class_of(exc).is_subclass(c),
            Value::Tuple(items) => items.0.iter().any(|t| self.isinstance_of(exc, t)),
            _ => false,
        }
    }

    /// `exceptiongroup_split_recursive`: (match, rest), `None` for nothing.
    fn split_rec(
        &mut self,
        host: &mut dyn Host,
        exc: &Value,
        m: &Matcher,
        rest: bool,
    ) -> PyResult<(Value, Value)> {
        if self.nested > 200 {
            return Err(
                self.new_error(ExcKind::RecursionError, "maximum recursion depth exceeded".into())
            );
        }
        if self.matches(host, exc, m)? {
            return Ok((exc.clone(), Value::None));
        }
        let Some((_, excs)) = self.group_parts(exc) else {
            return Ok((Value::None, if rest { exc.clone() } else { Value::None }));
        };
        let mut matched = Vec::new();
        let mut others = Vec::new();
        self.nested += 1;
        for e in &excs {
            let r = self.split_rec(host, e, m, rest);
            let (a, b) = match r {
                Ok(r) => r,
                Err(err) => {
                    self.nested -= 1;
                    return Err(err);
                }
            };
            if !a.is_none() {
                matched.push(a);
            }
            if !b.is_none() {
                others.push(b);
            }
        }
        self.nested -= 1;
        let a = self.group_subset(host, exc, matched)?;
        let b = if rest { self.group_subset(host, exc, others)? } else { Value::None };
        Ok((a, b))
    }

    /// The condition of `split` / `subgroup`.
    fn matcher(&self, cond: &Value) -> PyResult<Matcher> {
        let is_type = |v: &Value| matches!(v, Value::Class(c) if c.is_exception_class());
        match cond {
            v if is_type(v) => Ok(Matcher::Type(v.clone())),
            Value::Tuple(t) if t.0.iter().all(is_type) => Ok(Matcher::Type(cond.clone())),
            Value::Function(_) | Value::Builtin(_) | Value::Method(_) => Ok(Matcher::Predicate(cond.clone())),
            _ => Err(self.type_error("expected an exception type, a tuple of exception types, or a callable (other than a class)")),
        }
    }

    /// `eg.split(condition)`.
    pub(crate) fn group_split(
        &mut self,
        host: &mut dyn Host,
        eg: &Value,
        cond: &Value,
    ) -> PyResult<Value> {
        let m = self.matcher(cond)?;
        let (a, b) = self.split_rec(host, eg, &m, true)?;
        Ok(Value::tuple(vec![a, b]))
    }

    /// `eg.subgroup(condition)`.
    pub(crate) fn group_subgroup(
        &mut self,
        host: &mut dyn Host,
        eg: &Value,
        cond: &Value,
    ) -> PyResult<Value> {
        let m = self.matcher(cond)?;
        Ok(self.split_rec(host, eg, &m, false)?.0)
    }

    /// `except* T` (`_PyEval_ExceptionGroupMatch`): the rest and the match of
    /// `exc` (`None` for none). A bare exception that matches is wrapped in
    /// a group.
    pub(crate) fn eg_match(
        &mut self,
        host: &mut dyn Host,
        exc: Value,
        ty: &Value,
    ) -> PyResult<(Value, Value)> {
        self.check_except_star_type(ty)?;
        if exc.is_none() {
            return Ok((Value::None, Value::None));
        }
        if self.isinstance_of(&exc, ty) {
            if self.group_parts(&exc).is_some() {
                return Ok((Value::None, exc));
            }
            let wrapped = self.make_group(host, Value::str(""), vec![exc.clone()])?;
            let tb = with_exc(&exc, |d| d.traceback.clone()).unwrap_or_default();
            with_exc(&wrapped, |d| d.traceback = tb);
            return Ok((Value::None, wrapped));
        }
        if self.group_parts(&exc).is_some() {
            let m = Matcher::Type(ty.clone());
            let (a, b) = self.split_rec(host, &exc, &m, true)?;
            return Ok((b, a));
        }
        Ok((exc, Value::None))
    }

    fn check_except_star_type(&self, ty: &Value) -> PyResult<()> {
        let items: Vec<Value> = match ty {
            Value::Tuple(t) => t.0.clone(),
            v => vec![v.clone()],
        };
        for t in &items {
            match t {
                Value::Class(c) if c.is_exception_class() => {
                    if c.is_subclass(self.types.exc_class(ExcKind::BaseExceptionGroup)) {
                        return Err(self.type_error(
                            "catching ExceptionGroup with except* is not allowed. Use except instead.",
                        ));
                    }
                }
                _ => {
                    return Err(self.type_error(
                        "catching classes that do not inherit from BaseException is not allowed",
                    ));
                }
            }
        }
        Ok(())
    }

    /// The end of a `try/except*` (`_PyExc_PrepReraiseStar`): what the
    /// handlers raised and the unhandled rest, in the list, become one
    /// exception to raise (or `None`). Re-raised parts of the original keep
    /// its structure.
    pub(crate) fn prep_reraise_star(
        &mut self,
        host: &mut dyn Host,
        orig: &Value,
        list: &Value,
    ) -> PyResult<Value> {
        let excs: Vec<Value> = match list {
            Value::List(l) => l.0.borrow().iter().filter(|v| !v.is_none()).cloned().collect(),
            _ => vec![],
        };
        if excs.is_empty() {
            return Ok(Value::None);
        }
        if self.group_parts(orig).is_none() {
            // A bare exception: at most one thing to raise.
            return Ok(excs[0].clone());
        }
        let mut raised = Vec::new();
        let mut reraised = Vec::new();
        for e in excs {
            if same_metadata(&e, orig) {
                reraised.push(e);
            } else {
                raised.push(e);
            }
        }
        let mut ids = Vec::new();
        for e in &reraised {
            self.leaf_ids(e, &mut ids);
        }
        let projected = if ids.is_empty() {
            Value::None
        } else {
            self.split_rec(host, orig, &Matcher::Leaves(ids), false)?.0
        };
        if raised.is_empty() {
            return Ok(projected);
        }
        if !projected.is_none() {
            raised.push(projected);
        }
        self.make_group(host, Value::str(""), raised)
    }

    fn leaf_ids(&self, e: &Value, out: &mut Vec<u64>) {
        match self.group_parts(e) {
            Some((_, excs)) => {
                for x in &excs {
                    self.leaf_ids(x, out);
                }
            }
            None => {
                if let Value::Instance(i) = e {
                    out.push(i.id);
                }
            }
        }
    }
}

/// A part split off `orig` carries `orig`'s cause, context and notes
/// (CPython's `is_same_exception_metadata`).
fn same_metadata(e: &Value, orig: &Value) -> bool {
    if e.is(orig) {
        return true;
    }
    let a = with_exc(e, |d| (d.cause.clone(), d.context.clone()));
    let b = with_exc(orig, |d| (d.cause.clone(), d.context.clone()));
    let notes = |v: &Value| match v {
        Value::Instance(i) => {
            i.attrs.borrow().get(super::intern::sym::__notes__).cloned().unwrap_or(Value::None)
        }
        _ => Value::None,
    };
    match (a, b) {
        (Some((c1, x1)), Some((c2, x2))) => c1.is(&c2) && x1.is(&x2) && notes(e).is(&notes(orig)),
        _ => false,
    }
}

fn copy_metadata(from: &Value, to: &Value) {
    let Some((cause, context, sup, tb)) = with_exc(from, |d| {
        (d.cause.clone(), d.context.clone(), d.suppress_context, d.traceback.clone())
    }) else {
        return;
    };
    with_exc(to, |d| {
        d.cause = cause;
        d.context = context;
        d.suppress_context = sup;
        d.traceback = tb;
    });
    if let (Value::Instance(a), Value::Instance(b)) = (from, to) {
        if let Some(n) = a.attrs.borrow().get(super::intern::sym::__notes__).cloned() {
            b.attrs.borrow_mut().set(super::intern::sym::__notes__, n);
        }
    }
}

/// `split`, `subgroup`, `derive` and `__class_getitem__`-less reading of
/// `message` / `exceptions` on `BaseExceptionGroup`.
pub(crate) fn install(vm: &mut Vm) {
    let g = vm.types.exc_class(ExcKind::BaseExceptionGroup).clone();
    fn me(vm: &Vm, args: &[Value], m: &str) -> PyResult<Value> {
        match args.first() {
            Some(v) if is_exception(v) && vm.group_parts(v).is_some() => Ok(v.clone()),
            v => Err(vm.type_error(format!(
                "descriptor '{m}' for 'BaseExceptionGroup' objects doesn't apply to a '{}' object",
                v.map(type_name).unwrap_or_else(|| "nothing".into())
            ))),
        }
    }
    super::types::add_native(&g, "split", |vm, h, args, _kw| {
        let eg = me(vm, args, "split")?;
        let cond = args.get(1).cloned().ok_or_else(|| {
            vm.type_error("BaseExceptionGroup.split() takes exactly one argument (0 given)")
        })?;
        vm.group_split(h, &eg, &cond)
    });
    super::types::add_native(&g, "subgroup", |vm, h, args, _kw| {
        let eg = me(vm, args, "subgroup")?;
        let cond = args.get(1).cloned().ok_or_else(|| {
            vm.type_error("BaseExceptionGroup.subgroup() takes exactly one argument (0 given)")
        })?;
        vm.group_subgroup(h, &eg, &cond)
    });
    super::types::add_native(&g, "derive", |vm, h, args, _kw| {
        let eg = me(vm, args, "derive")?;
        let (msg, _) = vm.group_parts(&eg).expect("checked");
        let excs = args.get(1).cloned().ok_or_else(|| {
            vm.type_error("BaseExceptionGroup.derive() takes exactly one argument (0 given)")
        })?;
        let items = vm.iterate(h, &excs)?;
        vm.make_group(h, msg, items)
    });
}
