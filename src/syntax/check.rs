//! Context checks over a finished tree: the errors CPython's compiler reports from
//! where a statement or expression stands rather than from its shape.
//!
//! - `'return' outside function`, `'break' outside loop`,
//!   `'continue' not properly in loop`;
//! - `'await' outside function`, `'await' outside async function`,
//!   `'async with' outside async function`, `'async for' outside async function`,
//!   `asynchronous comprehension outside of an asynchronous function`;
//! - `'yield' outside function`, `'yield' inside list comprehension` (and the
//!   other comprehensions), `'yield from' inside async function`,
//!   `'return' with value in async generator`;
//! - `'break', 'continue' and 'return' cannot appear in an except* block`.
//!
//! Name binding errors (`nonlocal`, `global`) belong to the compiler's symbol table
//! and are not repeated here. The walk recurses over the tree, whose depth the parser
//! bounds (see `parser::MAX_DEPTH`).

use super::ast::*;
use super::report::{Reporter, Source};
use super::{Diagnostic, Span};

/// Runs the checks on `module`, reporting through `rep` (which keeps them only on
/// lines without syntax errors).
pub(crate) fn check(module: &Module, rep: &mut Reporter) {
    let mut modules = Vec::new();
    module_aliases(&module.body, &mut modules);
    let mut c = Checker { rep, modules };
    let ctx = Ctx {
        func: Func::None,
        in_loop: false,
        comp: None,
        star: false,
        async_gen: false,
        in_genexp: false,
    };
    c.stmts(&module.body, ctx);
}

/// The kind of function a statement or expression is in.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Func {
    /// Module level or a class body.
    None,
    Sync,
    Async,
}

/// The innermost comprehension an expression is in.
#[derive(Clone, Copy)]
enum Comp {
    /// A list, set or dict comprehension starting here (its kind's name).
    Eager(Span, &'static str),
    /// A generator expression.
    Gen,
}

#[derive(Clone, Copy)]
struct Ctx {
    func: Func,
    in_loop: bool,
    comp: Option<Comp>,
    /// Inside an `except*` clause (and no loop or function inside it).
    star: bool,
    /// The function is an async generator (`async def` with `yield`).
    async_gen: bool,
    /// Inside a generator expression (which `await` makes asynchronous).
    in_genexp: bool,
}

struct Checker<'r> {
    rep: &'r mut Reporter,
    /// The names the program binds modules to, and the modules.
    modules: Vec<(String, String)>,
}

/// Names of CPython 3.13's `asyncio` that Loopscope does not provide, with
/// why: refused before the program runs, never an AttributeError halfway.
const ASYNCIO_UNSUPPORTED: &[(&[&str], &str)] = &[
    (&["to_thread", "run_coroutine_threadsafe", "wrap_future"], "Loopscope runs one thread"),
    (
        &[
            "open_connection",
            "open_unix_connection",
            "start_server",
            "start_unix_server",
            "create_subprocess_exec",
            "create_subprocess_shell",
            "StreamReader",
            "StreamWriter",
            "StreamReaderProtocol",
            "Server",
            "AbstractServer",
            "IncompleteReadError",
            "LimitOverrunError",
            "SendfileNotAvailableError",
            "Protocol",
            "BaseProtocol",
            "BufferedProtocol",
            "DatagramProtocol",
            "SubprocessProtocol",
            "Transport",
            "BaseTransport",
            "ReadTransport",
            "WriteTransport",
            "DatagramTransport",
            "SubprocessTransport",
        ],
        "Loopscope has no network, files or processes",
    ),
    (
        &[
            "AbstractEventLoopPolicy",
            "DefaultEventLoopPolicy",
            "get_event_loop_policy",
            "set_event_loop_policy",
            "AbstractChildWatcher",
            "FastChildWatcher",
            "MultiLoopChildWatcher",
            "PidfdChildWatcher",
            "SafeChildWatcher",
            "ThreadedChildWatcher",
            "get_child_watcher",
            "set_child_watcher",
        ],
        "event loop policies",
    ),
    (&["create_eager_task_factory", "eager_task_factory"], "eager tasks"),
    (
        &[
            "_enter_task", "_leave_task", "_register_task", "_unregister_task",
            "_get_running_loop", "_set_running_loop",
        ],
        "asyncio's internals",
    ),
    (
        &[
            "base_events", "base_futures", "base_subprocess", "base_tasks", "constants",
            "coroutines", "events", "exceptions", "format_helpers", "futures", "locks", "log",
            "mixins", "protocols", "queues", "runners", "selector_events", "sslproto", "staggered",
            "streams", "subprocess", "taskgroups", "tasks", "threads", "timeouts", "transports",
            "trsock", "unix_events", "sys",
        ],
        "asyncio's submodules: use the names asyncio itself exports",
    ),
];

