//! Unicode character properties and case mappings that `str`'s methods need
//! beyond what Rust's `char` gives: titlecase (`str.title`, `str.capitalize`,
//! `str.istitle`), full case folding (`str.casefold`), case swapping and the
//! final sigma rule, the digit and numeric classes of `str.isdigit` /
//! `str.isdecimal` / `str.isnumeric`, and the alphabetic and identifier
//! classes of `str.isalpha` / `str.isalnum` / `str.isidentifier`, as CPython
//! 3.13's `Objects/unicodeobject.c` and `Objects/unicodectype.c` apply them
//! over its Unicode 15.1 database.
//!
//! These are pure functions on `char` and `&str`: they know nothing of the VM,
//! take no arguments beyond the text and raise nothing (the VM checks a
//! method's arguments, then calls in). Where Rust's Unicode tables agree with
//! CPython's (`char::to_uppercase`, `char::is_uppercase`, ...) they are used
//! directly; the tables here hold only where the two differ or where Rust has
//! no such property (the alpha and XID classes come from a run-length table
//! generated from CPython's own database, `char_class_table`). Whitespace, decimal digit values and printability live in
//! [`super::text`].

/// The titlecase mapping of `c` (`_PyUnicode_ToTitleFull`): its uppercase
/// except for the code points in [`TITLE_SPECIAL`].
pub(crate) fn title_case(c: char) -> String {
    // Titlecase is uppercase except for these (CPython 3.13's `str.title`
    // of each code point where it differs from `str.upper`).
    match TITLE_SPECIAL.binary_search_by_key(&(c as u32), |(k, _)| *k) {
        Ok(i) => TITLE_SPECIAL[i].1.into(),
        Err(_) => {
            let mut out = String::new();
            push_upper(&mut out, c);
            out
        }
    }
}

