//! Property: whatever program it is given, the engine never panics and always
//! ends. Every case is compiled with `Program::new` and, when accepted, run
//! with `run_to_end()` under small limits; a Rust panic anywhere (compiler,
//! VM, scheduler, trace rendering) fails the test and the program is printed
//! and saved to `target/vm_fuzz_failures/`.
//!
//! Cases come from a fixed-seed PRNG (splitmix64), in these families:
//!
//! - valid programs from a grammar of the Python subset: expressions of every
//!   kind (arithmetic, comparisons, containers, methods, slicing,
//!   comprehensions, lambdas, f-strings with specs, `%` and `str.format`),
//!   statements of every kind (assignment forms, `if`/`while`/`for`,
//!   `break`/`continue`, `def` with defaults/`*args`/`**kw`, closures with
//!   `nonlocal`/`global`, classes with dunders, properties, classmethods and
//!   `super()`, `try/except/else/finally` with `return`/`break`/`continue`
//!   inside, `raise ... from`, `assert`, `del`);
//! - asyncio programs: tasks, `sleep`, `gather`, `wait_for`, `wait`,
//!   `shield`, `timeout`, `TaskGroup`, cancellation, locks, events,
//!   semaphores, conditions, queues, futures, `call_soon`/`call_later`;
//! - malformed programs: token soups, truncated and mutated valid programs,
//!   random bytes.
//!
//! `FUZZ_CASES=n` (default 300, or what 20 s allow) and `FUZZ_SEED=n` (default 1) change the run,
//! `FUZZ_SECONDS=n` stops it after n seconds (progress every minute):
//! `FUZZ_CASES=100000 cargo test --release --test vm_fuzz -- --nocapture`.
//! `FUZZ_START=i FUZZ_CASES=1` replays case i of a run.
//! `FUZZ_DUMP_REFUSED=dir` writes the refused programs there with their
//! diagnostic (to check that the generator stays in the subset).
//! A case that does not end within `FUZZ_TIMEOUT_SECS` (default 60) of wall
//! time fails the test as a hang.

mod common;

use common::Rng;
use loopscope::sched::Program;
use loopscope::trace::text;
use loopscope::vm::Limits;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::mpsc;
use std::time::{Duration, Instant};

const INTS: &[&str] = &[
    "0", "1", "-1", "2", "3", "-3", "7", "10", "13", "100", "-100", "255", "1000", "12345",
    "2**31", "2**62", "9223372036854775807", "-9223372036854775807", "10**18", "0x1f", "0o17",
    "0b101", "1_000",
];
const FLOATS: &[&str] = &[
    "0.0", "-0.0", "0.1", "0.5", "1.5", "2.5", "-2.5", "1e16", "1e-7", "123.456", "1e300", "1e308",
    "5e-324", "float('inf')", "float('-inf')", "float('nan')", "0.30000000000000004", "2.675",
    "1e22",
];
const STRS: &[&str] = &[
    "''", "'a'", "'abc'", "'Hello World'", "'  pad  '", "'a,b,,c'", "'中文'", "'x\\ty\\n'",
    "'123'", "'-4'", "'mississippi'", "'ß'", "'İ'", "'{}'", "'{0}{1}'", "'%s'", "'%d%%'", "'\\\\'",
    "\"q'uote\"", "'\\x00'", "'\\u00e9'", "'a' * 3", "'''tri\nple'''",
];
const METHODS: &[&str] = &[
    "append", "pop", "insert", "extend", "remove", "index", "count", "sort", "reverse", "clear",
    "copy", "join", "split", "rsplit", "strip", "lstrip", "rstrip", "upper", "lower", "title",
    "capitalize", "swapcase", "replace", "startswith", "endswith", "find", "rfind", "rindex",
    "format", "center", "ljust", "rjust", "zfill", "partition", "rpartition", "splitlines",
    "isdigit", "isalpha", "get", "items", "keys", "values", "setdefault", "update", "popitem",
    "fromkeys", "add", "discard", "union", "intersection", "difference", "symmetric_difference",
    "issubset", "issuperset", "isdisjoint", "bit_length", "is_integer", "as_integer_ratio",
    "conjugate", "expandtabs", "removeprefix", "casefold", "format_map", "encode", "__len__",
    "__add__", "__eq__", "__repr__", "__class__", "__name__", "__dict__", "__init__", "__str__",
    "__getitem__", "__iter__", "__next__", "__hash__", "__bool__", "nope",
];
const BUILTINS: &[&str] = &[
    "len", "repr", "str", "int", "float", "bool", "list", "tuple", "dict", "set", "sorted",
    "reversed", "sum", "min", "max", "abs", "round", "enumerate", "zip", "map", "filter", "any",
    "all", "isinstance", "hasattr", "getattr", "setattr", "type", "divmod", "pow", "chr", "ord",
    "hex", "oct", "bin", "format", "iter", "next", "hash", "callable", "ascii", "range", "print",
    "issubclass", "vars", "id", "frozenset", "super", "object", "slice",
];
const EXCS: &[&str] = &[
    "Exception",
    "ValueError",
    "KeyError",
    "IndexError",
    "RuntimeError",
    "TypeError",
    "ZeroDivisionError",
    "TimeoutError",
    "AssertionError",
    "NameError",
    "AttributeError",
    "LookupError",
    "ArithmeticError",
    "StopIteration",
    "RecursionError",
    "MemoryError",
    "BaseException",
    "asyncio.CancelledError",
    "asyncio.TimeoutError",
    "asyncio.InvalidStateError",
    "E1",
    "OverflowError",
    "NotImplementedError",
];
const BINOPS: &[&str] = &[
    "+", "-", "*", "/", "//", "%", "**", "&", "|", "^", "<<", ">>", "==", "!=", "<", "<=", ">",
    ">=", "in", "not in", "is", "is not", "and", "or", "@",
];
const SPECS: &[&str] = &[
    "", ".2f", ">8", "<5", "^9", "5d", "+d", ",", "_", "08.3f", "x", "#x", "b", "o", "e", ".3e",
    "g", ".10g", "%", ".1%", "*^12", "=+9", "c", "s", ">{w}", ".{p}f", "{w}.{p}", "n", "z.1f",
    "#o", "010,", "-^3",
];

/// Grammar-driven generator of subset programs.
struct Gen {
    rng: Rng,
    names: Vec<String>,
    counter: usize,
    in_loop: bool,
    in_func: bool,
    in_async: bool,
    /// The function being written is a generator (`yield` may be emitted).
    in_gen: bool,
    /// Inside an `except*` clause (no `break`, `continue`, `return`).
    in_star: bool,
    /// `datetime` is imported (its source is the largest to compile).
    datetime: bool,
    lines: usize,
}

