//! The headless runner: `loopscope run [--trace] FILE`, `loopscope trace --json FILE`.

use loopscope::sched::Program;
use loopscope::syntax::LineIndex;
use loopscope::trace::text;
use loopscope::vm::Limits;

const USAGE: &str = "usage: loopscope run [--trace] FILE\n       loopscope trace --json FILE\n       loopscope stats FILE     (speed and size figures for BENCHMARKS.md)\n       loopscope dis FILE       (the compiled bytecode)\n";

/// Run the CLI; returns the process exit code. Only for a process that exits
/// right after: a finished program is not freed.
pub fn main(args: Vec<String>) -> i32 {
    let (cmd, rest) = match args.split_first() {
        Some((c, r)) => (c.as_str(), r),
        None => {
            eprint!("{USAGE}");
            return 2;
        }
    };
    let (flag, file) = match rest {
        [f] => (None, f),
        [flag, f] => (Some(flag.as_str()), f),
        _ => {
            eprint!("{USAGE}");
            return 2;
        }
    };
    let with_trace = match (cmd, flag) {
        ("run", None) => false,
        ("run", Some("--trace")) => true,
        ("trace", Some("--json")) => true,
        ("dis", None) => false,
        ("stats", None) => false,
        _ => {
            eprint!("{USAGE}");
            return 2;
        }
    };
    let source = match std::fs::read(file) {
        Ok(b) => match String::from_utf8(b) {
            Ok(s) => s,
            Err(_) => {
                eprintln!("{file}: not UTF-8 text");
                return 2;
            }
        },
        Err(e) => {
            eprintln!("{file}: {e}");
            return 2;
        }
    };
    if cmd == "dis" {
        let mut vm = loopscope::vm::Vm::new(loopscope::compile::compile_source);
        let globals = std::rc::Rc::new(loopscope::vm::value::Globals::new("__main__"));
        return match loopscope::compile::compile_source(&mut vm, &source, &globals, false) {
            Ok(code) => {
                write_stdout(&code.disassemble());
                0
            }
            Err(diags) => {
                let index = LineIndex::new(&source);
                for d in diags {
                    eprintln!("{file}:{}", d.render(&index));
                }
                2
            }
        };
    }
    let mut program = match Program::with_file(&source, Limits::default(), file) {
        Ok(p) => p,
        Err(diags) => {
            let index = LineIndex::new(&source);
            for d in diags {
                eprintln!("{file}:{}", d.render(&index));
            }
            return 2;
        }
    };
    let started = std::time::Instant::now();
    program.run_to_end();
    if cmd == "stats" {
        return stats(&program, started.elapsed());
    }
    if std::env::var_os("LOOPSCOPE_STATS").is_some() {
        eprintln!(
            "instructions: {}  events: {}  trace bytes: {}",
            program.vm.steps,
            program.trace().len(),
            program.trace().bytes()
        );
    }
    let out = if cmd == "trace" {
        loopscope::trace::json::to_json(program.trace(), &source)
    } else {
        text::render(program.trace(), with_trace)
    };
    write_stdout(&out);
    // The process exits next (`main.rs`): leave the program's objects and
    // trace to the OS instead of freeing them one by one (2.5 % of a
    // 10,000-task run).
    std::mem::forget(program);
    0
}

/// `loopscope stats FILE`: how long the run took, how big its trace is, and
/// how fast any step can be reached (the figures BENCHMARKS.md reports).
fn stats(program: &Program, run_time: std::time::Duration) -> i32 {
    use std::fmt::Write;
    let mut o = String::new();
    let trace = program.trace();
    let n = trace.len();
    let _ = writeln!(o, "run (compile excluded, trace recorded): {:.3} s", run_time.as_secs_f64());
    let _ = writeln!(o, "instructions: {}", program.vm.steps);
    let _ = writeln!(o, "events: {n}");
    let bytes = trace.bytes();
    let _ =
        writeln!(o, "trace: {} bytes, {:.1} bytes/event", bytes, bytes as f64 / n.max(1) as f64);
    let with_checkpoints = bytes + trace.checkpoint_bytes();
    let _ = writeln!(
        o,
        "trace incl. checkpoints: {} bytes, {:.1} bytes/event",
        with_checkpoints,
        with_checkpoints as f64 / n.max(1) as f64
    );
    let _ =
        writeln!(o, "trace heap (allocated, incl. reserved room): {} bytes", trace.heap_bytes());
    // Seek to 200 spread-out steps (and the worst case: just before a checkpoint).
    let mut worst = std::time::Duration::ZERO;
    let mut total = std::time::Duration::ZERO;
    let samples = 200usize;
    let mut x: u64 = 0x9e3779b97f4a7c15;
    for _ in 0..samples {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        let at = (x % (n as u64 + 1)) as usize;
        let t = std::time::Instant::now();
        let s = trace.state_at(at);
        let d = t.elapsed();
        std::hint::black_box(s);
        worst = worst.max(d);
        total += d;
    }
    let _ = writeln!(
        o,
        "seek ({samples} random steps): mean {:.2} ms, worst {:.2} ms",
        total.as_secs_f64() * 1e3 / samples as f64,
        worst.as_secs_f64() * 1e3
    );
    write_stdout(&o);
    0
}

/// Write to standard output, ignoring errors: a reader that went away
/// (`loopscope stats FILE | head -1`) is not a reason to panic.
fn write_stdout(text: &str) {
    use std::io::Write;
    let mut stdout = std::io::stdout().lock();
    let _ = stdout.write_all(text.as_bytes());
    let _ = stdout.flush();
}
