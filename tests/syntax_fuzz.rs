//! Robustness: `parse` and `tokenize` never panic, never hang and never overflow the
//! stack, whatever the input.
//!
//! - `fuzz`: arbitrary bytes (made UTF-8 lossily), token soups (keywords, brackets,
//!   operators, indentation, quotes, f-string braces, full-width punctuation...) and
//!   mutated valid programs, from a fixed-seed PRNG. `FUZZ_CASES=1000000` runs longer
//!   (default 3000), `FUZZ_SEED=n` changes the seed, `FUZZ_SLOWEST=path` saves the
//!   slowest input.
//! - `deep_nesting`: pathological nesting and sizes, on a thread with a 1 MiB stack
//!   (about what the wasm build has), in whatever profile the tests are built in.
//! - `parse_speed`: prints how long a 1,000-line program takes to parse (a
//!   measurement, not an assertion; run with `--release -- --nocapture`).

mod common;

use common::Rng;
use loopscope::syntax::{parse, tokenize, LineIndex};
use std::path::Path;
use std::time::{Duration, Instant};

const PIECES: &[&str] = &[
    // keywords and soft keywords
    "def ", "async ", "async for ", "await ", "class ", "if ", "elif ", "else", "while ", "for ",
    " in ", "try", "except ", "except* ", "finally", "with ", " as ", "return ", "yield ",
    "yield from ", "lambda ", "lambda x: ", "not ", " and ", " or ", " is ", "is not ", "not in ",
    "pass", "break", "continue", "del ", "global ", "nonlocal ", "assert ", "raise ", " from ",
    "import ", "from asyncio import ", "True", "False", "None", "match ", "case ", "type ",
    "print", // names and numbers
    "x", "y", "foo", "_", "任务", "ｘ", "é", "1", "0", "1.5", ".5", "5.", "1e3", "1e", "0x1F",
    "0b2", "0o8", "1_000", "1__0", "012", "1j", "99999999999999999999", "1abc",
    // strings
    "'a'", "\"b\"", "'''t'''", "\"\"\"t\"\"\"", "'", "\"", "'''", "\"\"\"", "r'\\d'", "b'x'",
    "u'x'", "'\\x4'", "'\\N{DASH}'", "'\\", "f'", "f\"", "rf'", "f'''", "f\"{x}\"",
    "f'{x!r:>{w}}'", "f\"{d[\"k\"]}\"", "f'{x=}'", "f'{'", "{{", "}}", "!r", "!", ":", "=",
    // operators and punctuation
    "(", ")", "[", "]", "{", "}", ",", ";", ".", "...", "->", ":=", "+", "-", "*", "**", "/", "//",
    "%", "@", "|", "&", "^", "~", "<", ">", "==", "!=", "<=", ">=", "<<", ">>", "+=", "-=", "**=",
    // layout and oddities
    "\n", "\n", "\n", "    ", "\t", "  ", "\\\n", "\\", "\r\n", "\r", "# comment", "\u{feff}", "\0",
    "，", "（", "）", "：", "“", "”", "\u{3000}", "$", "?", "`", "\u{200b}", "\u{1F600}",
];

/// Openers of nested constructs, for inputs that nest deeply.
const NESTERS: &[&str] = &[
    "(", "[", "{", "{1: ", "f(", "a[", "a[1:", "-", "not ", "lambda: ", "lambda a=",
    "x if y else ", "2 ** ", "await ", "[x for x in ", "f'{", "(a, ", "*", "**", "a.", "1 + ",
    "(a := ",
];

