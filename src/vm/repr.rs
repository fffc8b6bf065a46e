//! `repr()`, `str()` and `ascii()` of values, as CPython prints them.

use super::exc::{exc_args, with_exc};
use super::intern::sym;
use super::types::type_name;
use super::value::*;
use super::{Host, PyResult, Vm};
use crate::pylib;

/// Containers nest deeper than this make `repr` raise `RecursionError`, as
/// CPython's C recursion guard does (and the Rust stack stays small).
const MAX_REPR_DEPTH: usize = 200;

thread_local! {
    /// Containers being printed (CPython's `Py_ReprEnter`): a container met
    /// again inside itself prints as `[...]`.
    static REPR_STACK: std::cell::RefCell<Vec<u64>> = const { std::cell::RefCell::new(Vec::new()) };
}

fn address(id: u64) -> String {
    // CPython prints memory addresses; programs that depend on them are out of
    // scope, but the shape is kept.
    format!("0x{:012x}", 0x7f00_0000_0000u64 + id * 0x30)
}

impl Vm {
    pub(crate) fn repr(&mut self, host: &mut dyn Host, v: &Value) -> PyResult<String> {
        Ok(match v {
            Value::Undef | Value::None => "None".into(),
            Value::Bool(b) => if *b { "True" } else { "False" }.into(),
            Value::Int(i) => i.to_string(),
            Value::Float(f) => pylib::float_repr::repr(*f),
            Value::Str(s) => pylib::text::repr_str(&s.s),
            Value::List(l) => {
                let items = l.0.borrow().clone();
                return self.repr_container(host, v, "[", "]", &items, false);
            }
            Value::Tuple(t) => {
                let items = t.0.clone();
                return self.repr_container(host, v, "(", ")", &items, items.len() == 1);
            }
            Value::Dict(d) => {
                let entries: Vec<(Value, Value)> =
                    d.0.borrow().iter().map(|e| (e.key.clone(), e.value.clone())).collect();
                if entries.is_empty() {
                    return Ok("{}".into());
                }
                return self.guarded(
                    v,
                    "{...}",
                    |vm, host| {
                        let mut out = String::from("{");
                        for (i, (k, val)) in entries.iter().enumerate() {
                            if i > 0 {
                                out.push_str(", ");
                            }
                            out.push_str(&vm.repr(host, k)?);
                            out.push_str(": ");
                            out.push_str(&vm.repr(host, val)?);
                        }
                        out.push('}');
                        Ok(out)
                    },
                    host,
                );
            }
            Value::Set(s) => {
                let items: Vec<Value> = s.data.borrow().iter().map(|(_, k)| k.clone()).collect();
                let name = if s.frozen { "frozenset" } else { "set" };
                if items.is_empty() {
                    return Ok(format!("{name}()"));
                }
                let inner = self.repr_container(host, v, "{", "}", &items, false)?;
                if s.frozen {
                    format!("frozenset({inner})")
                } else {
                    inner
                }
            }
            Value::Range(r) => {
                if r.step == 1 {
                    format!("range({}, {})", r.start, r.stop)
                } else {
                    format!("range({}, {}, {})", r.start, r.stop, r.step)
                }
            }
            Value::Slice(s) => {
                format!(
                    "slice({}, {}, {})",
                    self.repr(host, &s.start)?,
                    self.repr(host, &s.stop)?,
                    self.repr(host, &s.step)?
                )
            }
            Value::Function(f) => {
                format!("<function {} at {}>", f.qualname.borrow(), address(f.id))
            }
            Value::Builtin(b) => {
                if b.qualname.contains('.') {
                    format!("<built-in method {}>", b.name)
                } else {
                    format!("<built-in function {}>", b.name)
                }
            }
            Value::Method(m) => {
                let fname = match &m.func {
                    Value::Function(f) => f.qualname.borrow().to_string(),
                    Value::Builtin(b) => b.qualname.to_string(),
                    Value::MethodName(n) => {
                        let owner = type_name(&m.self_);
                        return Ok(format!(
                            "<built-in method {} of {} object at {}>",
                            n,
                            owner,
                            address(m.self_.identity())
                        ));
                    }
                    _ => "?".into(),
                };
                let s = self.repr(host, &m.self_)?;
                format!("<bound method {fname} of {s}>")
            }
            Value::Class(c) => {
                if &*c.module == "builtins" {
                    format!("<class '{}'>", c.qualname)
                } else {
                    format!("<class '{}.{}'>", c.module, c.qualname)
                }
            }
            Value::Module(m) => format!("<module '{}'>", m.name),
            Value::Coroutine(c) => {
                format!("<coroutine object {} at {}>", c.qualname, address(c.id))
            }
            Value::Generator(g) => match &g.kind {
                GenKind::Generator => {
                    format!("<generator object {} at {}>", g.qualname, address(g.id))
                }
                GenKind::AsyncGenerator { .. } => {
                    format!("<async_generator object {} at {}>", g.qualname, address(g.id))
                }
                _ => format!("<{} object at {}>", super::types::type_name(v), address(g.id)),
            },
            Value::Iter(it) => {
                let view = match &*it.kind.borrow() {
                    IterKind::View { dict, what } => Some((dict.clone(), *what)),
                    _ => None,
                };
                match view {
                    Some((dict, what)) => {
                        let items: Vec<Value> = match what {
                            DictIterWhat::Keys => dict.0.borrow().keys(),
                            DictIterWhat::Values => dict.0.borrow().values(),
                            DictIterWhat::Items => dict
                                .0
                                .borrow()
                                .iter()
                                .map(|e| Value::tuple(vec![e.key.clone(), e.value.clone()]))
                                .collect(),
                        };
                        let inner = self.repr_container(host, v, "[", "]", &items, false)?;
                        format!("{}({inner})", type_name(v))
                    }
                    None => format!("<{} object at {}>", type_name(v), address(v.identity())),
                }
            }
            Value::Cell(_) => "<cell>".into(),
            Value::Code(c) => format!("<code object {}>", c.name),
            Value::MethodName(n) => format!("<method '{n}'>"),
            Value::Ellipsis => "Ellipsis".into(),
            Value::NotImplemented => "NotImplemented".into(),
            Value::Instance(i) => return self.repr_instance(host, v, i),
        })
    }