/// Code points whose titlecase is not their uppercase, and their titlecase.
const TITLE_SPECIAL: &[(u32, &str)] = &[
    (0xdf, "Ss"),
    (0x1c4, "\u{1c5}"),
    (0x1c5, "\u{1c5}"),
    (0x1c6, "\u{1c5}"),
    (0x1c7, "\u{1c8}"),
    (0x1c8, "\u{1c8}"),
    (0x1c9, "\u{1c8}"),
    (0x1ca, "\u{1cb}"),
    (0x1cb, "\u{1cb}"),
    (0x1cc, "\u{1cb}"),
    (0x1f1, "\u{1f2}"),
    (0x1f2, "\u{1f2}"),
    (0x1f3, "\u{1f2}"),
    (0x587, "\u{535}\u{582}"),
    (0x10d0, "\u{10d0}"),
    (0x10d1, "\u{10d1}"),
    (0x10d2, "\u{10d2}"),
    (0x10d3, "\u{10d3}"),
    (0x10d4, "\u{10d4}"),
    (0x10d5, "\u{10d5}"),
    (0x10d6, "\u{10d6}"),
    (0x10d7, "\u{10d7}"),
    (0x10d8, "\u{10d8}"),
    (0x10d9, "\u{10d9}"),
    (0x10da, "\u{10da}"),
    (0x10db, "\u{10db}"),
    (0x10dc, "\u{10dc}"),
    (0x10dd, "\u{10dd}"),
    (0x10de, "\u{10de}"),
    (0x10df, "\u{10df}"),
    (0x10e0, "\u{10e0}"),
    (0x10e1, "\u{10e1}"),
    (0x10e2, "\u{10e2}"),
    (0x10e3, "\u{10e3}"),
    (0x10e4, "\u{10e4}"),
    (0x10e5, "\u{10e5}"),
    (0x10e6, "\u{10e6}"),
    (0x10e7, "\u{10e7}"),
    (0x10e8, "\u{10e8}"),
    (0x10e9, "\u{10e9}"),
    (0x10ea, "\u{10ea}"),
    (0x10eb, "\u{10eb}"),
    (0x10ec, "\u{10ec}"),
    (0x10ed, "\u{10ed}"),
    (0x10ee, "\u{10ee}"),
    (0x10ef, "\u{10ef}"),
    (0x10f0, "\u{10f0}"),
    (0x10f1, "\u{10f1}"),
    (0x10f2, "\u{10f2}"),
    (0x10f3, "\u{10f3}"),
    (0x10f4, "\u{10f4}"),
    (0x10f5, "\u{10f5}"),
    (0x10f6, "\u{10f6}"),
    (0x10f7, "\u{10f7}"),
    (0x10f8, "\u{10f8}"),
    (0x10f9, "\u{10f9}"),
    (0x10fa, "\u{10fa}"),
    (0x10fd, "\u{10fd}"),
    (0x10fe, "\u{10fe}"),
    (0x10ff, "\u{10ff}"),
    (0x1f80, "\u{1f88}"),
    (0x1f81, "\u{1f89}"),
    (0x1f82, "\u{1f8a}"),
    (0x1f83, "\u{1f8b}"),
    (0x1f84, "\u{1f8c}"),
    (0x1f85, "\u{1f8d}"),
    (0x1f86, "\u{1f8e}"),
    (0x1f87, "\u{1f8f}"),
    (0x1f88, "\u{1f88}"),
    (0x1f89, "\u{1f89}"),
    (0x1f8a, "\u{1f8a}"),
    (0x1f8b, "\u{1f8b}"),
    (0x1f8c, "\u{1f8c}"),
    (0x1f8d, "\u{1f8d}"),
    (0x1f8e, "\u{1f8e}"),
    (0x1f8f, "\u{1f8f}"),
    (0x1f90, "\u{1f98}"),
    (0x1f91, "\u{1f99}"),
    (0x1f92, "\u{1f9a}"),
    (0x1f93, "\u{1f9b}"),
    (0x1f94, "\u{1f9c}"),
    (0x1f95, "\u{1f9d}"),
    (0x1f96, "\u{1f9e}"),
    (0x1f97, "\u{1f9f}"),
    (0x1f98, "\u{1f98}"),
    (0x1f99, "\u{1f99}"),
    (0x1f9a, "\u{1f9a}"),
    (0x1f9b, "\u{1f9b}"),
    (0x1f9c, "\u{1f9c}"),
    (0x1f9d, "\u{1f9d}"),
    (0x1f9e, "\u{1f9e}"),
    (0x1f9f, "\u{1f9f}"),
    (0x1fa0, "\u{1fa8}"),
    (0x1fa1, "\u{1fa9}"),
    (0x1fa2, "\u{1faa}"),
    (0x1fa3, "\u{1fab}"),
    (0x1fa4, "\u{1fac}"),
    (0x1fa5, "\u{1fad}"),
    (0x1fa6, "\u{1fae}"),
    (0x1fa7, "\u{1faf}"),
    (0x1fa8, "\u{1fa8}"),
    (0x1fa9, "\u{1fa9}"),
    (0x1faa, "\u{1faa}"),
    (0x1fab, "\u{1fab}"),
    (0x1fac, "\u{1fac}"),
    (0x1fad, "\u{1fad}"),
    (0x1fae, "\u{1fae}"),
    (0x1faf, "\u{1faf}"),
    (0x1fb2, "\u{1fba}\u{345}"),
    (0x1fb3, "\u{1fbc}"),
    (0x1fb4, "\u{386}\u{345}"),
    (0x1fb7, "\u{391}\u{342}\u{345}"),
    (0x1fbc, "\u{1fbc}"),
    (0x1fc2, "\u{1fca}\u{345}"),
    (0x1fc3, "\u{1fcc}"),
    (0x1fc4, "\u{389}\u{345}"),
    (0x1fc7, "\u{397}\u{342}\u{345}"),
    (0x1fcc, "\u{1fcc}"),
    (0x1ff2, "\u{1ffa}\u{345}"),
    (0x1ff3, "\u{1ffc}"),
    (0x1ff4, "\u{38f}\u{345}"),
    (0x1ff7, "\u{3a9}\u{342}\u{345}"),
    (0x1ffc, "\u{1ffc}"),
    (0xfb00, "Ff"),
    (0xfb01, "Fi"),
    (0xfb02, "Fl"),
    (0xfb03, "Ffi"),
    (0xfb04, "Ffl"),
    (0xfb05, "St"),
    (0xfb06, "St"),
    (0xfb13, "\u{544}\u{576}"),
    (0xfb14, "\u{544}\u{565}"),
    (0xfb15, "\u{544}\u{56b}"),
    (0xfb16, "\u{54e}\u{576}"),
    (0xfb17, "\u{544}\u{56d}"),
];