/// One fuzz input of one of four kinds.
fn make_input(rng: &mut Rng, corpus: &[String]) -> String {
    match rng.below(4) {
        3 => {
            // Deep nesting of random constructs, sometimes closed, on a random line of a
            // random indentation.
            let mut s = " ".repeat(rng.below(3) * 4);
            s.push_str("x = ");
            let n = rng.below(400);
            let mut closers = Vec::new();
            for _ in 0..n {
                let opener = rng.pick(NESTERS);
                s.push_str(opener);
                closers.push(match opener.chars().last() {
                    Some('(') => ")",
                    Some('[') | Some(':') if opener.contains('[') => "]",
                    Some('{') => {
                        if opener.starts_with('f') {
                            "}'"
                        } else {
                            "}"
                        }
                    }
                    _ if opener.ends_with(": ") && opener.starts_with('{') => "}",
                    _ if opener.starts_with('(') => ")",
                    _ if opener.starts_with('[') => "]",
                    _ => "",
                });
            }
            s.push('y');
            if rng.below(2) == 0 {
                while let Some(c) = closers.pop() {
                    s.push_str(c);
                }
            }
            s.push('\n');
            s
        }
        0 => {
            let len = rng.below(200);
            let bytes: Vec<u8> = (0..len)
                .map(|_| {
                    // Mostly ASCII code characters, some raw bytes.
                    if rng.below(4) == 0 {
                        rng.next() as u8
                    } else {
                        {
                            let alphabet = b" \n\t()[]{}:,.=+-*'\"#\\fabcdx019_";
                            alphabet[rng.below(alphabet.len())]
                        }
                    }
                })
                .collect();
            String::from_utf8_lossy(&bytes).into_owned()
        }
        1 => {
            let n = rng.below(80);
            (0..n).map(|_| rng.pick(PIECES)).collect()
        }
        _ => {
            let base = &corpus[rng.below(corpus.len())];
            let mut s: Vec<char> = base.chars().collect();
            for _ in 0..1 + rng.below(6) {
                if s.is_empty() {
                    break;
                }
                let at = rng.below(s.len());
                match rng.below(4) {
                    0 => {
                        let end = (at + rng.below(20)).min(s.len());
                        s.drain(at..end);
                    }
                    1 => {
                        let piece: Vec<char> = rng.pick(PIECES).chars().collect();
                        s.splice(at..at, piece);
                    }
                    2 => s[at] = rng.pick(PIECES).chars().next().unwrap_or(' '),
                    _ => {
                        // Duplicate a slice (repeats brackets, lines, indentation).
                        let end = (at + rng.below(40)).min(s.len());
                        let dup: Vec<char> = s[at..end].to_vec();
                        s.splice(at..at, dup);
                    }
                }
            }
            s.into_iter().collect()
        }
    }
}

fn corpus() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    for dir in [root.join("tests/syntax"), root.join("../shared/scenarios")] {
        let rd = std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
        for e in rd.flatten() {
            let p = e.path();
            if p.extension().is_some_and(|x| x == "py") {
                if let Ok(bytes) = std::fs::read(&p) {
                    out.push(String::from_utf8_lossy(&bytes).into_owned());
                }
            }
        }
    }
    out.sort();
    if out.is_empty() {
        out.push("import asyncio\nasync def f(x):\n    return [await y for y in x]\n".into());
    }
    out
}

/// Parses and tokenizes `src`, checking what must hold for any input.
fn check_one(src: &str) {
    let (_, diags) = parse(src);
    let index = LineIndex::new(src);
    for d in &diags {
        assert!(
            d.span.start <= d.span.end && d.span.end as usize <= src.len(),
            "diagnostic span out of text"
        );
        d.render(&index);
    }
    let toks = tokenize(src);
    let mut end = 0;
    for t in &toks {
        assert!(t.span.start >= end && t.span.start < t.span.end, "tokens out of order");
        assert!(
            src.is_char_boundary(t.span.start as usize)
                && src.is_char_boundary(t.span.end as usize)
        );
        end = t.span.end;
    }
    assert!(end as usize <= src.len());
}

fn timed(f: impl FnOnce()) -> Duration {
    let t = Instant::now();
    f();
    t.elapsed()
}

