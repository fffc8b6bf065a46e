# range 的 index 与 count：整数与布尔按算术求，其他值逐项用 == 比较
# range.index and range.count: an int or a bool by arithmetic, anything else
# compared with each item by ==, as CPython's generic search does.
class Any:
    def __init__(self, target):
        self.target = target
        self.asked = []

    def __eq__(self, other):
        self.asked.append(other)
        return other == self.target


r = range(3)
print(r.index(True), r.count(True), r.index(False), r.count(False), r.count(2), r.count(3))
print(r.index(1.0), r.count(1.0), r.count(1.5), r.index(-0.0), range(10, 0, -2).index(4.0))
print(range(0, 10, 3).index(9.0), range(0, 10, 3).count(9.0), range(-5, 5).count(True))
seven = Any(7)
print(range(5, 10).index(seven), seven.asked)
twice = Any(2)
print(range(3).count(twice), twice.asked)
print(1.0 in r, True in r, "a" in r)
for text, call in [
    ("range(3).index(3)", lambda: r.index(3)),
    ("range(3).index(-1)", lambda: r.index(-1)),
    ("range(2, 3).index(False)", lambda: range(2, 3).index(False)),
    ("range(3).index(1.5)", lambda: r.index(1.5)),
    ("range(3).index(float('nan'))", lambda: r.index(float("nan"))),
    ("range(3).index(float('inf'))", lambda: r.index(float("inf"))),
    ("range(3).index('a')", lambda: r.index("a")),
    ("range(3).index(None)", lambda: r.index(None)),
    ("range(3).index(Any(9))", lambda: r.index(Any(9))),
    ("range(3).count('a')", lambda: r.count("a")),
    ("range(3).index()", lambda: r.index()),
    ("range(3).count(1, 2)", lambda: r.count(1, 2)),
    ("range(3).index(x=1)", lambda: r.index(x=1)),
]:
    try:
        print(text, "->", call())
    except (TypeError, ValueError) as e:
        print(f"{text:30} {type(e).__name__}: {e}")