/// Unicode category Lt (the titlecase digraphs and Greek letters with
/// prosgegrammeni): with Lowercase and Uppercase, what Python calls cased.
pub(crate) fn is_titlecase(c: char) -> bool {
    matches!(c as u32, 0x1c5 | 0x1c8 | 0x1cb | 0x1f2 | 0x1f88..=0x1f8f | 0x1f98..=0x1f9f | 0x1fa8..=0x1faf | 0x1fbc | 0x1fcc | 0x1ffc)
}

/// `str.isdecimal` for one character (`Py_UNICODE_ISDECIMAL`: Unicode
/// category Nd).
pub(crate) fn is_decimal(c: char) -> bool {
    super::text::decimal_value(c).is_some()
}

/// `str.isdigit` for one character (`Py_UNICODE_ISDIGIT`): the decimal
/// digits and the digits that are not decimal.
pub(crate) fn is_digit(c: char) -> bool {
    is_decimal(c) || is_digit_only(c)
}

/// `str.isnumeric` for one character (`Py_UNICODE_ISNUMERIC`): what Rust
/// counts as numeric, the digits, and the CJK ideographs with a numeric
/// value.
pub(crate) fn is_numeric(c: char) -> bool {
    c.is_numeric() || is_decimal(c) || is_digit_only(c) || is_cjk_numeral(c)
}

/// Digits that are not decimal (`'²'.isdigit()` but not `isdecimal()`):
/// superscripts, subscripts, circled and parenthesized digits, and the
/// digits of scripts without place value (Ethiopic, Kharoshthi, Brahmi, ...).
fn is_digit_only(c: char) -> bool {
    matches!(c as u32, 0xb2..=0xb3 | 0xb9 | 0x1369..=0x1371 | 0x19da | 0x2070 | 0x2074..=0x2079 | 0x2080..=0x2089 | 0x2460..=0x2468 | 0x2474..=0x247c | 0x2488..=0x2490 | 0x24ea | 0x24f5..=0x24fd | 0x24ff | 0x2776..=0x277e | 0x2780..=0x2788 | 0x278a..=0x2792 | 0x10a40..=0x10a43 | 0x10e60..=0x10e68 | 0x11052..=0x1105a | 0x1f100..=0x1f10a)
}

/// The CJK ideographs with a numeric value that Rust does not call numeric
/// (`'三'.isnumeric()` is true in Python): CPython 3.13's `isnumeric`
/// beyond `char::is_numeric`, every one of them.
fn is_cjk_numeral(c: char) -> bool {
    #[rustfmt::skip]
    const CJK_NUMERALS: [u32; 91] = [
    0x3405, 0x3483, 0x382a, 0x3b4d, 0x4e00, 0x4e03, 0x4e07, 0x4e09, 0x4e24, 0x4e5d, 0x4e8c,
    0x4e94, 0x4e96, 0x4eac, 0x4ebf, 0x4ec0, 0x4edf, 0x4ee8, 0x4f0d, 0x4f70, 0x4fe9, 0x5006,
    0x5104, 0x5146, 0x5169, 0x516b, 0x516d, 0x5341, 0x5343, 0x5344, 0x5345, 0x534c, 0x53c1,
    0x53c2, 0x53c3, 0x53c4, 0x56db, 0x58f1, 0x58f9, 0x5e7a, 0x5efe, 0x5eff, 0x5f0c, 0x5f0d,
    0x5f0e, 0x5f10, 0x62d0, 0x62fe, 0x634c, 0x67d2, 0x6d1e, 0x6f06, 0x7396, 0x767e, 0x7695,
    0x79ed, 0x8086, 0x842c, 0x8cae, 0x8cb3, 0x8d30, 0x920e, 0x94a9, 0x9621, 0x9646, 0x964c,
    0x9678, 0x96f6, 0xf96b, 0xf973, 0xf978, 0xf9b2, 0xf9d1, 0xf9d3, 0xf9fd, 0x20001, 0x20064,
    0x200e2, 0x20121, 0x2092a, 0x20983, 0x2098c, 0x2099c, 0x20aea, 0x20afd, 0x20b19, 0x22390,
    0x22998, 0x23b1b, 0x2626d, 0x2f890,
    ];
    (c as u32) >= 0x3405 && CJK_NUMERALS.binary_search(&(c as u32)).is_ok()
}

/// Rust's case tables follow a newer Unicode than CPython 3.13's 15.1,
/// which gave these letters of 15.1 an uppercase (Latin lambda with stroke,
/// rams horn, double thorn, double wynn): CPython keeps them as they are.
const UPPER_SINCE_15_1: [char; 4] = ['\u{19b}', '\u{264}', '\u{a7d3}', '\u{a7d5}'];

