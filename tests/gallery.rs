//! The gallery (`src/view/gallery/`): every example runs on the engine exactly as
//! on CPython 3.13 (its `.out`, and its `.trace` for the `--trace` form, made by
//! `../shared/reference/run [--trace]`), and its menu entry is complete in
//! both languages.
//!
//! An example whose output differs from CPython's is an engine bug: the
//! example stays and this test fails, naming it, until the engine is fixed.

use loopscope::sched::Program;
use loopscope::syntax::LineIndex;
use loopscope::trace::text;
use loopscope::view::gallery::{self, Example, CHAPTERS, EXAMPLES};
use loopscope::vm::Limits;
use std::collections::HashSet;
use std::path::{Path, PathBuf};

const DIR: &str = "src/view/gallery";

fn path(e: &Example, ext: &str) -> PathBuf {
    Path::new(DIR).join(format!("{}.{ext}", e.file))
}

fn expected(e: &Example, ext: &str) -> String {
    let p = path(e, ext);
    std::fs::read_to_string(&p).unwrap_or_else(|err| panic!("{}: {err}", p.display()))
}

/// The headless runner's output for `src` (`--trace` form when `trace`).
fn run(src: &str, trace: bool) -> Result<String, String> {
    match Program::new(src, Limits::default()) {
        Ok(mut p) => {
            p.run_to_end();
            Ok(text::render(p.trace(), trace))
        }
        Err(diags) => {
            let idx = LineIndex::new(src);
            Err(diags.iter().map(|d| d.render(&idx) + "\n").collect())
        }
    }
}

fn first_diff(expected: &str, got: &str) -> String {
    for (i, (x, y)) in expected.lines().zip(got.lines()).enumerate() {
        if x != y {
            return format!("line {}:\n  CPython:   {x}\n  Loopscope: {y}", i + 1);
        }
    }
    format!(
        "length differs: CPython {} lines, Loopscope {}",
        expected.lines().count(),
        got.lines().count()
    )
}

/// Each example against its `.out` (and `.trace` when `trace`); all failures
/// in one message.
fn check_all(trace: bool) {
    let ext = if trace { "trace" } else { "out" };
    let mut failures = Vec::new();
    for e in EXAMPLES {
        let want = expected(e, ext);
        match run(e.source, trace) {
            Err(diags) => failures.push(format!("{}: does not compile:\n{diags}", e.file)),
            Ok(got) if got != want => {
                failures.push(format!("{}.{ext}: {}", e.file, first_diff(&want, &got)))
            }
            Ok(_) => {}
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} examples differ from CPython ({ext}):\n{}",
        failures.len(),
        EXAMPLES.len(),
        failures.join("\n\n")
    );
}

#[test]
fn every_example_prints_what_cpython_prints() {
    check_all(false);
}

#[test]
fn every_example_traces_what_cpython_traces() {
    check_all(true);
}

#[test]
fn the_gallery_is_exactly_the_files_on_disk() {
    let mut on_disk: Vec<String> = std::fs::read_dir(DIR)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "py"))
        .map(|p| p.file_stem().unwrap().to_string_lossy().into_owned())
        .collect();
    on_disk.sort();
    let mut listed: Vec<String> = EXAMPLES.iter().map(|e| e.file.to_string()).collect();
    listed.sort();
    assert_eq!(
        on_disk, listed,
        "every src/view/gallery/*.py is in EXAMPLES and the other way round"
    );
    for e in EXAMPLES {
        assert_eq!(std::fs::read_to_string(path(e, "py")).unwrap(), e.source, "{}", e.file);
        assert!(
            path(e, "out").exists() && path(e, "trace").exists(),
            "{}: .out and .trace beside the .py",
            e.file
        );
    }
}

