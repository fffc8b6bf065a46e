//! `format()`, f-string fields, `str % args` and `str.format`: the VM's side of
//! `pylib`'s formatting state machines (lookups, conversions, `__format__`).

use super::intern::{sym, Symbol};
use super::types::type_name;
use super::value::*;
use super::{Host, PyErr, PyResult, Vm};
use crate::pylib::{self, PyError};

/// An error inside a pylib formatter: either already a Python exception, or a
/// pylib error still to be turned into one.
pub(crate) enum GlueErr {
    Py(PyErr),
    Lib(PyError),
}

impl From<PyError> for GlueErr {
    fn from(e: PyError) -> GlueErr {
        GlueErr::Lib(e)
    }
}

impl Vm {
    fn unglue(&self, e: GlueErr) -> PyErr {
        match e {
            GlueErr::Py(e) => e,
            GlueErr::Lib(e) => self.pylib_error(e),
        }
    }

    /// `format(v, spec)`.
    pub(crate) fn format(
        &mut self,
        host: &mut dyn Host,
        v: &Value,
        spec: &str,
    ) -> PyResult<String> {
        let r = match v {
            Value::Str(s) => {
                if spec.is_empty() {
                    return Ok(s.s.clone());
                }
                pylib::format_spec::format_str(&s.s, spec)
            }
            Value::Int(i) => pylib::format_spec::format_int(*i, spec),
            Value::Bool(b) => pylib::format_spec::format_bool(*b, spec),
            Value::Float(f) => pylib::format_spec::format_float(*f, spec),
            Value::Instance(i) => {
                if let Some(f) = i.class.lookup(sym::__format__) {
                    let r = self.call(host, &f, vec![v.clone(), Value::str(spec)], vec![])?;
                    return match r {
                        Value::Str(s) => Ok(s.s.clone()),
                        other => Err(self.type_error(format!(
                            "__format__ must return a str, not {}",
                            type_name(&other)
                        ))),
                    };
                }
                let s = self.str(host, v)?;
                pylib::format_spec::format_object(&type_name(v), &s, spec)
            }
            _ => {
                let s = self.str(host, v)?;
                pylib::format_spec::format_object(&type_name(v), &s, spec)
            }
        };
        r.map_err(|e| self.pylib_error(e))
    }
}

struct Percent<'a> {
    vm: &'a mut Vm,
    host: &'a mut dyn Host,
}

impl pylib::percent::PercentArgs for Percent<'_> {
    type Value = Value;
    type Error = GlueErr;

    fn get_item(&mut self, mapping: &Value, key: &str) -> Result<Value, GlueErr> {
        self.vm.getitem(self.host, mapping, &Value::str(key)).map_err(GlueErr::Py)
    }

    fn star(&mut self, value: &Value) -> Result<Option<i64>, GlueErr> {
        Ok(match value {
            Value::Int(i) => Some(*i),
            Value::Bool(b) => Some(*b as i64),
            _ => None,
        })
    }

    fn convert(&mut self, value: &Value, kind: char) -> Result<pylib::percent::Converted, GlueErr> {
        use pylib::percent::Converted;
        let vm = &mut *self.vm;
        Ok(match kind {
            's' => Converted::Text(vm.str(self.host, value).map_err(GlueErr::Py)?),
            'r' => Converted::Text(vm.repr(self.host, value).map_err(GlueErr::Py)?),
            'a' => Converted::Text(vm.ascii(self.host, value).map_err(GlueErr::Py)?),
            'd' | 'i' | 'u' => match value {
                Value::Int(i) => Converted::Int(*i),
                Value::Bool(b) => Converted::Int(*b as i64),
                Value::Float(f) => match pylib::int_ops::float_to_int(*f) {
                    Ok(i) => Converted::Int(i),
                    Err(e) => return Err(GlueErr::Py(vm.arith_error(e))),
                },
                other => {
                    return Err(GlueErr::Lib(pylib::percent::int_required(kind, &type_name(other))))
                }
            },
            'o' | 'x' | 'X' => match value {
                Value::Int(i) => Converted::Int(*i),
                Value::Bool(b) => Converted::Int(*b as i64),
                other => {
                    return Err(GlueErr::Lib(pylib::percent::int_required(kind, &type_name(other))))
                }
            },
            'c' => match value {
                Value::Str(s) if s.nchars == 1 => Converted::Char(s.s.chars().next().unwrap()),
                Value::Int(i) => match u32::try_from(*i).ok().and_then(char::from_u32) {
                    Some(c) => Converted::Char(c),
                    None => return Err(GlueErr::Lib(pylib::percent::char_out_of_range())),
                },
                _ => return Err(GlueErr::Lib(pylib::percent::char_required())),
            },
            _ => match value {
                Value::Int(i) => Converted::Float(*i as f64),
                Value::Bool(b) => Converted::Float(*b as i64 as f64),
                Value::Float(f) => Converted::Float(*f),
                other => {
                    return Err(GlueErr::Lib(pylib::percent::float_required(&type_name(other))))
                }
            },
        })
    }
}