/// The public names of CPython 3.13's modules that Loopscope's library
/// modules (and `random`) lack: refused before the program runs, never an
/// AttributeError halfway. (`asyncio`'s are in `ASYNCIO_UNSUPPORTED`.)
pub(crate) const LIBRARY_LACKS: &[(&str, &str)] = &[
    (
        "time",
        "CLOCK_BOOTTIME CLOCK_MONOTONIC CLOCK_MONOTONIC_RAW CLOCK_PROCESS_CPUTIME_ID CLOCK_REALTIME \
         CLOCK_TAI CLOCK_THREAD_CPUTIME_ID clock_getres clock_gettime clock_gettime_ns clock_settime \
         clock_settime_ns get_clock_info process_time process_time_ns pthread_getcpuclockid strptime \
         thread_time thread_time_ns tzset",
    ),
    ("datetime", "datetime_CAPI"),
    (
        "inspect",
        "ArgInfo Arguments Attribute BlockFinder BoundArguments BufferFlags CO_ASYNC_GENERATOR \
         CO_COROUTINE CO_GENERATOR CO_ITERABLE_COROUTINE CO_NESTED CO_NEWLOCALS CO_NOFREE CO_OPTIMIZED \
         CO_VARARGS CO_VARKEYWORDS ClassFoundException ClosureVars EndOfBlock FrameInfo FullArgSpec \
         OrderedDict Parameter Signature TPFLAGS_IS_ABSTRACT Traceback abc ast attrgetter builtins \
         classify_class_attrs collections currentframe dis enum findsource formatannotation \
         formatannotationrelativeto formatargvalues functools get_annotations getabsfile getargs \
         getargvalues getasyncgenlocals getattr_static getblock getcallargs getclasstree getclosurevars \
         getcomments getcoroutinelocals getfile getframeinfo getfullargspec getgeneratorlocals \
         getinnerframes getlineno getmembers getmembers_static getmodule getmodulename getouterframes \
         getsource getsourcefile getsourcelines importlib indentsize iscode isdatadescriptor isframe \
         isgetsetdescriptor iskeyword ismemberdescriptor ismethoddescriptor ismethodwrapper istraceback \
         itertools linecache make_weakref modulesbyfile namedtuple os re signature stack sys token \
         tokenize trace types walktree",
    ),
    (
        "types",
        "CellType ClassMethodDescriptorType CodeType DynamicClassAttribute FrameType \
         GetSetDescriptorType MappingProxyType MemberDescriptorType MethodDescriptorType \
         MethodWrapperType ModuleType TracebackType WrapperDescriptorType get_original_bases \
         new_class prepare_class resolve_bases",
    ),
    (
        "typing",
        "ABCMeta CT_co EXCLUDED_ATTRIBUTES GenericAlias KT MethodDescriptorType MethodWrapperType \
         NamedTupleMeta T T_co T_contra VT VT_co V_co WrapperDescriptorType abstractmethod collections \
         copyreg defaultdict functools operator sys types",
    ),
    ("functools", "GenericAlias RLock get_cache_token namedtuple recursive_repr singledispatchmethod"),
    ("collections", "UserDict UserList UserString"),
    ("contextlib", "GenericAlias MethodType abc deque os sys wraps"),
    ("dataclasses", "abc copy inspect itertools keyword re recursive_repr sys types"),
    ("math", "erf erfc fma gamma lgamma nextafter sumprod ulp"),
    (
        "sys",
        "abiflags activate_stack_trampoline addaudithook api_version audit base_exec_prefix base_prefix \
         breakpointhook builtin_module_names call_tracing copyright deactivate_stack_trampoline \
         displayhook dont_write_bytecode excepthook exec_prefix executable flags float_info \
         float_repr_style get_asyncgen_hooks get_coroutine_origin_tracking_depth get_int_max_str_digits \
         getallocatedblocks getdlopenflags getfilesystemencodeerrors getfilesystemencoding getprofile \
         getrefcount getswitchinterval gettrace getunicodeinternedsize hash_info hexversion int_info \
         is_finalizing is_stack_trampoline_active maxunicode meta_path monitoring orig_argv path_hooks \
         path_importer_cache platlibdir prefix pycache_prefix set_asyncgen_hooks \
         set_coroutine_origin_tracking_depth set_int_max_str_digits setdlopenflags setprofile \
         setrecursionlimit setswitchinterval settrace stdin stdlib_module_names thread_info \
         unraisablehook warnoptions",
    ),
    ("json", "codecs decoder detect_encoding encoder scanner"),
    ("abc", "ABCMeta update_abstractmethods"),
    ("copy", "dispatch_table error"),
    (
        "random",
        "BPF LOG4 NV_MAGICCONST RECIP_BPF Random SG_MAGICCONST SystemRandom TWOPI betavariate \
         binomialvariate gammavariate getstate lognormvariate main paretovariate randbytes setstate \
         vonmisesvariate weibullvariate",
    ),
];