/// The uppercase of `c` as CPython 3.13 maps it (`_PyUnicode_ToUpperFull`).
fn push_upper(out: &mut String, c: char) {
    if UPPER_SINCE_15_1.contains(&c) {
        out.push(c);
    } else {
        out.extend(c.to_uppercase());
    }
}

/// `str.upper()`: each character's full uppercase mapping.
pub(crate) fn upper(text: &str) -> String {
    if !text.contains(UPPER_SINCE_15_1) {
        return text.to_uppercase();
    }
    let mut out = String::with_capacity(text.len());
    text.chars().for_each(|c| push_upper(&mut out, c));
    out
}

/// Lowercase as CPython 3.13 sees it (`Py_UNICODE_ISLOWER`): U+0295 (ʕ)
/// is a lowercase letter in Unicode 15.1, an other letter since.
fn is_lower(c: char) -> bool {
    c.is_lowercase() || c == '\u{295}'
}

/// `str.casefold()` (`unicode_casefold_impl`, `_PyUnicode_ToFoldedFull`):
/// full case folding, character by character. For all of Unicode 15.1 but
/// a few letters that is the lowercase of the uppercase (`ß` → `SS` → `ss`,
/// `ς` → `Σ` → `σ`, `ﬃ` → `FFI` → `ffi`, `ᾳ` → `ΑΙ` → `αι`); the exceptions:
/// dotless `ı` folds to itself, capital sharp `ẞ` to `ss`, and Cherokee folds
/// to its uppercase letters.
pub(crate) fn casefold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut up = String::new();
    for c in text.chars() {
        match c as u32 {
            0..=0x7f => out.push(c.to_ascii_lowercase()),
            0x131 | 0x13a0..=0x13f5 => out.push(c),
            0x1e9e => out.push_str("ss"),
            0x13f8..=0x13fd | 0xab70..=0xabbf => push_upper(&mut out, c),
            _ => {
                up.clear();
                push_upper(&mut up, c);
                up.chars().for_each(|u| out.extend(u.to_lowercase()));
            }
        }
    }
    out
}

/// Whether each `Σ` of `text`, in order, is in the Final_Sigma context and
/// lowers to `ς` rather than `σ` (CPython's `handle_capital_sigma`: a cased
/// letter before it and none after it, case-ignorable characters skipped).
/// Rust's `str::to_lowercase` applies the same rule and lowers every other
/// character as `char::to_lowercase` does, so its decisions are read back
/// from the lowered text.
fn final_sigmas(text: &str) -> std::vec::IntoIter<bool> {
    let mut out = Vec::new();
    if text.contains('Σ') {
        let lower = text.to_lowercase();
        let mut lowered = lower.chars();
        for c in text.chars() {
            if c == 'Σ' {
                out.push(lowered.next() == Some('ς'));
            } else {
                lowered.by_ref().take(c.to_lowercase().len()).for_each(drop);
            }
        }
    }
    out.into_iter()
}

/// Lowers `c` into `out` as CPython's `lower_ucs4` does: `Σ` by its context
/// (the next of `sigmas`), any other character by its full lowercase mapping.
fn push_lower(out: &mut String, c: char, sigmas: &mut std::vec::IntoIter<bool>) {
    if c == 'Σ' {
        out.push(if sigmas.next() == Some(true) { 'ς' } else { 'σ' });
    } else {
        out.extend(c.to_lowercase());
    }
}

/// `str.swapcase()` (`do_swapcase`): each uppercase character lowered (`Σ`
/// by its context, as `str.lower`), each lowercase one uppercased, the
/// others kept.
pub(crate) fn swapcase(text: &str) -> String {
    let mut sigmas = final_sigmas(text);
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_uppercase() {
            push_lower(&mut out, c, &mut sigmas);
        } else {
            if c == 'Σ' {
                sigmas.next();
            }
            if is_lower(c) {
                push_upper(&mut out, c);
            } else {
                out.push(c);
            }
        }
    }
    out
}

