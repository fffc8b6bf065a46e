#!/usr/bin/env python3
"""Differential testing: random programs in Loopscope's Python subset, run by
CPython 3.13 (the reference harness) and by `loopscope run`, compared byte for
byte; every mismatch is minimized and saved.

Usage (from the project root, after `cargo build --release`):

    python3 scripts/difftest.py [--seed N] [--count N] [--kinds expr,stmt,class,async]
                                [--out DIR] [--no-minimize] [--keep-going]

Programs come from a deterministic generator (`random.Random(seed)`), so a
case is reproduced by its seed: `--seed 1234 --count 1 --print` prints it.
They avoid everything whose output CPython leaves to memory layout or hash
randomization: no `id()`, no default reprs of objects, no sets of strings,
no unseeded `random`, no set of tasks printed unsorted.

The reference is `../shared/reference/asyncio_vtime.py` (what `run` executes),
driven from two pre-forked CPython processes (plain and `--trace`) so a run
costs a fork, not an interpreter start; `--slow-ref` uses the `run` script
itself. Use the real `run` to make a test case's expected output.

Program kinds: `expr` (independent expressions, each printed or its
exception printed: arithmetic, formatting, strings, containers, builtins,
error messages), `stmt` (random control flow: nested try/except/else/finally
with return/break/continue/raise, closures, call signatures), `class`
(classes with random dunders, properties, classmethods, inheritance, super),
`async` and `async2` (tasks over sleep/gather/wait_for/wait/shield/timeout/
TaskGroup/cancel, locks, events, semaphores, conditions, queues, futures,
call_soon/call_later; compared with --trace, and without it where CPython's
plain output does not depend on addresses).

A mismatch is minimized by deleting blocks and lines (keeping the program
compilable by CPython and accepted by Loopscope) while the same first
differing line persists, then written to DIR/<kind>_<seed>.py with both
outputs beside it (.ref, .eng). Mismatches matching KNOWN (differences known
and not yet fixed) are only counted; `--all` reports them too, and
`--check-known` fails when an entry's witness no longer differs.
"""
import argparse
import os
import random
import re
import signal
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# The reference harness beside the project (as CI lays it out), or where
# LOOPSCOPE_REFERENCE says; CPython 3.13 found as the harness's `run` finds it
# (pyenv's 3.13.0, else `python3.13`, else `python3`), or PYTHON.
REF_DIR = os.environ.get("LOOPSCOPE_REFERENCE") or os.path.normpath(os.path.join(ROOT, "..", "shared", "reference"))
VTIME = os.path.join(REF_DIR, "asyncio_vtime.py")
ENGINE = os.path.join(ROOT, "target", "release", "loopscope")
PY_ENV = dict(os.environ, PYENV_VERSION="3.13.0")


def python313():
    """The CPython 3.13 interpreter to run the reference with."""
    names = [os.environ["PYTHON"]] if os.environ.get("PYTHON") else ["python3", "python3.13"]
    for name in names:
        try:
            v = subprocess.run([name, "-c", "import sys; print(sys.version_info[:2] == (3, 13))"],
                               env=PY_ENV, capture_output=True, text=True).stdout.strip()
        except OSError:
            continue
        if v == "True":
            return name
    sys.exit("no CPython 3.13 found (tried %s; set PYTHON)" % ", ".join(names))


# ---------------------------------------------------------------------------
# Running the reference and the engine
# ---------------------------------------------------------------------------

class Zygote:
    """A CPython process with asyncio imported (pure-Python Task/Future for
    --trace, as the harness does) that forks one child per program."""

    SERVER = r'''
import os, sys, runpy, signal
trace = sys.argv[1] == "1"
vtime = sys.argv[2]
if trace:
    sys.modules["_asyncio"] = None
import asyncio, builtins, collections, re, selectors, time, random
inp = sys.stdin
while True:
    line = inp.readline()
    if not line:
        break
    path, out = line.rstrip("\n").split("\t")
    pid = os.fork()
    if pid == 0:
        try:
            signal.alarm(20)
            f = open(out, "w", encoding="utf-8")
            sys.stdout = f
            sys.stderr = open(os.devnull, "w")
            sys.argv = [vtime] + (["--trace"] if trace else []) + [path]
            try:
                runpy.run_path(vtime, run_name="__main__")
            except SystemExit:
                pass
            f.flush()
        finally:
            os._exit(0)
    _, status = os.waitpid(pid, 0)
    sys.__stdout__.write("%d\n" % status)
    sys.__stdout__.flush()
'''

    def __init__(self, trace):
        self.p = subprocess.Popen([PYTHON, "-c", self.SERVER, "1" if trace else "0", VTIME],
                                  stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=PY_ENV)

    def run(self, path, outpath):
        self.p.stdin.write("%s\t%s\n" % (path, outpath))
        self.p.stdin.flush()
        status = int(self.p.stdout.readline())
        with open(outpath, encoding="utf-8", errors="replace", newline="") as f:
            out = f.read()
        if status != 0:
            out += "<<killed: status %d>>\n" % status
        return out


class Runner:
    def __init__(self, slow_ref=False):
        self.tmp = tempfile.mkdtemp(prefix="difftest-")
        self.slow = slow_ref
        self.zyg = {} if slow_ref else {False: Zygote(False), True: Zygote(True)}
        self.ref_runs = 0
        self.eng_runs = 0

    def write(self, src):
        path = os.path.join(self.tmp, "prog.py")
        with open(path, "w", encoding="utf-8") as f:
            f.write(src)
        return path

    def ref(self, src, trace):
        path = self.write(src)
        self.ref_runs += 1
        if self.slow:
            args = [os.path.join(REF_DIR, "run")] + (["--trace"] if trace else []) + [path]
            try:
                r = subprocess.run(args, capture_output=True, timeout=30)
                return r.stdout.decode("utf-8", "replace")
            except subprocess.TimeoutExpired:
                return "<<timeout>>\n"
        return self.zyg[trace].run(path, os.path.join(self.tmp, "ref.out"))

    def engine(self, src, trace):
        """(output, refused): refused means Loopscope rejected the program."""
        path = self.write(src)
        self.eng_runs += 1
        args = [ENGINE, "run"] + (["--trace"] if trace else []) + [path]
        try:
            r = subprocess.run(args, capture_output=True, timeout=30)
        except subprocess.TimeoutExpired:
            return "<<timeout>>\n", False
        out = r.stdout.decode("utf-8", "replace")
        if r.returncode == 2:
            return "<<refused>> " + r.stderr.decode("utf-8", "replace"), True
        if r.returncode != 0:
            out += "<<exit %d>> %s" % (r.returncode, r.stderr.decode("utf-8", "replace")[-2000:])
        return out, False


def first_diff(a, b):
    for x, y in zip(a.split("\n"), b.split("\n")):
        if x != y:
            return "ref: %s | eng: %s" % (x[:150], y[:150])
    return "lengths differ"


STAMP = re.compile(r"^\[[0-9.]+\] (uncaught )?")


def signature(d):
    """The first differing line of each side, without time stamp or 'uncaught'."""
    if d[0] != "differs":
        return (None, None)
    a, b = d[2].split("\n"), d[3].split("\n")
    for x, y in zip(a, b):
        if x != y:
            return STAMP.sub("", x), STAMP.sub("", y)
    return ("<len %d>" % len(a), "<len %d>" % len(b))


def compiles(src):
    import warnings
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            compile(src, "prog.py", "exec")
        return True
    except (SyntaxError, ValueError):
        return False


ADDR = re.compile(r" at 0x[0-9a-f]+>")


# Mismatches that are not bugs: 64-bit ints are Loopscope's documented limit,
# and default reprs show addresses (the minimizer may delete a __repr__).
def excusable(ref_out, eng_out):
    if "OverflowError" in eng_out and "OverflowError" not in ref_out:
        return True
    if "unsupported: complex" in eng_out:  # complex numbers are outside the subset
        return True
    return ADDR.sub(" at 0x?>", ref_out) == ADDR.sub(" at 0x?>", eng_out)


# Differences known and not yet fixed: a mismatch whose first differing lines
# match one of these (ref regex, engine regex) is counted as known and not
# minimized, so that long runs spend their time on new ones. `--all` turns
# this off. Each entry carries a witness, a program that shows the difference
# today: `--check-known` runs every witness and fails on one that no longer
# differs, since an excuse left behind by a fixed bug would hide its
# regression. Empty since 2026-12-06: every difference once listed here
# (builtins' dunders, zip's messages, __radd__, super(), unhashable types,
# await of non-awaitables, context managers, sort order...) is fixed, with
# its test in tests/lang or tests/scenarios, and 1,500 generated programs
# (seeds 5000-6499) gave no mismatch.
KNOWN = [
    # (ref_regex, engine_regex, witness_program),
]
USE_KNOWN = [True]
KNOWN_HITS = {}
PYTHON = None

# A set of strings prints in an order CPython leaves to hash randomization:
# the same elements in another order are no difference. (Sets of numbers
# print in CPython's order, which the engine reproduces: not excused.)
STRING_SET = re.compile(r"^\{'")


def known(d):
    if not USE_KNOWN[0] or d[0] != "differs":
        return False
    r, e = signature(d)
    if STRING_SET.match(r) and STRING_SET.match(e) and sorted(r.strip("{}").split(", ")) == sorted(e.strip("{}").split(", ")):
        KNOWN_HITS["string set order"] = KNOWN_HITS.get("string set order", 0) + 1
        return True
    for a, b, _ in KNOWN:
        if re.search(a, r) and re.search(b, e):
            KNOWN_HITS[(a, b)] = KNOWN_HITS.get((a, b), 0) + 1
            return True
    return False


