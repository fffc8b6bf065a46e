//! AST shapes and spans.
//!
//! `tests/syntax/shapes.txt` holds pairs of lines: a program (a newline written `⏎`)
//! and the S-expression of its statements, as printed by [`Sexp`] below. Entries are
//! separated by blank lines; `#` lines are comments. `UPDATE_EXPECT=1` rewrites the
//! S-expressions (check each change by hand against `ast.dump(ast.parse(...))`).
//!
//! The span tests walk every tree parsed from the valid cases and the scenarios and
//! check what the VM and the compiler rely on: every span lies inside its parent's,
//! statement spans start and end on token text, names' spans hold the name, and the
//! spans keying the compiler's scope table (`def`/`class` statements, lambdas,
//! comprehensions) are distinct.

use loopscope::syntax::ast::*;
use loopscope::syntax::{parse, tokenize, Span, TokenKind};
use std::collections::HashSet;
use std::fmt::Write;
use std::path::Path;

/// Prints trees as compact S-expressions.
struct Sexp(String);

impl Sexp {
    fn module(m: &Module) -> String {
        let mut s = Sexp(String::new());
        s.stmts_bare(&m.body);
        s.0
    }

    fn w(&mut self, text: &str) {
        self.0.push_str(text);
    }

    fn stmts_bare(&mut self, body: &[Stmt]) {
        for (i, st) in body.iter().enumerate() {
            if i > 0 {
                self.w(" ");
            }
            self.stmt(st);
        }
    }

    fn block(&mut self, body: &[Stmt]) {
        self.w("(");
        self.stmts_bare(body);
        self.w(")");
    }