fn env_number(name: &str, default: u64) -> u64 {
    std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

#[test]
fn fuzz() {
    let cases = env_number("FUZZ_CASES", 3000);
    let seed = env_number("FUZZ_SEED", 0x5EED_1234);
    let corpus = corpus();
    // A small stack, like the wasm build's, so that deep recursion shows up here.
    let handle = std::thread::Builder::new()
        .stack_size(1 << 20)
        .spawn(move || {
            let mut rng = Rng(seed);
            let started = Instant::now();
            let mut slowest = (Duration::ZERO, String::new());
            for i in 0..cases {
                let src = make_input(&mut rng, &corpus);
                let t = Instant::now();
                let r = std::panic::catch_unwind(|| check_one(&src));
                let took = t.elapsed();
                assert!(r.is_ok(), "case {i} (seed {seed}) panicked on input {src:?}");
                if took > slowest.0 {
                    slowest = (took, src);
                }
            }
            let elapsed = started.elapsed();
            if let Some(path) = std::env::var_os("FUZZ_SLOWEST") {
                std::fs::write(path, &slowest.1).expect("write the slowest input");
            }
            // A single timing can include a scheduler stall: the slowest input is
            // timed again, best of three.
            let retimed = (0..3).map(|_| timed(|| check_one(&slowest.1))).min().unwrap_or_default();
            let shown: String = slowest.1.chars().take(60).collect();
            eprintln!(
                "fuzz: {cases} cases in {:.2?} (seed {seed}); slowest {:.2?}, {:.2?} when timed again ({} bytes: {shown:?})",
                elapsed,
                slowest.0,
                retimed,
                slowest.1.len()
            );
            assert!(retimed < Duration::from_secs(1), "slow input: {:?}", slowest.1);
        })
        .expect("spawn fuzz thread");
    handle.join().expect("fuzz thread failed");
}

/// Runs `f` on a thread with a 1 MiB stack (about the wasm build's).
fn on_small_stack(name: &str, f: impl FnOnce() + Send + 'static) {
    std::thread::Builder::new()
        .name(name.into())
        .stack_size(1 << 20)
        .spawn(f)
        .expect("spawn")
        .join()
        .unwrap_or_else(|_| panic!("{name} failed"));
}

fn first_message(src: &str) -> Option<String> {
    let (_, diags) = parse(src);
    diags.first().map(|d| d.message.clone())
}

#[test]
fn deep_nesting() {
    let started = Instant::now();
    let cases: Vec<(&str, String)> = vec![
        ("parens", format!("x = {}1{}\n", "(".repeat(10_000), ")".repeat(10_000))),
        ("unclosed parens", format!("x = {}\n", "(".repeat(10_000))),
        ("brackets", format!("x = {}{}\n", "[".repeat(10_000), "]".repeat(10_000))),
        ("braces", format!("x = {}\n", "{".repeat(10_000))),
        ("mixed brackets", format!("x = {}\n", "([{".repeat(4_000))),
        ("minus", format!("x = {}1\n", "-".repeat(100_000))),
        ("not", format!("x = {}a\n", "not ".repeat(100_000))),
        ("invert", format!("x = {}a\n", "~".repeat(100_000))),
        ("await", format!("async def f():\n    x = {}a\n", "await ".repeat(100_000))),
        ("yield", format!("def f():\n    x = {}a\n", "yield ".repeat(100_000))),
        ("yield from", format!("def f():\n    x = {}a\n", "yield from ".repeat(100_000))),
        (
            "parenthesized yield",
            format!("def f():\n    x = {}a{}\n", "(yield ".repeat(10_000), ")".repeat(10_000)),
        ),
        (
            "async comprehensions",
            format!(
                "async def f():\n    x = {}x{}\n",
                "[".repeat(5_000),
                " async for x in y]".repeat(5_000)
            ),
        ),
        ("lambda", format!("x = {}1\n", "lambda: ".repeat(10_000))),
        ("ternary", format!("x = {}z\n", "a if b else ".repeat(10_000))),
        ("power", format!("x = {}2\n", "2 ** ".repeat(10_000))),
        ("sum", format!("x = {}1\n", "1 + ".repeat(100_000))),
        ("and", format!("x = {}a\n", "a and ".repeat(100_000))),
        ("compare", format!("x = {}a\n", "a < ".repeat(100_000))),
        ("attributes", format!("x = a{}\n", ".b".repeat(100_000))),
        ("calls", format!("x = f{}\n", "()".repeat(100_000))),
        ("subscripts", format!("x = a{}\n", "[0]".repeat(100_000))),
        ("nested calls", format!("x = {}{}\n", "f(".repeat(10_000), ")".repeat(10_000))),
        ("keyword args", format!("x = {}{}\n", "f(k=".repeat(10_000), ")".repeat(10_000))),
        ("starred", format!("x = [{}a]\n", "*".repeat(10_000))),
        ("dicts", format!("x = {}1{}\n", "{1: ".repeat(10_000), "}".repeat(10_000))),
        ("slices", format!("x = {}0{}\n", "a[1:".repeat(10_000), "]".repeat(10_000))),
        ("comprehensions", format!("x = {}x{}\n", "[".repeat(5_000), " for x in y]".repeat(5_000))),
        ("f-strings", format!("x = {}x{}\n", "f'{".repeat(5_000), "}'".repeat(5_000))),
        ("f-string specs", format!("x = f'{{x:{}}}'\n", "{y:".repeat(5_000))),
        ("walrus", format!("x = {}1{}\n", "(a := ".repeat(10_000), ")".repeat(10_000))),
        ("defaults", format!("x = {}1\n", "lambda a=".repeat(10_000))),
        ("decorators", format!("{}def f(): pass\n", "@d\n".repeat(10_000))),
        (
            "indentation",
            (0..1_000).map(|i| format!("{}if x:\n", " ".repeat(i))).collect::<String>(),
        ),
        (
            "dedent storm",
            (0..1_000).map(|i| format!("{}x\n", " ".repeat((i * 7919) % 300))).collect::<String>(),
        ),
        ("elif chain", format!("if a:\n    pass\n{}", "elif b:\n    pass\n".repeat(10_000))),
        (
            "nested defs",
            (0..150).map(|i| format!("{}def f{i}():\n", "    ".repeat(i))).collect::<String>()
                + &"    ".repeat(150)
                + "pass\n",
        ),
        ("long line", format!("x = [{}]\n", "1, ".repeat(100_000))),
        ("10000 lines", "x = foo(1, [2, 3], {'a': b}) + f\"{y!r:>10}\"\n".repeat(10_000)),
        ("10000 broken lines", "x = = foo(1,, ]\n".repeat(10_000)),
        ("quotes", "\"".repeat(100_001)),
        ("triple quotes", "'''".repeat(10_001)),
        ("backslashes", "\\".repeat(100_000)),
    ];
    for (name, src) in cases {
        on_small_stack(name, move || {
            let took = timed(|| check_one(&src));
            // Timed again if slow, in case of a scheduler stall.
            let took = if took > Duration::from_secs(5) {
                took.min(timed(|| check_one(&src)))
            } else {
                took
            };
            assert!(took < Duration::from_secs(5), "{name}: too slow ({took:?})");
        });
    }
    // The limits: 100 nested brackets, 200 chained operators, 100 nested blocks.
    on_small_stack("limit", || {
        let nest = |n: usize| format!("x = {}1{}\n", "([".repeat(n / 2), "])".repeat(n / 2));
        assert_eq!(first_message(&nest(100)), None);
        assert_eq!(first_message(&nest(102)).as_deref(), Some("too many nested parentheses"));
        let sum = |n: usize| format!("x = 1{}\n", " + 1".repeat(n));
        assert_eq!(first_message(&sum(200)), None);
        assert_eq!(
            first_message(&sum(201)).as_deref(),
            Some("expression too complex (nested too deeply)")
        );
        let minus = format!("x = {}1\n", "-".repeat(1_000));
        assert_eq!(
            first_message(&minus).as_deref(),
            Some("expression too complex (nested too deeply)")
        );
        let blocks: String = (0..99).map(|i| format!("{}if x:\n", " ".repeat(i))).collect();
        assert_eq!(first_message(&(blocks.clone() + &" ".repeat(99) + "pass\n")), None);
    });
    eprintln!("deep nesting cases in {:.2?}", started.elapsed());
}

#[test]
fn parse_speed() {
    // A 1,000-line program built from the scenarios (or a synthetic one).
    let mut src = String::new();
    let corpus = corpus();
    let scenario_like: Vec<&String> = corpus.iter().filter(|s| parse(s).1.is_empty()).collect();
    let mut i = 0;
    while src.lines().count() < 1_000 && !scenario_like.is_empty() {
        src.push_str(scenario_like[i % scenario_like.len()]);
        src.push('\n');
        i += 1;
    }
    let src: String = src.lines().take(1_000).map(|l| format!("{l}\n")).collect();
    let (_, diags) = parse(&src);
    let runs = 50;
    let t = Instant::now();
    for _ in 0..runs {
        std::hint::black_box(parse(std::hint::black_box(&src)));
    }
    let per = t.elapsed() / runs;
    let profile = if cfg!(debug_assertions) { "debug" } else { "release" };
    eprintln!(
        "parse speed ({profile}): {} lines, {} bytes in {:.3?} per parse ({} diagnostics)",
        src.lines().count(),
        src.len(),
        per,
        diags.len()
    );
}