    fn repr_instance(
        &mut self,
        host: &mut dyn Host,
        v: &Value,
        i: &std::rc::Rc<Instance>,
    ) -> PyResult<String> {
        if let Some(f) = i.class.lookup(sym::__repr__) {
            let r = self.call(host, &f, vec![v.clone()], vec![])?;
            return match r {
                Value::Str(s) => Ok(s.s.clone()),
                other => Err(self.type_error(format!(
                    "__repr__ returned non-string (type {})",
                    type_name(&other)
                ))),
            };
        }
        self.default_repr(host, v, i, true)
    }

    /// The repr an instance has without a `__repr__` of its own: its host
    /// type's, `BaseException.__repr__` (when `exc_style`), or `object.__repr__`.
    pub(crate) fn default_repr(
        &mut self,
        host: &mut dyn Host,
        v: &Value,
        i: &std::rc::Rc<Instance>,
        exc_style: bool,
    ) -> PyResult<String> {
        if let Some(s) = host.repr(self, v) {
            return Ok(s);
        }
        let payload_kind = match &*i.payload.borrow() {
            Payload::Exception(_) => 1,
            Payload::Property { .. } => 2,
            Payload::StaticMethod(_) => 3,
            Payload::ClassMethod(_) => 4,
            Payload::Super { .. } => 5,
            _ => 0,
        };
        match payload_kind {
            1 if exc_style => {
                let name = i.class.name.clone();
                let group = with_exc(v, |d| d.group.clone()).flatten();
                if group.is_some() {
                    // BaseExceptionGroup's repr shows its args: the message and the sequence given.
                    let args = exc_args(v);
                    let t = self.repr(host, &Value::tuple(args))?;
                    return Ok(format!("{name}{t}"));
                }
                let args = exc_args(v);
                if args.len() == 1 {
                    return Ok(format!("{name}({})", self.repr(host, &args[0])?));
                }
                let t = self.repr(host, &Value::tuple(args))?;
                if t == "()" {
                    return Ok(format!("{name}()"));
                }
                Ok(format!("{name}{t}"))
            }
            2 => Ok(format!("<property object at {}>", address(i.id))),
            3 => Ok(format!("<staticmethod object at {}>", address(i.id))),
            4 => Ok(format!("<classmethod object at {}>", address(i.id))),
            5 => Ok("<super object>".into()),
            _ => {
                let module = &i.class.module;
                Ok(format!("<{}.{} object at {}>", module, i.class.qualname, address(i.id)))
            }
        }
    }