impl Gen {
    fn new(seed: u64) -> Gen {
        Gen {
            rng: Rng(seed),
            names: vec!["x".into(), "y".into(), "s".into(), "xs".into(), "d".into()],
            counter: 0,
            in_loop: false,
            in_func: false,
            in_async: false,
            in_gen: false,
            in_star: false,
            datetime: false,
            lines: 0,
        }
    }

    fn fresh(&mut self, base: &str) -> String {
        self.counter += 1;
        format!("{base}{}", self.counter)
    }

    fn name(&mut self) -> String {
        let i = self.rng.below(self.names.len());
        self.names[i].clone()
    }

    fn atom(&mut self) -> String {
        match self.rng.below(12) {
            0 | 1 => self.rng.pick(INTS).into(),
            2 => self.rng.pick(FLOATS).into(),
            3 | 4 => self.rng.pick(STRS).into(),
            5 => self.rng.pick(&["True", "False", "None"]).into(),
            6 => self
                .rng
                .pick(&[
                    "[]", "()", "{}", "set()", "[1, 2, 3]", "(1,)", "{1: 'a', 2: 'b'}",
                    "{3, 1, 2}", "range(5)", "range(10, 0, -3)",
                ])
                .into(),
            7 => self.rng.pick(BUILTINS).into(),
            8 => self
                .rng
                .pick(&[
                    "E1", "C", "f", "g", "Base", "Sub", "ValueError", "Exception", "asyncio",
                    "time", "random", "__name__",
                ])
                .into(),
            _ => self.name(),
        }
    }

    fn exprs(&mut self, depth: usize, n: usize) -> String {
        (0..n).map(|_| self.expr(depth)).collect::<Vec<_>>().join(", ")
    }

    /// An expression fit for an operand: parenthesized unless it is a name.
    fn op(&mut self, depth: usize) -> String {
        let e = self.expr(depth);
        if e.chars().all(|c| c.is_alphanumeric() || c == '_' || c == '.')
            && !e.starts_with(|c: char| c.is_ascii_digit())
        {
            e
        } else {
            format!("({e})")
        }
    }

    fn expr(&mut self, depth: usize) -> String {
        if depth == 0 || self.rng.chance(25) {
            return self.atom();
        }
        let d = depth - 1;
        match self.rng.below(27) {
            0 | 1 => {
                let op = self.rng.pick(BINOPS);
                format!("{} {op} {}", self.op(d), self.op(d))
            }
            2 => format!("({})", self.op(d)),
            3 => format!("{}{}", self.rng.pick(&["-", "+", "~", "not "]), self.op(d)),
            4 => format!("{} < {} <= {}", self.op(d), self.op(d), self.op(d)),
            5 => format!("{} if {} else {}", self.op(d), self.op(d), self.op(d)),
            6 => {
                let n = self.rng.below(4);
                format!("[{}]", self.exprs(d, n))
            }
            7 => {
                let n = self.rng.below(3);
                format!("({}{})", self.exprs(d, n), if n == 1 { "," } else { "" })
            }
            8 => {
                let n = self.rng.below(3);
                let items: Vec<String> =
                    (0..n).map(|_| format!("{}: {}", self.op(d), self.op(d))).collect();
                format!("{{{}}}", items.join(", "))
            }
            9 => {
                let n = 1 + self.rng.below(3);
                format!("{{{}}}", self.exprs(d, n))
            }
            10 | 11 => {
                let f = self.rng.pick(BUILTINS);
                let n = self.rng.below(3);
                let mut args = self.exprs(d, n);
                if self.rng.chance(20) {
                    let kw = self.rng.pick(&[
                        "key=len", "reverse=True", "sep='-'", "end=''", "default=0", "start=1",
                        "key=lambda v: -v", "strict=True", "return_exceptions=True",
                    ]);
                    args = if args.is_empty() { kw.into() } else { format!("{args}, {kw}") };
                }
                format!("{f}({args})")
            }
            12 | 13 => {
                let m = self.rng.pick(METHODS);
                let n = self.rng.below(3);
                format!("{}.{m}({})", self.op(d), self.exprs(d, n))
            }
            14 => format!("{}[{}]", self.op(d), self.op(d)),
            15 => {
                let parts: Vec<String> = (0..1 + self.rng.below(3))
                    .map(|_| if self.rng.chance(50) { String::new() } else { self.op(d) })
                    .collect();
                let sl = parts.join(":");
                format!("{}[{}]", self.op(d), if sl.is_empty() { ":".into() } else { sl })
            }
            16 => {
                let v = self.fresh("c");
                let kind = self.rng.below(4);
                let it = self.op(d);
                self.names.push(v.clone());
                let (body, cond) = (self.op(d), self.op(d));
                self.names.pop();
                let tail = if self.rng.chance(40) { format!(" if {cond}") } else { String::new() };
                match kind {
                    0 => format!("[{body} for {v} in {it}{tail}]"),
                    1 => format!("{{{body} for {v} in {it}{tail}}}"),
                    2 => format!("{{{v}: {body} for {v} in {it}{tail}}}"),
                    _ => format!(
                        "{}(({body} for {v} in {it}{tail}))",
                        self.rng.pick(&[
                            "sum", "any", "all", "list", "tuple", "sorted", "max", "min", "set"
                        ])
                    ),
                }
            }
            17 => {
                let was = std::mem::replace(&mut self.in_async, false);
                let e = format!(
                    "lambda {}: {}",
                    self.rng.pick(&["", "x", "x, y=2", "*a", "**k", "x, *r"]),
                    self.op(d)
                );
                self.in_async = was;
                e
            }
            18 => {
                let spec = self.rng.pick(SPECS);
                let conv = self.rng.pick(&["", "", "!r", "!s", "!a"]);
                let e = self.op(d);
                let e = if e.contains(['\'', '"', '\\', '\n']) { self.name() } else { e };
                format!(
                    "f\"<{{({e}){conv}{}{spec}}}> {{w}}\"",
                    if spec.is_empty() { "" } else { ":" }
                )
            }
            19 => format!(
                "{} % {}",
                self.rng.pick(&[
                    "'%s'", "'%d-%r'", "'%5.2f'", "'%-6s|'", "'%x %o'", "'%(a)s'", "'%c'",
                    "'%e %g'", "'%*d'", "'%%'", "'%+05d'"
                ]),
                self.op(d)
            ),
            20 => format!(
                "{}.format({})",
                self.rng.pick(&[
                    "'{}'", "'{0}{1}{0}'", "'{:>6}'", "'{a}'", "'{!r}'", "'{0[0]}'", "'{:{}}'",
                    "'{{}}'", "'{x.real}'"
                ]),
                self.exprs(d, 2)
            ),
            21 => format!(
                "({}).{}",
                self.op(d),
                self.rng.pick(&[
                    "v", "real", "imag", "start", "args", "__class__", "__name__", "__dict__",
                    "double", "kind", "x", "__cause__", "exceptions", "message"
                ])
            ),
            22 => format!(
                "{}(*{}, **{})",
                self.rng.pick(&["f", "g", "print", "max", "C", "Sub", "sorted", "dict", "zip"]),
                self.op(d),
                self.rng.pick(&["{}", "{'a': 1}", "{'sep': ','}", "d"])
            ),
            23 if self.in_async => format!("await {}", self.aw(d)),
            24 => format!("[*{}, *{}]", self.op(d), self.op(d)),
            25 => self.library_call(d),
            _ => format!("{}({})", self.rng.pick(&["f", "g", "C", "Sub", "Base", "E1", "make"]), {
                let n = self.rng.below(3);
                self.exprs(d, n)
            }),
        }
    }

