"""Generate expectations for the timer heap: random heappush/heappop/heapify
sequences on (deadline, handle) items ordered by deadline only, as asyncio's
TimerHandle.__lt__ orders them, run through CPython's heapq.

Usage: PYENV_VERSION=3.13.0 python3 gen_heapq.py > heapq_cases.txt
Each case: a line 'case N', then one line per operation:
  push WHEN HANDLE -> ARRAY     (ARRAY: the handles in heap-array order)
  pop -> HANDLE ARRAY
  heapify -> ARRAY              (after removing the handles listed as 'drop H...')
"""
import heapq
import random


class T:
    __slots__ = ("when", "handle")

    def __init__(self, when, handle):
        self.when = when
        self.handle = handle

    def __lt__(self, other):
        return self.when < other.when


def arr(h):
    return " ".join(str(t.handle) for t in h)


rng = random.Random(20261123)
for case in range(300):
    print(f"case {case}")
    h = []
    nxt = 1
    # Few distinct deadlines, so that equal deadlines are common.
    deadlines = [round(rng.choice([0.1, 0.2, 0.25, 0.5, 1.0, 1.5, 2.0]) * rng.randint(1, 4), 3) for _ in range(rng.randint(1, 6))]
    for op in range(rng.randint(5, 120)):
        r = rng.random()
        if r < 0.6 or not h:
            w = rng.choice(deadlines)
            heapq.heappush(h, T(w, nxt))
            print(f"push {w!r} {nxt} -> {arr(h)}")
            nxt += 1
        elif r < 0.95:
            t = heapq.heappop(h)
            print(f"pop -> {t.handle} {arr(h)}".rstrip())
        else:
            drop = [t.handle for t in h if rng.random() < 0.5]
            h = [t for t in h if t.handle not in drop]
            heapq.heapify(h)
            print(f"heapify {' '.join(map(str, drop))} -> {arr(h)}".rstrip())