    fn stmt(&mut self, st: &Stmt) {
        match &st.kind {
            StmtKind::Expr(e) => self.expr(e),
            StmtKind::Assign { targets, value } => {
                self.w("(=");
                for t in targets {
                    self.w(" ");
                    self.expr(t);
                }
                self.w(" ");
                self.expr(value);
                self.w(")");
            }
            StmtKind::AugAssign { target, op, value } => {
                let sym = op.symbol();
                write!(self.0, "({sym}= ").unwrap();
                self.expr(target);
                self.w(" ");
                self.expr(value);
                self.w(")");
            }
            StmtKind::AnnAssign { target, value, .. } => {
                self.w("(: ");
                self.expr(target);
                if let Some(v) = value {
                    self.w(" ");
                    self.expr(v);
                }
                self.w(")");
            }
            StmtKind::FunctionDef(d) => {
                write!(self.0, "({} {}", if d.is_async { "async-def" } else { "def" }, d.name)
                    .unwrap();
                if !d.decorators.is_empty() {
                    self.w(" (@");
                    for e in &d.decorators {
                        self.w(" ");
                        self.expr(e);
                    }
                    self.w(")");
                }
                self.w(" ");
                self.params(&d.params);
                self.w(" ");
                self.stmts_bare(&d.body);
                self.w(")");
            }
            StmtKind::ClassDef(d) => {
                write!(self.0, "(class {}", d.name).unwrap();
                if !d.decorators.is_empty() {
                    self.w(" (@");
                    for e in &d.decorators {
                        self.w(" ");
                        self.expr(e);
                    }
                    self.w(")");
                }
                self.w(" (");
                self.exprs(&d.bases);
                self.w(") ");
                self.stmts_bare(&d.body);
                self.w(")");
            }
            StmtKind::Return(v) => {
                self.w("(return");
                if let Some(v) = v {
                    self.w(" ");
                    self.expr(v);
                }
                self.w(")");
            }
            StmtKind::If { test, body, orelse } => self.cond("if", test, body, orelse),
            StmtKind::While { test, body, orelse } => self.cond("while", test, body, orelse),
            StmtKind::For { target, iter, body, orelse, is_async } => {
                self.w(if *is_async { "(async-for " } else { "(for " });
                self.expr(target);
                self.w(" ");
                self.expr(iter);
                self.w(" ");
                self.block(body);
                if !orelse.is_empty() {
                    self.w(" (else ");
                    self.stmts_bare(orelse);
                    self.w(")");
                }
                self.w(")");
            }
            StmtKind::Break => self.w("break"),
            StmtKind::Continue => self.w("continue"),
            StmtKind::Pass => self.w("pass"),
            StmtKind::Try(t) => {
                self.w("(try ");
                self.block(&t.body);
                for h in &t.handlers {
                    self.w(if t.star { " (except*" } else { " (except" });
                    if let Some(typ) = &h.typ {
                        self.w(" ");
                        self.expr(typ);
                    }
                    if let Some(n) = &h.name {
                        write!(self.0, " as {n}").unwrap();
                    }
                    self.w(" ");
                    self.stmts_bare(&h.body);
                    self.w(")");
                }
                if !t.orelse.is_empty() {
                    self.w(" (else ");
                    self.stmts_bare(&t.orelse);
                    self.w(")");
                }
                if !t.finalbody.is_empty() {
                    self.w(" (finally ");
                    self.stmts_bare(&t.finalbody);
                    self.w(")");
                }
                self.w(")");
            }
            StmtKind::Raise { exc, cause } => {
                self.w("(raise");
                if let Some(e) = exc {
                    self.w(" ");
                    self.expr(e);
                }
                if let Some(c) = cause {
                    self.w(" from ");
                    self.expr(c);
                }
                self.w(")");
            }
            StmtKind::Assert { test, msg } => {
                self.w("(assert ");
                self.expr(test);
                if let Some(m) = msg {
                    self.w(" ");
                    self.expr(m);
                }
                self.w(")");
            }
            StmtKind::Delete(ts) => {
                self.w("(del ");
                self.exprs(ts);
                self.w(")");
            }
            StmtKind::With { items, body, is_async } => {
                self.w(if *is_async { "(async-with (" } else { "(with (" });
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        self.w(" ");
                    }
                    match &item.optional_vars {
                        Some(v) => {
                            self.w("(");
                            self.expr(&item.context_expr);
                            self.w(" as ");
                            self.expr(v);
                            self.w(")");
                        }
                        None => self.expr(&item.context_expr),
                    }
                }
                self.w(") ");
                self.stmts_bare(body);
                self.w(")");
            }
            StmtKind::Import(names) => {
                self.w("(import");
                self.aliases(names);
                self.w(")");
            }
            StmtKind::ImportFrom { module, names } => {
                write!(self.0, "(from {module}").unwrap();
                self.aliases(names);
                self.w(")");
            }
            StmtKind::Global(ns) => write!(self.0, "(global {})", ns.join(" ")).unwrap(),
            StmtKind::Nonlocal(ns) => write!(self.0, "(nonlocal {})", ns.join(" ")).unwrap(),
        }
    }

    fn cond(&mut self, kw: &str, test: &Expr, body: &[Stmt], orelse: &[Stmt]) {
        write!(self.0, "({kw} ").unwrap();
        self.expr(test);
        self.w(" ");
        self.block(body);
        if !orelse.is_empty() {
            self.w(" ");
            self.block(orelse);
        }
        self.w(")");
    }

    fn aliases(&mut self, names: &[Alias]) {
        for a in names {
            match &a.asname {
                Some(n) => write!(self.0, " ({} as {n})", a.name).unwrap(),
                None => write!(self.0, " {}", a.name).unwrap(),
            }
        }
    }

    fn params(&mut self, p: &Params) {
        self.w("(");
        let mut parts: Vec<String> = Vec::new();
        let param = |p: &Param| -> String {
            match &p.default {
                Some(d) => {
                    let mut s = Sexp(String::new());
                    s.expr(d);
                    format!("({} {})", p.name, s.0)
                }
                None => p.name.clone(),
            }
        };
        for x in &p.posonly {
            parts.push(param(x));
        }
        if !p.posonly.is_empty() {
            parts.push("/".into());
        }
        for x in &p.args {
            parts.push(param(x));
        }
        match &p.vararg {
            Some(v) => parts.push(format!("*{}", v.name)),
            None if !p.kwonly.is_empty() => parts.push("*".into()),
            None => {}
        }
        for x in &p.kwonly {
            parts.push(param(x));
        }
        if let Some(k) = &p.kwarg {
            parts.push(format!("**{}", k.name));
        }
        self.w(&parts.join(" "));
        self.w(")");
    }

    fn exprs(&mut self, es: &[Expr]) {
        for (i, e) in es.iter().enumerate() {
            if i > 0 {
                self.w(" ");
            }
            self.expr(e);
        }
    }

    fn node(&mut self, head: &str, es: &[&Expr]) {
        write!(self.0, "({head}").unwrap();
        for e in es {
            self.w(" ");
            self.expr(e);
        }
        self.w(")");
    }

    fn seq(&mut self, head: &str, es: &[Expr]) {
        write!(self.0, "({head}").unwrap();
        for e in es {
            self.w(" ");
            self.expr(e);
        }
        self.w(")");
    }

    fn expr(&mut self, e: &Expr) {
        match &e.kind {
            ExprKind::Name(n) => self.w(n),
            ExprKind::Constant(c) => match c {
                Constant::None => self.w("None"),
                Constant::Bool(b) => self.w(if *b { "True" } else { "False" }),
                Constant::Int(i) => write!(self.0, "{i}").unwrap(),
                Constant::Float(f) => write!(self.0, "{f:?}").unwrap(),
                Constant::Str(s) => write!(self.0, "{s:?}").unwrap(),
                Constant::Ellipsis => self.w("..."),
            },
            ExprKind::FString(parts) => {
                self.w("(f");
                self.fparts(parts);
                self.w(")");
            }
            ExprKind::List(es) => self.seq("list", es),
            ExprKind::Tuple(es) => self.seq("tuple", es),
            ExprKind::Set(es) => self.seq("set", es),
            ExprKind::Dict(items) => {
                self.w("(dict");
                for (k, v) in items {
                    match k {
                        Some(k) => {
                            self.w(" (");
                            self.expr(k);
                            self.w(" ");
                            self.expr(v);
                            self.w(")");
                        }
                        None => {
                            self.w(" (** ");
                            self.expr(v);
                            self.w(")");
                        }
                    }
                }
                self.w(")");
            }
            ExprKind::Starred(x) => self.node("*", &[x]),
            ExprKind::BinOp { left, op, right } => {
                let sym = op.symbol();
                self.node(sym, &[left, right]);
            }
            ExprKind::UnaryOp { op, operand } => {
                let head = match op {
                    UnaryOp::Invert => "~",
                    UnaryOp::Not => "not",
                    UnaryOp::UAdd => "pos",
                    UnaryOp::USub => "neg",
                };
                self.node(head, &[operand]);
            }
            ExprKind::BoolOp { op, values } => {
                self.seq(if *op == BoolOp::And { "and" } else { "or" }, values)
            }
            ExprKind::Compare { left, ops, comparators } => {
                self.w("(cmp ");
                self.expr(left);
                for (op, c) in ops.iter().zip(comparators) {
                    let sym = match op {
                        CmpOp::Eq => "==",
                        CmpOp::NotEq => "!=",
                        CmpOp::Lt => "<",
                        CmpOp::LtE => "<=",
                        CmpOp::Gt => ">",
                        CmpOp::GtE => ">=",
                        CmpOp::Is => "is",
                        CmpOp::IsNot => "is-not",
                        CmpOp::In => "in",
                        CmpOp::NotIn => "not-in",
                    };
                    write!(self.0, " {sym} ").unwrap();
                    self.expr(c);
                }
                self.w(")");
            }
            ExprKind::IfExp { test, body, orelse } => self.node("ifexp", &[test, body, orelse]),
            ExprKind::Lambda { params, body } => {
                self.w("(lambda ");
                self.params(params);
                self.w(" ");
                self.expr(body);
                self.w(")");
            }
            ExprKind::Call { func, args, keywords } => {
                self.w("(call ");
                self.expr(func);
                for a in args {
                    self.w(" ");
                    self.expr(a);
                }
                for k in keywords {
                    match &k.arg {
                        Some(n) => write!(self.0, " (kw {n} ").unwrap(),
                        None => self.w(" (** "),
                    }
                    self.expr(&k.value);
                    self.w(")");
                }
                self.w(")");
            }
            ExprKind::Attribute { value, attr } => {
                self.w("(. ");
                self.expr(value);
                write!(self.0, " {attr})").unwrap();
            }
            ExprKind::Subscript { value, index } => self.node("[]", &[value, index]),
            ExprKind::Slice { lower, upper, step } => {
                self.w("(slice");
                for part in [lower, upper, step] {
                    match part {
                        Some(p) => {
                            self.w(" ");
                            self.expr(p);
                        }
                        None => self.w(" _"),
                    }
                }
                self.w(")");
            }
            ExprKind::ListComp { elt, generators } => self.comp("listcomp", &[elt], generators),
            ExprKind::SetComp { elt, generators } => self.comp("setcomp", &[elt], generators),
            ExprKind::GeneratorExp { elt, generators } => self.comp("genexp", &[elt], generators),
            ExprKind::DictComp { key, value, generators } => {
                self.comp("dictcomp", &[key, value], generators)
            }
            ExprKind::Await(x) => self.node("await", &[x]),
            ExprKind::Yield(None) => self.w("(yield)"),
            ExprKind::Yield(Some(x)) => self.node("yield", &[x]),
            ExprKind::YieldFrom(x) => self.node("yield-from", &[x]),
            ExprKind::NamedExpr { target, value } => {
                write!(self.0, "(:= {target} ").unwrap();
                self.expr(value);
                self.w(")");
            }
        }
    }

    fn comp(&mut self, head: &str, elts: &[&Expr], generators: &[Comprehension]) {
        self.node(head, elts);
        self.0.pop();
        for g in generators {
            self.w(if g.is_async { " (async-for " } else { " (for " });
            self.expr(&g.target);
            self.w(" ");
            self.expr(&g.iter);
            for c in &g.ifs {
                self.w(" (if ");
                self.expr(c);
                self.w(")");
            }
            self.w(")");
        }
        self.w(")");
    }

    fn fparts(&mut self, parts: &[FStringPart]) {
        for p in parts {
            match p {
                FStringPart::Literal(s) => write!(self.0, " {s:?}").unwrap(),
                FStringPart::Expr(f) => {
                    self.w(" (fmt ");
                    self.expr(&f.expr);
                    if let Some(c) = f.conversion {
                        write!(self.0, " !{c}").unwrap();
                    }
                    if let Some(spec) = &f.format_spec {
                        self.w(" (spec");
                        self.fparts(spec);
                        self.w(")");
                    }
                    if let Some(d) = &f.debug_text {
                        write!(self.0, " (debug {d:?})").unwrap();
                    }
                    self.w(")");
                }
            }
        }
    }
}