/// `template % args`.
pub(crate) fn percent_format(
    vm: &mut Vm,
    host: &mut dyn Host,
    template: &str,
    args: &Value,
) -> PyResult<String> {
    use pylib::percent::Operand;
    let operand = match args {
        Value::Tuple(t) => Operand::Tuple(t.0.clone()),
        Value::Str(_) => Operand::Single(args.clone()),
        Value::Dict(_) | Value::List(_) => Operand::Mapping(args.clone()),
        Value::Instance(i) if i.class.lookup(sym::__getitem__).is_some() => {
            Operand::Mapping(args.clone())
        }
        _ => Operand::Single(args.clone()),
    };
    let r = {
        let mut p = Percent { vm: &mut *vm, host };
        pylib::percent::format(template, operand, &mut p)
    };
    match r {
        Ok(s) => {
            vm.alloc(s.len())?;
            Ok(s)
        }
        Err(e) => Err(vm.unglue(e)),
    }
}

struct FormatCall<'a> {
    vm: &'a mut Vm,
    host: &'a mut dyn Host,
    args: &'a [Value],
    kwargs: &'a Kwargs,
    mapping: Option<&'a Value>,
}

impl pylib::str_format::FormatArgs for FormatCall<'_> {
    type Value = Value;
    type Error = GlueErr;

    fn positional(&mut self, index: usize) -> Result<Option<Value>, GlueErr> {
        if self.mapping.is_some() {
            // `get_field_object` with no args tuple: only `format_map` gets here.
            return Err(
                pylib::PyError::value_error("Format string contains positional fields").into()
            );
        }
        Ok(self.args.get(index).cloned())
    }

    fn keyword(&mut self, name: &str) -> Result<Value, GlueErr> {
        if let Some(m) = self.mapping {
            return self.vm.getitem(self.host, m, &Value::str(name)).map_err(GlueErr::Py);
        }
        let s = Symbol::new(name);
        match self.kwargs.iter().find(|(k, _)| *k == s) {
            Some((_, v)) => Ok(v.clone()),
            None => Err(GlueErr::Py(self.vm.key_error(Value::str(name)))),
        }
    }

    fn attribute(&mut self, value: &Value, name: &str) -> Result<Value, GlueErr> {
        self.vm.getattr(self.host, value, Symbol::new(name)).map_err(GlueErr::Py)
    }

    fn item(
        &mut self,
        value: &Value,
        key: pylib::str_format::ItemKey<'_>,
    ) -> Result<Value, GlueErr> {
        let k = match key {
            pylib::str_format::ItemKey::Index(i) => Value::Int(i as i64),
            pylib::str_format::ItemKey::Name(n) => Value::str(n),
        };
        self.vm.getitem(self.host, value, &k).map_err(GlueErr::Py)
    }

    fn convert(&mut self, value: &Value, conversion: char) -> Result<Value, GlueErr> {
        let s = match conversion {
            'r' => self.vm.repr(self.host, value),
            'a' => self.vm.ascii(self.host, value),
            _ => self.vm.str(self.host, value),
        }
        .map_err(GlueErr::Py)?;
        Ok(Value::str(s))
    }

    fn format(&mut self, value: &Value, spec: &str) -> Result<String, GlueErr> {
        self.vm.format(self.host, value, spec).map_err(GlueErr::Py)
    }
}

/// `template.format(*args, **kwargs)`.
pub(crate) fn str_format(
    vm: &mut Vm,
    host: &mut dyn Host,
    template: &str,
    args: &[Value],
    kwargs: &Kwargs,
) -> PyResult<String> {
    let r = {
        let mut f = FormatCall { vm: &mut *vm, host, args, kwargs, mapping: None };
        pylib::str_format::format(template, &mut f)
    };
    r.map_err(|e| vm.unglue(e))
}

/// `template.format_map(mapping)`.
pub(crate) fn str_format_map(
    vm: &mut Vm,
    host: &mut dyn Host,
    template: &str,
    mapping: &Value,
) -> PyResult<String> {
    let r = {
        let mut f =
            FormatCall { vm: &mut *vm, host, args: &[], kwargs: &[], mapping: Some(mapping) };
        pylib::str_format::format(template, &mut f)
    };
    r.map_err(|e| vm.unglue(e))
}
