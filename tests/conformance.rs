//! Conformance with CPython 3.13: every program in `tests/lang/`,
//! `tests/scenarios/` and (when present) `../shared/scenarios/` runs through
//! the headless runner and must print its `.out` byte for byte, and its
//! `.trace` for the `--trace` form. Refused programs in `tests/lang/errors/`
//! must report the diagnostic in their `.err`.
//!
//! Tests are data: add a program and its expected output (made with
//! `../shared/reference/run [--trace] x.py`) to add a case.

use loopscope::sched::{runner, Program};
use loopscope::syntax::LineIndex;
use loopscope::vm::Limits;
use std::path::{Path, PathBuf};

fn programs(dir: &Path) -> Vec<PathBuf> {
    let Ok(rd) = std::fs::read_dir(dir) else { return vec![] };
    let mut v: Vec<PathBuf> = rd.filter_map(|e| e.ok().map(|e| e.path())).filter(|p| p.extension().is_some_and(|e| e == "py")).collect();
    v.sort();
    v
}

fn run(src: &str, trace: bool) -> String {
    match Program::new(src, Limits::default()) {
        Ok(mut p) => {
            p.run_to_end();
            runner::render(p.trace(), trace)
        }
        Err(diags) => {
            let idx = LineIndex::new(src);
            diags.iter().map(|d| d.render(&idx) + "\n").collect()
        }
    }
}

fn first_diff(a: &str, b: &str) -> String {
    for (i, (x, y)) in a.lines().zip(b.lines()).enumerate() {
        if x != y {
            return format!("line {}:\n  expected: {x}\n  got:      {y}", i + 1);
        }
    }
    format!("length differs: expected {} lines, got {}", a.lines().count(), b.lines().count())
}

/// Run every program in `dir`; returns (checked, failures).
fn check_dir(dir: &Path, with_trace: bool) -> (usize, Vec<String>) {
    let mut failures = Vec::new();
    let mut checked = 0;
    for py in programs(dir) {
        let src = std::fs::read_to_string(&py).unwrap();
        let out_path = py.with_extension("out");
        if let Ok(expected) = std::fs::read_to_string(&out_path) {
            checked += 1;
            let got = run(&src, false);
            if got != expected {
                failures.push(format!("{}: {}", py.display(), first_diff(&expected, &got)));
            }
        }
        let trace_path = py.with_extension("trace");
        if with_trace {
            if let Ok(expected) = std::fs::read_to_string(&trace_path) {
                checked += 1;
                let got = run(&src, true);
                if got != expected {
                    failures.push(format!("{} (--trace): {}", py.display(), first_diff(&expected, &got)));
                }
            }
        }
    }
    (checked, failures)
}

fn report(name: &str, checked: usize, failures: Vec<String>) {
    if !failures.is_empty() {
        panic!("{name}: {} of {checked} failed:\n{}", failures.len(), failures.join("\n\n"));
    }
}

#[test]
fn shared_scenarios() {
    let dir = Path::new("../shared/scenarios");
    if !dir.exists() {
        eprintln!("../shared/scenarios not found; skipped");
        return;
    }
    let (checked, failures) = check_dir(dir, true);
    assert!(checked >= 80, "only {checked} shared checks found");
    report("shared scenarios", checked, failures);
}

#[test]
fn own_scenarios() {
    let (checked, failures) = check_dir(Path::new("tests/scenarios"), true);
    report("tests/scenarios", checked, failures);
}

#[test]
fn language() {
    let (checked, failures) = check_dir(Path::new("tests/lang"), false);
    report("tests/lang", checked, failures);
}

#[test]
fn refused_programs() {
    let mut failures = Vec::new();
    let mut checked = 0;
    for py in programs(Path::new("tests/lang/errors")) {
        let Ok(expected) = std::fs::read_to_string(py.with_extension("err")) else { continue };
        checked += 1;
        let src = std::fs::read_to_string(&py).unwrap();
        let got = match Program::new(&src, Limits::default()) {
            Ok(_) => "(accepted)".to_string(),
            Err(d) => d.first().map(|d| d.render(&LineIndex::new(&src))).unwrap_or_default(),
        };
        let expected = expected.lines().next().unwrap_or("").to_string();
        // Unsupported constructs: the position and the kind must match; the
        // wording is ours.
        let ok = if let Some((pos, _)) = expected.split_once(": unsupported:") {
            got.starts_with(&format!("{pos}: unsupported:"))
        } else {
            got == expected
        };
        if !ok {
            failures.push(format!("{}:\n  expected: {expected}\n  got:      {got}", py.display()));
        }
    }
    report("tests/lang/errors", checked, failures);
}