    /// An awaitable expression.
    /// A call into a library module, with arguments of any type.
    fn library_call(&mut self, d: usize) -> String {
        let a = self.op(d);
        let b = self.op(d);
        match self.rng.below(if self.datetime { 12 } else { 10 }) {
            0 => format!(
                "math.{}({a})",
                self.rng.pick(&[
                    "sqrt", "floor", "ceil", "log", "exp", "sin", "factorial", "isqrt", "trunc",
                    "fabs"
                ])
            ),
            1 => format!(
                "math.{}({a}, {b})",
                self.rng.pick(&[
                    "gcd", "comb", "pow", "log", "atan2", "copysign", "isclose", "fmod", "perm",
                    "dist"
                ])
            ),
            2 => format!(
                "json.dumps({a}{})",
                self.rng.pick(&[
                    "",
                    ", indent=2",
                    ", sort_keys=True",
                    ", separators=(',', ':')",
                    ", default=str"
                ])
            ),
            3 => format!(
                "json.loads({})",
                self.rng.pick(&[
                    "'[1, 2.5, \"x\", null]'",
                    "'{\"a\": {\"b\": []}}'",
                    "'{bad'",
                    "s",
                    "'1e400'",
                    "'\"\\\\u00e9\"'"
                ])
            ),
            4 => format!(
                "list(itertools.{}({a}, {b}))",
                self.rng.pick(&[
                    "islice", "product", "permutations", "combinations", "zip_longest",
                    "accumulate", "starmap", "compress", "batched", "repeat"
                ])
            ),
            5 => format!(
                "list(itertools.{}({a}))",
                self.rng
                    .pick(&["chain", "pairwise", "groupby", "accumulate", "permutations", "tee"])
            ),
            6 => format!(
                "collections.{}({a})",
                self.rng.pick(&["Counter", "deque", "OrderedDict", "defaultdict", "ChainMap"])
            ),
            7 => format!(
                "functools.reduce({}, {a}{})",
                self.rng.pick(&["lambda p, q: p + q", "max", "f"]),
                self.rng.pick(&["", ", 0", ", []"])
            ),
            8 => format!(
                "time.strftime({}, time.gmtime({a}))",
                self.rng.pick(&[
                    "'%Y-%m-%d %H:%M:%S'", "'%c %j %U %W %p %%'", "s", "'%'", "'%A %B %y %I'"
                ])
            ),
            9 => format!("collections.namedtuple('P', {a})({b})"),
            10 => format!(
                "datetime.timedelta({}={a}) {} datetime.datetime({b}, 1, 1)",
                self.rng.pick(&["seconds", "days", "microseconds", "weeks"]),
                self.rng.pick(&["+", "-", "<", "=="])
            ),
            _ => format!(
                "datetime.datetime.fromtimestamp({a}).strftime({})",
                self.rng.pick(&["'%H:%M:%S.%f'", "s", "'%x'"])
            ),
        }
    }

    fn aw(&mut self, d: usize) -> String {
        let delay = self.rng.pick(&["0", "0.1", "0.5", "1", "-1", "0.25", "x", "1e-9"]);
        match self.rng.below(14) {
            0 | 1 => format!("asyncio.sleep({delay})"),
            2 => format!("asyncio.sleep({delay}, {})", self.expr(d)),
            3 => {
                let c = self.coros(d);
                let sep = if c.is_empty() { "" } else { ", " };
                format!(
                    "asyncio.gather({c}{sep}return_exceptions={})",
                    self.rng.pick(&["True", "False"])
                )
            }
            4 => format!("asyncio.wait_for({}, {delay})", self.coro(d)),
            5 => format!("asyncio.shield({})", self.coro(d)),
            6 => "t".into(),
            7 => self.coro(d),
            8 => self
                .rng
                .pick(&[
                    "ev.wait()", "q.get()", "q.put(1)", "q.join()", "lock.acquire()",
                    "sem.acquire()", "fut", "cond.wait()",
                ])
                .into(),
            9 => format!(
                "asyncio.wait([{}], timeout={delay}, return_when=asyncio.{})",
                self.rng.pick(&["t", "t, t2", "fut", "t2"]),
                self.rng.pick(&["FIRST_COMPLETED", "ALL_COMPLETED", "FIRST_EXCEPTION"])
            ),
            10 => "asyncio.ensure_future(work(1))".into(),
            11 => format!("asyncio.wait_for(q.get(), {delay})"),
            12 => self.op(d),
            _ => "asyncio.create_task(work(2), name='n')".into(),
        }
    }

    fn coro(&mut self, d: usize) -> String {
        format!(
            "{}({})",
            self.rng.pick(&["work", "boom", "work", "spin", "waiter"]),
            self.expr(d.min(1))
        )
    }

    fn coros(&mut self, d: usize) -> String {
        let n = self.rng.below(4);
        (0..n)
            .map(|_| if self.rng.chance(30) { "t".to_string() } else { self.coro(d) })
            .collect::<Vec<_>>()
            .join(", ")
    }