def check_known(runner):
    """Each KNOWN entry's witness still differs, the way the entry says."""
    stale = 0
    for a, b, witness in KNOWN:
        modes = [False, True] if "import asyncio" in witness else [False]
        d = differs(runner, witness, modes)
        r, e = signature(d) if d else (None, None)
        if d is None or d[0] != "differs" or not (re.search(a, r) and re.search(b, e)):
            print("STALE excuse %r: its witness no longer shows the difference" % ((a, b),))
            stale += 1
    print("known differences: %d, stale: %d" % (len(KNOWN), stale))
    return 1 if stale else 0


def strip_trace(out):
    return "".join(l for l in out.splitlines(True) if not l.startswith("[", 0) or "] @ready [" not in l)


def differs(runner, src, modes):
    """The first mode whose outputs differ, with both outputs, else None.

    With both modes (asyncio programs) the plain output is compared only
    where CPython's own is deterministic: where it equals the trace without
    its @ready lines. Otherwise it shows an order CPython takes from memory
    addresses (sets of tasks), which the trace mode pins down."""
    ref_trace = None
    for trace in sorted(modes, reverse=True):
        eng, refused = runner.engine(src, trace)
        if refused:
            return None if not compiles(src) else ("refused", trace, "", eng)
        ref = runner.ref(src, trace)
        if trace:
            ref_trace = ref
        elif ref_trace is not None and ref != strip_trace(ref_trace):
            continue
        if ref != eng and not excusable(ref, eng):
            return ("differs", trace, ref, eng)
    return None


# ---------------------------------------------------------------------------
# Minimizing
# ---------------------------------------------------------------------------

def blocks(lines):
    """Indices (start, end) of each line together with its indented body."""
    out = []
    for i, l in enumerate(lines):
        if not l.strip():
            continue
        ind = len(l) - len(l.lstrip())
        j = i + 1
        while j < len(lines) and (not lines[j].strip() or len(lines[j]) - len(lines[j].lstrip()) > ind):
            j += 1
        out.append((i, j))
    return out


def dedent_candidates(lines):
    """Replace a compound statement header by its body (dedented)."""
    for i, j in blocks(lines):
        head = lines[i].strip()
        if not head.endswith(":") or j - i < 2:
            continue
        ind = len(lines[i]) - len(lines[i].lstrip())
        body = lines[i + 1:j]
        bind = min(len(b) - len(b.lstrip()) for b in body if b.strip())
        new = [(" " * ind + b[bind:]) if b.strip() else b for b in body]
        yield lines[:i] + new + lines[j:]


