# 内置函数与方法的参数绑定：按位置还是按关键字、缺少、多余、重复、未知的关键字（CPython 的原话）
# How builtins and builtin methods bind their arguments, and CPython's words when a call is wrong.
words = "a, b,,c d"
print(words.split(","), words.split(sep=","), words.split(",", maxsplit=1), words.rsplit(maxsplit=1))
print("x\ny\r\n".splitlines(keepends=True), "a\tb".expandtabs(tabsize=4), "a\tb".expandtabs(2))
nums = [3, 1, 2]
nums.sort(reverse=True)
print(nums, sorted(nums, key=lambda n: -n), sum([1, 2], 10), sum([0.1] * 3, start=1))
print(round(number=2.675, ndigits=2), pow(base=2, exp=10), pow(2, 10, mod=1000), int("ff", base=16))
print(dict.fromkeys("ab"), dict.fromkeys("ab", 0), list(range(2, 10, 3)), slice(1, 5).stop)
print("banana".find("a", 2), "banana".count("a", -3), "banana".rfind("a", None, 4), "banana".index("n", True))
print([1, 2, 3, 2].index(2, -2), (1, 2, 3).index(3, 0, 10))
print(max([1, 5, 3], key=lambda n: -n), min([], default="空"), list(zip("ab", "xy", strict=True)))
print("一", "二", sep="、", end="。\n")


class Box:
    def __init__(self):
        self._v = 1

    def get(self):
        return self._v

    def put(self, v):
        self._v = v

    v = property(fget=get, fset=put, doc="值")


b = Box()
b.v = 5
print(b.v)

calls = [
    ("'a b'.split(' ', 1, 2)", lambda: "a b".split(" ", 1, 2)),
    ("'a'.split(',', sep=',')", lambda: "a".split(",", sep=",")),
    ("'a'.rsplit(x=1, y=2, z=3)", lambda: "a".rsplit(x=1, y=2, z=3)),
    ("'a'.split(maxsplit=1, sep=',', q=1)", lambda: "a".split(maxsplit=1, sep=",", q=1)),
    ("'a'.split(sepp=',')", lambda: "a".split(sepp=",")),
    ("'a'.split(None, 1.5)", lambda: "a".split(None, 1.5)),
    ("'a'.splitlines(True, False)", lambda: "a".splitlines(True, False)),
    ("'a'.splitlines(keepend=True)", lambda: "a".splitlines(keepend=True)),
    ("'a'.splitlines(1, keepends=2)", lambda: "a".splitlines(1, keepends=2)),
    ("'a'.expandtabs(1, 2)", lambda: "a".expandtabs(1, 2)),
    ("'a'.expandtabs(tabsize=2, x=1)", lambda: "a".expandtabs(tabsize=2, x=1)),
    ("[].sort(1)", lambda: [].sort(1)),
    ("[].sort(1, 2, 3)", lambda: [].sort(1, 2, 3)),
    ("[].sort(1, key=None)", lambda: [].sort(1, key=None)),
    ("[].sort(kye=None)", lambda: [].sort(kye=None)),
    ("[].sort(key=1, reverse=2, x=3)", lambda: [].sort(key=1, reverse=2, x=3)),
    ("sorted([], 1)", lambda: sorted([], 1)),
    ("sorted([], reverse=1, k=2, x=3)", lambda: sorted([], reverse=1, k=2, x=3)),
    ("sum()", lambda: sum()),
    ("sum(iterable=[1])", lambda: sum(iterable=[1])),
    ("sum([1], 2, start=3)", lambda: sum([1], 2, start=3)),
    ("sum([1], strt=3)", lambda: sum([1], strt=3)),
    ("int('1', 2, base=3)", lambda: int("1", 2, base=3)),
    ("int('1', bas=3)", lambda: int("1", bas=3)),
    ("int(x=1)", lambda: int(x=1)),
    ("round()", lambda: round()),
    ("round(1, 2, ndigits=3)", lambda: round(1, 2, ndigits=3)),
    ("round(1, number=2)", lambda: round(1, number=2)),
    ("round(1.5, 'a')", lambda: round(1.5, "a")),
    ("pow(2, mod=3)", lambda: pow(2, mod=3)),
    ("pow(2, exp=3, bas=1)", lambda: pow(2, exp=3, bas=1)),
    ("property(1, 2, 3, 4, 5)", lambda: property(1, 2, 3, 4, 5)),
    ("property(fgt=1)", lambda: property(fgt=1)),
    ("property(1, fget=2)", lambda: property(1, fget=2)),
    ("dict.fromkeys()", lambda: dict.fromkeys()),
    ("dict.fromkeys(1, 2, 3)", lambda: dict.fromkeys(1, 2, 3)),
    ("{}.update({}, {})", lambda: {}.update({}, {})),
    ("range()", lambda: range()),
    ("range('a', 'b', 'c', 'd')", lambda: range("a", "b", "c", "d")),
    ("range(1.0)", lambda: range(1.0)),
    ("slice()", lambda: slice()),
    ("slice(1, 2, 3, 4)", lambda: slice(1, 2, 3, 4)),
    ("'abc'.find('a', 'x')", lambda: "abc".find("a", "x")),
    ("'abc'.startswith('a', 0, 1.5)", lambda: "abc".startswith("a", 0, 1.5)),
    ("'abc'.count('a', [])", lambda: "abc".count("a", [])),
    ("[1].index(1, None)", lambda: [1].index(1, None)),
    ("[1].index(1, 0, 'a')", lambda: [1].index(1, 0, "a")),
    ("(1,).index()", lambda: (1,).index()),
    ("(1,).index(1, 2, 3, 4)", lambda: (1,).index(1, 2, 3, 4)),
    ("[1].insert(1.0, 0)", lambda: [1].insert(1.0, 0)),
    ("print(1, sepp=2)", lambda: print(1, sepp=2)),
    ("print(1, end=2)", lambda: print(1, end=2)),
    ("min()", lambda: min()),
    ("max(key=len)", lambda: max(key=len)),
    ("min(1, 2, default=3)", lambda: min(1, 2, default=3)),
    ("max([1], kee=1)", lambda: max([1], kee=1)),
    ("zip(strct=True)", lambda: zip(strct=True)),
    ("isinstance(1, int, 2)", lambda: isinstance(1, int, 2)),
    ("getattr(1, 2, 3, 4)", lambda: getattr(1, 2, 3, 4)),
    ("divmod(1)", lambda: divmod(1)),
    ("hex(1.0)", lambda: hex(1.0)),
    ("len(x=1)", lambda: len(x=1)),
]
for text, call in calls:
    try:
        print(text, "->", call())
    except TypeError as e:
        print(f"{text:38} TypeError: {e}")
