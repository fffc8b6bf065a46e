//! The searching and splitting `str` methods whose rules are more than one
//! call of Rust's `str` API: `split`/`rsplit`, `splitlines`, and `replace`
//! with an empty pattern, as CPython 3.13's `Objects/stringlib/split.h` and
//! `Objects/unicodeobject.c` do them.
//!
//! Pure functions on `&str`: they know nothing of the VM, check no argument
//! types and raise nothing (an empty separator is the caller's `ValueError`).
//! The methods that are one call of Rust's API (`find`, `strip`, `replace`
//! with a pattern) stay in the VM, beside their argument checks.

/// `str.replace("", new, count)` (`replace` in `Objects/unicodeobject.c`,
/// the empty-pattern case): `new` before each character and after the last,
/// at most `count` times.
pub(crate) fn replace_empty(text: &str, new: &str, count: usize) -> String {
    let mut out = String::new();
    let mut n = 0;
    for c in text.chars() {
        if n < count {
            out.push_str(new);
            n += 1;
        }
        out.push(c);
    }
    if n < count {
        out.push_str(new);
    }
    out
}

/// `str.split(sep, maxsplit)` / `str.rsplit` with a non-empty `sep`
/// (`split` / `rsplit` in `Objects/stringlib/split.h`): at most `maxsplit`
/// splits from the left or the right, every one when `maxsplit` is negative.
pub(crate) fn split_sep(text: &str, sep: &str, maxsplit: i64, from_right: bool) -> Vec<String> {
    if maxsplit < 0 {
        return text.split(sep).map(str::to_string).collect();
    }
    if from_right {
        let mut v: Vec<String> =
            text.rsplitn(maxsplit as usize + 1, sep).map(str::to_string).collect();
        v.reverse();
        v
    } else {
        text.splitn(maxsplit as usize + 1, sep).map(str::to_string).collect()
    }
}

/// `str.split()` / `str.rsplit()` with no separator (`split_whitespace` /
/// `rsplit_whitespace` in `Objects/stringlib/split.h`): runs of Python
/// whitespace separate, none at the ends; after `maxsplit` splits the rest
/// is one part, its leading (or, from the right, trailing) whitespace dropped.
pub(crate) fn split_whitespace(text: &str, maxsplit: i64, from_right: bool) -> Vec<String> {
    let ws = super::text::py_isspace;
    let mut out = Vec::new();
    if !from_right {
        let mut rest = text.trim_start_matches(ws);
        while !rest.is_empty() {
            if maxsplit >= 0 && out.len() as i64 == maxsplit {
                out.push(rest.to_string());
                break;
            }
            let end = rest.find(ws).unwrap_or(rest.len());
            out.push(rest[..end].to_string());
            rest = rest[end..].trim_start_matches(ws);
        }
    } else {
        let mut rest = text.trim_end_matches(ws);
        while !rest.is_empty() {
            if maxsplit >= 0 && out.len() as i64 == maxsplit {
                out.push(rest.to_string());
                break;
            }
            let start = rest
                .rfind(ws)
                .map(|i| i + rest[i..].chars().next().unwrap().len_utf8())
                .unwrap_or(0);
            out.push(rest[start..].to_string());
            rest = rest[..start].trim_end_matches(ws);
        }
        out.reverse();
    }
    out
}

/// `str.splitlines(keepends)` (`splitlines` in `Objects/stringlib/split.h`):
/// the line boundaries are `\n`, `\r`, `\r\n`, `\v`, `\f`, `\x1c`..`\x1e`,
/// `\x85`, U+2028 and U+2029; no empty last line after a final boundary.
pub(crate) fn splitlines(text: &str, keepends: bool) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let is_break = matches!(
            c,
            '\n' | '\r'
                | '\x0b'
                | '\x0c'
                | '\x1c'
                | '\x1d'
                | '\x1e'
                | '\u{85}'
                | '\u{2028}'
                | '\u{2029}'
        );
        if is_break {
            if keepends {
                cur.push(c);
            }
            if c == '\r' && chars.peek() == Some(&'\n') {
                chars.next();
                if keepends {
                    cur.push('\n');
                }
            }
            out.push(std::mem::take(&mut cur));
        } else {
            cur.push(c);
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(parts: &[&str]) -> Vec<String> {
        parts.iter().map(|p| p.to_string()).collect()
    }

    // Expected values are CPython 3.13's.
    #[test]
    fn split_and_rsplit() {
        assert_eq!(split_sep("a,b,,c", ",", -1, false), v(&["a", "b", "", "c"]));
        assert_eq!(split_sep("a,b,c", ",", 1, false), v(&["a", "b,c"]));
        assert_eq!(split_sep("a,b,c", ",", 1, true), v(&["a,b", "c"]));
        assert_eq!(split_whitespace("  a b\t\nc  ", -1, false), v(&["a", "b", "c"]));
        assert_eq!(split_whitespace("  a b  c  ", 1, false), v(&["a", "b  c  "]));
        assert_eq!(split_whitespace("  a b  c  ", 1, true), v(&["  a b", "c"]));
        assert_eq!(split_whitespace("a\u{1c}b", -1, false), v(&["a", "b"]));
        assert!(split_whitespace("   ", -1, false).is_empty());
    }

    #[test]
    fn lines_and_empty_replace() {
        assert_eq!(splitlines("a\r\nb\rc\n\nd\u{2028}", false), v(&["a", "b", "c", "", "d"]));
        assert_eq!(splitlines("a\r\nb\n", true), v(&["a\r\n", "b\n"]));
        assert_eq!(replace_empty("abc", "-", usize::MAX), "-a-b-c-");
        assert_eq!(replace_empty("abc", "-", 2), "-a-bc");
        assert_eq!(replace_empty("", "-", usize::MAX), "-");
    }
}
