//! The headless runner: `loopscope run [--trace] FILE`, `loopscope trace --json FILE`.

use crate::sched::{runner, Program};
use crate::syntax::LineIndex;
use crate::vm::Limits;

const USAGE: &str = "usage: loopscope run [--trace] FILE\n       loopscope trace --json FILE\n";

/// Run the CLI; returns the process exit code.
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
        let mut vm = crate::vm::Vm::new();
        let globals = std::rc::Rc::new(crate::vm::value::Globals::new("__main__"));
        return match vm.compile(&source, &globals, false) {
            Ok(code) => {
                print!("{}", code.disassemble());
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
    let mut program = match Program::new(&source, Limits::default()) {
        Ok(p) => p,
        Err(diags) => {
            let index = LineIndex::new(&source);
            for d in diags {
                eprintln!("{file}:{}", d.render(&index));
            }
            return 2;
        }
    };
    program.run_to_end();
    if std::env::var_os("LOOPSCOPE_STATS").is_some() {
        eprintln!(
            "instructions: {}  events: {}  trace bytes: {}",
            program.vm.steps,
            program.trace().len(),
            program.trace().bytes()
        );
    }
    let out = if cmd == "trace" {
        crate::trace::json::to_json(program.trace(), &source)
    } else {
        runner::render(program.trace(), with_trace)
    };
    use std::io::Write;
    let mut stdout = std::io::stdout().lock();
    let _ = stdout.write_all(out.as_bytes());
    let _ = stdout.flush();
    0
}