    fn repr_container(
        &mut self,
        host: &mut dyn Host,
        v: &Value,
        open: &str,
        close: &str,
        items: &[Value],
        trailing_comma: bool,
    ) -> PyResult<String> {
        let dots = format!("{open}...{close}");
        self.guarded(
            v,
            &dots,
            |vm, host| {
                let mut out = String::from(open);
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    out.push_str(&vm.repr(host, item)?);
                }
                if trailing_comma {
                    out.push(',');
                }
                out.push_str(close);
                Ok(out)
            },
            host,
        )
    }

    /// Run `f` with `v` marked as being printed; print `dots` if it already is.
    fn guarded(
        &mut self,
        v: &Value,
        dots: &str,
        f: impl FnOnce(&mut Vm, &mut dyn Host) -> PyResult<String>,
        host: &mut dyn Host,
    ) -> PyResult<String> {
        let id = v.identity();
        let (seen, depth) = REPR_STACK.with(|s| {
            let s = s.borrow();
            (s.contains(&id), s.len())
        });
        if seen {
            return Ok(dots.to_string());
        }
        if depth >= MAX_REPR_DEPTH {
            return Err(self.new_error(
                super::exc::ExcKind::RecursionError,
                "maximum recursion depth exceeded while getting the repr of an object".into(),
            ));
        }
        REPR_STACK.with(|s| s.borrow_mut().push(id));
        let r = f(self, host);
        REPR_STACK.with(|s| s.borrow_mut().pop());
        r
    }

    /// `str(v)`.
    pub(crate) fn str(&mut self, host: &mut dyn Host, v: &Value) -> PyResult<String> {
        match v {
            Value::Str(s) => Ok(s.s.clone()),
            Value::Instance(i) => {
                if let Some(f) = i.class.lookup(sym::__str__) {
                    let r = self.call(host, &f, vec![v.clone()], vec![])?;
                    return match r {
                        Value::Str(s) => Ok(s.s.clone()),
                        other => Err(self.type_error(format!(
                            "__str__ returned non-string (type {})",
                            type_name(&other)
                        ))),
                    };
                }
                // BaseException.__str__ wins over a class's own __repr__.
                if matches!(&*i.payload.borrow(), Payload::Exception(_)) {
                    return self.exc_str(host, v, i);
                }
                self.repr(host, v)
            }
            _ => self.repr(host, v),
        }
    }

    /// `str(exception)`: `BaseException.__str__` (and `KeyError`'s, and
    /// `BaseExceptionGroup`'s).
    pub(crate) fn exc_str(
        &mut self,
        host: &mut dyn Host,
        v: &Value,
        i: &std::rc::Rc<Instance>,
    ) -> PyResult<String> {
        let group = with_exc(v, |d| d.group.clone()).flatten();
        if let Some((msg, excs)) = group {
            let n = match &excs {
                Value::Tuple(t) => t.0.len(),
                Value::List(l) => l.0.borrow().len(),
                _ => 0,
            };
            let m = self.str(host, &msg)?;
            return Ok(format!("{m} ({n} sub-exception{})", if n == 1 { "" } else { "s" }));
        }
        let args = exc_args(v);
        let key_error = i.class.is_subclass(self.types.exc_class(super::exc::ExcKind::KeyError));
        match args.len() {
            0 => Ok(String::new()),
            1 if key_error => self.repr(host, &args[0]),
            1 => self.str(host, &args[0]),
            _ => self.repr(host, &Value::tuple(args)),
        }
    }

    /// `ascii(v)`: `repr` with non-ASCII characters escaped.
    pub(crate) fn ascii(&mut self, host: &mut dyn Host, v: &Value) -> PyResult<String> {
        let r = self.repr(host, v)?;
        let mut out = String::with_capacity(r.len());
        for c in r.chars() {
            let u = c as u32;
            if u < 0x80 {
                out.push(c);
            } else if u < 0x100 {
                out.push_str(&format!("\\x{u:02x}"));
            } else if u < 0x10000 {
                out.push_str(&format!("\\u{u:04x}"));
            } else {
                out.push_str(&format!("\\U{u:08x}"));
            }
        }
        Ok(out)
    }
}