    fn target(&mut self, depth: usize) -> String {
        match self.rng.below(8) {
            0 => format!("{}[{}]", self.name(), self.expr(depth)),
            1 => format!("{}.{}", self.name(), self.rng.pick(&["v", "attr", "x"])),
            2 => format!("{}, {}", self.name(), self.name()),
            3 => format!("{}, *{}", self.name(), self.name()),
            4 => format!("{}[{}:{}]", self.name(), self.expr(0), self.expr(0)),
            _ => {
                if self.rng.chance(30) {
                    let n = self.fresh("v");
                    self.names.push(n.clone());
                    n
                } else {
                    self.name()
                }
            }
        }
    }

    fn block(&mut self, ind: usize, depth: usize, out: &mut Vec<String>) {
        let n = 1 + self.rng.below(3);
        for _ in 0..n {
            self.stmt(ind, depth, out);
        }
    }

    fn push(&mut self, out: &mut Vec<String>, ind: usize, line: String) {
        self.lines += 1;
        out.push(format!("{}{line}", "    ".repeat(ind)));
    }

    fn stmt(&mut self, ind: usize, depth: usize, out: &mut Vec<String>) {
        let ed = 1 + self.rng.below(3);
        let compound = depth > 0 && self.lines < 160;
        let k = self.rng.below(if compound { 36 } else { 12 });
        match k {
            0 | 1 => {
                let n = 1 + self.rng.below(2);
                let e = self.exprs(ed, n);
                self.push(out, ind, format!("print({e})"));
            }
            2 | 3 => {
                let (t, e) = (self.target(ed), self.expr(ed));
                self.push(out, ind, format!("{t} = {e}"));
            }
            4 => {
                let t =
                    if self.rng.chance(70) { self.name() } else { format!("{}[0]", self.name()) };
                let e = self.expr(ed);
                let op = self.rng.pick(&[
                    "+=", "-=", "*=", "/=", "//=", "%=", "**=", "|=", "&=", "^=", "<<=", ">>=",
                ]);
                self.push(out, ind, format!("{t} {op} {e}"));
            }
            5 => {
                let e = self.expr(ed);
                self.push(out, ind, e);
            }
            6 if self.in_loop && !self.in_star => {
                let s = self.rng.pick(&["break", "continue"]).to_string();
                self.push(out, ind, s);
            }
            7 if self.in_func && !self.in_star => {
                let bare = self.rng.chance(30) || (self.in_gen && self.in_async);
                let e = if bare { String::new() } else { format!(" {}", self.expr(ed)) };
                self.push(out, ind, format!("return{e}"));
            }
            8 => {
                let exc = self.rng.pick(EXCS);
                let line = match self.rng.below(5) {
                    0 => "raise".into(),
                    1 => format!(
                        "raise {exc}({}) from {}",
                        self.expr(1),
                        self.rng.pick(&["None", "ValueError('c')", "e"])
                    ),
                    2 => format!("raise {exc}"),
                    _ => format!("raise {exc}({})", self.expr(1)),
                };
                self.push(out, ind, line);
            }
            9 => {
                let line = match self.rng.below(5) {
                    0 => format!("assert {}, {}", self.expr(ed), self.expr(1)),
                    1 => {
                        let n = self.name();
                        if self.rng.chance(50) {
                            format!("del {n}")
                        } else {
                            format!("del {n}[{}]", self.expr(1))
                        }
                    }
                    _ => "pass".into(),
                };
                self.push(out, ind, line);
            }
            10 | 11 if self.in_async => {
                let a = self.aw(ed);
                let line = match self.rng.below(4) {
                    0 => format!("print(await {a})"),
                    1 => format!("{} = await {a}", self.name()),
                    _ => format!("await {a}"),
                };
                self.push(out, ind, line);
            }
            12 | 13 => {
                let c = self.expr(ed);
                self.push(out, ind, format!("if {c}:"));
                self.block(ind + 1, depth - 1, out);
                if self.rng.chance(40) {
                    let c = self.expr(ed);
                    self.push(out, ind, format!("elif {c}:"));
                    self.block(ind + 1, depth - 1, out);
                }
                if self.rng.chance(40) {
                    self.push(out, ind, "else:".into());
                    self.block(ind + 1, depth - 1, out);
                }
            }
            14 | 15 => {
                let v = self.fresh("i");
                let it = if self.rng.chance(50) {
                    format!("range({})", self.rng.range(-1, 5))
                } else {
                    self.op(ed)
                };
                let t = if self.rng.chance(20) { format!("{v}, {v}b") } else { v.clone() };
                self.push(out, ind, format!("for {t} in {it}:"));
                self.names.push(v);
                let was = std::mem::replace(&mut self.in_loop, true);
                let star = std::mem::replace(&mut self.in_star, false);
                self.block(ind + 1, depth - 1, out);
                self.in_loop = was;
                self.in_star = star;
                if self.rng.chance(20) {
                    self.push(out, ind, "else:".into());
                    self.block(ind + 1, depth - 1, out);
                }
            }
            16 => {
                let v = self.fresh("w");
                self.push(out, ind, format!("{v} = 0"));
                let c = if self.rng.chance(20) {
                    "True".to_string()
                } else {
                    format!("{v} < {}", self.rng.range(0, 4))
                };
                self.push(out, ind, format!("while {c}:"));
                self.push(out, ind + 1, format!("{v} += 1"));
                let was = std::mem::replace(&mut self.in_loop, true);
                self.block(ind + 1, depth - 1, out);
                self.in_loop = was;
            }
            17..=19 => {
                self.push(out, ind, "try:".into());
                self.block(ind + 1, depth - 1, out);
                let handlers = self.rng.below(3);
                for h in 0..handlers {
                    let line = match self.rng.below(4) {
                        0 if h + 1 == handlers => "except:".to_string(),
                        1 => format!(
                            "except ({}, {}) as e:",
                            self.rng.pick(EXCS),
                            self.rng.pick(EXCS)
                        ),
                        _ => format!("except {} as e:", self.rng.pick(EXCS)),
                    };
                    self.push(out, ind, line);
                    self.block(ind + 1, depth - 1, out);
                }
                if handlers > 0 && self.rng.chance(30) {
                    self.push(out, ind, "else:".into());
                    self.block(ind + 1, depth - 1, out);
                }
                if handlers == 0 || self.rng.chance(40) {
                    self.push(out, ind, "finally:".into());
                    self.block(ind + 1, depth - 1, out);
                }
            }
            20 | 21 => self.funcdef(ind, depth, out),
            22 => self.classdef(ind, depth, out),
            23 if self.in_async => {
                let cm = self.rng.pick(&[
                    "lock",
                    "sem",
                    "cond",
                    "asyncio.timeout(0.5)",
                    "asyncio.timeout(None)",
                    "asyncio.TaskGroup() as tg",
                    "asyncio.Lock()",
                    "x",
                ]);
                self.push(out, ind, format!("async with {cm}:"));
                if cm.contains("tg") {
                    let c = self.coro(1);
                    self.push(out, ind + 1, format!("tg.create_task({c})"));
                }
                self.block(ind + 1, depth - 1, out);
            }
            24 if self.in_async => {
                let line = self.rng.pick(&[
                    "t = asyncio.create_task(work(x))",
                    "t2 = asyncio.create_task(boom(1))",
                    "t.cancel()",
                    "t.cancel('msg')",
                    "ev.set()",
                    "ev.clear()",
                    "q.put_nowait(x)",
                    "print(q.get_nowait())",
                    "q.task_done()",
                    "lock.release()",
                    "sem.release()",
                    "fut.set_result(x)",
                    "fut.set_exception(ValueError())",
                    "fut.cancel()",
                    "loop.call_soon(print, 'soon')",
                    "h = loop.call_later(0.2, print, 'later')",
                    "h.cancel()",
                    "loop.call_at(loop.time() + 1, print, 'at')",
                    "fut = loop.create_future()",
                    "print(t.done(), t.cancelled(), t.get_name())",
                    "print(t.result())",
                    "print(t.exception())",
                    "t.add_done_callback(lambda f: print('cb', f.cancelled()))",
                    "print(len(asyncio.all_tasks()))",
                    "print(asyncio.current_task().get_name())",
                    "cond.notify_all()",
                    "cond.notify(1)",
                    "t.set_name('z')",
                    "time.sleep(0.1)",
                    "print(time.time(), time.monotonic(), loop.time())",
                ]);
                self.push(out, ind, line.into());
            }
            // Generators: `yield` in a function body makes it one (an async
            // generator in an `async def`, where `return value` is refused).
            30 | 31 if self.in_gen => {
                let e = self.expr(ed);
                let line = match self.rng.below(6) {
                    0 => format!("yield {e}"),
                    1 => format!("{} = yield {e}", self.name()),
                    2 => "yield".to_string(),
                    3 if !self.in_async => format!("yield from {}", self.op(ed)),
                    4 if !self.in_async => format!("{} = yield from gen({e})", self.name()),
                    _ => format!("print((yield {e}))"),
                };
                self.push(out, ind, line);
            }
            32 => {
                // Driving generators by hand.
                let line = match self.rng.below(8) {
                    0 => "gg = gen(3)".to_string(),
                    1 => "print(next(gg, 'end'))".to_string(),
                    2 => format!("print(gg.send({}))", self.expr(1)),
                    3 => format!("print(gg.throw({}))", self.rng.pick(EXCS)),
                    4 => "print(gg.close(), gg.gi_frame)".to_string(),
                    5 => format!("print(list(gen(3)), [v * 2 for v in gen({})])", self.expr(1)),
                    6 => format!("print(sum(v for v in gen({})))", self.rng.range(-1, 5)),
                    _ => "print(gen(2).gi_running, type(gen(1)).__name__, gg.gi_suspended)"
                        .to_string(),
                };
                self.push(out, ind, line);
            }
            33 if self.in_async => {
                let v = self.fresh("a");
                let it = self
                    .rng
                    .pick(&["agen(3)", "agen(0)", "Ticker(2)", "gen(2)", "x", "aiter(agen(2))"]);
                self.push(out, ind, format!("async for {v} in {it}:"));
                self.names.push(v);
                let was = std::mem::replace(&mut self.in_loop, true);
                self.block(ind + 1, depth - 1, out);
                self.in_loop = was;
            }
            34 if self.in_async => {
                let line = match self.rng.below(7) {
                    0 => format!("print([v async for v in agen({})])", self.rng.range(-1, 4)),
                    1 => "print(await anext(agen(1)), await anext(agen(0), 'dflt'))".to_string(),
                    2 => "ag = agen(3)".to_string(),
                    3 => format!("print(await ag.asend({}))", self.expr(1)),
                    4 => format!("print(await ag.athrow({}))", self.rng.pick(EXCS)),
                    5 => "print(await Yielder(), await asyncio.gather(Yielder(), work(1)))"
                        .to_string(),
                    _ => "print(await ag.aclose(), [await work(i) for i in range(2)])".to_string(),
                };
                self.push(out, ind, line);
            }
            35 => {
                self.push(out, ind, "try:".into());
                self.block(ind + 1, depth - 1, out);
                let handlers = 1 + self.rng.below(2);
                for _ in 0..handlers {
                    let line = match self.rng.below(4) {
                        0 => format!(
                            "except* ({}, {}) as eg:",
                            self.rng.pick(EXCS),
                            self.rng.pick(EXCS)
                        ),
                        1 => "except* ExceptionGroup:".to_string(),
                        _ => format!("except* {} as eg:", self.rng.pick(EXCS)),
                    };
                    self.push(out, ind, line);
                    let was = std::mem::replace(&mut self.in_star, true);
                    self.block(ind + 1, depth - 1, out);
                    self.in_star = was;
                }
                if self.rng.chance(30) {
                    self.push(out, ind, "finally:".into());
                    self.block(ind + 1, depth - 1, out);
                }
            }
            _ => {
                let e = self.exprs(ed, 1);
                self.push(out, ind, format!("print({e})"));
            }
        }
    }