fn library_lacks(module: &str, name: &str) -> bool {
    LIBRARY_LACKS
        .iter()
        .any(|(m, names)| *m == module && names.split_whitespace().any(|n| n == name))
}

fn asyncio_unsupported(name: &str) -> Option<&'static str> {
    ASYNCIO_UNSUPPORTED.iter().find(|(names, _)| names.contains(&name)).map(|(_, why)| *why)
}

/// Every name `import M [as x]` binds to a module M the program may import
/// (`(x, M)`), anywhere in the program.
fn module_aliases(body: &[Stmt], out: &mut Vec<(String, String)>) {
    for s in body {
        match &s.kind {
            StmtKind::Import(aliases) => {
                for a in aliases {
                    if super::MODULES.contains(&a.name.as_str()) {
                        out.push((
                            a.asname.clone().unwrap_or_else(|| a.name.clone()),
                            a.name.clone(),
                        ));
                    }
                }
            }
            StmtKind::FunctionDef(d) => module_aliases(&d.body, out),
            StmtKind::ClassDef(d) => module_aliases(&d.body, out),
            StmtKind::If { body, orelse, .. }
            | StmtKind::While { body, orelse, .. }
            | StmtKind::For { body, orelse, .. } => {
                module_aliases(body, out);
                module_aliases(orelse, out);
            }
            StmtKind::With { body, .. } => module_aliases(body, out),
            StmtKind::Try(t) => {
                module_aliases(&t.body, out);
                for h in &t.handlers {
                    module_aliases(&h.body, out);
                }
                module_aliases(&t.orelse, out);
                module_aliases(&t.finalbody, out);
            }
            _ => {}
        }
    }
}