/// `str.capitalize()` (`do_capitalize`, 3.8+): the first character
/// titlecased, not uppercased, and the rest lowered in the context of the
/// whole text (`'ΑΣ'.capitalize()` is `'Ας'`).
pub(crate) fn capitalize(text: &str) -> String {
    let mut sigmas = final_sigmas(text);
    let mut cs = text.chars();
    let Some(first) = cs.next() else { return String::new() };
    if first == 'Σ' {
        sigmas.next();
    }
    let mut out = title_case(first);
    for c in cs {
        push_lower(&mut out, c, &mut sigmas);
    }
    out
}

/// `str.title()` (`do_title`): a character after a cased one is lowered (in
/// the context of the whole text, for `Σ`), any other is titlecased; cased
/// means Lowercase, Uppercase or Lt.
pub(crate) fn title(text: &str) -> String {
    let mut sigmas = final_sigmas(text);
    let mut out = String::with_capacity(text.len());
    let mut prev_cased = false;
    for c in text.chars() {
        if prev_cased {
            push_lower(&mut out, c, &mut sigmas);
        } else {
            if c == 'Σ' {
                sigmas.next();
            }
            out.push_str(&title_case(c));
        }
        prev_cased = is_lower(c) || c.is_uppercase() || is_titlecase(c);
    }
    out
}

/// `str.isupper()` (`want_upper`) or `str.islower()`: at least one cased
/// character of that case, and none of the other case or titlecase
/// (`unicode_isupper_impl`: `'ǅ'.isupper()` and `'ǅ'.islower()` are false).
pub(crate) fn is_all_case(text: &str, want_upper: bool) -> bool {
    let mut cased = false;
    for c in text.chars() {
        let (same, other) = if want_upper {
            (c.is_uppercase(), is_lower(c))
        } else {
            (is_lower(c), c.is_uppercase())
        };
        if other || is_titlecase(c) {
            return false;
        }
        cased |= same;
    }
    cased
}

/// `str.istitle()` (`unicode_istitle_impl`): uppercase and titlecase
/// characters only after uncased ones, lowercase only after cased ones, and
/// at least one cased character.
pub(crate) fn istitle(text: &str) -> bool {
    let mut prev = false;
    let mut cased = false;
    for c in text.chars() {
        if c.is_uppercase() || is_titlecase(c) {
            if prev {
                return false;
            }
            prev = true;
            cased = true;
        } else if is_lower(c) {
            if !prev {
                return false;
            }
            prev = true;
            cased = true;
        } else {
            prev = false;
        }
    }
    cased
}

/// The classes of `c` in CPython's Unicode database, from the generated
/// run-length table: bit 0 alpha, bit 1 XID_Start, bit 2 XID_Continue.
fn char_classes(c: char) -> u8 {
    use super::char_class_table::{INDEX, RUNS};
    let cp = c as u32;
    let block = (cp >> 12).min(INDEX.len() as u32 - 1);
    let mut at = block << 12;
    let mut i = INDEX[block as usize] as usize;
    loop {
        let mut v = 0u32;
        let mut shift = 0;
        loop {
            let b = RUNS[i];
            i += 1;
            v |= u32::from(b & 0x7f) << shift;
            if b < 0x80 {
                break;
            }
            shift += 7;
        }
        at += v >> 3;
        if cp < at {
            return (v & 7) as u8;
        }
    }
}

/// `str.isalpha` for one character (`Py_UNICODE_ISALPHA`): general category
/// Lu, Ll, Lt, Lm or Lo. Not Rust's `is_alphabetic`, which also takes the
/// letter numbers and the vowel signs and other marks of Other_Alphabetic.
pub(crate) fn is_alpha(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphabetic()
    } else {
        char_classes(c) & 1 != 0
    }
}

/// `str.isalnum` for one character (`Py_UNICODE_ISALNUM`): alpha, or
/// decimal, digit or numeric.
pub(crate) fn is_alnum(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        is_alpha(c) || is_numeric(c)
    }
}