    fn funcdef(&mut self, ind: usize, depth: usize, out: &mut Vec<String>) {
        let name = self.rng.pick(&["f", "g", "make", "h"]).to_string();
        let params = self.rng.pick(&[
            "", "x", "x, y=1", "*args", "x, *rest, **kw", "a, b, /, c=3, *, d=4", "x=[]", "self",
        ]);
        let is_async = self.in_async && self.rng.chance(50);
        // A closure over a fresh cell (`nonlocal`) or a fresh global, declared
        // first so that no use precedes the declaration.
        let decl = if self.in_func && self.rng.chance(50) {
            let cell = self.fresh("cell");
            self.push(out, ind, format!("{cell} = 0"));
            Some(format!("nonlocal {cell}"))
        } else if self.rng.chance(30) {
            Some(format!("global {}", self.fresh("glob")))
        } else {
            None
        };
        self.push(
            out,
            ind,
            format!("{}def {name}({params}):", if is_async { "async " } else { "" }),
        );
        if let Some(decl) = decl {
            self.push(out, ind + 1, decl.clone());
            let v = decl.split(' ').nth(1).unwrap().to_string();
            self.push(out, ind + 1, format!("{v} += 1"));
            self.names.push(v);
        }
        let saved = (self.in_loop, self.in_func, self.in_async, self.in_gen, self.in_star);
        self.in_loop = false;
        self.in_func = true;
        self.in_async = is_async;
        self.in_gen = self.rng.chance(35);
        self.in_star = false;
        self.block(ind + 1, depth - 1, out);
        (self.in_loop, self.in_func, self.in_async, self.in_gen, self.in_star) = saved;
    }