impl Checker<'_> {
    /// `module.name` or `from module import name`: refused if CPython's
    /// module has the name and Loopscope's lacks it.
    fn module_name(&mut self, module: &str, name: &str, at: Span) {
        let why = if module == "asyncio" {
            asyncio_unsupported(name).map(str::to_string)
        } else if library_lacks(module, name) {
            Some(format!("not in Loopscope's {module} module"))
        } else {
            None
        };
        if let Some(why) = why {
            self.rep.report(
                Diagnostic::unsupported(at, format!("{module}.{name} ({why})")),
                Source::Check,
            );
        }
    }

    fn error(&mut self, at: Span, msg: &str) {
        self.rep.report(
            Diagnostic::syntax(Span { start: at.start, end: at.start }, msg),
            Source::Check,
        );
    }

    fn stmts(&mut self, body: &[Stmt], ctx: Ctx) {
        for s in body {
            self.stmt(s, ctx);
        }
    }

    fn stmt(&mut self, s: &Stmt, ctx: Ctx) {
        let in_loop = Ctx { in_loop: true, star: false, ..ctx };
        match &s.kind {
            StmtKind::Expr(e) => self.expr(e, ctx),
            StmtKind::Assign { targets, value } => {
                self.exprs(targets, ctx);
                self.expr(value, ctx);
            }
            StmtKind::AugAssign { target, value, .. } => {
                self.expr(target, ctx);
                self.expr(value, ctx);
            }
            StmtKind::AnnAssign { target, annotation, value, .. } => {
                self.expr(target, ctx);
                self.expr(annotation, ctx);
                if let Some(v) = value {
                    self.expr(v, ctx);
                }
            }
            StmtKind::FunctionDef(def) => {
                self.exprs(&def.decorators, ctx);
                self.params(&def.params, ctx);
                if let Some(r) = &def.returns {
                    self.expr(r, ctx);
                }
                let func = if def.is_async { Func::Async } else { Func::Sync };
                let async_gen = def.is_async && body_yields(&def.body);
                self.stmts(
                    &def.body,
                    Ctx {
                        func,
                        in_loop: false,
                        comp: None,
                        star: false,
                        async_gen,
                        in_genexp: false,
                    },
                );
            }
            StmtKind::ClassDef(def) => {
                self.exprs(&def.decorators, ctx);
                self.exprs(&def.bases, ctx);
                self.stmts(
                    &def.body,
                    Ctx {
                        func: Func::None,
                        in_loop: false,
                        comp: None,
                        star: false,
                        async_gen: false,
                        in_genexp: false,
                    },
                );
            }
            StmtKind::Return(value) => {
                if ctx.func == Func::None {
                    self.error(s.span, "'return' outside function");
                } else if ctx.star {
                    self.error(s.span, STAR_EXIT);
                } else if ctx.async_gen && value.is_some() {
                    self.error(s.span, "'return' with value in async generator");
                }
                if let Some(v) = value {
                    self.expr(v, ctx);
                }
            }
            StmtKind::If { test, body, orelse } => {
                self.expr(test, ctx);
                self.stmts(body, ctx);
                self.stmts(orelse, ctx);
            }
            StmtKind::While { test, body, orelse } => {
                self.expr(test, ctx);
                self.stmts(body, in_loop);
                self.stmts(orelse, ctx);
            }
            StmtKind::For { target, iter, body, orelse, is_async } => {
                if *is_async && ctx.func != Func::Async {
                    self.error(s.span, "'async for' outside async function");
                }
                self.expr(target, ctx);
                self.expr(iter, ctx);
                self.stmts(body, in_loop);
                self.stmts(orelse, ctx);
            }
            StmtKind::Break => {
                if !ctx.in_loop {
                    self.error(s.span, "'break' outside loop");
                } else if ctx.star {
                    self.error(s.span, STAR_EXIT);
                }
            }
            StmtKind::Continue => {
                if !ctx.in_loop {
                    self.error(s.span, "'continue' not properly in loop");
                } else if ctx.star {
                    self.error(s.span, STAR_EXIT);
                }
            }
            StmtKind::Pass | StmtKind::Global(_) | StmtKind::Nonlocal(_) => {}
            StmtKind::Import(_) => {}
            StmtKind::ImportFrom { module, names } => {
                for a in names {
                    self.module_name(module, &a.name, a.span);
                }
            }
            StmtKind::Try(t) => {
                self.stmts(&t.body, ctx);
                for h in &t.handlers {
                    if let Some(typ) = &h.typ {
                        self.expr(typ, ctx);
                    }
                    self.stmts(&h.body, Ctx { star: t.star || ctx.star, ..ctx });
                }
                self.stmts(&t.orelse, ctx);
                self.stmts(&t.finalbody, ctx);
            }
            StmtKind::Raise { exc, cause } => {
                for e in exc.iter().chain(cause) {
                    self.expr(e, ctx);
                }
            }
            StmtKind::Assert { test, msg } => {
                self.expr(test, ctx);
                if let Some(m) = msg {
                    self.expr(m, ctx);
                }
            }
            StmtKind::Delete(targets) => self.exprs(targets, ctx),
            StmtKind::With { items, body, is_async } => {
                if *is_async && ctx.func != Func::Async {
                    self.error(s.span, "'async with' outside async function");
                }
                for item in items {
                    self.expr(&item.context_expr, ctx);
                    if let Some(v) = &item.optional_vars {
                        self.expr(v, ctx);
                    }
                }
                self.stmts(body, ctx);
            }
        }
    }

    fn params(&mut self, params: &Params, ctx: Ctx) {
        let all = params.posonly.iter().chain(&params.args).chain(&params.kwonly);
        for p in all {
            if let Some(d) = &p.default {
                self.expr(d, ctx);
            }
        }
        for p in all_params(params) {
            if let Some(a) = &p.annotation {
                self.expr(a, ctx);
            }
        }
    }

    fn exprs(&mut self, es: &[Expr], ctx: Ctx) {
        for e in es {
            self.expr(e, ctx);
        }
    }

    fn expr(&mut self, e: &Expr, ctx: Ctx) {
        match &e.kind {
            ExprKind::Name(_) | ExprKind::Constant(_) => {}
            ExprKind::FString(parts) => self.fstring_parts(parts, ctx),
            ExprKind::List(es) | ExprKind::Tuple(es) | ExprKind::Set(es) => self.exprs(es, ctx),
            ExprKind::Dict(items) => {
                for (k, v) in items {
                    if let Some(k) = k {
                        self.expr(k, ctx);
                    }
                    self.expr(v, ctx);
                }
            }
            ExprKind::Starred(inner) => self.expr(inner, ctx),
            ExprKind::BinOp { left, right, .. } => {
                self.expr(left, ctx);
                self.expr(right, ctx);
            }
            ExprKind::UnaryOp { operand, .. } => self.expr(operand, ctx),
            ExprKind::BoolOp { values, .. } => self.exprs(values, ctx),
            ExprKind::Compare { left, comparators, .. } => {
                self.expr(left, ctx);
                self.exprs(comparators, ctx);
            }
            ExprKind::IfExp { test, body, orelse } => {
                self.expr(test, ctx);
                self.expr(body, ctx);
                self.expr(orelse, ctx);
            }
            ExprKind::Lambda { params, body } => {
                self.params(params, ctx);
                self.expr(
                    body,
                    Ctx {
                        func: Func::Sync,
                        in_loop: false,
                        comp: None,
                        star: false,
                        async_gen: false,
                        in_genexp: false,
                    },
                );
            }
            ExprKind::Call { func, args, keywords } => {
                self.expr(func, ctx);
                self.exprs(args, ctx);
                for k in keywords {
                    self.expr(&k.value, ctx);
                }
            }
            ExprKind::Attribute { value, attr } => {
                if let ExprKind::Name(n) = &value.kind {
                    if let Some((_, m)) = self.modules.iter().find(|(alias, _)| alias == n) {
                        let m = m.clone();
                        self.module_name(&m, attr, e.span);
                    }
                }
                self.expr(value, ctx)
            }
            ExprKind::Subscript { value, index } => {
                self.expr(value, ctx);
                self.expr(index, ctx);
            }
            ExprKind::Slice { lower, upper, step } => {
                for part in [lower, upper, step].into_iter().flatten() {
                    self.expr(part, ctx);
                }
            }
            ExprKind::ListComp { elt, generators } => {
                self.comprehension(&[elt], generators, Comp::Eager(e.span, "list"), ctx);
            }
            ExprKind::SetComp { elt, generators } => {
                self.comprehension(&[elt], generators, Comp::Eager(e.span, "set"), ctx);
            }
            ExprKind::DictComp { key, value, generators } => {
                self.comprehension(&[key, value], generators, Comp::Eager(e.span, "dict"), ctx);
            }
            ExprKind::GeneratorExp { elt, generators } => {
                self.comprehension(&[elt], generators, Comp::Gen, ctx);
            }
            ExprKind::Await(inner) => {
                match (ctx.comp, ctx.func) {
                    // An `await` makes a generator expression asynchronous.
                    (Some(Comp::Gen), _) => {}
                    (Some(Comp::Eager(span, _)), f) if f != Func::Async && !ctx.in_genexp => {
                        self.error(
                            span,
                            "asynchronous comprehension outside of an asynchronous function",
                        );
                    }
                    (Some(Comp::Eager(..)), _) => {}
                    (None, Func::None) => self.error(e.span, "'await' outside function"),
                    (None, Func::Sync) => self.error(e.span, "'await' outside async function"),
                    _ => {}
                }
                self.expr(inner, ctx);
            }
            ExprKind::Yield(value) => {
                self.yield_context(e.span, ctx, "yield");
                if let Some(v) = value {
                    self.expr(v, ctx);
                }
            }
            ExprKind::YieldFrom(value) => {
                if ctx.comp.is_none() && ctx.func == Func::Async {
                    self.error(e.span, "'yield from' inside async function");
                } else {
                    self.yield_context(e.span, ctx, "yield");
                }
                self.expr(value, ctx);
            }
            ExprKind::NamedExpr { value, .. } => self.expr(value, ctx),
        }
    }

    fn fstring_parts(&mut self, parts: &[FStringPart], ctx: Ctx) {
        for part in parts {
            if let FStringPart::Expr(f) = part {
                self.expr(&f.expr, ctx);
                if let Some(spec) = &f.format_spec {
                    self.fstring_parts(spec, ctx);
                }
            }
        }
    }

    /// `yield` where no function, or a comprehension, is around it.
    fn yield_context(&mut self, span: Span, ctx: Ctx, what: &str) {
        match ctx.comp {
            Some(Comp::Eager(_, kind)) => {
                self.error(span, &format!("'{what}' inside {kind} comprehension"))
            }
            Some(Comp::Gen) => self.error(span, &format!("'{what}' inside generator expression")),
            None if ctx.func == Func::None => {
                self.error(span, &format!("'{what}' outside function"))
            }
            None => {}
        }
    }

    /// A comprehension: its first iterable is evaluated where the comprehension
    /// stands, everything else inside it.
    fn comprehension(
        &mut self,
        elts: &[&Expr],
        generators: &[Comprehension],
        comp: Comp,
        ctx: Ctx,
    ) {
        let in_genexp = ctx.in_genexp || matches!(comp, Comp::Gen);
        let inner = Ctx { comp: Some(comp), in_genexp, ..ctx };
        if let Comp::Eager(span, _) = comp {
            if generators.iter().any(|g| g.is_async) && ctx.func != Func::Async && !ctx.in_genexp {
                self.error(span, "asynchronous comprehension outside of an asynchronous function");
            }
        }
        for (i, g) in generators.iter().enumerate() {
            self.expr(&g.iter, if i == 0 { ctx } else { inner });
            self.expr(&g.target, inner);
            self.exprs(&g.ifs, inner);
        }
        for e in elts {
            self.expr(e, inner);
        }
    }
}