#[test]
fn shapes() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/syntax/shapes.txt");
    let text = std::fs::read_to_string(&path).expect("read shapes.txt");
    let update = std::env::var_os("UPDATE_EXPECT").is_some();
    let mut out = String::new();
    let mut failures = Vec::new();
    let mut count = 0;
    let lines: Vec<&str> = text.lines().collect();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        if line.is_empty() || line.starts_with('#') {
            out.push_str(line);
            out.push('\n');
            i += 1;
            continue;
        }
        let src = line.replace('⏎', "\n");
        let want = lines.get(i + 1).copied().unwrap_or("");
        let (module, diags) = parse(&src);
        let got = if diags.is_empty() {
            Sexp::module(&module)
        } else {
            format!("ERROR {:?}", diags.iter().map(|d| d.message.as_str()).collect::<Vec<_>>())
        };
        if got != want {
            failures.push(format!("{line}\n  want: {want}\n  got:  {got}"));
        }
        out.push_str(line);
        out.push('\n');
        out.push_str(&got);
        out.push('\n');
        count += 1;
        i += 2;
    }
    if update {
        std::fs::write(&path, out).expect("write shapes.txt");
        return;
    }
    assert!(
        failures.is_empty(),
        "{} of {count} shapes differ:\n{}",
        failures.len(),
        failures.join("\n")
    );
    eprintln!("{count} shapes");
}

