//! Scope analysis: which names are locals, cells, free variables or globals.
//!
//! Follows CPython's `Python/symtable.c` rules for the subset: a name bound
//! anywhere in a function body is local to it (unless declared `global` or
//! `nonlocal`); class bodies do not enclose the functions defined in them;
//! comprehensions and generator expressions are scopes of their own whose
//! first iterable is evaluated in the enclosing scope; `:=` inside a
//! comprehension binds in the nearest enclosing function (or module); a
//! function using `super()` gets an implicit `__class__` cell from its class.

use crate::syntax::ast::*;
use crate::syntax::{Diagnostic, Span};
use std::collections::HashMap;

pub(crate) type ScopeId = usize;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ScopeKind {
    Module,
    Function,
    Class,
    /// List/set/dict comprehension or generator expression.
    Comprehension,
}

/// How a name is accessed in a scope.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Resolved {
    /// A fast local slot.
    Local,
    /// A local captured by an inner scope (lives in a cell).
    Cell,
    /// Captured from an enclosing function.
    Free,
    /// Declared `global`, or the module scope.
    GlobalExplicit,
    /// Not bound anywhere visible: a global or a builtin.
    GlobalImplicit,
    /// Bound in a class body: the class namespace.
    ClassName,
}

const BOUND: u8 = 1;
const USED: u8 = 2;
const PARAM: u8 = 4;
const GLOBAL: u8 = 8;
const NONLOCAL: u8 = 16;
/// Bound in this comprehension by `:=`, which really binds in the enclosing function.
const WALRUS_OUT: u8 = 32;

#[derive(Debug)]
pub(crate) struct Scope {
    pub(crate) kind: ScopeKind,
    pub(crate) name: String,
    pub(crate) parent: Option<ScopeId>,
    pub(crate) children: Vec<ScopeId>,
    /// Names in first-seen order with their flags.
    order: Vec<String>,
    flags: HashMap<String, u8>,
    /// Parameter names in declaration order.
    pub(crate) params: Vec<String>,
    /// Results.
    pub(crate) resolved: HashMap<String, Resolved>,
    pub(crate) cellvars: Vec<String>,
    pub(crate) freevars: Vec<String>,
    /// Local slot names: params first, then other locals.
    pub(crate) varnames: Vec<String>,
    pub(crate) uses_super: bool,
    /// Class scopes: some method needs the implicit `__class__` cell.
    pub(crate) needs_class_cell: bool,
    pub(crate) is_async: bool,
    pub(crate) has_await: bool,
    /// The scope holds a `yield` or `yield from` of its own: a generator
    /// (an async generator with `is_async`).
    pub(crate) has_yield: bool,
    pub(crate) span: Span,
    /// Where each `nonlocal` name was declared (for messages).
    decl_spans: Vec<(String, Span)>,
}

impl Scope {
    fn new(kind: ScopeKind, name: &str, parent: Option<ScopeId>, span: Span) -> Scope {
        Scope {
            kind,
            name: name.to_string(),
            parent,
            children: Vec::new(),
            order: Vec::new(),
            flags: HashMap::new(),
            params: Vec::new(),
            resolved: HashMap::new(),
            cellvars: Vec::new(),
            freevars: Vec::new(),
            varnames: Vec::new(),
            uses_super: false,
            needs_class_cell: false,
            is_async: false,
            has_await: false,
            has_yield: false,
            span,
            decl_spans: Vec::new(),
        }
    }

    fn add(&mut self, name: &str, flag: u8) {
        match self.flags.get_mut(name) {
            Some(f) => *f |= flag,
            None => {
                self.order.push(name.to_string());
                self.flags.insert(name.to_string(), flag);
            }
        }
    }

    fn has(&self, name: &str, flag: u8) -> bool {
        self.flags.get(name).is_some_and(|f| f & flag != 0)
    }

    /// Names this scope binds as its own locals.
    fn binds_locally(&self, name: &str) -> bool {
        self.has(name, BOUND | PARAM) && !self.has(name, GLOBAL | NONLOCAL | WALRUS_OUT)
    }