def minimize(runner, src, kind_of, modes, budget=600):
    """Delete blocks, then lines, while `kind_of` (same mismatch class) holds."""
    lines = src.rstrip("\n").split("\n")
    want = kind_of(src)
    want_sig = signature(want)
    tries = [0]

    def still(cand_lines):
        cand = "\n".join(cand_lines) + "\n"
        if tries[0] >= budget or not compiles(cand):
            return False
        tries[0] += 1
        d = differs(runner, cand, modes)
        if d is None or d[0] != want[0] or d[1] != want[1]:
            return False
        # The same bug, not another one the deletions uncovered: one side of
        # the first differing line must stay as it was.
        r, e = signature(d)
        return r == want_sig[0] or e == want_sig[1]

    changed = True
    while changed and tries[0] < budget:
        changed = False
        # chunks of lines, big to small
        n = len(lines)
        size = max(1, n // 2)
        while size >= 1:
            i = 0
            while i < len(lines):
                cand = lines[:i] + lines[i + size:]
                if cand and still(cand):
                    lines = cand
                    changed = True
                else:
                    i += size
            size //= 2
        # whole blocks (a header with its body), from the end
        for i, j in reversed(blocks(lines)):
            if j <= len(lines):
                cand = lines[:i] + lines[j:]
                if cand and still(cand):
                    lines = cand
                    changed = True
        for cand in list(dedent_candidates(lines)):
            if still(cand):
                lines = cand
                changed = True
                break
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------------------
# Generators
# ---------------------------------------------------------------------------

INTS = [0, 1, -1, 2, -2, 3, -3, 5, 7, -7, 8, 10, -10, 13, 16, 100, -100, 255, 256, -256, 1000,
        12345, -98765, 2 ** 31, -(2 ** 31), 2 ** 32 + 1, 10 ** 9, 10 ** 15, 2 ** 53 + 1, 999999]
FLOATS = ["0.0", "-0.0", "0.1", "0.2", "0.5", "1.5", "2.5", "-2.5", "3.5", "0.125", "1e16", "1e-05",
          "123.456", "(1/3)", "(2/3)", "1e22", "0.3", "3.14159", "1e-07", "123456789.0", "1e300",
          "-1e-300", "float('inf')", "float('-inf')", "float('nan')", "2.675", "1.005", "0.045",
          "99.995", "1234567.891", "5e-324", "1.7976931348623157e308", "-7.25", "100.0", "1e15",
          "12345678901234567.0", "0.1e-3", "4.35", "-0.5", "2.0", "1e100"]
STRS = ["''", "'a'", "'abc'", "'Hello World'", "'  padded  '", "'a,b,,c'", "'a b  c'", "'hello'",
        "'ABC def'", "'x-y-z'", "'\\t tab\\n'", "'中文字符'", "'你好，世界'", "'123'", "'-42'",
        "' 3.5 '", "'mississippi'", "'aaa'", "'Title Case'", "'snake_case_name'", "'CamelCase'",
        "'line1\\nline2\\r\\nline3'", "'ß'", "'İ'", "'ǆ'", "'a\\'b\"c'", "'\\\\'", "'0x1f'", "'1_000'",
        "'é'", "'ﬁ'", "'1e3'", "'  '", "'hello world foo'", "'a\\x00b'", "'€uro'", "'%s%%'", "'{}'"]
SMALLS = [0, 1, 2, 3, -1, -2, 4, 5, 8, 9, 16, 17, 31, 32, 33, 64, -5, 7, 100, 1000]


class Gen:
    def __init__(self, seed):
        self.r = random.Random(seed)
        self.n = 0

    def c(self, seq):
        return self.r.choice(seq)

    def p(self, x):
        return self.r.random() < x

    def fresh(self, base="v"):
        self.n += 1
        return "%s%d" % (base, self.n)

    # -- atoms
    def int_(self):
        if self.p(0.7):
            return str(self.c(SMALLS))
        return str(self.c(INTS))

    def float_(self):
        return self.c(FLOATS)

    def num(self):
        return self.int_() if self.p(0.5) else self.float_()

    def str_(self):
        return self.c(STRS)

    def smallint(self, lo=-4, hi=6):
        return str(self.r.randint(lo, hi))

    def idx(self):
        return self.c(["0", "1", "-1", "2", "-2", "3", "-3", "5", "-6", "10", "-10"])

    def opt_idx(self):
        return "" if self.p(0.3) else self.idx()

    def int_list(self, maxlen=6):
        return "[" + ", ".join(str(self.r.randint(-5, 9)) for _ in range(self.r.randint(0, maxlen))) + "]"

    def mixed_list(self):
        items = [self.c([self.int_(), self.float_(), self.str_(), "None", "True", "(1, 2)", "[3]"])
                 for _ in range(self.r.randint(0, 4))]
        return "[" + ", ".join(items) + "]"

    def int_set(self):
        return "{" + ", ".join(str(self.c(SMALLS + [-3, -8, 40, 41, 63, 65, 127, 128])) for _ in range(self.r.randint(1, 7))) + "}"

    def int_dict(self):
        ks = [self.c(["'a'", "'b'", "'c'", "'x'", "'中'", "1", "2", "-1", "0", "(1, 2)", "True", "3.0"])
              for _ in range(self.r.randint(0, 5))]
        return "{" + ", ".join("%s: %s" % (k, self.smallint()) for k in ks) + "}"

    def slice_(self):
        a, b = self.opt_idx(), self.opt_idx()
        if self.p(0.5):
            st = self.c(["1", "2", "-1", "-2", "3", "-3", "", "0"])
            return "%s:%s:%s" % (a, b, st)
        return "%s:%s" % (a, b)

    def spec(self, kind):
        fill_align = ""
        if self.p(0.4):
            fill_align = (self.c(["", "*", "0", "-", "_", "中", " "]) if self.p(0.4) else "") + self.c("<>^=")
        sign = self.c(["", "", "+", "-", " "])
        z = "z" if kind == "f" and self.p(0.05) else ""
        alt = "#" if self.p(0.15) else ""
        zero = "0" if self.p(0.15) else ""
        width = str(self.r.randint(1, 12)) if self.p(0.5) else ""
        group = self.c(["", "", "", ",", "_"])
        prec = ("." + str(self.r.randint(0, 8))) if self.p(0.5) else ""
        if kind == "i":
            t = self.c(["", "d", "b", "o", "x", "X", "n", "c", "e", "f", "%", "g", "s"])
        elif kind == "f":
            t = self.c(["", "f", "F", "e", "E", "g", "G", "%", "n", "d"])
        else:
            t = self.c(["", "s", "s", "d"])
        if kind == "i" and t in ("", "d", "b", "o", "x", "X", "n", "c") and self.p(0.8):
            prec = ""
        if kind == "s":
            sign, alt, z, group = (sign if self.p(0.1) else ""), "", "", (group if self.p(0.1) else "")
        return fill_align + sign + z + alt + zero + width + group + prec + t

    def pct_spec(self):
        flags = "".join(self.r.sample("-+ 0#", self.r.randint(0, 2)))
        width = self.c(["", "", "5", "8", "1", "*"])
        prec = self.c(["", "", ".2", ".0", ".5", ".*"])
        t = self.c("dsrfeEgGxXoic%" + "dsf")
        return "%" + flags + width + prec + t

    # -- expressions
    def arith(self):
        op = self.c(["+", "-", "*", "/", "//", "%", "**", "==", "<", "<=", "!=", ">",
                     "&", "|", "^", "<<", ">>"])
        a = self.num()
        b = self.num()
        if op == "**":
            b = self.c(["0", "1", "2", "3", "-1", "-2", "0.5", "-0.5", "10", "2.5", "63", "62"])
        if op in ("<<", ">>"):
            b = self.c(["0", "1", "3", "-1", "10", "40", "63", "64"])
        if op in ("&", "|", "^", "<<", ">>") and self.p(0.8):
            a = self.int_()
            if op in ("&", "|", "^"):
                b = self.int_()
        e = "%s %s %s" % (a, op, b)
        if self.p(0.3):
            e = "(%s) %s %s" % (e, self.c(["+", "*", "-", "//", "%", "/"]), self.num())
        if self.p(0.1):
            e = "-(%s)" % e
        return e

    def numfunc(self):
        x = self.num()
        y = self.num()
        return self.c([
            "divmod(%s, %s)" % (x, y),
            "round(%s)" % x,
            "round(%s, %s)" % (x, self.c(["0", "1", "2", "3", "-1", "-2", "None"])),
            "abs(%s)" % x,
            "int(%s)" % x,
            "float(%s)" % self.int_(),
            "pow(%s, %s)" % (self.int_(), self.c(["2", "3", "-1", "0"])),
            "pow(%s, %s, %s)" % (self.int_(), self.c(["2", "3", "5", "0"]), self.c(["7", "10", "-7", "1"])),
            "int(%s)" % self.str_(),
            "int(%s, %s)" % (self.c(["'ff'", "'0x1f'", "'777'", "'-101'", "'z'", "'0b11'", "' 12 '", "'1_0'"]), self.c(["16", "8", "2", "0", "36", "10"])),
            "float(%s)" % self.str_(),
            "float(%s)" % self.c(["'inf'", "'-Infinity'", "'nan'", "'1_0.5'", "' 2.5e3 '", "'1e500'", "'.5'", "'5.'"]),
            "(%s).is_integer()" % self.float_(),
            "(%s).as_integer_ratio()" % self.float_(),
            "(%s).bit_length()" % self.int_(),
            "hex(%s)" % self.int_(), "oct(%s)" % self.int_(), "bin(%s)" % self.int_(),
            "str(%s)" % x, "repr(%s)" % x, "bool(%s)" % x,
            "%s == %s" % (self.int_(), self.float_()),
            "%s < %s < %s" % (x, y, self.num()),
            "max(%s, %s)" % (x, y), "min(%s, %s, key=abs)" % (x, y),
            "hash(%s)" % self.c([self.int_(), self.float_(), "(1, 2)", "True", "-1"]).replace("float('nan')", "0.5"),
            "sum([%s, %s, %s])" % (self.float_(), self.float_(), self.float_()),
            "sum([0.1] * %d)" % self.r.randint(1, 12),
            "%s * %d" % (self.float_(), self.r.randint(2, 11)),
            "chr(%d)" % self.c([65, 97, 20013, 8364, 0, 10, 127]),
            "ord(%s)" % self.c(["'a'", "'中'", "'€'", "''", "'ab'"]),
        ])

    def fmt(self):
        x = self.c([("i", self.int_()), ("f", self.float_()), ("s", self.str_())])
        kind, val = x
        if self.p(0.15):
            kind = self.c("ifs")
        sp = self.spec(kind)
        return self.c([
            "f'{%s:%s}'" % (val, sp) if "'" not in sp and "{" not in sp and "\\" not in val else "format(%s, %r)" % (val, sp),
            "format(%s, %r)" % (val, sp),
            "'{:%s}'.format(%s)" % (sp.replace("{", "{{").replace("}", "}}"), val),
            "f'{%s!r:>%d}|'" % (val, self.r.randint(1, 15)) if "\\" not in val else "repr(%s)" % val,
            "f'{%s=}'" % val if "\\" not in val and "'" not in val[1:-1] else "str(%s)" % val,
            "%r %% (%s,)" % (self.pct_spec(), val),
            "%r %% (%s, %s)" % (self.pct_spec() + " " + self.pct_spec(), val, self.num()),
            "'%%(k)s-%%(n)05.1f' %% {'k': %s, 'n': %s}" % (val, self.num()),
            "'{0}{1}{0}'.format(%s, %s)" % (val, self.num()),
            "'{x:{w}.{p}f}'.format(x=%s, w=%d, p=%d)" % (self.num(), self.r.randint(0, 12), self.r.randint(0, 5)),
            "'{!r}|{!s}|{!a}'.format(%s, %s, %s)" % (val, val, self.str_()),
            "'{a[0]}{b[k]}'.format(a=[%s], b={'k': %s})" % (val, self.num()),
            "str(%s) + '|' + repr(%s)" % (val, val),
        ])

    def strexpr(self):
        s = self.str_()
        a = self.str_()
        return self.c([
            "%s.split(%s)" % (s, self.c(["", "None", "','", "' '", "'a'", "''", "'ss'"])),
            "%s.split(%s, %s)" % (s, self.c(["None", "','", "' '", "'s'"]), self.c(["0", "1", "2", "-1"])),
            "%s.rsplit(%s, %s)" % (s, self.c(["None", "','", "' '", "'s'"]), self.c(["0", "1", "2", "-1"])),
            "%s.strip(%s)" % (s, self.c(["", "None", "' '", "'a'", "'ab '", "'\\t\\n '", "''"])),
            "%s.lstrip(%s)" % (s, self.c(["", "'x-'", "' '"])), "%s.rstrip(%s)" % (s, self.c(["", "'c'", "' \\n'"])),
            "%s.find(%s, %s)" % (s, a, self.idx()), "%s.rfind(%s)" % (s, a),
            "%s.find(%s, %s, %s)" % (s, self.c(["'s'", "'i'", "''", "'a'"]), self.idx(), self.idx()),
            "%s.index(%s)" % (s, a), "%s.rindex(%s)" % (s, self.c(["'s'", "'i'", "'z'"])),
            "%s.count(%s)" % (s, self.c(["''", "'s'", "'ss'", "'a'", "'aa'", "' '"])),
            "%s.count(%s, %s, %s)" % (s, self.c(["''", "'s'", "'a'"]), self.idx(), self.idx()),
            "%s.replace(%s, %s)" % (s, self.c(["''", "'s'", "'a'", "' '", "'ss'"]), self.c(["''", "'-'", "'XY'"])),
            "%s.replace(%s, %s, %s)" % (s, self.c(["''", "'s'", "'a'"]), self.c(["'-'", "'_'"]), self.c(["0", "1", "2", "-1"])),
            "%s.%s(%d%s)" % (s, self.c(["center", "ljust", "rjust"]), self.r.randint(-1, 14), self.c(["", ", '*'", ", '中'", ", 'ab'"])),
            "%s.zfill(%d)" % (self.c([s, "'-42'", "'+7'", "'3.5'"]), self.r.randint(0, 8)),
            "%s.partition(%s)" % (s, self.c(["' '", "','", "'s'", "''", "'zz'"])),
            "%s.rpartition(%s)" % (s, self.c(["' '", "','", "'s'"])),
            "%s.startswith(%s)" % (s, self.c([a, "('a', 'H')", "''", "('x',)"])),
            "%s.endswith(%s, %s)" % (s, self.c([a, "('c', 'd')", "''"]), self.idx()),
            "%s.%s()" % (s, self.c(["upper", "lower", "title", "capitalize", "swapcase", "casefold", "isdigit",
                                    "isalpha", "isalnum", "isspace", "isupper", "islower", "istitle",
                                    "isidentifier", "isnumeric", "isdecimal", "splitlines", "expandtabs"])),
            "%s.splitlines(True)" % s,
            "%s.join(%s)" % (self.c(["','", "''", "' - '", "'中'"]), self.c(["['a', 'b']", "'xyz'", "[]", "['a', 1]", "(str(i) for i in range(3))", s])),
            "%s[%s]" % (s, self.idx()), "%s[%s]" % (s, self.slice_()),
            "%s * %s" % (s, self.c(["0", "2", "-1", "3"])), "%s + %s" % (s, a),
            "%s in %s" % (a, s), "%s < %s" % (s, a), "len(%s)" % s,
            "sorted(%s)" % s, "list(reversed(%s))" % s, "%s.removeprefix(%s)" % (s, a),
            "%s.removesuffix(%s)" % (s, a), "max(%s)" % s, "min(%s, default='z')" % s,
            "repr(%s)" % s, "ascii(%s)" % s, "str(%s)" % s, "%s.encode()" % self.c(["'abc'", "''"]) if False else "%s.expandtabs(%d)" % ("'a\\tbc\\td'", self.r.randint(0, 9)),
            "%s.format(%s)" % (self.c(["'{}'", "'{0}{0}'", "'{:>5}'", "'{}{}'", "'{{}}'", "'{x}'"]), self.num()),
        ])

    def listexpr(self):
        l = self.int_list()
        return self.c([
            "%s[%s]" % (l, self.slice_()), "%s[%s]" % (l, self.idx()),
            "sorted(%s, key=lambda x: %s)" % (l, self.c(["-x", "x % 3", "abs(x)", "(x % 2, -x)", "str(x)"])),
            "sorted(%s, reverse=True)" % self.mixed_list(),
            "sorted(%s)" % self.mixed_list(),
            "%s + %s" % (l, self.int_list()), "%s * %s" % (l, self.c(["2", "0", "-1"])),
            "%s < %s" % (l, self.int_list()), "%s == %s" % (l, self.c([l, self.int_list(), "tuple(%s)" % l])),
            "max(%s)" % l, "min(%s, default=None)" % l, "sum(%s, %s)" % (l, self.c(["0", "10", "0.5"])),
            "%s.index(%s)" % (l, self.smallint()), "%s.count(%s)" % (l, self.smallint()),
            "list(enumerate(%s, %s))" % (l, self.c(["0", "1", "-2"])),
            "list(zip(%s, %s))" % (l, self.c(["'abc'", self.int_list(), "range(2)"])),
            "list(map(lambda x: x * 2, %s))" % l, "list(filter(None, %s))" % self.mixed_list(),
            "list(filter(lambda x: x > 0, %s))" % l,
            "[x * y for x in %s for y in %s if x != y]" % (self.int_list(3), self.int_list(3)),
            "{x: x %% 3 for x in %s}" % l, "{x %% 4 for x in %s}" % l,
            "list(range(%s, %s, %s))" % (self.smallint(-10, 10), self.smallint(-10, 10), self.c(["1", "-1", "2", "-3", "0"])),
            "range(%s, %s, %s)[%s]" % (self.smallint(-10, 10), self.smallint(-10, 20), self.c(["1", "-1", "2", "-3"]), self.c([self.idx(), self.slice_()])),
            "len(range(%s, %s, %s))" % (self.smallint(-10, 10), self.smallint(-10, 20), self.c(["1", "-1", "3", "-3"])),
            "tuple(%s)" % l, "(%s,) * 2" % self.smallint(), "(1, 2, 3)[%s]" % self.slice_(),
            "%s in %s" % (self.smallint(), l), "any(%s)" % l, "all(%s)" % l,
            "list(reversed(%s))" % l, "[*%s, *%s]" % (l, "'ab'"),
            "dict(zip(%s, %s))" % ("'abc'", l),
        ])

    def mutate(self):
        """A statement sequence on a fresh list/dict/set, printing the result."""
        v = self.fresh("m")
        kind = self.c(["list", "dict", "set"])
        stmts = []
        if kind == "list":
            stmts.append("%s = %s" % (v, self.int_list(7)))
            for _ in range(self.r.randint(1, 4)):
                stmts.append(self.c([
                    "%s.append(%s)" % (v, self.smallint()), "%s.insert(%s, %s)" % (v, self.idx(), self.smallint()),
                    "%s.pop(%s)" % (v, self.c(["", self.idx()])), "%s.remove(%s)" % (v, self.smallint()),
                    "%s.extend(%s)" % (v, self.c([self.int_list(3), "'ab'", "range(3)"])),
                    "%s.sort(key=lambda x: %s)" % (v, self.c(["-x", "x % 3", "abs(x)"])),
                    "%s.sort(reverse=True)" % v, "%s.reverse()" % v,
                    "%s[%s] = %s" % (v, self.slice_(), self.int_list(3)),
                    "%s[%s] = %s" % (v, self.idx(), self.smallint()),
                    "del %s[%s]" % (v, self.c([self.idx(), self.slice_()])),
                    "%s += %s" % (v, self.c([self.int_list(2), "'xy'", "(9,)"])),
                    "%s *= %s" % (v, self.c(["2", "0"])), "%s.clear()" % v,
                    "%s = %s[::-1]" % (v, v),
                ]))
        elif kind == "dict":
            stmts.append("%s = %s" % (v, self.int_dict()))
            for _ in range(self.r.randint(1, 4)):
                k = self.c(["'a'", "'b'", "'z'", "1", "2", "-1", "1.0", "True"])
                stmts.append(self.c([
                    "%s[%s] = %s" % (v, k, self.smallint()), "del %s[%s]" % (v, k),
                    "print(%s.pop(%s, None))" % (v, k), "print(%s.pop(%s))" % (v, k),
                    "print(%s.popitem())" % v, "print(%s.setdefault(%s, []))" % (v, k),
                    "%s.update(%s)" % (v, self.c([self.int_dict(), "[('q', 1)]", "a=1"])),
                    "print(%s.get(%s, 'd'))" % (v, k), "print(%s[%s])" % (v, k),
                    "print(list(%s.items()), list(%s.keys()), list(%s.values()))" % (v, v, v),
                    "%s = %s | %s" % (v, v, self.int_dict()), "%s |= {%s: 0}" % (v, k),
                    "print(dict.fromkeys(%s, 0))" % self.c(["'abc'", "[3, 1, 3]", "[]"]),
                    "print(%s in %s, len(%s))" % (k, v, v),
                    "print(sorted(%s.items(), key=lambda kv: str(kv)))" % v,
                ]))
        else:
            stmts.append("%s = %s" % (v, self.int_set()))
            for _ in range(self.r.randint(1, 4)):
                o = self.c([self.int_set(), "set()", "set(range(%d))" % self.r.randint(0, 9), "{-1, -2}"])
                stmts.append(self.c([
                    "%s.add(%s)" % (v, self.c(["-1", "-2", "0", "9", "64", "1000", "33"])),
                    "%s.discard(%s)" % (v, self.smallint()), "%s.remove(%s)" % (v, self.smallint()),
                    "print(%s.pop())" % v, "%s |= %s" % (v, o), "%s &= %s" % (v, o), "%s -= %s" % (v, o),
                    "%s ^= %s" % (v, o), "print(%s | %s, %s & %s)" % (v, o, v, o),
                    "print(%s - %s, %s ^ %s)" % (v, o, o, v), "print(%s.union(%s, [99]))" % (v, o),
                    "print(%s <= %s, %s < %s, %s.isdisjoint(%s))" % (v, o, o, v, v, o),
                    "print(sorted(%s, reverse=True), list(%s))" % (v, v),
                    "print({x * %s for x in %s})" % (self.c(["2", "-1", "8", "10"]), v),
                    "%s.update(%s, %s)" % (v, o, self.int_list(3)),
                ]))
        stmts.append("print(%s)" % v)
        return stmts

    def errexpr(self):
        return self.c([
            "[1, 2][%s]" % self.c(["5", "-3", "'a'", "1.0", "None"]),
            "{'a': 1}[%s]" % self.c(["'b'", "1", "(1, 2)", "None", "'中'"]),
            "'abc' + %s" % self.c(["1", "None", "[1]", "1.5"]),
            "%s + 'abc'" % self.c(["1", "None", "[1]", "1.5"]),
            "%s %s %s" % (self.c(["1", "'a'", "[1]", "None", "(1,)", "{}", "1.5"]), self.c(["+", "-", "*", "/", "<", "%", "//", "**", "@", "&"]), self.c(["1", "'a'", "[1]", "None", "(1,)", "{}", "2.5"])),
            "len(%s)" % self.c(["5", "None", "1.5", "print"]),
            "int(%s)" % self.c(["'1.5'", "''", "None", "[1]", "'１２'", "' -7 '", "'0x10'"]),
            "float(%s)" % self.c(["'abc'", "None", "''", "'1,5'"]),
            "None.foo", "(5).foo", "'abc'.foo", "[].bar()", "{}.x",
            "[].pop()", "{}.popitem()", "set().pop()", "[1].remove(2)", "(1, 2).index(3)",
            "'abc'.index('z')", "[3].index(4)", "'a'.join([1, 2])", "', '.join(None)",
            "sum(['a', 'b'])", "sum([[1], [2]], [])", "max([])", "min(1)", "sorted([1, 'a'])",
            "abs('x')", "round('x')", "divmod(1, 0)", "1 / 0", "1 % 0", "1.5 // 0", "2 ** -1", "0 ** -1",
            "(-8) ** (1/3)", "'%d' % 'x'", "'%s %s' % (1,)", "'%s' % (1, 2)", "'{}{}'.format(1)",
            "'{0}{}'.format(1, 2)", "'{x}'.format(y=1)", "format(1.5, 'd')", "format('a', 'd')",
            "format(3, '.2s')", "format(1, 'z')", "f'{1:,s}'" if False else "format(10, ',x')",
            "int('9' * 30)", "[1, 2, 3][::0]", "list(range(0, 5, 0))", "dict([1, 2])", "dict([(1, 2, 3)])",
            "hash([1])", "{[1]: 2}", "{{1}}", "iter(5)", "next(iter([]))", "print(*5)",
            "undefined_name", "'abc'[1] = 'x'" if False else "tuple([1])[0:1] + [2]",
            "list(1)", "zip(1, 2)", "set([[1]])", "chr(-1)", "ord('ab')", "'a' < 1", "[1] < (1,)",
            "isinstance(1, 'int')", "getattr(1, 'x')", "getattr(1, 'x', 'dflt')", "setattr(1, 'x', 2)",
            "'x'.center('a')", "'abc'.split('')", "'a'.replace(1, 2)", "[1, 2].sort(key=1)",
            "min([], default=7)", "max(1, 2, key=None)", "'abc'.startswith(1)",
            "bool.__name__", "type(1.5).__name__", "type(None).__name__", "type(range(3)).__name__",
            "[].__len__()", "(1).__add__(2)", "'a'.__class__.__name__",
        ])

    def expr(self):
        k = self.r.random()
        if k < 0.22:
            return self.arith()
        if k < 0.38:
            return self.numfunc()
        if k < 0.55:
            return self.fmt()
        if k < 0.72:
            return self.strexpr()
        if k < 0.87:
            return self.listexpr()
        return self.errexpr()

    # -- program kinds
    def prog_expr(self):
        out = ["def t(f):", "    try:", "        r = f()", "        print(repr(r))",
               "    except Exception as e:", "        print(type(e).__name__ + ':', e)", ""]
        for _ in range(self.r.randint(15, 30)):
            if self.p(0.15):
                out += ["try:"] + ["    " + s for s in self.mutate()] + \
                       ["except Exception as e:", "    print(type(e).__name__ + ':', e)"]
            elif self.p(0.1):
                out.append("print(%s)" % self.expr())
            else:
                out.append("t(lambda: %s)" % self.expr())
        return "\n".join(out) + "\n"

    # ---- statements with control flow
    def cond(self, names):
        n = self.c(names)
        return self.c(["%s %% 2 == 0" % n, "%s > %d" % (n, self.r.randint(0, 4)), "%s == %d" % (n, self.r.randint(0, 3)),
                       "not %s" % n, "%s < 2 or %s > 3" % (n, n), "True", "False"])

    def body(self, depth, loops, names, in_func, in_finally=False, in_except=False):
        out = []
        for _ in range(self.r.randint(1, 3)):
            out += self.stmt(depth, loops, names, in_func, in_finally, in_except)
        return out

    def stmt(self, depth, loops, names, in_func, in_finally, in_except):
        ind = lambda lines: ["    " + l for l in lines]
        opts = ["print", "print", "assign"]
        if depth < 3:
            opts += ["if", "for", "try", "try", "while"]
        if loops:
            opts += ["break", "continue"]
        if in_func:
            opts += ["return"]
        opts += ["raise"]
        if in_except:
            opts += ["reraise"]
        k = self.c(opts)
        tag = self.fresh("s")
        if k == "print":
            return ["print(%r, %s)" % (tag, ", ".join(names))]
        if k == "assign":
            n = self.c(names)
            return ["%s %s %s" % (n, self.c(["+=", "-=", "*=", "="]), self.r.randint(0, 3))]
        if k == "break":
            return ["print(%r)" % tag, "break"]
        if k == "continue":
            return ["print(%r)" % tag, "continue"]
        if k == "return":
            return ["return %r" % tag]
        if k == "raise":
            return ["raise %s(%r)" % (self.c(["ValueError", "KeyError", "RuntimeError", "ZeroDivisionError", "E1"]), tag)]
        if k == "reraise":
            return [self.c(["raise", "raise RuntimeError(%r) from e" % tag, "raise TypeError(%r)" % tag])]
        if k == "if":
            out = ["if %s:" % self.cond(names)] + ind(self.body(depth + 1, loops, names, in_func, in_finally, in_except))
            if self.p(0.5):
                out += ["else:"] + ind(self.body(depth + 1, loops, names, in_func, in_finally, in_except))
            return out
        if k == "for":
            v = self.fresh("i")
            return ["for %s in %s:" % (v, self.c(["range(%d)" % self.r.randint(0, 4), "[3, 1, 2]", "'ab'"]))] + \
                ind(self.body(depth + 1, True, names + [v] if self.p(0.9) and False else names, in_func))
        if k == "while":
            v = self.fresh("w")
            return ["%s = 0" % v, "while %s < %d:" % (v, self.r.randint(1, 4)), "    %s += 1" % v] + \
                ind(self.body(depth + 1, True, names, in_func))
        # try
        out = ["try:"] + ind(self.body(depth + 1, loops, names, in_func, in_finally, in_except))
        has_exc = self.p(0.7)
        if has_exc:
            exc = self.c(["ValueError", "(KeyError, ValueError)", "Exception", "ZeroDivisionError", "E1", "LookupError", "ArithmeticError"])
            out += ["except %s as e:" % exc, "    print(%r, type(e).__name__, e)" % (tag + "x")] + \
                ind(self.body(depth + 1, loops, names, in_func, in_finally, True) if self.p(0.6) else [])
            if self.p(0.3):
                out += ["else:"] + ind(self.body(depth + 1, loops, names, in_func, in_finally, in_except))
        if not has_exc or self.p(0.5):
            out += ["finally:", "    print(%r)" % (tag + "f")] + \
                ind(self.body(depth + 1, loops, names, in_func, True, in_except) if self.p(0.6) else [])
        return out

    def prog_stmt(self):
        out = ["class E1(Exception):", "    pass", ""]
        for fi in range(self.r.randint(2, 4)):
            name = "f%d" % fi
            out += ["def %s(a, b=%d):" % (name, self.r.randint(0, 3))]
            out += ["    " + l for l in self.body(0, False, ["a", "b"], True)]
            out += ["    return ('end', a, b)", ""]
            for _ in range(self.r.randint(1, 3)):
                out += ["try:", "    print(%s(%d))" % (name, self.r.randint(0, 5)),
                        "except Exception as e:", "    print('!', type(e).__name__, repr(e), repr(e.__cause__), repr(e.__context__))"]
        # closures
        if self.p(0.7):
            out += self.closures()
        out += ["x = 0"]
        out += self.body(0, False, ["x"], False) if self.p(0.3) else []
        out += ["print('done')"]
        return "\n".join(out) + "\n"

    def closures(self):
        k = self.r.randint(0, 5)
        n = self.r.randint(1, 4)
        if k == 0:
            return ["def make(n):", "    c = n", "    def inc(d=1):", "        nonlocal c", "        c += d", "        return c",
                    "    def get():", "        return c", "    return inc, get",
                    "inc, get = make(%d)" % n, "print(inc(), inc(%d), get())" % n,
                    "inc2, get2 = make(0)", "print(inc2(), get(), get2())"]
        if k == 1:
            return ["fs = [lambda: i for i in range(%d)]" % n, "print([f() for f in fs])",
                    "gs = [lambda i=i: i * 2 for i in range(%d)]" % n, "print([g() for g in gs])"]
        if k == 2:
            return ["total = 0", "def add(v):", "    global total", "    total += v", "    return total",
                    "print(add(%d), add(%d), total)" % (n, n)]
        if k == 3:
            return ["def outer():", "    x = 1", "    def mid():", "        def inner():", "            nonlocal x",
                    "            x += %d" % n, "            return x", "        return inner", "    f = mid()",
                    "    return f() + f(), x", "print(outer())"]
        if k == 4:
            return ["def f(*args, **kw):", "    return args, sorted(kw.items())",
                    "print(f(%d, *[1, 2], k=3, **{'z': 4}))" % n,
                    "def g(a, b, /, c, *, d=%d):" % n, "    return a, b, c, d",
                    "print(g(1, 2, c=3), g(1, 2, 3, d=0))",
                    "for call in [lambda: g(1), lambda: g(1, 2, 3, 4), lambda: g(a=1, b=2, c=3), lambda: g(1, 2, 3, e=1), lambda: f(1, **{'a': 1}, a=2), lambda: g(1, 2, 3, c=4)]:",
                    "    try:", "        call()", "    except TypeError as e:", "        print('TypeError', e)"]
        return ["def counter():", "    count = 0", "    def step():", "        nonlocal count", "        count += 1",
                "        return count", "    return step", "c1 = counter()", "c2 = counter()",
                "print([c1() for _ in range(%d)], c2(), c1())" % n,
                "sq = (lambda f: lambda x: f(f(x)))(lambda y: y * %d)" % n, "print(sq(3))"]

    # ---- classes
    def prog_class(self):
        out = []
        dunders = ["__repr__", "__str__", "__eq__", "__lt__", "__add__", "__radd__", "__len__", "__bool__",
                   "__getitem__", "__contains__", "__iter__", "__call__", "__hash__", "__le__", "__mul__",
                   "__neg__", "__setitem__", "__format__"]
        chosen = self.r.sample(dunders, self.r.randint(2, 9))
        if "__repr__" not in chosen:
            chosen.append("__repr__")  # the default repr shows an address
        out += ["class Base:", "    kind = 'base'", "    count = 0",
                "    def __init__(self, v, tag='b'):", "        self.v = v", "        self.tag = tag",
                "        Base.count += 1"]
        bodies = {
            "__repr__": ["    def __repr__(self):", "        return f'Base({self.v!r}, {self.tag!r})'"],
            "__str__": ["    def __str__(self):", "        return 'B<%s>' % (self.v,)"],
            "__eq__": ["    def __eq__(self, other):", "        if not isinstance(other, Base):", "            return NotImplemented",
                       "        return self.v == other.v"],
            "__lt__": ["    def __lt__(self, other):", "        return self.v < other.v"],
            "__le__": ["    def __le__(self, other):", "        return self.v <= other.v"],
            "__add__": ["    def __add__(self, other):", "        if isinstance(other, Base):", "            return type(self)(self.v + other.v)",
                        "        if isinstance(other, int):", "            return type(self)(self.v + other)", "        return NotImplemented"],
            "__radd__": ["    def __radd__(self, other):", "        return type(self)(other + self.v)"],
            "__mul__": ["    def __mul__(self, k):", "        return type(self)(self.v * k)"],
            "__neg__": ["    def __neg__(self):", "        return type(self)(-self.v)"],
            "__len__": ["    def __len__(self):", "        return abs(self.v) %% %d" % self.r.randint(1, 4)],
            "__bool__": ["    def __bool__(self):", "        return self.v > %d" % self.r.randint(0, 3)],
            "__getitem__": ["    def __getitem__(self, i):", "        if i >= 3:", "            raise IndexError(i)", "        return self.v * i"],
            "__setitem__": ["    def __setitem__(self, k, val):", "        self.v = val"],
            "__contains__": ["    def __contains__(self, x):", "        return x == self.v"],
            "__iter__": ["    def __iter__(self):", "        return iter([self.v, self.tag])"],
            "__call__": ["    def __call__(self, *a):", "        return (self.v,) + a"],
            "__hash__": ["    def __hash__(self):", "        return hash(self.v)"],
            "__format__": ["    def __format__(self, spec):", "        return 'F[' + format(self.v, spec) + ']'"],
        }
        for d in chosen:
            out += bodies[d]
        out += ["    @property", "    def double(self):", "        return self.v * 2"]
        if self.p(0.5):
            out += ["    @double.setter", "    def double(self, val):", "        self.v = val // 2"]
        out += ["    @classmethod", "    def make(cls, v):", "        return cls(v, 'made')",
                "    @staticmethod", "    def twice(x):", "        return x * 2",
                "    def describe(self):", "        return f'{type(self).__name__}:{self.kind}:{self.v}'"]
        sub_chosen = self.r.sample(["__repr__", "__str__", "__eq__", "__lt__", "__add__", "__len__"], self.r.randint(0, 2))
        out += ["", "class Sub(Base):", "    kind = 'sub'", "    def __init__(self, v, tag='s', extra=%d):" % self.r.randint(0, 5),
                "        super().__init__(v, tag)", "        self.extra = extra",
                "    def describe(self):", "        return 'Sub/' + super().describe()"]
        for d in sub_chosen:
            out += bodies[d]
        out += ["", "class Plain:", "    pass", ""]
        objs = ["Base(%s)" % self.c(["1", "2", "-3", "0", "5"]), "Sub(%s)" % self.c(["1", "4", "-2", "0"]),
                "Base.make(%s)" % self.c(["2", "7"]), "Sub.make(3)"]
        ops = ["print(%s)", "print(repr(%s))", "print(str(%s))", "print(f'{%s}')", "print(f'{%s!r:>30}')",
               "print(%s == %s)", "print(%s != %s)", "print(%s < %s)", "print(%s > %s)", "print(%s <= %s)",
               "print(%s + %s)", "print(%s + 1)", "print(1 + %s)", "print(len(%s))", "print(bool(%s))",
               "print(3 in %s)", "print(%s[1])", "print(list(%s))", "print(%s())", "print(%s(1, 2))",
               "print(-%s)", "print(%s * 3)", "print(sorted([%s, %s, %s]))", "print(max(%s, %s))",
               "print(%s.double)", "print(%s.describe())", "print(%s.twice(4))", "print(%s.kind, Base.count)",
               "print(%s.missing)", "print(hasattr(%s, 'v'), getattr(%s, 'tag', None))",
               "print(isinstance(%s, Base), isinstance(%s, Sub), type(%s).__name__)",
               "print({%s: 1})", "print(%s in [%s])", "print(format(%s, '>5'))", "print(sum([%s, %s]))",
               "%s.v = 10; print(%s.v)", "%s.double = 1", "print(Plain() == Plain(), Plain().__class__.__name__)",
               "print(Base(1, 2, 3))", "print(Base())", "print(%s.__dict__)", "del %s.v; print(%s.v)",
               "print(%s[0:2])", "%s[0] = 9; print(%s.v)", "print(%s.__class__.__mro__[-1].__name__)",
               "print(Sub.__mro__[1].__name__, Sub.__name__, Sub.__bases__[0].__name__)",
               "print(issubclass(Sub, Base), issubclass(Base, Sub))", "print(%s.__eq__(%s))", "print(type(%s) is Sub)",
               "print(str(Plain)[:14], Base.twice(2), Base.make.__name__)"]
        for _ in range(self.r.randint(8, 20)):
            op = self.c(ops)
            args = tuple(self.c(objs) for _ in range(op.count("%s")))
            out += ["try:", "    " + (op % args), "except Exception as e:", "    print(type(e).__name__ + ':', e)"]
        return "\n".join(out) + "\n"

    # ---- asyncio
    def prog_async(self):
        g = self
        out = ["import asyncio", "import time", ""]
        prims = []
        nworkers = g.r.randint(2, 4)
        use = g.r.sample(["lock", "event", "sem", "queue", "cond", "none", "none"], g.r.randint(1, 3))
        glob = []
        if "lock" in use:
            glob.append("lock = asyncio.Lock()")
        if "event" in use:
            glob.append("ev = asyncio.Event()")
        if "sem" in use:
            glob.append("sem = asyncio.Semaphore(%d)" % g.r.randint(1, 2))
        if "queue" in use:
            glob.append("q = asyncio.%s(%d)" % (g.c(["Queue", "Queue", "LifoQueue", "PriorityQueue"]), g.r.randint(0, 2)))
        if "cond" in use:
            glob.append("cond = asyncio.Condition()")
        delays = ["0", "0", "0.1", "0.1", "0.2", "0.3", "0.5", "1", "0.25"]

        def actions(depth, wi):
            acts = []
            for _ in range(g.r.randint(1, 4)):
                opts = ["sleep", "sleep", "print"]
                if "lock" in use:
                    opts.append("lock")
                if "event" in use:
                    opts += ["evwait", "evset"]
                if "sem" in use:
                    opts.append("sem")
                if "queue" in use:
                    opts += ["put", "get"]
                if "cond" in use:
                    opts += ["cwait", "cnotify"]
                if depth == 0:
                    opts += ["raise", "tryfin", "blocking"]
                k = g.c(opts)
                t = g.fresh("a")
                if k == "sleep":
                    acts.append("await asyncio.sleep(%s)" % g.c(delays))
                elif k == "print":
                    acts.append("print(%r, name, round(loop.time(), 3))" % t)
                elif k == "lock" and depth < 2:
                    acts += ["async with lock:", "    print(%r, name, lock.locked())" % t] + ["    " + a for a in actions(depth + 1, wi)]
                elif k == "sem" and depth < 2:
                    acts += ["async with sem:", "    print(%r, name)" % t] + ["    " + a for a in actions(depth + 1, wi)]
                elif k == "evwait":
                    acts += ["print(%r, name, await ev.wait())" % t]
                elif k == "evset":
                    acts += ["ev.set()" if g.p(0.8) else "ev.clear()"]
                elif k == "put":
                    acts += ["await q.put((%d, name))" % g.r.randint(0, 5)]
                elif k == "get":
                    acts += ["item = await q.get()", "print(%r, name, 'got', item)" % t] + (["q.task_done()"] if g.p(0.7) else [])
                elif k == "cwait" and depth < 2:
                    acts += ["async with cond:", "    print(%r, name, 'waits')" % t, "    await cond.wait()", "    print(%r, name, 'woke')" % t]
                elif k == "cnotify" and depth < 2:
                    acts += ["async with cond:", "    cond.%s" % g.c(["notify()", "notify_all()", "notify(2)"])]
                elif k == "raise":
                    acts += ["if %s:" % g.c(["name == 'w0'", "name == 'w1'", "True"]), "    raise ValueError(%r + name)" % t]
                elif k == "tryfin":
                    acts += ["try:"] + ["    " + a for a in actions(depth + 1, wi)] + \
                        ["except asyncio.CancelledError as e:", "    print(%r, name, 'cancelled', e.args)" % t,
                         "    %s" % g.c(["raise", "raise", "return 'swallowed'"]), "finally:", "    print(%r, name, 'finally')" % t]
                elif k == "blocking":
                    acts.append("time.sleep(%s)" % g.c(["0.1", "0.5"]))
                else:
                    acts.append("await asyncio.sleep(0)")
            return acts

        for wi in range(nworkers):
            out += ["async def w%d(name):" % wi, "    loop = asyncio.get_running_loop()", "    print('start', name)"]
            out += ["    " + a for a in actions(0, wi)]
            out += ["    print('end', name, time.monotonic())", "    return name.upper()", ""]
        out += ["def cb(tag):", "    print('cb', tag, time.time())", ""]
        main = []
        main += glob
        main += ["loop = asyncio.get_running_loop()"]
        tasks = []
        for wi in range(nworkers):
            if g.p(0.8):
                nm = ", name='w%d'" % wi if g.p(0.6) else ""
                main.append("t%d = asyncio.create_task(w%d('w%d')%s)" % (wi, wi, wi, nm))
                tasks.append("t%d" % wi)
        for _ in range(g.r.randint(2, 6)):
            k = g.c(["sleep", "gather", "cancel", "wait_for", "callsoon", "calllater", "await", "evset",
                     "put", "wait", "taskgroup", "shield", "timeout", "notify", "status", "future"])
            if k == "sleep":
                main.append("await asyncio.sleep(%s)" % g.c(delays))
            elif k == "gather":
                aws = [g.c(tasks) if tasks and g.p(0.5) else "w%d('g%d')" % (i % nworkers, i) for i in range(g.r.randint(1, 3))]
                main += ["try:", "    print('gather', await asyncio.gather(%s, return_exceptions=%s))" % (", ".join(aws), g.c(["True", "False"])),
                         "except Exception as e:", "    print('gather failed', type(e).__name__, e)"]
            elif k == "cancel" and tasks:
                t = g.c(tasks)
                main += ["print('cancel', %s.cancel(%s))" % (t, g.c(["", "'bye'"]))]
            elif k == "wait_for":
                aw = g.c(tasks) if tasks and g.p(0.4) else "w%d('wf')" % g.r.randint(0, nworkers - 1)
                main += ["try:", "    print('wait_for', await asyncio.wait_for(%s, %s))" % (aw, g.c(["0.1", "0.3", "1", "5", "None", "0"])),
                         "except TimeoutError:", "    print('timed out', loop.time())",
                         "except Exception as e:", "    print('wait_for failed', type(e).__name__, e)"]
            elif k == "callsoon":
                main.append("loop.call_soon(cb, %r)" % g.fresh("cs"))
            elif k == "calllater":
                main.append("h = loop.call_later(%s, cb, %r)" % (g.c(delays), g.fresh("cl")))
                if g.p(0.3):
                    main.append("h.cancel()")
            elif k == "await" and tasks:
                t = g.c(tasks)
                main += ["try:", "    print('awaited', await %s)" % t,
                         "except (Exception, asyncio.CancelledError) as e:", "    print('await failed', type(e).__name__, e)"]
            elif k == "evset" and "event" in use:
                main.append("ev.set()")
            elif k == "put" and "queue" in use:
                main.append("q.put_nowait((%d, 'main'))" % g.r.randint(0, 5) if g.p(0.5) else "print('qsize', q.qsize(), q.empty(), q.full())")
            elif k == "notify" and "cond" in use:
                main += ["async with cond:", "    cond.notify_all()"]
            elif k == "wait" and tasks:
                ts = g.r.sample(tasks, g.r.randint(1, len(tasks)))
                main += ["done, pending = await asyncio.wait([%s], timeout=%s, return_when=asyncio.%s)" % (
                    ", ".join(ts), g.c(["None", "0.2", "1"]), g.c(["ALL_COMPLETED", "FIRST_COMPLETED", "FIRST_EXCEPTION"])),
                    "print('wait', sorted(t.get_name() for t in done), sorted(t.get_name() for t in pending))"]
            elif k == "taskgroup":
                n = g.r.randint(1, 3)
                main += ["try:", "    async with asyncio.TaskGroup() as tg:"]
                main += ["        tg.create_task(w%d('tg%d'))" % (g.r.randint(0, nworkers - 1), i) for i in range(n)]
                if g.p(0.3):
                    main += ["        await asyncio.sleep(%s)" % g.c(delays)]
                main += ["    print('taskgroup ok')", "except* ValueError as eg:" if False else "except ExceptionGroup as eg:",
                         "    print('group', eg, [repr(x) for x in eg.exceptions])"]
            elif k == "shield" and tasks:
                main += ["try:", "    print('shield', await asyncio.wait_for(asyncio.shield(%s), %s))" % (g.c(tasks), g.c(["0.1", "2"])),
                         "except TimeoutError:", "    print('shield timed out')", "except Exception as e:", "    print('shield failed', type(e).__name__, e)"]
            elif k == "timeout":
                main += ["try:", "    async with asyncio.timeout(%s):" % g.c(["0.1", "0.2", "1", "None"]),
                         "        await w%d('to')" % g.r.randint(0, nworkers - 1),
                         "except TimeoutError:", "    print('timeout block expired', loop.time())",
                         "except Exception as e:", "    print('timeout block failed', type(e).__name__, e)"]
            elif k == "status" and tasks:
                t = g.c(tasks)
                main += ["print(%s.get_name(), %s.done(), %s.cancelled())" % (t, t, t)]
            elif k == "future":
                main += ["fut = loop.create_future()", "loop.call_later(%s, fut.set_result, 'fr')" % g.c(delays),
                         "fut.add_done_callback(lambda f: print('done cb', f.result()))",
                         "print('future', await fut)"]
        for t in tasks:
            if g.p(0.7):
                main += ["try:", "    print('final', %s.get_name(), await %s)" % (t, t),
                         "except (Exception, asyncio.CancelledError) as e:", "    print('final failed', %s.get_name(), type(e).__name__, e)" % t]
        if "queue" in use and g.p(0.3):
            main += ["print('left', q.qsize())"]
        out += ["async def main():"] + ["    " + l for l in main] + ["    print('main done', loop.time())", "", "asyncio.run(main())", "print('after')"]
        return "\n".join(out) + "\n"

    # ---- asyncio, event-rich: every task a random script over shared primitives
    def prog_async2(self):
        g = self
        D = ["0", "0", "0.1", "0.1", "0.2", "0.3", "0.5", "0.05", "0.15", "1"]
        out = ["import asyncio", "", "log = []", "",
               "def show(*a):", "    print(f'{asyncio.get_running_loop().time():.3f}', *a)", ""]
        prims = ["lock = asyncio.Lock()", "ev = asyncio.Event()", "sem = asyncio.%s(%d)" % (g.c(["Semaphore", "BoundedSemaphore"]), g.r.randint(1, 3)),
                 "cond = asyncio.Condition()", "q = asyncio.%s(%d)" % (g.c(["Queue", "LifoQueue", "PriorityQueue"]), g.r.randint(0, 2)),
                 "fut = asyncio.get_running_loop().create_future()", "barrier = asyncio.Event()"]
        ntasks = g.r.randint(2, 5)

        def op(depth):
            k = g.c(["sleep"] * 4 + ["lock", "sem", "evwait", "evset", "put", "get", "getnowait", "cwait", "cnotify",
                                     "fut", "futset", "raise", "try", "waitfor", "sub", "shieldsleep", "timeout", "blocking",
                                     "lockacq", "cancelself", "wf_get", "gather"])
            t = g.fresh("o")
            if k == "sleep":
                return ["await asyncio.sleep(%s)" % g.c(D)]
            if k == "lock" and depth < 2:
                return ["async with lock:", "    show(%r, me, 'has lock')" % t] + ["    " + l for l in op(depth + 1)]
            if k == "lockacq":
                return ["await lock.acquire()", "try:", "    show(%r, me, 'acquired')" % t, "    await asyncio.sleep(%s)" % g.c(D), "finally:", "    lock.release()"]
            if k == "sem" and depth < 2:
                return ["async with sem:", "    show(%r, me, 'in sem', sem.locked())" % t] + ["    " + l for l in op(depth + 1)]
            if k == "evwait":
                return ["show(%r, me, 'ev', await ev.wait())" % t]
            if k == "evset":
                return [g.c(["ev.set()", "ev.set()", "ev.clear()"])]
            if k == "put":
                return ["await q.put((%d, me))" % g.r.randint(0, 3), "show(%r, me, 'put', q.qsize())" % t]
            if k == "get":
                return ["show(%r, me, 'got', await q.get())" % t] + (["q.task_done()"] if g.p(0.5) else [])
            if k == "getnowait":
                return ["try:", "    show(%r, me, q.get_nowait())" % t, "except asyncio.QueueEmpty:", "    show(%r, me, 'empty')" % t]
            if k == "cwait" and depth < 2:
                return ["async with cond:", "    show(%r, me, 'cond wait')" % t,
                        "    " + g.c(["await cond.wait()", "show(%r, me, await cond.wait_for(lambda: ev.is_set()))" % t]), "    show(%r, me, 'cond woke')" % t]
            if k == "cnotify" and depth < 2:
                return ["async with cond:", "    cond.%s" % g.c(["notify()", "notify_all()", "notify(2)"])]
            if k == "fut":
                return ["show(%r, me, 'fut', await fut)" % t]
            if k == "futset":
                return ["if not fut.done():", "    fut.%s" % g.c(["set_result(me)", "set_exception(ValueError(me))", "cancel()"])]
            if k == "raise":
                return ["if %s:" % g.c(["me == 't0'", "me == 't1'", "me == 't2'"]), "    raise %s(me)" % g.c(["ValueError", "KeyError", "RuntimeError"])]
            if k == "try" and depth < 2:
                body = op(depth + 1) + op(depth + 1)
                handler = g.c([["raise"], ["raise"], ["raise"], ["pass"], ["return 'swallowed'"], ["await asyncio.sleep(0.1)", "raise"]])
                return ["try:"] + ["    " + l for l in body] + \
                    ["except asyncio.CancelledError as e:", "    show(%r, me, 'cancelled', e.args)" % t] + \
                    ["    " + h for h in handler] + \
                    ["except (ValueError, TimeoutError) as e:", "    show(%r, me, 'caught', repr(e))" % t,
                     "finally:", "    show(%r, me, 'finally')" % t]
            if k == "waitfor":
                return ["try:", "    show(%r, me, await asyncio.wait_for(asyncio.sleep(%s, 'slept'), %s))" % (t, g.c(D), g.c(D)),
                        "except TimeoutError:", "    show(%r, me, 'wait_for timeout')" % t]
            if k == "wf_get":
                return ["try:", "    show(%r, me, 'wf got', await asyncio.wait_for(q.get(), %s))" % (t, g.c(D)),
                        "except TimeoutError:", "    show(%r, me, 'get timeout', q.qsize())" % t]
            if k == "sub":
                return ["sub = asyncio.create_task(asyncio.sleep(%s, me + '-sub'))" % g.c(D),
                        "show(%r, me, await sub)" % t]
            if k == "shieldsleep":
                return ["show(%r, me, await asyncio.shield(asyncio.sleep(%s, 'sh')))" % (t, g.c(D))]
            if k == "timeout":
                return ["try:", "    async with asyncio.timeout(%s):" % g.c(D), "        await asyncio.sleep(%s)" % g.c(D),
                        "        show(%r, me, 'in time')" % t, "except TimeoutError:", "    show(%r, me, 'timeout expired')" % t]
            if k == "blocking":
                return ["import time", "time.sleep(%s)" % g.c(["0.1", "0.05"])]
            if k == "cancelself":
                return ["if me == %r:" % g.c(["t0", "t1", "t3"]), "    asyncio.current_task().cancel()", "    await asyncio.sleep(0)"]
            if k == "gather":
                return ["show(%r, me, await asyncio.gather(asyncio.sleep(%s, 1), asyncio.sleep(%s, 2), return_exceptions=%s))" % (t, g.c(D), g.c(D), g.c(["True", "False"]))]
            return ["await asyncio.sleep(0)"]

        for i in range(ntasks):
            out += ["async def job%d(me):" % i, "    show('start', me)"]
            for _ in range(g.r.randint(1, 4)):
                out += ["    " + l for l in op(0)]
            out += ["    show('end', me)", "    return me", ""]
        main = ["global " + ", ".join(p.split(" = ")[0] for p in prims)] + prims + ["loop = asyncio.get_running_loop()"]
        main += ["ts = [asyncio.create_task(job%d('t%d'), name='t%d') for _ in [0]][0] if False else None" % (0, 0, 0)] if False else []
        for i in range(ntasks):
            main.append("t%d = asyncio.create_task(job%d('t%d'), name='t%d')" % (i, i, i, i))
        names = ["t%d" % i for i in range(ntasks)]
        for _ in range(g.r.randint(1, 6)):
            k = g.c(["sleep", "cancel", "cancel_later", "evset", "put", "notify", "futset", "status", "wait", "gather", "as_completed", "tg", "waitfor_task", "release_later"])
            t = g.c(names)
            if k == "sleep":
                main.append("await asyncio.sleep(%s)" % g.c(D))
            elif k == "cancel":
                main.append("show('main cancels', %s.get_name(), %s.cancel(%s))" % (t, t, g.c(["", "'m'"])))
            elif k == "cancel_later":
                main.append("loop.call_later(%s, %s.cancel)" % (g.c(D), t))
            elif k == "evset":
                main.append(g.c(["ev.set()", "loop.call_later(%s, ev.set)" % g.c(D)]))
            elif k == "put":
                main.append("q.put_nowait((%d, 'main'))" % g.r.randint(0, 3) if g.p(0.6) else "loop.call_soon(q.put_nowait, (9, 'soon'))")
            elif k == "notify":
                main += ["async with cond:", "    cond.%s" % g.c(["notify()", "notify_all()", "notify(2)"])]
            elif k == "futset":
                main += ["if not fut.done():", "    " + g.c(["fut.set_result('m')", "loop.call_later(%s, fut.set_result, 'late')" % g.c(D), "fut.cancel()"])]
            elif k == "status":
                main.append("show('status', [(x.get_name(), x.done(), x.cancelled()) for x in [%s]])" % ", ".join(names))
            elif k == "wait":
                main += ["done, pending = await asyncio.wait([%s], timeout=%s, return_when=asyncio.%s)" % (
                    ", ".join(g.r.sample(names, g.r.randint(1, len(names)))), g.c(["None", "0.1", "0.3"]), g.c(["FIRST_COMPLETED", "FIRST_EXCEPTION", "ALL_COMPLETED"])),
                    "show('wait', sorted(x.get_name() for x in done), sorted(x.get_name() for x in pending))"]
            elif k == "gather":
                main += ["try:", "    show('gather', await asyncio.gather(%s, return_exceptions=%s))" % (", ".join(g.r.sample(names, g.r.randint(1, len(names)))), g.c(["True", "False"])),
                         "except BaseException as e:", "    show('gather raised', type(e).__name__, e)"]
            elif k == "as_completed":
                pass
            elif k == "tg":
                main += ["try:", "    async with asyncio.TaskGroup() as tg:"] + \
                    ["        tg.create_task(job%d('g%d'), name='g%d')" % (g.r.randint(0, ntasks - 1), i, i) for i in range(g.r.randint(1, 3))] + \
                    ["    show('tg ok')", "except BaseException as e:", "    show('tg raised', type(e).__name__, e, getattr(e, 'exceptions', None))"]
            elif k == "waitfor_task":
                main += ["try:", "    show('wf', await asyncio.wait_for(%s, %s))" % (t, g.c(D)), "except BaseException as e:", "    show('wf raised', type(e).__name__, e)"]
            elif k == "release_later":
                main += ["if lock.locked():", "    show('lock is held')"]
        main += ["for x in [%s]:" % ", ".join(names), "    try:", "        show('result', x.get_name(), await x)",
                 "    except BaseException as e:", "        show('failed', x.get_name(), type(e).__name__, e)"]
        out += ["async def main():"] + ["    " + l for l in main] + ["    show('main end')", "", "asyncio.run(main())"]
        return "\n".join(out) + "\n"


KINDS = {
    "expr": Gen.prog_expr,
    "stmt": Gen.prog_stmt,
    "class": Gen.prog_class,
    "async": Gen.prog_async,
    "async2": Gen.prog_async2,
}
WEIGHTS = {"expr": 4, "stmt": 2, "class": 2, "async": 2, "async2": 4}


def program(seed, kinds):
    g = Gen(seed)
    pool = [k for k in kinds for _ in range(WEIGHTS[k])]
    kind = random.Random(seed * 7919 + 1).choice(pool)
    return kind, KINDS[kind](g)


# ---------------------------------------------------------------------------

def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--count", type=int, default=200)
    ap.add_argument("--kinds", default="expr,stmt,class,async,async2")
    ap.add_argument("--out", default=os.path.join(ROOT, "target", "difftest"))
    ap.add_argument("--no-minimize", action="store_true")
    ap.add_argument("--print", action="store_true", help="print the programs, run nothing")
    ap.add_argument("--slow-ref", action="store_true", help="use the reference's run script for every run")
    ap.add_argument("--file", help="compare (and minimize) this one program")
    ap.add_argument("--all", action="store_true", help="report known bugs too")
    ap.add_argument("--check-known", action="store_true", help="fail if a KNOWN excuse no longer applies")
    args = ap.parse_args()
    kinds = args.kinds.split(",")
    if args.print:
        for s in range(args.seed, args.seed + args.count):
            kind, src = program(s, kinds)
            print("# seed %d (%s)\n%s" % (s, kind, src))
        return 0
    if not os.path.exists(ENGINE):
        sys.exit("build first: cargo build --release")
    if not os.path.exists(VTIME):
        sys.exit("no reference harness at %s (set LOOPSCOPE_REFERENCE)" % REF_DIR)
    global PYTHON
    PYTHON = python313()
    if sys.version_info[:2] != (3, 13):
        # The generator's compile check is CPython 3.13's grammar: run under it.
        os.execvpe(PYTHON, [PYTHON] + sys.argv, PY_ENV)
    os.makedirs(args.out, exist_ok=True)
    runner = Runner(args.slow_ref)
    if args.check_known:
        return check_known(runner)
    found = 0
    n_known = 0
    USE_KNOWN[0] = not args.all
    t0 = time.time()
    jobs = []
    if args.file:
        with open(args.file, encoding="utf-8") as f:
            jobs = [("file", os.path.splitext(os.path.basename(args.file))[0], f.read())]
    else:
        jobs = ((None, s, None) for s in range(args.seed, args.seed + args.count))
    ran = 0
    for kind, seed, src in jobs:
        if src is None:
            kind, src = program(seed, kinds)
        ran += 1
        if ran % 500 == 0:
            print("... %d programs, %d new mismatches, %d known, %.0fs" % (ran, found, n_known, time.time() - t0), flush=True)
        if not compiles(src):
            print("generator bug: seed %d does not compile" % seed, flush=True)
            continue
        modes = [False, True] if "import asyncio" in src else [False]
        d = differs(runner, src, modes)
        if d is None:
            if args.file:
                print("no mismatch")
            continue
        if known(d):
            n_known += 1
            continue
        found += 1
        print("MISMATCH seed %s (%s, %s%s)" % (seed, kind, d[0], ", trace" if d[1] else ""), flush=True)
        small = src
        if not args.no_minimize:
            small = minimize(runner, src, lambda s: differs(runner, s, modes) or ("none", None), modes)
        base = os.path.join(args.out, "%s_%s" % (kind, seed))
        dd = differs(runner, small, modes) or d
        with open(base + ".py", "w", encoding="utf-8") as f:
            f.write(small)
        with open(base + ".ref", "w", encoding="utf-8", newline="") as f:
            f.write(dd[2])
        with open(base + ".eng", "w", encoding="utf-8", newline="") as f:
            f.write(dd[3])
        print("  -> %s.py (%d lines)" % (base, small.count("\n")), flush=True)
        print("     " + first_diff(dd[2], dd[3]), flush=True)
        if ran % 50 == 0:
            pass
    dt = time.time() - t0
    print("programs: %d  new mismatches: %d  known: %d  reference runs: %d  engine runs: %d  time: %.0fs" % (
        ran, found, n_known, runner.ref_runs, runner.eng_runs, dt), flush=True)
    for k, n in KNOWN_HITS.items():
        print("  known %r: %d" % (k, n))
    return 0


if __name__ == "__main__":
    sys.exit(main())