const STAR_EXIT: &str = "'break', 'continue' and 'return' cannot appear in an except* block";

/// Whether a function body holds a `yield` of its own (not in a nested
/// function, class or lambda; a comprehension's first iterable is the
/// function's): what makes an `async def` an async generator.
pub(crate) fn body_yields(body: &[Stmt]) -> bool {
    body.iter().any(stmt_yields)
}

fn stmt_yields(s: &Stmt) -> bool {
    let e = expr_yields;
    let b = body_yields;
    match &s.kind {
        StmtKind::Expr(x) => e(x),
        StmtKind::Assign { targets, value } => targets.iter().any(e) || e(value),
        StmtKind::AugAssign { target, value, .. } => e(target) || e(value),
        StmtKind::AnnAssign { target, annotation, value, .. } => {
            e(target) || e(annotation) || value.as_ref().is_some_and(e)
        }
        StmtKind::FunctionDef(d) => {
            d.decorators.iter().any(e)
                || params_yield(&d.params)
                || d.returns.as_deref().is_some_and(expr_yields)
        }
        StmtKind::ClassDef(d) => d.decorators.iter().any(e) || d.bases.iter().any(e),
        StmtKind::Return(v) => v.as_ref().is_some_and(e),
        StmtKind::If { test, body, orelse } | StmtKind::While { test, body, orelse } => {
            e(test) || b(body) || b(orelse)
        }
        StmtKind::For { target, iter, body, orelse, .. } => {
            e(target) || e(iter) || b(body) || b(orelse)
        }
        StmtKind::Try(t) => {
            b(&t.body)
                || t.handlers.iter().any(|h| h.typ.as_ref().is_some_and(e) || b(&h.body))
                || b(&t.orelse)
                || b(&t.finalbody)
        }
        StmtKind::Raise { exc, cause } => {
            exc.as_ref().is_some_and(e) || cause.as_ref().is_some_and(e)
        }
        StmtKind::Assert { test, msg } => e(test) || msg.as_ref().is_some_and(e),
        StmtKind::Delete(t) => t.iter().any(e),
        StmtKind::With { items, body, .. } => {
            items.iter().any(|i| e(&i.context_expr) || i.optional_vars.as_ref().is_some_and(e))
                || b(body)
        }
        StmtKind::Break
        | StmtKind::Continue
        | StmtKind::Pass
        | StmtKind::Import(_)
        | StmtKind::ImportFrom { .. }
        | StmtKind::Global(_)
        | StmtKind::Nonlocal(_) => false,
    }
}

