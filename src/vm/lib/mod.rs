//! The standard library modules programs import beyond `asyncio` and
//! `random`: Python source compiled the first time a program imports them
//! (CPython's pure-Python ones, rewritten for the subset), with a few natives
//! each. A module's source runs once, as internal code (hidden from
//! tracebacks and the UI's line marks), on the importing program's budget.
//!
//! Names CPython's module has that these lack are refused before the
//! program runs (`syntax::check`), never an AttributeError halfway.

use super::exc::ExcKind;
use super::intern::{sym, Symbol};
use super::value::*;
use super::{Host, PyResult, Vm};
use std::rc::Rc;

mod json;
mod math;
mod natives;
mod sys;

/// A library module: its name and its Python source.
pub(crate) struct LibModule {
    pub(crate) name: &'static str,
    pub(crate) source: &'static str,
}

/// Every library module, by name.
pub(crate) const LIBRARY: &[LibModule] = &[
    LibModule { name: "time", source: include_str!("time.py") },
    LibModule { name: "datetime", source: include_str!("datetime.py") },
    LibModule { name: "inspect", source: include_str!("inspect.py") },
    LibModule { name: "types", source: include_str!("types.py") },
    LibModule { name: "typing", source: include_str!("typing.py") },
    LibModule { name: "functools", source: include_str!("functools.py") },
    LibModule { name: "collections", source: include_str!("collections.py") },
    LibModule { name: "collections.abc", source: include_str!("collections_abc.py") },
    LibModule { name: "contextlib", source: include_str!("contextlib.py") },
    LibModule { name: "dataclasses", source: include_str!("dataclasses.py") },
    LibModule { name: "itertools", source: include_str!("itertools.py") },
    LibModule { name: "math", source: include_str!("math.py") },
    LibModule { name: "sys", source: include_str!("sys.py") },
    LibModule { name: "json", source: include_str!("json.py") },
    LibModule { name: "abc", source: include_str!("abc.py") },
    LibModule { name: "operator", source: include_str!("operator.py") },
    LibModule { name: "copy", source: include_str!("copy.py") },
];

impl Vm {
    /// `import name`: the module, loading a library module the first time.
    pub(crate) fn import_module(&mut self, host: &mut dyn Host, name: &str) -> PyResult<Value> {
        if let Some(m) = self.modules.get(name) {
            return Ok(m.clone());
        }
        let Some(lib) = LIBRARY.iter().find(|m| m.name == name) else {
            return Err(
                self.new_error(ExcKind::ModuleNotFoundError, format!("No module named '{name}'"))
            );
        };
        let g = Rc::new(Globals::new(name));
        g.set(sym::__name__, Value::str(name));
        for (n, f) in natives::MISC.iter().chain(natives::natives(name)) {
            let b = Builtin {
                name: (*n).into(),
                qualname: format!("{name}.{n}").into(),
                kind: BuiltinKind::Native(*f),
                id: next_id(),
            };
            g.set(Symbol::new(n), Value::Builtin(Rc::new(b)));
        }
        for (n, v) in host.module_natives(self, name) {
            g.set(Symbol::new(n), v);
        }
        let code = match self.compile_internal(lib.source, &g) {
            Ok(c) => c,
            Err(d) => {
                let msg = d.first().map(|d| d.message.clone()).unwrap_or_default();
                return Err(self
                    .runtime_error(format!("the library module {name} does not compile: {msg}")));
            }
        };
        let frame = Box::new(super::frame::Frame::new(code, g.clone()));
        self.run_nested(host, frame)?;
        let m = Rc::new(Module { name: name.into(), attrs: Default::default() });
        let names = g.names.borrow().clone();
        let values = g.values.borrow().clone();
        for (n, v) in names.into_iter().zip(values) {
            if !v.is_undef() {
                m.attrs.borrow_mut().set(n, v);
            }
        }
        let v = Value::Module(m);
        self.modules.insert(name.to_string(), v.clone());
        // A submodule is an attribute of its package (`collections.abc`).
        if let Some((parent, child)) = name.rsplit_once('.') {
            if let Value::Module(p) = self.import_module(host, parent)? {
                p.attrs.borrow_mut().set(Symbol::new(child), v.clone());
            }
        }
        Ok(v)
    }
}

#[cfg(test)]
mod tests {
    /// The parser lets a program import exactly the modules there are.
    #[test]
    fn the_parser_knows_every_library_module() {
        for m in super::LIBRARY {
            assert!(crate::syntax::MODULES.contains(&m.name), "{}", m.name);
        }
        for name in crate::syntax::MODULES {
            assert!(
                ["asyncio", "random"].contains(name)
                    || super::LIBRARY.iter().any(|m| m.name == *name),
                "{name}"
            );
        }
    }

    /// The names refused as missing (`syntax::check`) are really missing.
    #[test]
    fn the_refused_names_are_not_defined() {
        for (module, names) in crate::syntax::check::LIBRARY_LACKS {
            let Some(lib) = super::LIBRARY.iter().find(|m| m.name == *module) else { continue };
            for name in names.split_whitespace() {
                for line in lib.source.lines() {
                    let defines = [
                        format!("def {name}("),
                        format!("class {name}:"),
                        format!("class {name}("),
                        format!("{name} = "),
                    ]
                    .iter()
                    .any(|p| line.starts_with(p.as_str()));
                    assert!(!defines, "{module}.{name} is defined: {line}");
                }
                assert!(
                    !super::natives::natives(module).iter().any(|(n, _)| n == &name),
                    "{module}.{name} is native"
                );
            }
        }
    }
}