    pub(crate) fn resolve(&self, name: &str) -> Resolved {
        if let Some(r) = self.resolved.get(name) {
            return *r;
        }
        match self.kind {
            ScopeKind::Module => Resolved::GlobalExplicit,
            _ => Resolved::GlobalImplicit,
        }
    }
}

/// The scopes of a module, keyed by the span of the node that opens each one.
#[derive(Debug)]
pub(crate) struct SymbolTable {
    pub(crate) scopes: Vec<Scope>,
    pub(crate) by_span: HashMap<(u32, u32, u8), ScopeId>,
}

/// Which node kind opened a scope (a lambda and the comprehension that is its
/// whole body can share a span).
#[derive(Clone, Copy)]
pub(crate) enum NodeTag {
    Def = 0,
    Class = 1,
    Lambda = 2,
    Comp = 3,
}

pub(crate) fn key(span: Span, tag: NodeTag) -> (u32, u32, u8) {
    (span.start, span.end, tag as u8)
}

pub(crate) fn build(module: &Module, diags: &mut Vec<Diagnostic>) -> SymbolTable {
    let mut b = Builder {
        table: SymbolTable {
            scopes: vec![Scope::new(ScopeKind::Module, "<module>", None, Span::default())],
            by_span: HashMap::new(),
        },
        cur: 0,
        diags,
    };
    for s in &module.body {
        b.stmt(s);
    }
    b.resolve_all();
    b.table
}

struct Builder<'a> {
    table: SymbolTable,
    cur: ScopeId,
    diags: &'a mut Vec<Diagnostic>,
}

