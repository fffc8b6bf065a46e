//! Data-driven syntax tests: every `tests/syntax/NAME.py` is parsed and its rendered
//! diagnostics (one per line) must equal `tests/syntax/NAME.err` (empty for a valid
//! program). `UPDATE_EXPECT=1 cargo test --test syntax_cases` rewrites the `.err`
//! files; check each change by hand against CPython's message.
//!
//! Also: every scenario program in `../shared/scenarios/` parses without diagnostics.

use loopscope::syntax::{parse, LineIndex};
use std::path::{Path, PathBuf};

fn rendered(src: &str) -> String {
    let (_, diags) = parse(src);
    let index = LineIndex::new(src);
    diags.iter().map(|d| d.render(&index) + "\n").collect()
}

fn files_with_ext(dir: &Path, ext: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    files.retain(|p| p.extension().is_some_and(|e| e == ext));
    files.sort();
    files
}

#[test]
fn syntax_cases() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/syntax");
    let update = std::env::var_os("UPDATE_EXPECT").is_some();
    let cases = files_with_ext(&dir, "py");
    assert!(!cases.is_empty(), "no cases in {}", dir.display());
    let mut failures = Vec::new();
    for py in &cases {
        let bytes = std::fs::read(py).expect("read case");
        let src = String::from_utf8_lossy(&bytes);
        let got = rendered(&src);
        let err = py.with_extension("err");
        if update {
            std::fs::write(&err, &got).expect("write expectation");
            continue;
        }
        let want = std::fs::read_to_string(&err).unwrap_or_else(|_| "<missing .err file>".into());
        if got != want {
            failures.push(format!("--- {}\nexpected:\n{want}got:\n{got}", py.display()));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases differ:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
    eprintln!("{} syntax cases", cases.len());
}

#[test]
fn scenarios_parse_cleanly() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/scenarios");
    let programs = files_with_ext(&dir, "py");
    assert!(programs.len() >= 45, "only {} scenarios at {}", programs.len(), dir.display());
    let mut failures = Vec::new();
    for py in &programs {
        let src = std::fs::read_to_string(py).expect("read scenario");
        let got = rendered(&src);
        if !got.is_empty() {
            failures.push(format!("{}:\n{got}", py.display()));
        }
    }
    assert!(failures.is_empty(), "scenarios with diagnostics:\n{}", failures.join("\n"));
    eprintln!("{} scenarios parse cleanly", programs.len());
}
