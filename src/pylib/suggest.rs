//! "Did you mean ...?" suggestions: CPython's `_Py_CalculateSuggestions`
//! (Python/suggestions.c), which picks the candidate closest to a misspelt name by
//! a Levenshtein distance over UTF-8 bytes where a case flip costs 1 and any other
//! edit 2. CPython 3.13 uses it for unexpected keyword arguments of Python
//! functions and of Argument-Clinic builtins (`print(sepp=...)`).

const MOVE_COST: usize = 2;
const CASE_COST: usize = 1;
const MAX_STRING_SIZE: usize = 40;
const MAX_CANDIDATE_ITEMS: usize = 750;

fn substitution_cost(a: u8, b: u8) -> usize {
    if a & 31 != b & 31 {
        return MOVE_COST;
    }
    if a == b {
        0
    } else if a.eq_ignore_ascii_case(&b) {
        CASE_COST
    } else {
        MOVE_COST
    }
}

/// The edit distance between `a` and `b`, or `max_cost + 1` as soon as it is
/// known to exceed `max_cost`.
fn levenshtein(a: &[u8], b: &[u8], max_cost: usize) -> usize {
    // Trim the common prefix and suffix.
    let pre = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let (mut a, mut b) = (&a[pre..], &b[pre..]);
    let suf = a.iter().rev().zip(b.iter().rev()).take_while(|(x, y)| x == y).count();
    a = &a[..a.len() - suf];
    b = &b[..b.len() - suf];
    if a.is_empty() || b.is_empty() {
        return (a.len() + b.len()) * MOVE_COST;
    }
    if a.len() > MAX_STRING_SIZE || b.len() > MAX_STRING_SIZE {
        return max_cost + 1;
    }
    // The shorter string indexes the row.
    if b.len() < a.len() {
        std::mem::swap(&mut a, &mut b);
    }
    if (b.len() - a.len()) * MOVE_COST > max_cost {
        return max_cost + 1;
    }
    let mut row = [0usize; MAX_STRING_SIZE];
    for (i, cell) in row.iter_mut().take(a.len()).enumerate() {
        *cell = (i + 1) * MOVE_COST;
    }
    let mut result = 0;
    for (bi, &code) in b.iter().enumerate() {
        let mut distance = bi * MOVE_COST;
        result = distance;
        let mut minimum = usize::MAX;
        for (ai, &ac) in a.iter().enumerate() {
            let substitute = distance + substitution_cost(code, ac);
            distance = row[ai];
            let insert_delete = result.min(distance) + MOVE_COST;
            result = insert_delete.min(substitute);
            row[ai] = result;
            minimum = minimum.min(result);
        }
        if minimum > max_cost {
            return max_cost + 1;
        }
    }
    result
}

/// The candidate CPython would suggest for `name`, if any: the first of the
/// closest candidates within a third of the characters involved.
pub(crate) fn suggest<'a>(name: &str, candidates: &[&'a str]) -> Option<&'a str> {
    if candidates.len() >= MAX_CANDIDATE_ITEMS {
        return None;
    }
    let mut best: Option<(&'a str, usize)> = None;
    for &item in candidates {
        if item == name {
            continue;
        }
        let mut max_distance = (name.len() + item.len() + 3) * MOVE_COST / 6;
        if let Some((_, d)) = best {
            max_distance = max_distance.min(d.saturating_sub(1));
        }
        let d = levenshtein(name.as_bytes(), item.as_bytes(), max_distance);
        if d > max_distance {
            continue;
        }
        if best.is_none_or(|(_, bd)| d < bd) {
            best = Some((item, d));
        }
    }
    best.map(|(s, _)| s)
}

/// `"{fname}() got an unexpected keyword argument '{name}'"`, with CPython
/// 3.13's `. Did you mean '...'?` when a candidate is close enough.
pub(crate) fn unexpected_keyword(fname: &str, name: &str, candidates: &[&str]) -> String {
    match suggest(name, candidates) {
        Some(s) => {
            format!("{fname}() got an unexpected keyword argument '{name}'. Did you mean '{s}'?")
        }
        None => format!("{fname}() got an unexpected keyword argument '{name}'"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cpython_examples() {
        assert_eq!(suggest("nam", &["name", "greeting"]), Some("name"));
        assert_eq!(suggest("sepp", &["sep", "end", "file", "flush"]), Some("sep"));
        assert_eq!(suggest("kye", &["key", "reverse"]), None);
        assert_eq!(suggest("Reverse", &["key", "reverse"]), Some("reverse"));
        assert_eq!(suggest("zzz", &["name", "greeting"]), None);
    }
}
