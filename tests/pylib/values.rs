//! The test data's values (see `gen_cases.py`): reading the files, the typed
//! value encoding, and the little of Python's `str`/`repr` the tests need.

use loopscope::pylib::float_repr::repr;
use loopscope::pylib::text::repr_str;

/// A Python value as the generator encodes it.
#[derive(Debug, Clone, PartialEq)]
pub enum V {
    None,
    Bool(bool),
    Int(i64),
    /// An int outside 64 bits, as decimal text.
    BigInt(String),
    Float(f64),
    Str(String),
    Tuple(Vec<V>),
    List(Vec<V>),
    Dict(Vec<(V, V)>),
    /// The generator's `Obj`: attributes `name` and `size`, str `Obj`.
    Obj,
}

impl V {
    pub fn parse(text: &str) -> V {
        let chars: Vec<char> = text.chars().collect();
        let mut pos = 0;
        let v = parse_value(&chars, &mut pos);
        assert_eq!(pos, chars.len(), "trailing text in {text:?}");
        v
    }
}

fn parse_value(c: &[char], pos: &mut usize) -> V {
    let tag = c[*pos];
    *pos += 1;
    let number = |pos: &mut usize| {
        let start = *pos;
        while *pos < c.len() && (c[*pos] == '-' || c[*pos].is_ascii_digit()) {
            *pos += 1;
        }
        c[start..*pos].iter().collect::<String>()
    };
    let items = |pos: &mut usize, close: char| {
        let mut out = Vec::new();
        while c[*pos] != close {
            out.push(parse_value(c, pos));
            if c[*pos] == ',' {
                *pos += 1;
            }
        }
        *pos += 1;
        out
    };
    match tag {
        'n' => V::None,
        'b' => {
            *pos += 1;
            V::Bool(c[*pos - 1] == '1')
        }
        'i' => V::Int(number(pos).parse().unwrap()),
        'I' => V::BigInt(number(pos)),
        'f' => {
            let hex: String = c[*pos..*pos + 16].iter().collect();
            *pos += 16;
            V::Float(f64::from_bits(u64::from_str_radix(&hex, 16).unwrap()))
        }
        's' => {
            let len: usize = number(pos).parse().unwrap();
            assert_eq!(c[*pos], ':');
            let s = c[*pos + 1..*pos + 1 + len].iter().collect();
            *pos += 1 + len;
            V::Str(s)
        }
        '(' => V::Tuple(items(pos, ')')),
        '[' => V::List(items(pos, ']')),
        '{' => {
            let mut out = Vec::new();
            while c[*pos] != '}' {
                let k = parse_value(c, pos);
                assert_eq!(c[*pos], ':');
                *pos += 1;
                out.push((k, parse_value(c, pos)));
                if c[*pos] == ',' {
                    *pos += 1;
                }
            }
            *pos += 1;
            V::Dict(out)
        }
        'o' => V::Obj,
        other => panic!("bad value tag {other:?}"),
    }
}

/// The generator's `enc`.
pub fn enc(v: &V) -> String {
    let join = |items: &[V]| items.iter().map(enc).collect::<Vec<_>>().join(",");
    match v {
        V::None => "n".into(),
        V::Bool(b) => if *b { "b1" } else { "b0" }.into(),
        V::Int(i) => format!("i{i}"),
        V::BigInt(t) => format!("I{t}"),
        V::Float(f) => format!("f{:016x}", f.to_bits()),
        V::Str(s) => format!("s{}:{s}", s.chars().count()),
        V::Tuple(items) => format!("({})", join(items)),
        V::List(items) => format!("[{}]", join(items)),
        V::Dict(items) => {
            format!(
                "{{{}}}",
                items
                    .iter()
                    .map(|(k, v)| format!("{}:{}", enc(k), enc(v)))
                    .collect::<Vec<_>>()
                    .join(",")
            )
        }
        V::Obj => "o".into(),
    }
}