    fn classdef(&mut self, ind: usize, depth: usize, out: &mut Vec<String>) {
        let name = self.rng.pick(&["C", "Base", "Sub", "E1"]).to_string();
        let base = self
            .rng
            .pick(&["", "(Base)", "(Exception)", "(ValueError)", "(C, Base)", "(object)", "(Sub)"]);
        self.push(out, ind, format!("class {name}{base}:"));
        let kind = format!("kind = {}", self.atom());
        self.push(out, ind + 1, kind);
        let methods = 1 + self.rng.below(4);
        for _ in 0..methods {
            let m = self.rng.pick(&[
                "__init__", "__repr__", "__str__", "__eq__", "__lt__", "__add__", "__len__",
                "__bool__", "__getitem__", "__iter__", "__next__", "__call__", "__hash__",
                "__contains__", "__setitem__", "__format__", "method", "__radd__", "__neg__",
                "__getattr__", "__enter__",
            ]);
            let deco = self.rng.pick(&["", "", "", "@property", "@staticmethod", "@classmethod"]);
            if !deco.is_empty() {
                self.push(out, ind + 1, deco.into());
            }
            let params = if m == "__init__" {
                "self, v=0, *a"
            } else {
                self.rng.pick(&["self", "self, other", "self, *a", "self, k, v=None"])
            };
            self.push(out, ind + 1, format!("def {m}({params}):"));
            let saved = (self.in_loop, self.in_func, self.in_async);
            self.in_loop = false;
            self.in_func = true;
            self.in_async = false;
            match self.rng.below(4) {
                0 => self.push(out, ind + 2, "super().__init__(*a)".into()),
                1 => {
                    let l = format!("self.v = {}", self.expr(1));
                    self.push(out, ind + 2, l)
                }
                2 => {
                    let l = format!(
                        "return {}",
                        self.rng.pick(&[
                            "self.v", "NotImplemented", "str(self.v)", "self", "iter([1, 2])",
                            "other", "len(a)", "f'C({self.v!r})'"
                        ])
                    );
                    self.push(out, ind + 2, l)
                }
                _ => self.block(ind + 2, depth.saturating_sub(1).min(2), out),
            }
            (self.in_loop, self.in_func, self.in_async) = saved;
        }
    }

    fn prelude(&mut self) -> Vec<String> {
        let mut out: Vec<String> = vec![
            "import asyncio".into(),
            "import time".into(),
            "import random".into(),
            "import math, json, itertools, functools, collections".into(),
            "random.seed(3)".into(),
            "class E1(Exception):".into(),
            "    pass".into(),
            format!("x = {}", self.rng.pick(INTS)),
            format!("y = {}", self.rng.pick(FLOATS)),
            format!("s = {}", self.rng.pick(STRS)),
            "xs = [3, 1, 2]".into(),
            "d = {'a': 1, 2: 'b'}".into(),
            "def gen(n):".into(),
            "    total = 0".into(),
            "    for i in range(n if isinstance(n, int) else 2):".into(),
            "        got = yield i".into(),
            "        total += i".into(),
            "    return total".into(),
            "gg = gen(2)".into(),
        ];
        self.datetime = self.rng.chance(25);
        if self.datetime {
            out.push("import datetime".into());
        }
        if self.rng.chance(50) {
            out.extend(
                [
                    "class Base:",
                    "    def __init__(self, v=1):",
                    "        self.v = v",
                    "    def __repr__(self):",
                    "        return f'Base({self.v})'",
                    "    def __eq__(self, o):",
                    "        return isinstance(o, Base) and self.v == o.v",
                    "    def __lt__(self, o):",
                    "        return self.v < o.v",
                    "    @property",
                    "    def double(self):",
                    "        return self.v * 2",
                    "class Sub(Base):",
                    "    def __init__(self, v=2):",
                    "        super().__init__(v)",
                    "def f(a=1, *r, **k):",
                    "    return a, r, k",
                    "def g(n):",
                    "    return [n] * 2",
                ]
                .map(String::from),
            );
        }
        out
    }

    /// A synchronous program.
    fn sync_program(&mut self) -> String {
        let mut out = self.prelude();
        let n = 3 + self.rng.below(10);
        for _ in 0..n {
            let wrap = self.rng.chance(60);
            let ind = usize::from(wrap);
            if wrap {
                out.push("try:".into());
            }
            self.stmt(ind, 3, &mut out);
            if wrap {
                out.push("except Exception as e:".into());
                out.push("    print(type(e).__name__, e)".into());
            }
        }
        out.join("\n") + "\n"
    }

