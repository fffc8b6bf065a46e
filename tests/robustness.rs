//! Hostile programs end with a clear outcome: no panic, no hang, no Rust
//! stack overflow, no runaway memory.

use loopscope::sched::{Outcome, Program};
use loopscope::vm::Limits;

/// Run on a thread with the stack the web app has (wasm32's 1 MiB) in an
/// optimized build; debug builds have much larger frames, so they get more.
fn outcome(src: &str, limits: Limits) -> Outcome {
    let src = src.to_string();
    let stack = if cfg!(debug_assertions) { 32 << 20 } else { 1 << 20 };
    std::thread::Builder::new()
        .stack_size(stack)
        .spawn(move || {
            let mut p = Program::new(&src, limits).expect("compiles");
            p.run_to_end().clone()
        })
        .unwrap()
        .join()
        .unwrap()
}

fn uncaught(src: &str) -> String {
    match outcome(src, Limits { step_budget: 50_000_000, memory: 64 << 20, ..Limits::default() }) {
        Outcome::Uncaught { type_name, .. } => type_name,
        other => format!("{other:?}"),
    }
}

#[test]
fn python_recursion_is_a_recursion_error() {
    assert_eq!(uncaught("def f(n):\n    return f(n + 1)\nf(0)\n"), "RecursionError");
    assert_eq!(
        uncaught("import asyncio\nasync def f(n):\n    return await f(n + 1)\nasyncio.run(f(0))\n"),
        "RecursionError"
    );
    assert_eq!(
        uncaught("class A:\n    def __repr__(self):\n        return repr(self)\nprint(A())\n"),
        "RecursionError"
    );
    assert_eq!(
        uncaught("def k(x):\n    return sorted([1], key=k)\nsorted([1], key=k)\n"),
        "RecursionError"
    );
}

#[test]
fn deep_containers_do_not_overflow_the_stack() {
    let nest = "a = []\nfor i in range(100000):\n    a = [a]\n";
    assert_eq!(uncaught(&format!("{nest}print(a)\n")), "RecursionError");
    assert_eq!(
        uncaught(&format!("{nest}b = []\nfor i in range(100000):\n    b = [b]\nprint(a == b)\n")),
        "RecursionError"
    );
    assert_eq!(
        uncaught("t = ()\nfor i in range(100000):\n    t = (t,)\nprint(hash(t))\n"),
        "RecursionError"
    );
    assert_eq!(
        uncaught(&format!("{nest}b = []\nfor i in range(100000):\n    b = [b]\nprint(a < b)\n")),
        "RecursionError"
    );
}

#[test]
fn runaway_loops_halt() {
    let limits = Limits { step_budget: 2_000_000, memory: 64 << 20, ..Limits::default() };
    assert_eq!(outcome("while True:\n    pass\n", limits), Outcome::Halted);
    let in_task = "import asyncio\nasync def spin():\n    while True:\n        await asyncio.sleep(0)\nasyncio.run(spin())\n";
    assert_eq!(outcome(in_task, limits), Outcome::Halted);
    let cpu_in_task =
        "import asyncio\nasync def spin():\n    while True:\n        pass\nasyncio.run(spin())\n";
    assert_eq!(outcome(cpu_in_task, limits), Outcome::Halted);
}

#[test]
fn memory_bombs_raise_memory_error() {
    assert_eq!(uncaught("xs = [0]\nwhile True:\n    xs = xs + xs\n"), "MemoryError");
    assert_eq!(uncaught("xs = []\nwhile True:\n    xs.append(xs[:])\n"), "MemoryError");
    assert_eq!(uncaught("s = 'x' * 10**12\n"), "MemoryError");
    assert_eq!(uncaught("s = 'ab'\nwhile True:\n    s = s + s\n"), "MemoryError");
    assert_eq!(
        uncaught("d = {}\ni = 0\nwhile True:\n    d[i] = [i] * 100\n    i += 1\n"),
        "MemoryError"
    );
}

