#!/usr/bin/env bash
# The engine's speed figures for BENCHMARKS.md: Loopscope's headless runner
# against CPython 3.13 on the same files, on this machine.
#   scripts/bench-engine.sh            # the quick ones
#   scripts/bench-engine.sh --slow     # also CPython's --trace run of bench/tasks10k.py (minutes)
# A quick look; BENCHMARKS.md's tables come from scripts/bench-harness.py
# (alternating runs, CPU time, callgrind).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
ref=../shared/reference/run
py() { PYENV_VERSION=3.13.0 python3 "$@"; }

# Best of three wall-clock runs, in seconds.
best() {
  local best=999
  for _ in 1 2 3; do
    local t0 t1
    t0=$(date +%s.%N); "$@" > /dev/null; t1=$(date +%s.%N)
    best=$(echo "$t1 - $t0" | bc -l | awk -v b="$best" '{ print ($1 < b) ? $1 : b }')
  done
  printf '%.3f' "$best"
}

# Stops the script (exit 1) when Loopscope's output is not the reference's.
same() {
  if diff <(./target/release/loopscope run "$1") <($ref "$1") > /dev/null; then
    echo "same output as the reference: yes"
  else
    echo "$1: Loopscope's output differs from the reference's" >&2
    exit 1
  fi
}

echo "## CPU-bound interpreter (bench/cpu.py)"
same bench/cpu.py
echo "loopscope run:           $(best ./target/release/loopscope run bench/cpu.py) s"
echo "CPython 3.13 python3:    $(best py bench/cpu.py) s"
echo "CPython 3.13 reference:  $(best $ref bench/cpu.py) s"

echo "## 10,000 tasks (bench/tasks10k.py)"
same bench/tasks10k.py
echo "loopscope run (records the trace): $(best ./target/release/loopscope run bench/tasks10k.py) s"
echo "CPython 3.13 reference (run):      $(best $ref bench/tasks10k.py) s"
./target/release/loopscope stats bench/tasks10k.py
if [ "${1:-}" = "--slow" ]; then
  t0=$(date +%s.%N); $ref --trace bench/tasks10k.py > /dev/null; t1=$(date +%s.%N)
  echo "CPython 3.13 reference (--trace): $(echo "$t1 - $t0" | bc -l) s"
fi
