#!/usr/bin/env python3
"""The harness behind BENCHMARKS.md's engine tables: Loopscope's headless
runner against CPython 3.13 on the same files, runs alternating so a change in
the machine's load falls on both sides, wall clock and CPU time (user + sys of
the child, from wait4), best and median; with --callgrind, machine
instructions too (valgrind; they do not depend on the load).

    python3 scripts/bench-harness.py                  # bench/cpu.py and bench/tasks10k.py, 7 rounds
    python3 scripts/bench-harness.py --runs 11 bench/cpu.py
    python3 scripts/bench-harness.py --callgrind      # adds a column of instructions

Builds the release binary first. Before timing anything it checks that both
runners print the same output; a difference stops the harness with exit
status 1 (a fast wrong answer is no benchmark). Prints markdown tables.
"""
import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
REF = os.environ.get("LOOPSCOPE_REFERENCE") or os.path.normpath(os.path.join(ROOT, "..", "shared", "reference"))
ENGINE = os.path.join(ROOT, "target", "release", "loopscope")
PY_ENV = dict(os.environ, PYENV_VERSION="3.13.0")


def timed(cmd, env=None):
    """(wall seconds, CPU seconds, stdout) of one run of `cmd`."""
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env)
    out = p.stdout.read()
    _, status, usage = os.wait4(p.pid, 0)
    wall = time.perf_counter() - t0
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit("%s exited with %d" % (" ".join(cmd), os.waitstatus_to_exitcode(status)))
    return wall, usage.ru_utime + usage.ru_stime, out


def instructions(cmd, env=None):
    """Machine instructions of one run, from callgrind."""
    with tempfile.TemporaryDirectory() as d:
        r = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=" + os.path.join(d, "cg")] + cmd,
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env)
        m = re.search(r"Collected : (\d+)", r.stderr)
        if not m:
            sys.exit("callgrind gave no count for %s:\n%s" % (" ".join(cmd), r.stderr[-2000:]))
        return int(m.group(1))


def fmt(xs):
    return "%.3f / %.3f s" % (min(xs), statistics.median(xs))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("files", nargs="*", default=["bench/cpu.py", "bench/tasks10k.py"])
    ap.add_argument("--runs", type=int, default=7, help="rounds of alternating runs (default 7)")
    ap.add_argument("--callgrind", action="store_true", help="also count machine instructions")
    args = ap.parse_args()
    os.chdir(ROOT)
    if not os.path.exists(os.path.join(REF, "run")):
        sys.exit("no reference harness at %s (set LOOPSCOPE_REFERENCE)" % REF)
    subprocess.run(["cargo", "build", "--release", "--quiet"], check=True)
    print("# %s, %s, %d rounds" % (time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
                                   subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True,
                                                  text=True).stdout.strip(), args.runs))
    failed = False
    for f in args.files:
        runners = [
            ("`loopscope run %s`" % f, [ENGINE, "run", f], None),
            ("CPython 3.13 on the reference harness", [os.path.join(REF, "run"), f], PY_ENV),
        ]
        with open(f, encoding="utf-8") as src:
            if "asyncio" not in src.read():
                # Plain CPython too, where the program does not sleep on a real clock.
                runners.append(("CPython 3.13 `python3 %s`" % f, ["python3", f], PY_ENV))
        # The same output first: the engine's and the reference's.
        _, _, ours = timed(runners[0][1])
        _, _, ref = timed(runners[1][1], runners[1][2])
        if ours != ref:
            print("\n%s: Loopscope's output differs from the reference's" % f, file=sys.stderr)
            failed = True
            continue
        walls = {name: [] for name, _, _ in runners}
        cpus = {name: [] for name, _, _ in runners}
        for _ in range(args.runs):
            for name, cmd, env in runners:
                w, c, _ = timed(cmd, env)
                walls[name].append(w)
                cpus[name].append(c)
        print("\n## %s (same output as the reference: yes)\n" % f)
        print("| runner | wall, best / median of %d | CPU, best / median |%s" % (
            args.runs, " machine instructions |" if args.callgrind else ""))
        print("| --- | ---: | ---: |%s" % (" ---: |" if args.callgrind else ""))
        for name, cmd, env in runners:
            extra = ""
            if args.callgrind:
                extra = " %.2f G |" % (instructions(cmd, env) / 1e9) if name.startswith("`loopscope") else " |"
            print("| %s | %s | %s |%s" % (name, fmt(walls[name]), fmt(cpus[name]), extra))
        ratio = statistics.median(cpus[runners[1][0]]) / statistics.median(cpus[runners[0][0]])
        print("\nCPython on the reference harness / Loopscope, CPU medians: %.2f×" % ratio)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