fn params_yield(p: &Params) -> bool {
    p.posonly
        .iter()
        .chain(&p.args)
        .chain(&p.kwonly)
        .any(|a| a.default.as_ref().is_some_and(expr_yields))
        || all_params(p).any(|a| a.annotation.as_deref().is_some_and(expr_yields))
}

/// Every parameter, in order: positional-only, the others, `*args`,
/// keyword-only, `**kwargs` (the order of `__annotations__`).
pub(crate) fn all_params(p: &Params) -> impl Iterator<Item = &Param> {
    p.posonly.iter().chain(&p.args).chain(&p.vararg).chain(&p.kwonly).chain(&p.kwarg)
}

fn fstring_yields(parts: &[FStringPart]) -> bool {
    parts.iter().any(|p| match p {
        FStringPart::Expr(f) => {
            expr_yields(&f.expr) || f.format_spec.as_deref().is_some_and(fstring_yields)
        }
        FStringPart::Literal(_) => false,
    })
}

pub(crate) fn expr_yields(x: &Expr) -> bool {
    let e = expr_yields;
    match &x.kind {
        ExprKind::Yield(_) | ExprKind::YieldFrom(_) => true,
        ExprKind::Name(_) | ExprKind::Constant(_) => false,
        ExprKind::FString(parts) => fstring_yields(parts),
        ExprKind::List(v) | ExprKind::Tuple(v) | ExprKind::Set(v) => v.iter().any(e),
        ExprKind::Dict(items) => items.iter().any(|(k, v)| k.as_ref().is_some_and(e) || e(v)),
        ExprKind::Starred(v) | ExprKind::Await(v) => e(v),
        ExprKind::BinOp { left, right, .. } => e(left) || e(right),
        ExprKind::UnaryOp { operand, .. } => e(operand),
        ExprKind::BoolOp { values, .. } => values.iter().any(e),
        ExprKind::Compare { left, comparators, .. } => e(left) || comparators.iter().any(e),
        ExprKind::IfExp { test, body, orelse } => e(test) || e(body) || e(orelse),
        ExprKind::Lambda { params, .. } => params_yield(params),
        ExprKind::Call { func, args, keywords } => {
            e(func) || args.iter().any(e) || keywords.iter().any(|k| e(&k.value))
        }
        ExprKind::Attribute { value, .. } => e(value),
        ExprKind::Subscript { value, index } => e(value) || e(index),
        ExprKind::Slice { lower, upper, step } => {
            [lower, upper, step].into_iter().flatten().any(|v| e(v))
        }
        ExprKind::ListComp { generators, .. }
        | ExprKind::SetComp { generators, .. }
        | ExprKind::DictComp { generators, .. }
        | ExprKind::GeneratorExp { generators, .. } => {
            generators.first().is_some_and(|g| e(&g.iter))
        }
        ExprKind::NamedExpr { value, .. } => e(value),
    }
}
