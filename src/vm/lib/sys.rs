//! `sys`'s natives: its output goes where `print` goes.

use crate::vm::value::*;

pub(crate) const NATIVES: &[(&str, NativeFn)] = &[
    ("_write", |vm, h, args, _kw| {
        if let Some(Value::Str(s)) = args.first() {
            h.write(vm, &s.s);
        }
        Ok(Value::None)
    }),
    ("_program_file", |vm, _h, _args, _kw| Ok(Value::str(&*vm.file_name))),
];