    /// An asyncio program: helpers, primitives, a main with random awaits.
    fn async_program(&mut self) -> String {
        let mut out = self.prelude();
        out.extend(
            [
                "async def work(n):",
                "    await asyncio.sleep(n * 0.1 if isinstance(n, (int, float)) else 0)",
                "    print('work', n)",
                "    return n",
                "async def boom(n):",
                "    await asyncio.sleep(0.05)",
                "    raise ValueError(n)",
                "async def spin(n):",
                "    try:",
                "        while True:",
                "            await asyncio.sleep(0.3)",
                "    finally:",
                "        print('spin cleanup', n)",
                "async def waiter(n):",
                "    async with cond:",
                "        await cond.wait()",
                "    return n",
                "async def agen(n):",
                "    for i in range(n):",
                "        await asyncio.sleep(0.01)",
                "        v = yield i",
                "        if v: print('agen got', v)",
                "class Ticker:",
                "    def __init__(self, n): self.n = n",
                "    def __aiter__(self): return self",
                "    async def __anext__(self):",
                "        if self.n <= 0: raise StopAsyncIteration",
                "        self.n -= 1",
                "        await asyncio.sleep(0)",
                "        return self.n",
                "class Yielder:",
                "    def __await__(self):",
                "        yield",
                "        return 5",
            ]
            .map(String::from),
        );
        self.in_func = true;
        self.in_async = true;
        let mut body = vec!["    global cond".to_string()];
        self.names.extend(["t".to_string(), "fut".to_string()]);
        for line in [
            "loop = asyncio.get_running_loop()",
            "lock = asyncio.Lock()",
            "ev = asyncio.Event()",
            "sem = asyncio.Semaphore(2)",
            "cond = asyncio.Condition()",
            "fut = loop.create_future()",
            "t = asyncio.create_task(work(1))",
            "t2 = asyncio.create_task(spin(0))",
        ] {
            body.push(format!("    {line}"));
        }
        body.push(format!(
            "    q = asyncio.{}({})",
            self.rng.pick(&["Queue", "LifoQueue", "PriorityQueue"]),
            self.rng.range(0, 2)
        ));
        let n = 3 + self.rng.below(9);
        for _ in 0..n {
            let wrap = self.rng.chance(60);
            if wrap {
                body.push("    try:".into());
            }
            self.stmt(1 + usize::from(wrap), 3, &mut body);
            if wrap {
                body.push("    except (Exception, asyncio.CancelledError) as e:".into());
                body.push("        print(type(e).__name__, e)".into());
            }
        }
        out.push(format!("async def main({}):", if self.rng.chance(90) { "" } else { "x" }));
        out.extend(body);
        out.push(
            self.rng
                .pick(&[
                    "asyncio.run(main())",
                    "asyncio.run(main())",
                    "print(asyncio.run(main()))",
                    "asyncio.run(main())\nasyncio.run(main())",
                    "asyncio.run(main)",
                    "main()",
                ])
                .into(),
        );
        out.join("\n") + "\n"
    }
}

const PIECES: &[&str] = &[
    "def ", "async ", "await ", "class ", "if ", "elif ", "else", "while ", "for ", " in ", "try",
    "except ", "finally", "with ", " as ", "return ", "yield ", "lambda ", "not ", " and ", " or ",
    " is ", "pass", "break", "continue", "del ", "global ", "nonlocal ", "assert ", "raise ",
    " from ", "import asyncio", "True", "None", "x", "y", "f", "asyncio.sleep(0)", "asyncio.run(",
    "print(", "1", "0", "1.5", "'s'", "'", "\"", "f'{", "}", "{", "(", ")", "[", "]", ",", ":",
    ".", "=", "+", "-", "*", "**", "/", "//", "%", "<", "==", ":=", "\n", "\n", "    ", "\t",
    "\\\n", "#", "@", "->", ";", "...", "~", "|", "&", "^", "!r", "\u{feff}", "中",
];

const ALPHABET: &[u8] = b" \n\t()[]{}:,.=+-*'\"#\\fabcdx019_";

fn mutate(rng: &mut Rng, src: &str) -> String {
    let mut lines: Vec<String> = src.lines().map(String::from).collect();
    for _ in 0..1 + rng.below(4) {
        if lines.is_empty() {
            break;
        }
        let i = rng.below(lines.len());
        match rng.below(7) {
            0 => {
                lines.remove(i);
            }
            1 => {
                let l = lines[i].clone();
                lines.insert(i, l);
            }
            2 => {
                let j = rng.below(lines.len());
                lines.swap(i, j);
            }
            3 => lines[i] = format!("    {}", lines[i]),
            4 => lines[i] = lines[i].trim_start().to_string(),
            5 => {
                let mut chars: Vec<char> = lines[i].chars().collect();
                let at = rng.below(chars.len() + 1);
                chars.splice(at..at, rng.pick(PIECES).chars());
                lines[i] = chars.into_iter().collect();
            }
            _ => {
                let chars: Vec<char> = lines[i].chars().collect();
                let at = rng.below(chars.len() + 1);
                lines[i] = chars[..at].iter().collect();
            }
        }
    }
    lines.join("\n") + "\n"
}

/// The `i`-th case of a run seeded with `seed`: (family, source).
fn make_case(seed: u64, i: u64) -> (&'static str, String) {
    let case_seed =
        seed.wrapping_mul(0x2545_F491_4F6C_DD1D) ^ i.wrapping_mul(0x9E37_79B9_7F4A_7C15);
    let mut rng = Rng(case_seed);
    let mut g = Gen::new(case_seed ^ 0xABCD);
    match rng.below(20) {
        0..=7 => ("sync", g.sync_program()),
        8..=13 => ("async", g.async_program()),
        14 | 15 => {
            let base = if rng.chance(50) { g.sync_program() } else { g.async_program() };
            ("mutated", mutate(&mut rng, &base))
        }
        16 => {
            let base = if rng.chance(50) { g.sync_program() } else { g.async_program() };
            let chars: Vec<char> = base.chars().collect();
            let at = rng.below(chars.len() + 1);
            ("truncated", chars[..at].iter().collect())
        }
        17 | 18 => {
            let n = rng.below(100);
            ("soup", (0..n).map(|_| rng.pick(PIECES)).collect())
        }
        _ => {
            let len = rng.below(300);
            let bytes: Vec<u8> = (0..len)
                .map(|_| {
                    if rng.chance(20) {
                        rng.next() as u8
                    } else {
                        ALPHABET[rng.below(ALPHABET.len())]
                    }
                })
                .collect();
            ("bytes", String::from_utf8_lossy(&bytes).into_owned())
        }
    }
}

/// Compile and run one program; render both outputs (the renderer is part of
/// what must not panic). Returns whether the engine accepted it.
fn run_case(family: &str, src: &str) -> bool {
    let limits = Limits { step_budget: 200_000, max_events: 20_000, memory: 64 << 20 };
    match Program::new(src, limits) {
        Ok(mut p) => {
            p.run_to_end();
            assert!(p.is_done(), "run_to_end returned before the program ended");
            let _ = text::render(p.trace(), false);
            let _ = text::render(p.trace(), true);
            true
        }
        Err(diags) => {
            assert!(!diags.is_empty(), "refused without a diagnostic");
            if let Some(dir) = std::env::var_os("FUZZ_DUMP_REFUSED") {
                let idx = loopscope::syntax::LineIndex::new(src);
                let n = std::fs::read_dir(&dir).map(|d| d.count()).unwrap_or(0);
                let _ = std::fs::write(
                    std::path::Path::new(&dir).join(format!("{family}_{n}.py")),
                    format!("{src}# {}\n", diags[0].render(&idx)),
                );
            }
            false
        }
    }
}