#[test]
fn program_after_memory_error_can_recover() {
    let src = "try:\n    s = 'x' * 10**12\nexcept MemoryError:\n    print('caught')\n";
    assert_eq!(outcome(src, Limits::default()), Outcome::Exit);
}

#[test]
fn endless_event_loops_halt_on_the_event_cap() {
    let limits = Limits { max_events: 50_000, ..Limits::default() };
    let src = "import asyncio\nasync def spin():\n    while True:\n        await asyncio.sleep(0)\nasyncio.run(spin())\n";
    assert_eq!(outcome(src, limits), Outcome::Halted);
}

/// The memory cap counts the running program's thread only: another thread
/// holding more than the cap while a program runs (the test harness runs
/// programs side by side) does not make that program's allocations fail.
#[test]
fn memory_held_by_another_thread_is_not_charged() {
    use std::sync::mpsc::channel;
    let (grab, grab_rx) = channel::<()>();
    let (grabbed, grabbed_rx) = channel::<()>();
    let (finished, finished_rx) = channel::<()>();
    let holder = std::thread::spawn(move || {
        grab_rx.recv().unwrap();
        let big = vec![7u8; 96 << 20];
        grabbed.send(()).unwrap();
        finished_rx.recv().unwrap();
        drop(big);
    });
    let limits = Limits { step_budget: 50_000_000, memory: 64 << 20, ..Limits::default() };
    let mut p = Program::new(
        "xs = []\nfor i in range(20000):\n    xs.append([i])\nprint(len(xs))\n",
        limits,
    )
    .expect("compiles");
    // The program exists (its memory baseline is taken); now the other thread
    // takes 96 MB, more than the cap, and holds it while the program runs.
    grab.send(()).unwrap();
    grabbed_rx.recv().unwrap();
    let out = p.run_to_end().clone();
    finished.send(()).unwrap();
    holder.join().unwrap();
    assert_eq!(out, Outcome::Exit);
}

/// The command line never panics because its reader went away
/// (`loopscope stats FILE | head -1`): every command, stdout closed before
/// it writes.
#[test]
fn cli_survives_a_closed_stdout() {
    let dir = std::env::temp_dir().join(format!("loopscope-epipe-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("p.py");
    std::fs::write(&file, "import asyncio\nasync def main():\n    for i in range(2000):\n        print(i)\n        await asyncio.sleep(0)\nasyncio.run(main())\n").unwrap();
    for args in [&["run"][..], &["run", "--trace"], &["trace", "--json"], &["stats"], &["dis"]] {
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_loopscope"))
            .args(args)
            .arg(&file)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        // Close our end of the pipe: the runner's writes now fail.
        let _ = child.stdout.take();
        let out = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!stderr.contains("panicked"), "{args:?} panicked: {stderr}");
        assert_eq!(out.status.code(), Some(0), "{args:?}: {stderr}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// Text past the VM's length cap built by a format width is a MemoryError
/// (it was a ValueError with no message), whichever formatting asked for it.
#[test]
fn huge_format_widths_are_memory_errors() {
    assert_eq!(uncaught("s = '%*s' % (2**40, 'x')\n"), "MemoryError");
    assert_eq!(uncaught("s = '%*s' % (-2**31, 'x')\n"), "MemoryError");
    assert_eq!(uncaught("s = format('x', '>1099511627776')\n"), "MemoryError");
    assert_eq!(uncaught("s = f'{1:>99999999999}'\n"), "MemoryError");
}

/// Methods of the exception classes called unbound with no receiver (or a
/// wrong one) raise TypeError instead of indexing past the arguments (the VM
/// fuzzer, seed 2026, case 46123).
#[test]
fn unbound_exception_methods_without_a_receiver_raise() {
    for src in [
        "Exception.__init__()\n",
        "BaseException.with_traceback()\n",
        "ValueError.add_note()\n",
        "ExceptionGroup.__init__()\n",
        "Exception.add_note(1, 'x')\n",
        "BaseException.with_traceback(1, None)\n",
    ] {
        assert_eq!(uncaught(src), "TypeError", "{src}");
    }
}
