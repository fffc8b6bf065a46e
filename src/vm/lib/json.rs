//! `json`'s natives: string escaping (`encode_basestring[_ascii]`).

use crate::vm::value::*;

fn escape(s: &str, ascii: bool) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c if ascii && (c as u32) > 0x7e => {
                let mut buf = [0u16; 2];
                for u in c.encode_utf16(&mut buf) {
                    out.push_str(&format!("\\u{:04x}", u));
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

pub(crate) const NATIVES: &[(&str, NativeFn)] =
    &[("_encode_str", |vm, _h, args, _kw| match (args.first(), args.get(1)) {
        (Some(Value::Str(s)), ascii) => {
            Ok(Value::str(escape(&s.s, !matches!(ascii, Some(Value::Bool(false))))))
        }
        _ => Err(vm.type_error("_encode_str(str, ensure_ascii)")),
    })];