// ---- spans ----

/// Checks span invariants of one tree; returns a list of problems.
struct SpanCheck<'s> {
    src: &'s str,
    problems: Vec<String>,
    /// (kind, span) of the nodes keying the compiler's scope table.
    scopes: Vec<(&'static str, Span)>,
}

impl SpanCheck<'_> {
    fn text(&self, span: Span) -> &str {
        self.src.get(span.start as usize..span.end as usize).unwrap_or("<bad span>")
    }

    fn problem(&mut self, what: &str, span: Span) {
        let text: String = self.text(span).chars().take(40).collect();
        self.problems.push(format!("{what} at {span:?}: {text:?}"));
    }

    fn inside(&mut self, what: &str, child: Span, parent: Span) {
        if child.start < parent.start || child.end > parent.end || child.start > child.end {
            self.problem(&format!("{what} outside its parent {parent:?}"), child);
        }
    }

    /// A statement or expression span starts and ends on token text.
    fn tight(&mut self, what: &str, span: Span) {
        let t = self.text(span);
        if t.is_empty() || t.starts_with(char::is_whitespace) || t.ends_with(char::is_whitespace) {
            self.problem(&format!("{what} span not tight"), span);
        }
    }

    fn stmts(&mut self, body: &[Stmt], parent: Span) {
        for s in body {
            self.inside("statement", s.span, parent);
            self.stmt(s);
        }
    }

    fn stmt(&mut self, s: &Stmt) {
        self.tight("statement", s.span);
        let sp = s.span;
        match &s.kind {
            StmtKind::Expr(e) => self.expr(e, sp),
            StmtKind::Assign { targets, value } => {
                for t in targets {
                    self.expr(t, sp);
                }
                self.expr(value, sp);
            }
            StmtKind::AugAssign { target, value, .. } => {
                self.expr(target, sp);
                self.expr(value, sp);
            }
            StmtKind::AnnAssign { target, annotation, value, .. } => {
                self.expr(target, sp);
                self.expr(annotation, sp);
                if let Some(v) = value {
                    self.expr(v, sp);
                }
            }
            StmtKind::FunctionDef(d) => {
                self.scopes.push(("def", sp));
                if self.text(d.name_span) != d.name {
                    self.problem("name_span", d.name_span);
                }
                self.inside("name", d.name_span, sp);
                self.params(&d.params, sp);
                self.stmts(&d.body, sp);
            }
            StmtKind::ClassDef(d) => {
                self.scopes.push(("class", sp));
                if self.text(d.name_span) != d.name {
                    self.problem("name_span", d.name_span);
                }
                for b in &d.bases {
                    self.expr(b, sp);
                }
                self.stmts(&d.body, sp);
            }
            StmtKind::Return(v) => {
                if let Some(v) = v {
                    self.expr(v, sp);
                }
            }
            StmtKind::If { test, body, orelse } | StmtKind::While { test, body, orelse } => {
                self.expr(test, sp);
                self.stmts(body, sp);
                self.stmts(orelse, sp);
            }
            StmtKind::For { target, iter, body, orelse, .. } => {
                self.expr(target, sp);
                self.expr(iter, sp);
                self.stmts(body, sp);
                self.stmts(orelse, sp);
            }
            StmtKind::Try(t) => {
                self.stmts(&t.body, sp);
                for h in &t.handlers {
                    self.inside("handler", h.span, sp);
                    if !self.text(h.span).starts_with("except") {
                        self.problem("handler span", h.span);
                    }
                    if let Some(typ) = &h.typ {
                        self.expr(typ, h.span);
                    }
                    self.stmts(&h.body, h.span);
                }
                self.stmts(&t.orelse, sp);
                self.stmts(&t.finalbody, sp);
            }
            StmtKind::Raise { exc, cause } => {
                for e in exc.iter().chain(cause) {
                    self.expr(e, sp);
                }
            }
            StmtKind::Assert { test, msg } => {
                self.expr(test, sp);
                if let Some(m) = msg {
                    self.expr(m, sp);
                }
            }
            StmtKind::Delete(ts) => {
                for t in ts {
                    self.expr(t, sp);
                }
            }
            StmtKind::With { items, body, .. } => {
                for i in items {
                    self.expr(&i.context_expr, sp);
                    if let Some(v) = &i.optional_vars {
                        self.expr(v, sp);
                    }
                }
                self.stmts(body, sp);
            }
            StmtKind::Import(names) | StmtKind::ImportFrom { names, .. } => {
                for a in names {
                    self.inside("alias", a.span, sp);
                    let first = a.name.split('.').next().unwrap_or("");
                    if !self.text(a.span).starts_with(first) {
                        self.problem("alias span", a.span);
                    }
                }
            }
            StmtKind::Break | StmtKind::Continue | StmtKind::Pass => {}
            StmtKind::Global(_) | StmtKind::Nonlocal(_) => {}
        }
    }

    fn params(&mut self, p: &Params, parent: Span) {
        let all = p.posonly.iter().chain(&p.args).chain(&p.vararg).chain(&p.kwonly).chain(&p.kwarg);
        for x in all {
            self.inside("param", x.span, parent);
            if !self.text(x.span).starts_with(x.name.as_str()) {
                self.problem("param span", x.span);
            }
            if let Some(d) = &x.default {
                self.expr(d, parent);
            }
        }
    }

    fn expr(&mut self, e: &Expr, parent: Span) {
        self.inside("expression", e.span, parent);
        self.tight("expression", e.span);
        let sp = e.span;
        match &e.kind {
            ExprKind::Name(_) | ExprKind::Constant(_) => {}
            ExprKind::FString(parts) => self.fparts(parts, sp),
            ExprKind::List(es) | ExprKind::Tuple(es) | ExprKind::Set(es) => {
                for x in es {
                    self.expr(x, sp);
                }
            }
            ExprKind::Dict(items) => {
                for (k, v) in items {
                    if let Some(k) = k {
                        self.expr(k, sp);
                    }
                    self.expr(v, sp);
                }
            }
            ExprKind::Starred(x) | ExprKind::Await(x) | ExprKind::YieldFrom(x) => self.expr(x, sp),
            ExprKind::Yield(x) => {
                if let Some(x) = x {
                    self.expr(x, sp);
                }
            }
            ExprKind::UnaryOp { operand, .. } => self.expr(operand, sp),
            ExprKind::BinOp { left, right, .. } => {
                self.expr(left, sp);
                self.expr(right, sp);
            }
            ExprKind::BoolOp { values, .. } => {
                for v in values {
                    self.expr(v, sp);
                }
            }
            ExprKind::Compare { left, comparators, .. } => {
                self.expr(left, sp);
                for c in comparators {
                    self.expr(c, sp);
                }
            }
            ExprKind::IfExp { test, body, orelse } => {
                self.expr(test, sp);
                self.expr(body, sp);
                self.expr(orelse, sp);
            }
            ExprKind::Lambda { params, body } => {
                self.scopes.push(("lambda", sp));
                self.params(params, sp);
                self.expr(body, sp);
            }
            ExprKind::Call { func, args, keywords } => {
                self.expr(func, sp);
                for a in args {
                    self.expr(a, sp);
                }
                for k in keywords {
                    self.inside("keyword", k.span, sp);
                    let head = k.arg.clone().unwrap_or_else(|| "**".into());
                    if !self.text(k.span).starts_with(head.as_str()) {
                        self.problem("keyword span", k.span);
                    }
                    self.expr(&k.value, k.span);
                }
            }
            ExprKind::Attribute { value, .. } => self.expr(value, sp),
            ExprKind::Subscript { value, index } => {
                self.expr(value, sp);
                self.expr(index, sp);
            }
            ExprKind::Slice { lower, upper, step } => {
                for p in [lower, upper, step].into_iter().flatten() {
                    self.expr(p, sp);
                }
            }
            ExprKind::ListComp { elt, generators }
            | ExprKind::SetComp { elt, generators }
            | ExprKind::GeneratorExp { elt, generators } => {
                self.scopes.push(("comprehension", sp));
                self.expr(elt, sp);
                self.generators(generators, sp);
            }
            ExprKind::DictComp { key, value, generators } => {
                self.scopes.push(("comprehension", sp));
                self.expr(key, sp);
                self.expr(value, sp);
                self.generators(generators, sp);
            }
            ExprKind::NamedExpr { value, .. } => self.expr(value, sp),
        }
    }

    fn generators(&mut self, gens: &[Comprehension], sp: Span) {
        for g in gens {
            self.expr(&g.target, sp);
            self.expr(&g.iter, sp);
            for c in &g.ifs {
                self.expr(c, sp);
            }
        }
    }

    fn fparts(&mut self, parts: &[FStringPart], sp: Span) {
        for p in parts {
            if let FStringPart::Expr(f) = p {
                self.expr(&f.expr, sp);
                if let Some(spec) = &f.format_spec {
                    self.fparts(spec, sp);
                }
            }
        }
    }
}