impl Builder<'_> {
    fn scope(&mut self) -> &mut Scope {
        &mut self.table.scopes[self.cur]
    }

    fn push_scope(&mut self, kind: ScopeKind, name: &str, span: Span, tag: NodeTag) -> ScopeId {
        let id = self.table.scopes.len();
        self.table.scopes.push(Scope::new(kind, name, Some(self.cur), span));
        self.table.scopes[self.cur].children.push(id);
        self.table.by_span.insert(key(span, tag), id);
        let prev = self.cur;
        self.cur = id;
        prev
    }

    fn bind(&mut self, name: &str) {
        self.scope().add(name, BOUND);
    }

    fn use_name(&mut self, name: &str) {
        if name == "super" || name == "__class__" {
            self.scope().uses_super = true;
        }
        self.scope().add(name, USED);
    }

    fn stmts(&mut self, body: &[Stmt]) {
        for s in body {
            self.stmt(s);
        }
    }

    fn stmt(&mut self, s: &Stmt) {
        match &s.kind {
            StmtKind::Expr(e) => self.expr(e),
            StmtKind::Assign { targets, value } => {
                self.expr(value);
                for t in targets {
                    self.target(t);
                }
            }
            StmtKind::AugAssign { target, value, .. } => {
                self.expr(value);
                if let ExprKind::Name(n) = &target.kind {
                    self.use_name(n);
                }
                self.target(target);
            }
            StmtKind::AnnAssign { target, annotation, value, .. } => {
                // Annotations are evaluated at module and class level only.
                if self.scope().kind != ScopeKind::Function
                    && self.scope().kind != ScopeKind::Comprehension
                {
                    self.expr(annotation);
                }
                if let Some(v) = value {
                    self.expr(v);
                    self.target(target);
                } else if let ExprKind::Name(n) = &target.kind {
                    // `x: int` makes x local without binding it.
                    self.bind(n);
                }
            }
            StmtKind::FunctionDef(f) => {
                for d in &f.decorators {
                    self.expr(d);
                }
                self.defaults(&f.params);
                // Annotations are evaluated where the `def` runs.
                for p in crate::syntax::check::all_params(&f.params) {
                    if let Some(a) = &p.annotation {
                        self.expr(a);
                    }
                }
                if let Some(r) = &f.returns {
                    self.expr(r);
                }
                self.bind(&f.name);
                let prev = self.push_scope(ScopeKind::Function, &f.name, s.span, NodeTag::Def);
                self.scope().is_async = f.is_async;
                self.params(&f.params);
                self.stmts(&f.body);
                self.cur = prev;
            }
            StmtKind::ClassDef(c) => {
                for d in &c.decorators {
                    self.expr(d);
                }
                for b in &c.bases {
                    self.expr(b);
                }
                self.bind(&c.name);
                let prev = self.push_scope(ScopeKind::Class, &c.name, s.span, NodeTag::Class);
                self.stmts(&c.body);
                self.cur = prev;
            }
            StmtKind::Return(v) => {
                if let Some(v) = v {
                    self.expr(v);
                }
            }
            StmtKind::If { test, body, orelse } | StmtKind::While { test, body, orelse } => {
                self.expr(test);
                self.stmts(body);
                self.stmts(orelse);
            }
            StmtKind::For { target, iter, body, orelse, .. } => {
                self.expr(iter);
                self.target(target);
                self.stmts(body);
                self.stmts(orelse);
            }
            StmtKind::Break | StmtKind::Continue | StmtKind::Pass => {}
            StmtKind::Try(t) => {
                self.stmts(&t.body);
                for h in &t.handlers {
                    if let Some(ty) = &h.typ {
                        self.expr(ty);
                    }
                    if let Some(n) = &h.name {
                        self.bind(n);
                    }
                    self.stmts(&h.body);
                }
                self.stmts(&t.orelse);
                self.stmts(&t.finalbody);
            }
            StmtKind::Raise { exc, cause } => {
                if let Some(e) = exc {
                    self.expr(e);
                }
                if let Some(c) = cause {
                    self.expr(c);
                }
            }
            StmtKind::Assert { test, msg } => {
                self.expr(test);
                if let Some(m) = msg {
                    self.expr(m);
                }
            }
            StmtKind::Delete(targets) => {
                for t in targets {
                    self.target(t);
                }
            }
            StmtKind::With { items, body, .. } => {
                for it in items {
                    self.expr(&it.context_expr);
                    if let Some(v) = &it.optional_vars {
                        self.target(v);
                    }
                }
                self.stmts(body);
            }
            StmtKind::Import(aliases) => {
                for a in aliases {
                    let bound =
                        a.asname.as_deref().unwrap_or_else(|| a.name.split('.').next().unwrap());
                    self.bind(bound);
                }
            }
            StmtKind::ImportFrom { names, .. } => {
                for a in names {
                    self.bind(a.asname.as_deref().unwrap_or(&a.name));
                }
            }
            StmtKind::Global(names) => {
                for n in names {
                    if self.scope().kind != ScopeKind::Module {
                        if self.scope().has(n, BOUND | USED | PARAM) {
                            let what = if self.scope().has(n, PARAM) {
                                format!("name '{n}' is parameter and global")
                            } else if self.scope().has(n, BOUND) {
                                format!("name '{n}' is assigned to before global declaration")
                            } else {
                                format!("name '{n}' is used prior to global declaration")
                            };
                            self.diags.push(Diagnostic::syntax(s.span, what));
                        }
                        self.scope().add(n, GLOBAL);
                    }
                }
            }
            StmtKind::Nonlocal(names) => {
                for n in names {
                    if self.scope().has(n, PARAM) {
                        self.diags.push(Diagnostic::syntax(
                            s.span,
                            format!("name '{n}' is parameter and nonlocal"),
                        ));
                    } else if self.scope().has(n, BOUND | USED) {
                        let what = if self.scope().has(n, BOUND) {
                            "assigned to before"
                        } else {
                            "used prior to"
                        };
                        self.diags.push(Diagnostic::syntax(
                            s.span,
                            format!("name '{n}' is {what} nonlocal declaration"),
                        ));
                    }
                    self.scope().add(n, NONLOCAL);
                    let span = s.span;
                    self.scope().decl_spans.push((n.clone(), span));
                }
            }
        }
    }

    fn defaults(&mut self, p: &Params) {
        for param in p.posonly.iter().chain(&p.args).chain(&p.kwonly) {
            if let Some(d) = &param.default {
                self.expr(d);
            }
        }
    }

    fn params(&mut self, p: &Params) {
        let mut names: Vec<&Param> = p.posonly.iter().chain(&p.args).collect();
        if let Some(v) = &p.vararg {
            names.push(v);
        }
        names.extend(p.kwonly.iter());
        if let Some(k) = &p.kwarg {
            names.push(k);
        }
        for param in names {
            self.scope().add(&param.name, PARAM);
            let name = param.name.clone();
            self.scope().params.push(name);
        }
    }

    /// A binding target (assignment, for, with, del).
    fn target(&mut self, t: &Expr) {
        match &t.kind {
            ExprKind::Name(n) => self.bind(n),
            ExprKind::Tuple(items) | ExprKind::List(items) => {
                for i in items {
                    self.target(i);
                }
            }
            ExprKind::Starred(inner) => self.target(inner),
            ExprKind::Attribute { value, .. } => self.expr(value),
            ExprKind::Subscript { value, index } => {
                self.expr(value);
                self.expr(index);
            }
            _ => self.expr(t),
        }
    }

    fn expr(&mut self, e: &Expr) {
        match &e.kind {
            ExprKind::Name(n) => self.use_name(n),
            ExprKind::Constant(_) => {}
            ExprKind::FString(parts) => self.fstring(parts),
            ExprKind::List(items) | ExprKind::Tuple(items) | ExprKind::Set(items) => {
                for i in items {
                    self.expr(i);
                }
            }
            ExprKind::Dict(items) => {
                for (k, v) in items {
                    if let Some(k) = k {
                        self.expr(k);
                    }
                    self.expr(v);
                }
            }
            ExprKind::Starred(inner) => self.expr(inner),
            ExprKind::BinOp { left, right, .. } => {
                self.expr(left);
                self.expr(right);
            }
            ExprKind::UnaryOp { operand, .. } => self.expr(operand),
            ExprKind::BoolOp { values, .. } => {
                for v in values {
                    self.expr(v);
                }
            }
            ExprKind::Compare { left, comparators, .. } => {
                self.expr(left);
                for c in comparators {
                    self.expr(c);
                }
            }
            ExprKind::IfExp { test, body, orelse } => {
                self.expr(test);
                self.expr(body);
                self.expr(orelse);
            }
            ExprKind::Lambda { params, body } => {
                self.defaults(params);
                let prev =
                    self.push_scope(ScopeKind::Function, "<lambda>", e.span, NodeTag::Lambda);
                self.params(params);
                self.expr(body);
                self.cur = prev;
            }
            ExprKind::Call { func, args, keywords } => {
                self.expr(func);
                for a in args {
                    self.expr(a);
                }
                for k in keywords {
                    self.expr(&k.value);
                }
            }
            ExprKind::Attribute { value, .. } => self.expr(value),
            ExprKind::Subscript { value, index } => {
                self.expr(value);
                self.expr(index);
            }
            ExprKind::Slice { lower, upper, step } => {
                for x in [lower, upper, step].into_iter().flatten() {
                    self.expr(x);
                }
            }
            ExprKind::ListComp { elt, generators }
            | ExprKind::SetComp { elt, generators }
            | ExprKind::GeneratorExp { elt, generators } => {
                let name = match &e.kind {
                    ExprKind::ListComp { .. } => "<listcomp>",
                    ExprKind::SetComp { .. } => "<setcomp>",
                    _ => "<genexpr>",
                };
                self.comprehension(e.span, name, generators, &[elt]);
            }
            ExprKind::DictComp { key, value, generators } => {
                self.comprehension(e.span, "<dictcomp>", generators, &[key, value]);
            }
            ExprKind::Await(inner) => {
                self.mark_await();
                self.expr(inner);
            }
            ExprKind::Yield(value) => {
                self.scope().has_yield = true;
                if let Some(v) = value {
                    self.expr(v);
                }
            }
            ExprKind::YieldFrom(value) => {
                self.scope().has_yield = true;
                self.expr(value);
            }
            ExprKind::NamedExpr { target, value } => {
                self.expr(value);
                self.walrus_bind(target);
            }
        }
    }

    fn mark_await(&mut self) {
        // An await inside a comprehension makes every comprehension scope up to
        // the enclosing function "awaiting" (they are awaited in turn); a
        // generator expression stops it: it becomes an async generator, which
        // nothing awaits where it is made.
        let mut id = self.cur;
        loop {
            let s = &mut self.table.scopes[id];
            s.has_await = true;
            if s.kind != ScopeKind::Comprehension || s.name == "<genexpr>" {
                break;
            }
            match s.parent {
                Some(p) => id = p,
                None => break,
            }
        }
    }

    fn walrus_bind(&mut self, target: &str) {
        // Bind in the nearest non-comprehension scope; comprehensions in between
        // see it as a free (or global) variable.
        let mut id = self.cur;
        while self.table.scopes[id].kind == ScopeKind::Comprehension {
            self.table.scopes[id].add(target, WALRUS_OUT | USED);
            id = self.table.scopes[id].parent.unwrap();
        }
        self.table.scopes[id].add(target, BOUND);
    }

    fn fstring(&mut self, parts: &[FStringPart]) {
        for p in parts {
            if let FStringPart::Expr(fe) = p {
                self.expr(&fe.expr);
                if let Some(spec) = &fe.format_spec {
                    self.fstring(spec);
                }
            }
        }
    }

    fn comprehension(&mut self, span: Span, name: &str, gens: &[Comprehension], elts: &[&Expr]) {
        // The first iterable is evaluated in the enclosing scope.
        self.expr(&gens[0].iter);
        let prev = self.push_scope(ScopeKind::Comprehension, name, span, NodeTag::Comp);
        self.scope().add(".0", PARAM);
        self.scope().params.push(".0".to_string());
        for (i, g) in gens.iter().enumerate() {
            if i > 0 {
                self.expr(&g.iter);
            }
            if g.is_async {
                self.mark_await();
            }
            self.target(&g.target);
            for cond in &g.ifs {
                self.expr(cond);
            }
        }
        for e in elts {
            self.expr(e);
        }
        self.cur = prev;
    }

    // ---- resolution -------------------------------------------------------

    fn resolve_all(&mut self) {
        self.resolve_scope(0, &[]);
    }

    /// `visible`: names bound by enclosing function scopes (innermost last), as
    /// (name, scope id).
    fn resolve_scope(&mut self, id: ScopeId, visible: &[(String, ScopeId)]) {
        let kind = self.table.scopes[id].kind;
        // Nonlocal declarations must find a binding in an enclosing function.
        let order = self.table.scopes[id].order.clone();
        for name in &order {
            let s = &self.table.scopes[id];
            if s.has(name, NONLOCAL) && !visible.iter().any(|(n, _)| n == name) {
                let span = s
                    .decl_spans
                    .iter()
                    .find(|(n, _)| n == name)
                    .map(|(_, sp)| *sp)
                    .unwrap_or(s.span);
                let msg = if kind == ScopeKind::Module {
                    "nonlocal declaration not allowed at module level".to_string()
                } else {
                    format!("no binding for nonlocal '{name}' found")
                };
                self.diags.push(Diagnostic::syntax(span, msg));
            }
        }
        // Names this scope makes visible to nested functions.
        let mut inner_visible: Vec<(String, ScopeId)> = visible.to_vec();
        if matches!(kind, ScopeKind::Function | ScopeKind::Comprehension) {
            for name in &order {
                if self.table.scopes[id].binds_locally(name) {
                    inner_visible.push((name.clone(), id));
                }
            }
        }
        if kind == ScopeKind::Class {
            // Methods see the implicit __class__ cell of their class.
            inner_visible.push(("__class__".to_string(), id));
        }
        // Resolve own names (free variables are finalised below, after children
        // have told us which of our locals they capture).
        for name in &order {
            let s = &self.table.scopes[id];
            let r = if kind == ScopeKind::Module || s.has(name, GLOBAL) {
                Resolved::GlobalExplicit
            } else if s.has(name, NONLOCAL) || s.has(name, WALRUS_OUT) {
                match visible.iter().rev().find(|(n, _)| n == name) {
                    Some(_) => Resolved::Free,
                    None => Resolved::GlobalExplicit,
                }
            } else if kind == ScopeKind::Class && s.has(name, BOUND) {
                Resolved::ClassName
            } else if s.binds_locally(name) {
                Resolved::Local
            } else if let Some((_, owner)) = visible.iter().rev().find(|(n, _)| n == name) {
                if kind == ScopeKind::Class && *owner == id {
                    Resolved::GlobalImplicit
                } else {
                    Resolved::Free
                }
            } else {
                Resolved::GlobalImplicit
            };
            self.table.scopes[id].resolved.insert(name.clone(), r);
        }
        // `super()` needs `__class__` from the enclosing class.
        if self.table.scopes[id].uses_super && kind == ScopeKind::Function {
            if let Some((_, owner)) = visible.iter().rev().find(|(n, _)| n == "__class__") {
                let owner = *owner;
                self.table.scopes[id].resolved.insert("__class__".to_string(), Resolved::Free);
                self.capture(id, owner, "__class__");
            }
        }
        let children = self.table.scopes[id].children.clone();
        for c in children {
            self.resolve_scope(c, &inner_visible);
        }
        // Free variables of this scope: capture them from their owners.
        let frees: Vec<String> = self.table.scopes[id]
            .order
            .iter()
            .filter(|n| self.table.scopes[id].resolved.get(*n) == Some(&Resolved::Free))
            .cloned()
            .collect();
        for name in frees {
            if let Some((_, owner)) = visible.iter().rev().find(|(n, _)| *n == name) {
                let owner = *owner;
                self.capture(id, owner, &name);
            }
        }
        // Slots: parameters first, then locals in first-seen order.
        let s = &mut self.table.scopes[id];
        if kind != ScopeKind::Module && kind != ScopeKind::Class {
            let mut varnames = s.params.clone();
            for name in &s.order {
                if !varnames.contains(name)
                    && matches!(s.resolved.get(name), Some(Resolved::Local) | Some(Resolved::Cell))
                {
                    varnames.push(name.clone());
                }
            }
            s.varnames = varnames;
        }
    }

    /// `user` (a nested scope) captures `name` owned by scope `owner`: every
    /// scope from `user` up to (not including) `owner` gets it as a free
    /// variable; `owner` turns its local into a cell.
    fn capture(&mut self, user: ScopeId, owner: ScopeId, name: &str) {
        let mut id = user;
        while id != owner {
            let s = &mut self.table.scopes[id];
            if !s.freevars.iter().any(|n| n == name) {
                s.freevars.push(name.to_string());
            }
            // Class scopes in between keep their own namespace for the name.
            if s.kind != ScopeKind::Class || !s.resolved.contains_key(name) {
                if s.kind == ScopeKind::Class {
                    // a class body between the owner and the user: passes it through
                } else {
                    s.resolved.insert(name.to_string(), Resolved::Free);
                }
            }
            id = s.parent.expect("capture owner is an ancestor");
        }
        let s = &mut self.table.scopes[owner];
        if s.kind == ScopeKind::Class {
            // __class__
            s.needs_class_cell = true;
            if !s.cellvars.iter().any(|n| n == name) {
                s.cellvars.push(name.to_string());
            }
            return;
        }
        s.resolved.insert(name.to_string(), Resolved::Cell);
        if !s.cellvars.iter().any(|n| n == name) {
            s.cellvars.push(name.to_string());
        }
    }
}