/// `str.isidentifier()`: XID_Start or `_`, then XID_Continue characters
/// (`_PyUnicode_ScanIdentifier`), over CPython's Unicode database.
pub(crate) fn isidentifier(text: &str) -> bool {
    let mut cs = text.chars();
    let Some(first) = cs.next() else { return false };
    let start = if first.is_ascii() {
        first == '_' || first.is_ascii_alphabetic()
    } else {
        char_classes(first) & 2 != 0
    };
    start
        && cs.all(|c| {
            if c.is_ascii() {
                c == '_' || c.is_ascii_alphanumeric()
            } else {
                char_classes(c) & 4 != 0
            }
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    // Expected values are CPython 3.13's.
    #[test]
    fn titlecase_differs_from_uppercase() {
        assert_eq!(title_case('a'), "A");
        assert_eq!(title_case('ß'), "Ss");
        assert_eq!(title_case('\u{1c6}'), "\u{1c5}");
        assert_eq!(title_case('ﬁ'), "Fi");
        assert_eq!(title("hello wORLD ǆungla"), "Hello World ǅungla");
        assert_eq!(title("they're bill's"), "They'Re Bill'S");
        assert_eq!(capitalize("ßtraße"), "Sstraße");
        assert_eq!(capitalize(""), "");
    }

    #[test]
    fn final_sigma_in_context() {
        assert_eq!(title("ΑΣ ΑΣ"), "Ας Ας");
        assert_eq!(capitalize("ΣΑΣ ΣΑΣ"), "Σας σας");
        assert_eq!(swapcase("aΣ ΑΣb"), "Aς ασB");
        assert_eq!(title("ΑΣ\u{301}x"), "Ασ\u{301}X");
        // A long ASCII run before the sigma still counts as its context.
        assert_eq!(title("abcdefghijklmnopqrstuvwxyzabcdefΣ"), "Abcdefghijklmnopqrstuvwxyzabcdefς");
        assert_eq!(swapcase("ß Σ"), "SS σ");
    }

    #[test]
    fn unicode_15_1_case_and_folding() {
        assert_eq!(upper("ƛɤ a"), "ƛɤ A");
        assert_eq!(title("ƛx"), "ƛx");
        assert!(is_all_case("ʕ", false) && !is_all_case("ʕ", true));
        assert_eq!(casefold("ẞ ı Ꭰ ꭰ ᏸ µ \u{1f0} ᾳ ﬃ ς"), "ss ı Ꭰ Ꭰ Ᏸ μ j\u{30c} αι ffi σ");
        assert_eq!(casefold("ABC İ"), "abc i\u{307}");
    }

    #[test]
    fn case_predicates() {
        assert!(istitle("Hello World") && istitle("ǅungla") && !istitle("HEllo") && !istitle("1"));
        assert!(is_all_case("ABC1", true) && !is_all_case("123", true));
        assert!(is_all_case("abc ß", false) && !is_all_case("aBc", false));
        assert!(!is_all_case("Aǅ", true) && !is_all_case("aǅ", false));
        assert_eq!(swapcase("Hello ß"), "hELLO SS");
        assert_eq!(casefold("Straße ﬁ ΣΑΣ"), "strasse fi σασ");
        assert!(
            isidentifier("_x1") && isidentifier("变量") && !isidentifier("1x") && !isidentifier("")
        );
    }

    #[test]
    fn alpha_and_identifier_classes() {
        // Letters (L*) are alpha; letter numbers, vowel signs and combining
        // marks are not, though Rust calls the first two alphabetic.
        assert!(is_alpha('é') && is_alpha('变') && is_alpha('ʰ') && !is_alpha('\u{10ffff}'));
        assert!(!is_alpha('Ⅳ') && !is_alpha('\u{93f}') && !is_alpha('\u{301}') && !is_alpha('_'));
        assert!(is_alnum('Ⅳ') && is_alnum('²') && is_alnum('三') && !is_alnum('\u{93f}'));
        // The last block and a code point past the indexed ones.
        assert!(is_alpha('\u{2a6df}') && !is_alpha('\u{e0100}'));
        assert!(isidentifier("Ⅳ") && isidentifier("x\u{301}") && !isidentifier("\u{301}"));
        assert!(isidentifier("a·b") && !isidentifier("·") && !isidentifier("a²"));
        assert!(isidentifier("हिन्दी") && isidentifier("x\u{e0100}") && !isidentifier("\u{e0100}"));
        assert!(!isidentifier("a-b") && !isidentifier("a b") && isidentifier("_"));
    }

    #[test]
    fn digit_classes() {
        assert!(is_decimal('7') && is_digit('7') && is_numeric('7'));
        assert!(!is_decimal('²') && is_digit('²') && is_numeric('²'));
        assert!(!is_digit('½') && is_numeric('½'));
        assert!(
            !is_digit('三') && is_numeric('三') && is_numeric('\u{2f890}') && !is_numeric('丁')
        );
        assert!(is_digit('\u{1369}') && !is_decimal('\u{1369}'));
        assert!(!is_numeric('a'));
    }
}
