//! The methods of `dict` (`mapp_methods` in CPython's `Objects/dictobject.c`):
//! lookups, views and updates on the insertion-ordered table.
//!
//! Not here: the table itself (`vm::dict`), `d[k]` and `in` (`ops`), the
//! `dict()` constructor and the `dict.fromkeys` classmethod object
//! (`builtins`; both call in here), and hashing (`ops`, `pylib::hash`).

use crate::vm::args;
use crate::vm::dict::DictData;
use crate::vm::intern::{sym, Symbol};
use crate::vm::value::*;
use crate::vm::{Host, PyResult, Vm};
use std::cell::RefCell;
use std::rc::Rc;

impl Vm {
    pub(super) fn dict_method(
        &mut self,
        host: &mut dyn Host,
        recv: &Value,
        d: &Rc<Dict>,
        name: Symbol,
        args: &[Value],
        kwargs: &Kwargs,
    ) -> PyResult<Value> {
        let m = name;
        if m == sym::update {
            args::count(self, "update", args, 0, 1)?;
            if let Some(a) = args.first() {
                self.dict_update_from(host, recv, a, false)?;
            }
            for (k, v) in kwargs {
                let key = Value::str(k.to_string());
                let h = self.hash(host, &key)?;
                d.0.borrow_mut().insert(h, key, v.clone());
            }
            return Ok(Value::None);
        }
        self.no_kwargs("dict", m, kwargs)?;
        if m == sym::get {
            self.expect_args("dict", m, args, 1, 2)?;
            let (h, k) = self.key_for(host, recv, &args[0])?;
            let v = d.0.borrow().get(h, &k).cloned();
            return Ok(v.unwrap_or_else(|| args.get(1).cloned().unwrap_or(Value::None)));
        }
        if m == sym::keys || m == sym::values || m == sym::items {
            self.expect_args("dict", m, args, 0, 0)?;
            let what = if m == sym::keys {
                DictIterWhat::Keys
            } else if m == sym::values {
                DictIterWhat::Values
            } else {
                DictIterWhat::Items
            };
            return Ok(Value::Iter(Rc::new(IterObj {
                kind: RefCell::new(IterKind::View { dict: d.clone(), what }),
            })));
        }
        if m == sym::setdefault {
            self.expect_args("dict", m, args, 1, 2)?;
            let (h, k) = self.key_for(host, recv, &args[0])?;
            let existing = d.0.borrow().get(h, &k).cloned();
            if let Some(v) = existing {
                return Ok(v);
            }
            let v = args.get(1).cloned().unwrap_or(Value::None);
            d.0.borrow_mut().insert(h, k, v.clone());
            return Ok(v);
        }
        if m == sym::pop {
            self.expect_args("dict", m, args, 1, 2)?;
            let (h, k) = self.key_for(host, recv, &args[0])?;
            let r = d.0.borrow_mut().remove(h, &k);
            return match r {
                Some((_, v)) => Ok(v),
                None => match args.get(1) {
                    Some(dflt) => Ok(dflt.clone()),
                    None => Err(self.key_error(args[0].clone())),
                },
            };
        }
        if m == sym::popitem {
            self.expect_args("dict", m, args, 0, 0)?;
            let r = d.0.borrow_mut().pop_last();
            return match r {
                Some((k, v)) => Ok(Value::tuple(vec![k, v])),
                None => Err(self.key_error(Value::str("popitem(): dictionary is empty"))),
            };
        }
        if m == sym::clear {
            self.no_args_method("dict", m, args, kwargs)?;
            d.0.borrow_mut().clear();
            return Ok(Value::None);
        }
        if m == sym::copy {
            self.no_args_method("dict", m, args, kwargs)?;
            return Ok(self.new_dict(d.0.borrow().clone()));
        }
        if m == sym::fromkeys {
            return self.dict_fromkeys(host, args);
        }
        Err(self.attribute_error(recv, name))
    }

    pub(crate) fn dict_fromkeys(&mut self, host: &mut dyn Host, args: &[Value]) -> PyResult<Value> {
        args::count(self, "fromkeys", args, 1, 2)?;
        let v = args.get(1).cloned().unwrap_or(Value::None);
        let mut dd = DictData::new();
        for k in self.iterate(host, &args[0])? {
            let h = self.hash(host, &k)?;
            dd.insert(h, k, v.clone());
        }
        Ok(self.new_dict(dd))
    }
}