#[test]
fn menu_entries_are_complete_in_both_languages() {
    assert!(EXAMPLES.len() >= 15, "at least 15 examples, found {}", EXAMPLES.len());
    let mut slugs = HashSet::new();
    for e in EXAMPLES {
        assert!(slugs.insert(e.slug), "duplicate slug {}", e.slug);
        let (number, rest) = e.file.split_once('_').expect("file is NN_slug");
        assert!(
            number.len() == 2 && number.bytes().all(|b| b.is_ascii_digit()),
            "{}: two-digit number",
            e.file
        );
        assert_eq!(rest, e.slug, "{}: the slug is the file name after its number", e.file);
        assert!(
            e.slug.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_'),
            "{}: slug is [a-z0-9_]",
            e.slug
        );
        assert!(gallery::find(e.slug) == Some(e));
        assert!(gallery::chapter(e.chapter).is_some(), "{}: unknown chapter {}", e.slug, e.chapter);
        for (what, text) in [
            ("title_zh", e.title_zh),
            ("title_en", e.title_en),
            ("about_zh", e.about_zh),
            ("about_en", e.about_en),
        ] {
            assert!(!text.trim().is_empty(), "{}: empty {what}", e.slug);
            assert!(
                !text.contains('\n') && text.trim() == text,
                "{}: {what} is one trimmed line",
                e.slug
            );
        }
        let has_cjk = |s: &str| s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
        assert!(has_cjk(e.title_zh) && has_cjk(e.about_zh), "{}: the zh texts are Chinese", e.slug);
        assert!(
            !has_cjk(e.title_en) && !has_cjk(e.about_en),
            "{}: the en texts are English",
            e.slug
        );
        assert!(
            e.title_zh.chars().count() <= 40 && e.title_en.len() <= 70,
            "{}: titles fit a menu",
            e.slug
        );
    }
    assert!(gallery::find("no_such_example").is_none());
    let mut keys = HashSet::new();
    for c in CHAPTERS {
        assert!(keys.insert(c.key), "duplicate chapter {}", c.key);
        assert!(!c.title_zh.is_empty() && !c.title_en.is_empty());
        assert!(EXAMPLES.iter().any(|e| e.chapter == c.key), "chapter {} has no example", c.key);
    }
    // Grouped by chapter, chapters in order: the menu can draw <optgroup>s.
    let order: Vec<usize> = EXAMPLES
        .iter()
        .map(|e| CHAPTERS.iter().position(|c| c.key == e.chapter).unwrap())
        .collect();
    assert!(
        order.windows(2).all(|w| w[0] <= w[1]),
        "EXAMPLES grouped in CHAPTERS order: {order:?}"
    );
    assert!(EXAMPLES.contains(gallery::DEFAULT));
}

#[test]
fn examples_are_short_and_in_the_course_style() {
    let has_cjk = |s: &str| s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
    for e in EXAMPLES {
        let lines = e.source.lines().count();
        assert!((15..=45).contains(&lines), "{}: {lines} lines, want 15–45", e.file);
        let first = e.source.lines().next().unwrap();
        assert!(
            first.starts_with("# ") && has_cjk(first),
            "{}: opens with a Chinese comment saying what it shows",
            e.file
        );
        let out = expected(e, "out");
        assert!(
            out.lines().filter(|l| has_cjk(l)).count() >= 3,
            "{}: prints what it demonstrates, in Chinese",
            e.file
        );
        // Deterministic: nothing that depends on memory addresses.
        assert!(
            !out.contains(" at 0x") && !e.source.contains("id("),
            "{}: prints no addresses",
            e.file
        );
        assert!(
            !e.source.contains("import random") || e.source.contains("random.seed("),
            "{}: seeded random only",
            e.file
        );
        // Visually interesting: more than one task or a timer, something to step through.
        let trace = expected(e, "trace");
        let iterations = trace.lines().filter(|l| l.contains("@ready")).count();
        assert!(iterations >= 4, "{}: only {iterations} loop iterations", e.file);
    }
}

/// The topics the course's chapters need, each shown by at least one example.
#[test]
fn the_gallery_covers_the_course() {
    let with = |needle: &str| {
        EXAMPLES.iter().filter(|e| e.source.contains(needle)).map(|e| e.slug).collect::<Vec<_>>()
    };
    for needle in [
        "asyncio.gather(",
        "return_exceptions=True",
        "asyncio.create_task(",
        "create_future()",
        ".set_result(",
        "asyncio.wait_for(",
        "asyncio.FIRST_COMPLETED",
        "asyncio.as_completed(",
        "except asyncio.CancelledError",
        "finally:",
        ".cancel()",
        "asyncio.Lock()",
        "asyncio.Semaphore(",
        "asyncio.Event()",
        "asyncio.Condition()",
        ".notify_all()",
        "asyncio.Queue(",
        ".task_done()",
        ".join()",
        "asyncio.TaskGroup()",
        "ExceptionGroup",
        "time.sleep(",
        "call_soon(",
        "call_later(",
    ] {
        assert!(!with(needle).is_empty(), "no example uses {needle}");
    }
    // Sequential vs concurrent: one example awaits sleeps in turn and then gathers them.
    assert!(EXAMPLES
        .iter()
        .any(|e| e.source.contains("await prepare(") && e.source.contains("asyncio.gather(")));
    // A blocking time.sleep that delays the loop, and a deadlock.
    let outcome = |e: &Example| {
        expected(e, "out").lines().last().unwrap_or("").split_once("] ").map(|(_, o)| o.to_string())
    };
    assert!(
        EXAMPLES.iter().any(|e| outcome(e).as_deref() == Some("deadlock")),
        "one example ends in deadlock"
    );
    assert!(
        EXAMPLES.iter().all(|e| matches!(outcome(e).as_deref(), Some("exit") | Some("deadlock"))),
        "no example ends with an uncaught error"
    );
}