fn valid_programs() -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    for dir in [root.join("tests/syntax"), root.join("../shared/scenarios")] {
        let rd = std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
        let mut paths: Vec<_> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
        paths.sort();
        for p in paths {
            let is_valid_case =
                p.file_name().is_some_and(|n| n.to_string_lossy().starts_with("valid_"))
                    || dir.ends_with("scenarios");
            if p.extension().is_some_and(|e| e == "py") && is_valid_case {
                let bytes = std::fs::read(&p).expect("read");
                out.push((p.display().to_string(), String::from_utf8_lossy(&bytes).into_owned()));
            }
        }
    }
    out
}

#[test]
fn spans_are_sound() {
    let programs = valid_programs();
    assert!(programs.len() >= 5);
    let mut problems = Vec::new();
    for (name, src) in &programs {
        let (module, diags) = parse(src);
        assert!(diags.is_empty(), "{name}: {diags:?}");
        let mut c = SpanCheck { src, problems: Vec::new(), scopes: Vec::new() };
        let whole = Span { start: 0, end: src.len() as u32 };
        c.stmts(&module.body, whole);
        let mut seen = HashSet::new();
        for (kind, span) in &c.scopes {
            if !seen.insert((*kind, span.start, span.end)) {
                c.problems.push(format!("two {kind} nodes share span {span:?}"));
            }
        }
        // Parsing twice gives the same tree and spans.
        assert_eq!(parse(src).0, module, "{name}: parse is not deterministic");
        problems.extend(c.problems.into_iter().map(|p| format!("{name}: {p}")));
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn statement_and_expression_spans() {
    let src = "x = (a + b) * c\nif x:\n    y = f(1,\n          2)  # c\nz = -(q)\n";
    let (m, d) = parse(src);
    assert!(d.is_empty());
    let text = |s: Span| &src[s.start as usize..s.end as usize];
    assert_eq!(text(m.body[0].span), "x = (a + b) * c");
    let StmtKind::Assign { value, .. } = &m.body[0].kind else { panic!() };
    assert_eq!(text(value.span), "(a + b) * c");
    assert_eq!(text(m.body[1].span), "if x:\n    y = f(1,\n          2)");
    assert_eq!(text(m.body[2].span), "z = -(q)");
}

#[test]
fn highlighting_tokens() {
    let src = "async def f(x):  # hi\n    return f\"{x!r:>4}\" + 'a' + 0x1F\nmatch = 1\n\"open";
    let toks = tokenize(src);
    let show: Vec<String> = toks
        .iter()
        .map(|t| format!("{:?}:{}", t.kind, &src[t.span.start as usize..t.span.end as usize]))
        .collect();
    let want = [
        "Keyword:async", "Keyword:def", "Name:f", "Punctuation:(", "Name:x", "Punctuation:)",
        "Punctuation::", "Comment:# hi", "Keyword:return", "String:f\"", "Punctuation:{", "Name:x",
        "Operator:!", "Name:r", "Punctuation::", "String:>4", "Punctuation:}", "String:\"",
        "Operator:+", "String:'a'", "Operator:+", "Number:0x1F", "Name:match", "Operator:=",
        "Number:1", "Error:\"open",
    ];
    assert_eq!(show, want);
    // Spans are in order, inside the text, and never overlap.
    let mut end = 0;
    for t in &toks {
        assert!(t.span.start >= end && t.span.end as usize <= src.len());
        end = t.span.end;
    }
    assert!(toks.iter().all(|t| t.kind != TokenKind::SoftKeyword));
}
