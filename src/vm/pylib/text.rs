//! Small text rules of CPython that the other modules share: which characters are
//! whitespace to `str.isspace`, and `repr` of a str (for error messages that quote
//! the offending string).

/// `str.isspace()` for one character (`Py_UNICODE_ISSPACE`): Unicode's White_Space
/// property plus U+001C..U+001F, which Python counts as whitespace (bidirectional
/// class B or S) and Unicode does not.
pub fn py_isspace(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

/// The first code point of each run of ten decimal digits (category Nd) in
/// Unicode 15.1, CPython 3.13's Unicode version; every run is `0`..=`9`.
const DIGIT_ZEROS: [u32; 68] = [
    0x30, 0x660, 0x6f0, 0x7c0, 0x966, 0x9e6, 0xa66, 0xae6, 0xb66, 0xbe6, 0xc66, 0xce6, 0xd66, 0xde6, 0xe50, 0xed0,
    0xf20, 0x1040, 0x1090, 0x17e0, 0x1810, 0x1946, 0x19d0, 0x1a80, 0x1a90, 0x1b50, 0x1bb0, 0x1c40, 0x1c50, 0xa620,
    0xa8d0, 0xa900, 0xa9d0, 0xa9f0, 0xaa50, 0xabf0, 0xff10, 0x104a0, 0x10d30, 0x11066, 0x110f0, 0x11136, 0x111d0,
    0x112f0, 0x11450, 0x114d0, 0x11650, 0x116c0, 0x11730, 0x118e0, 0x11950, 0x11c50, 0x11d50, 0x11da0, 0x11f50,
    0x16a60, 0x16ac0, 0x16b50, 0x1d7ce, 0x1d7d8, 0x1d7e2, 0x1d7ec, 0x1d7f6, 0x1e140, 0x1e2f0, 0x1e4f0, 0x1e950,
    0x1fbf0,
];

/// The digit value of a Unicode decimal digit (`Py_UNICODE_TODECIMAL`): `'7'`
/// and Arabic-Indic `'٧'` are both 7. CPython reads these wherever it reads
/// digits of numbers: `int()`, `float()`, widths in format specs.
pub fn decimal_value(c: char) -> Option<u32> {
    let u = c as u32;
    let i = DIGIT_ZEROS.partition_point(|&zero| zero <= u).checked_sub(1)?;
    let d = u - DIGIT_ZEROS[i];
    (d < 10).then_some(d)
}

/// Whether `repr` of a str prints `c` as itself (`Py_UNICODE_ISPRINTABLE`).
///
/// Exact for ASCII and Latin-1; above that it knows the separators and the common
/// format characters, and treats other code points as printable (CPython also
/// escapes unassigned code points, which needs the Unicode database).
fn is_printable(c: char) -> bool {
    let u = c as u32;
    if u < 0x20 || (0x7f..=0xa0).contains(&u) || u == 0xad {
        return false;
    }
    if u < 0x100 {
        return true;
    }
    !matches!(u,
        0x600..=0x605 | 0x61c | 0x6dd | 0x70f | 0x890..=0x891 | 0x8e2 | 0x1680 | 0x180e
        | 0x2000..=0x200f | 0x2028..=0x202f | 0x205f..=0x2064 | 0x2066..=0x206f | 0x3000
        | 0xd800..=0xf8ff | 0xfeff | 0xfff9..=0xfffb | 0x110bd | 0x110cd
        | 0x13430..=0x1343f | 0x1bca0..=0x1bca3 | 0x1d173..=0x1d17a | 0xe0001
        | 0xe0020..=0xe007f | 0xf0000..)
}

/// `repr(s)` for a str (`unicode_repr`): single quotes unless the text contains a
/// single quote and no double quote; `\\`, the quote, `\t`, `\n`, `\r` escaped;
/// other non-printable characters as `\xNN`, `\uNNNN` or `\UNNNNNNNN`.
pub fn repr_str(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') { '"' } else { '\'' };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if is_printable(c) => out.push(c),
            c if (c as u32) < 0x100 => out.push_str(&format!("\\x{:02x}", c as u32)),
            c if (c as u32) < 0x10000 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push_str(&format!("\\U{:08x}", c as u32)),
        }
    }
    out.push(quote);
    out
}

/// `s[:n]` counted in characters, as CPython's `%.200R` truncates a repr.
pub fn truncate_chars(s: &str, n: usize) -> &str {
    match s.char_indices().nth(n) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimal_digits() {
        assert_eq!(decimal_value('7'), Some(7));
        assert_eq!(decimal_value('\u{661}'), Some(1));
        assert_eq!(decimal_value('\u{1fbf9}'), Some(9));
        assert_eq!(decimal_value('a'), None);
        assert_eq!(decimal_value('\u{2f}'), None);
        assert_eq!(decimal_value('\u{66a}'), None);
    }

    #[test]
    fn repr_quotes_and_escapes() {
        assert_eq!(repr_str("abc"), "'abc'");
        assert_eq!(repr_str("it's"), "\"it's\"");
        assert_eq!(repr_str("'\""), "'\\'\"'");
        assert_eq!(repr_str("a\tb\n\x00\x7f\u{a0}é"), "'a\\tb\\n\\x00\\x7f\\xa0é'");
        assert_eq!(repr_str("\u{2028}"), "'\\u2028'");
    }
}
