//! Tidy checks, in rust-analyzer's style: facts ARCHITECTURE.md states as
//! absences, read from the source files themselves, so the layering stays
//! true without anyone remembering it.
//!
//! The crate's top-level modules form layers. A module may name (`crate::x`)
//! only the modules below it; an arrow that runs back up is a failure here:
//!
//! ```text
//! ui → view → sched → compile → vm → syntax → pylib
//!              sched → trace → pylib
//! ```

use std::fs;
use std::path::{Path, PathBuf};

/// Each top-level module and the modules it may import. The order is the
/// layering, lowest first.
const LAYERS: &[(&str, &[&str])] = &[
    ("pylib", &[]),
    ("trace", &["pylib"]),
    ("syntax", &["pylib"]),
    ("vm", &["pylib", "syntax"]),
    ("compile", &["pylib", "syntax", "vm"]),
    ("sched", &["pylib", "syntax", "vm", "compile", "trace"]),
    ("view", &["pylib", "syntax", "vm", "compile", "sched", "trace"]),
    ("ui", &["pylib", "syntax", "vm", "compile", "sched", "trace", "view"]),
];

/// Text that must not appear in the code (comments aside) of files under a
/// path, and why.
const ABSENT: &[(&str, &str, &str)] = &[
    ("src/vm/", "syntax::ast", "the bytecode has its own operators: the VM never reads the AST"),
    ("src/vm/", "syntax::parse", "the VM never parses: it is given a compiler (`Vm::new`)"),
    ("src/vm/dict.rs", "super::ops", "dict keys compare by pylib's rules, not the operators'"),
    ("src/vm/dict.rs", "vm::ops", "dict keys compare by pylib's rules, not the operators'"),
    ("src/syntax/check.rs", "parser", "the checker reads the finished tree, not the parser"),
    ("src/trace/", "sched::", "the trace is data: it never reaches back into the loop"),
];

/// Crates only the web app may use (the engine and `view` never import them).
const WEB_CRATES: &[&str] = &["yew", "web_sys", "js_sys", "gloo", "wasm_bindgen"];

/// A real clock: nothing in the library reads one (the loop's time is virtual;
/// the page's timers live in `ui`).
const CLOCKS: &[&str] = &["std::time", "Instant::now", "SystemTime", "Date::now"];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The file's code: comments and its unit-test module dropped (tests may
/// reach across layers to check two of them agree).
fn code_of(text: &str) -> String {
    let mut out = String::new();
    let mut lines = text.lines().peekable();
    while let Some(line) = lines.next() {
        if line == "#[cfg(test)]" && lines.peek().is_some_and(|l| l.starts_with("mod tests")) {
            break;
        }
        let trimmed = line.trim_start();
        if trimmed.starts_with("//") {
            continue;
        }
        let code = match line.find(" // ") {
            Some(i) if !line[..i].contains('"') => &line[..i],
            _ => line,
        };
        out.push_str(code);
        out.push('\n');
    }
    out
}

/// The top-level modules a piece of code names as `crate::x` or in
/// `use crate::{x, y::z}`.
fn crate_imports(code: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut rest = code;
    while let Some(i) = rest.find("crate::") {
        let before = rest[..i].chars().next_back();
        rest = &rest[i + "crate::".len()..];
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue; // `loopscope_crate::`, not ours
        }
        if let Some(group) = rest.strip_prefix('{') {
            // The group's top-level items, up to its matching brace.
            let mut depth = 0;
            let mut item = String::new();
            for c in group.chars() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => break,
                    '}' => depth -= 1,
                    ',' if depth == 0 => {
                        push_name(&mut found, &item);
                        item.clear();
                        continue;
                    }
                    _ => {}
                }
                if depth == 0 {
                    item.push(c);
                }
            }
            push_name(&mut found, &item);
        } else {
            let name: String =
                rest.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
            found.push(name);
        }
    }
    found
}

fn push_name(found: &mut Vec<String>, item: &str) {
    let name: String =
        item.trim().chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
    if !name.is_empty() {
        found.push(name);
    }
}

fn relative(p: &Path) -> String {
    p.to_string_lossy().replace('\\', "/")
}

#[test]
fn no_arrow_runs_back_up_the_pipeline() {
    let mut failures = Vec::new();
    let mut checked = 0;
    for (module, allowed) in LAYERS {
        let dir = Path::new("src").join(module);
        let mut files = Vec::new();
        if dir.is_dir() {
            rust_files(&dir, &mut files);
        }
        let single = Path::new("src").join(format!("{module}.rs"));
        if single.is_file() {
            files.push(single);
        }
        assert!(!files.is_empty(), "no source files for the layer `{module}`");
        for file in files {
            let code = code_of(&fs::read_to_string(&file).unwrap());
            for import in crate_imports(&code) {
                if import != *module && !allowed.contains(&import.as_str()) {
                    failures.push(format!(
                        "{}: `{module}` imports `crate::{import}`, which is not below it",
                        relative(&file)
                    ));
                }
            }
            checked += 1;
        }
    }
    assert!(checked > 80, "only {checked} files read: is this the crate's root?");
    assert!(failures.is_empty(), "arrows that run back up:\n{}", failures.join("\n"));
}

#[test]
fn absences_hold() {
    let mut files = Vec::new();
    rust_files(Path::new("src"), &mut files);
    assert!(files.len() > 80, "only {} files under src/", files.len());
    let mut failures = Vec::new();
    for file in &files {
        let path = relative(file);
        let code = code_of(&fs::read_to_string(file).unwrap());
        for (prefix, needle, why) in ABSENT {
            if path.starts_with(prefix) && code.contains(needle) {
                failures.push(format!("{path}: `{needle}`: {why}"));
            }
        }
        // The binary's own files (the headless runner) and the web app may
        // use a real clock and the web crates; the library may not.
        let binary = path == "src/main.rs" || path == "src/cli.rs";
        if !path.starts_with("src/ui/") && !binary {
            for krate in WEB_CRATES {
                if code.contains(&format!("{krate}::")) || code.contains(&format!("use {krate}")) {
                    failures.push(format!("{path}: `{krate}`: only `ui` talks to the browser"));
                }
            }
            for clock in CLOCKS {
                if code.contains(clock) {
                    failures.push(format!("{path}: `{clock}`: the engine never reads a clock"));
                }
            }
        }
    }
    // Each absence names files that exist: a rule about a moved file would
    // pass forever, checking nothing.
    for (prefix, _, _) in ABSENT {
        assert!(
            files.iter().any(|f| relative(f).starts_with(prefix)),
            "no file under {prefix}: update ABSENT"
        );
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_import_reader_reads_groups_and_paths() {
    let code = "use crate::{vm::Vm, syntax::{Span, LineIndex}, trace};\nlet x = crate::pylib::hash::f();\nuse loopscope_crate::x;";
    assert_eq!(crate_imports(code), ["vm", "syntax", "trace", "pylib"]);
    let code = code_of("use crate::vm; // crate::ui\n// crate::sched\n#[cfg(test)]\nmod tests {\n use crate::ui;\n}\n");
    assert_eq!(crate_imports(&code), ["vm"]);
}