/// `str(v)`.
pub fn py_str(v: &V) -> String {
    match v {
        V::Str(s) => s.clone(),
        V::Obj => "Obj".into(),
        other => py_repr(other),
    }
}

/// `repr(v)`.
pub fn py_repr(v: &V) -> String {
    let join = |items: &[V]| items.iter().map(py_repr).collect::<Vec<_>>().join(", ");
    match v {
        V::None => "None".into(),
        V::Bool(b) => if *b { "True" } else { "False" }.into(),
        V::Int(i) => i.to_string(),
        V::BigInt(t) => t.clone(),
        V::Float(f) => repr(*f),
        V::Str(s) => repr_str(s),
        V::Tuple(items) if items.len() == 1 => format!("({},)", py_repr(&items[0])),
        V::Tuple(items) => format!("({})", join(items)),
        V::List(items) => format!("[{}]", join(items)),
        V::Dict(items) => format!(
            "{{{}}}",
            items
                .iter()
                .map(|(k, v)| format!("{}: {}", py_repr(k), py_repr(v)))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        V::Obj => "<Obj>".into(),
    }
}

/// `ascii(v)` given `repr(v)`: non-ASCII characters escaped.
pub fn ascii(repr: &str) -> String {
    repr.chars()
        .map(|c| match c as u32 {
            0..=0x7f => c.to_string(),
            u @ 0x80..=0xff => format!("\\x{u:02x}"),
            u @ 0x100..=0xffff => format!("\\u{u:04x}"),
            u => format!("\\U{u:08x}"),
        })
        .collect()
}

/// `type(v).__name__`.
pub fn type_name(v: &V) -> &'static str {
    match v {
        V::None => "NoneType",
        V::Bool(_) => "bool",
        V::Int(_) | V::BigInt(_) => "int",
        V::Float(_) => "float",
        V::Str(_) => "str",
        V::Tuple(_) => "tuple",
        V::List(_) => "list",
        V::Dict(_) => "dict",
        V::Obj => "Obj",
    }
}

fn unescape(field: &str) -> String {
    let mut out = String::with_capacity(field.len());
    let mut chars = field.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('t') => out.push('\t'),
            Some('n') => out.push('\n'),
            Some('r') => out.push('\r'),
            Some('\\') => out.push('\\'),
            other => panic!("bad escape \\{other:?}"),
        }
    }
    out
}

/// The cases of `data/NAME.txt`: each line's tab-separated, unescaped fields.
pub fn load(name: &str) -> Vec<Vec<String>> {
    let path = format!("{}/tests/pylib/data/{name}.txt", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    text.lines().map(|line| line.split('\t').map(unescape).collect()).collect()
}

/// Counts cases and collects mismatches for one data file.
pub struct Checker {
    name: &'static str,
    cases: usize,
    unsupported: usize,
    failures: Vec<String>,
}

impl Checker {
    pub fn new(name: &'static str) -> Checker {
        Checker { name, cases: 0, unsupported: 0, failures: Vec::new() }
    }

    pub fn eq(&mut self, what: &str, got: &str, want: &str) {
        self.eq_by(what, got, want, |g, w| g == w);
    }

    pub fn eq_by(&mut self, what: &str, got: &str, want: &str, same: impl Fn(&str, &str) -> bool) {
        self.cases += 1;
        if !same(got, want) {
            self.failures.push(format!("{what}\n    got:  {got}\n    want: {want}"));
        }
    }

    /// A case whose result needs an int wider than 64 bits, which this runtime
    /// refuses (CPython went on, to a result or a later error).
    pub fn unsupported(&mut self) {
        self.unsupported += 1;
    }

    pub fn finish(self) {
        eprintln!("{}: {} cases, {} need big ints", self.name, self.cases, self.unsupported);
        if !self.failures.is_empty() {
            for f in self.failures.iter().take(25) {
                eprintln!("{f}");
            }
            panic!(
                "{}: {} of {} cases differ from CPython",
                self.name,
                self.failures.len(),
                self.cases
            );
        }
    }
}