fn env_u64(name: &str, default: u64) -> u64 {
    std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

/// The two tests of this file run one after the other: the second measures
/// the process's live heap, which the first would disturb.
static SERIAL: std::sync::Mutex<()> = std::sync::Mutex::new(());

#[test]
fn engine_never_panics_and_always_ends() {
    let _serial = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
    let cases = env_u64("FUZZ_CASES", 300);
    let seed = env_u64("FUZZ_SEED", 1);
    // To replay one case of a long run: FUZZ_START=case FUZZ_CASES=1.
    let first = env_u64("FUZZ_START", 0);
    let timeout = Duration::from_secs(env_u64("FUZZ_TIMEOUT_SECS", 60));
    // For long runs: stop after this many seconds even if cases remain.
    // A default run also stops after 20 s (in the fixed order, so it checks
    // a prefix of the same cases) to stay well inside the test suite's time
    // on a loaded machine; it runs all 300 in about 10 s on an idle one.
    let default_limit = (std::env::var_os("FUZZ_CASES").is_none()).then(|| Duration::from_secs(20));
    let time_limit = std::env::var("FUZZ_SECONDS")
        .ok()
        .and_then(|v| v.parse().ok())
        .map(Duration::from_secs)
        .or(default_limit);
    // Panics inside the engine are caught and reported below; keep the
    // default hook's message for everything else (the generator, this test).
    let default_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if std::thread::current().name() != Some("vm_fuzz_worker")
            || std::env::var_os("FUZZ_VERBOSE").is_some()
        {
            default_hook(info);
        }
    }));
    let (tx, rx) = mpsc::channel::<(u64, &'static str, String, Result<bool, String>)>();
    let worker = std::thread::Builder::new()
        .name("vm_fuzz_worker".into())
        .stack_size(256 << 20)
        .spawn(move || {
            for i in first..first + cases {
                let (family, src) = make_case(seed, i);
                if std::env::var_os("FUZZ_VERBOSE").is_some() {
                    eprintln!("case {i} ({family})");
                }
                let r = catch_unwind(AssertUnwindSafe(|| run_case(family, &src))).map_err(|e| {
                    e.downcast_ref::<String>()
                        .cloned()
                        .or_else(|| e.downcast_ref::<&str>().map(|s| s.to_string()))
                        .unwrap_or_default()
                });
                if tx.send((i, family, src, r)).is_err() {
                    return;
                }
            }
        })
        .unwrap();
    let start = Instant::now();
    let mut failures = Vec::new();
    let mut accepted = 0;
    let mut families: std::collections::BTreeMap<&str, usize> = Default::default();
    let mut ran = 0;
    let mut last_report = Instant::now();
    for done in 0..cases {
        if time_limit.is_some_and(|t| start.elapsed() >= t) {
            break;
        }
        if last_report.elapsed() >= Duration::from_secs(60) {
            eprintln!(
                "vm_fuzz: {done} cases, {accepted} run, {} panics, {:.0?}",
                failures.len(),
                start.elapsed()
            );
            last_report = Instant::now();
        }
        ran += 1;
        match rx.recv_timeout(timeout) {
            Ok((i, family, src, r)) => {
                *families.entry(family).or_default() += 1;
                match r {
                    Ok(true) => accepted += 1,
                    Ok(false) => {}
                    Err(msg) => {
                        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                            .join("target/vm_fuzz_failures");
                        let _ = std::fs::create_dir_all(&dir);
                        let path = dir.join(format!("seed{seed}_case{i}.py"));
                        let _ = std::fs::write(&path, &src);
                        failures.push(format!(
                            "case {i} ({family}) panicked: {msg}\n  saved to {}\n{src}",
                            path.display()
                        ));
                    }
                }
            }
            Err(mpsc::RecvTimeoutError::Timeout) => {
                let (family, src) = make_case(seed, first + done);
                panic!("case {} ({family}) did not end within {timeout:?}:\n{src}", first + done);
            }
            Err(mpsc::RecvTimeoutError::Disconnected) => {
                let (family, src) = make_case(seed, first + done);
                panic!(
                    "the worker died at case {} ({family}) outside the engine:\n{src}",
                    first + done
                );
            }
        }
    }
    drop(rx);
    worker.join().unwrap();
    eprintln!(
        "vm_fuzz: {ran} cases (seed {seed}) in {:.1?}: {accepted} accepted and run, {} refused, {} panics; {families:?}",
        start.elapsed(),
        ran - accepted - failures.len(),
        failures.len()
    );
    assert!(
        failures.is_empty(),
        "{} of {ran} cases panicked:\n\n{}",
        failures.len(),
        failures.join("\n\n")
    );
    // The generator must mostly produce programs the engine accepts, or the
    // test says little about the VM.
    assert!(accepted * 2 >= ran, "only {accepted} of {ran} programs were accepted");
    assert!(ran >= 50.min(cases as usize), "only {ran} cases ran");
}

/// Found by the long fuzz runs (the process grew by ~20 MB/s until it
/// crawled): a `Program` does not give its memory back when dropped, not even
/// for an empty program (about 235 KB a run: the asyncio prelude's functions
/// and classes, and everything the program made, are kept alive, presumably by
/// reference cycles). The web app builds a new `Program` for every run, so a
/// tab leaks with every click. Measured with the engine's counting allocator
/// (`vm::memory::live`).
#[test]
fn dropping_a_program_frees_its_memory() {
    let _serial = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
    let programs = [
        ("an empty program", "pass\n"),
        ("a class with a method", "class A:\n    def m(self):\n        return 1\nA().m()\n"),
        ("a closure", "def outer():\n    x = 1\n    def inner():\n        return x\n    return inner\nouter()()\n"),
        ("asyncio.run", "import asyncio\nasync def main():\n    await asyncio.sleep(0)\nasyncio.run(main())\n"),
        ("a recursive inner function", "def outer(n):\n    def f(k):\n        return 0 if k == 0 else f(k - 1)\n    return f(n)\nouter(3)\n"),
        ("super() in a method", "class A:\n    def m(self):\n        return 1\nclass B(A):\n    def m(self):\n        return super().m()\nB().m()\n"),
    ];
    let mut leaks = Vec::new();
    for (name, src) in programs {
        let run = || {
            let mut p = Program::new(src, Limits::default()).expect("compiles");
            p.run_to_end();
        };
        run();
        let before = loopscope::vm::memory::live();
        let runs = 4;
        for _ in 0..runs {
            run();
        }
        let per_run = loopscope::vm::memory::live().saturating_sub(before) / runs;
        if per_run > 1024 {
            leaks.push(format!(
                "{name}: {per_run} bytes per run still allocated after the Program was dropped"
            ));
        }
    }
    assert!(leaks.is_empty(), "programs leak memory:\n{}", leaks.join("\n"));
}
