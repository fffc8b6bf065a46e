# 特殊方法：__repr__/__str__/__eq__/__lt__（排序对象）/__len__/__bool__/__contains__/__getitem__/__setitem__/__call__/__add__ 等
class Money:
    def __init__(self, yuan):
        self.yuan = yuan
    def __repr__(self):
        return f"Money({self.yuan!r})"
    def __str__(self):
        return f"¥{self.yuan:.2f}"
    def __eq__(self, other):
        return isinstance(other, Money) and self.yuan == other.yuan
    def __lt__(self, other):
        return self.yuan < other.yuan
    def __add__(self, other):
        if isinstance(other, (int, float)):
            return Money(self.yuan + other)
        return Money(self.yuan + other.yuan)
    def __radd__(self, other):
        return self.__add__(other)
    def __mul__(self, k):
        return Money(self.yuan * k)
    def __neg__(self):
        return Money(-self.yuan)
    def __bool__(self):
        return self.yuan != 0
    def __hash__(self):
        return hash(self.yuan)

a, b, c = Money(3.5), Money(10), Money(0)
print(a, repr(a), [a, b], str([a]), f"{a} {a!r}", "%s %r" % (a, a))
print("==:", a == Money(3.5), a == b, a != b, a == 3.5, a is Money(3.5))
print("<:", a < b, b < a, a > b, sorted([b, a, Money(1)]), max([a, b]), min(a, b))
print("+:", a + b, a + 1, 1 + a, sum([a, b, Money(0.25)]), sum([a, b], Money(100)))
print("* 与 -:", a * 2, -a)
print("bool:", bool(a), bool(c), "真" if c else "假", [m for m in (a, c, b) if m])
print("可哈希:", len({Money(1), Money(1), Money(2)}), {Money(5): "五"}[Money(5)])
try:
    print(a <= b)
except TypeError as e:
    print("TypeError:", e)
try:
    print(a - b)
except TypeError as e:
    print("TypeError:", e)

class Playlist:
    def __init__(self, *songs):
        self.songs = list(songs)
    def __len__(self):
        return len(self.songs)
    def __getitem__(self, i):
        return self.songs[i]
    def __setitem__(self, i, v):
        self.songs[i] = v
    def __delitem__(self, i):
        del self.songs[i]
    def __contains__(self, song):
        print(f"  (__contains__ 查找 {song})")
        return song in self.songs
    def __repr__(self):
        return f"Playlist{tuple(self.songs)}"
p = Playlist("晴天", "稻香", "七里香")
print(len(p), p[0], p[-1], p[0:2], "稻香" in p, "夜曲" not in p)
p[1] = "夜曲"
del p[0]
print(p, bool(p), bool(Playlist()))
print("靠 __getitem__ 迭代:", [s for s in p], list(p), sorted(p))
try:
    p[10]
except IndexError as e:
    print("IndexError:", e)

class Multiplier:
    def __init__(self, k):
        self.k = k
    def __call__(self, x, *rest):
        return x * self.k + sum(rest)
double = Multiplier(2)
print("__call__:", double(21), double(1, 2, 3), list(map(double, [1, 2, 3])), callable(double))

class OnlyEq:
    def __init__(self, v):
        self.v = v
    def __eq__(self, other):
        return self.v == other.v
print("只有 __eq__:", OnlyEq(1) == OnlyEq(1), OnlyEq(1) != OnlyEq(1), OnlyEq(1) != OnlyEq(2))
try:
    {OnlyEq(1)}
except TypeError as e:
    print("TypeError:", e)

class Vec:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return f"Vec({self.x}, {self.y})"
    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y)
    def __iadd__(self, o):
        self.x += o.x
        self.y += o.y
        return self
    def __abs__(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5
    def __len__(self):
        return 2
v = Vec(3, 4)
w = v
v += Vec(1, 1)
print("__iadd__ 原地:", v, w, v is w, abs(Vec(3, 4)), len(v))
class NoStr:
    def __repr__(self):
        return "只定义了 repr"
print("str 回退到 repr:", NoStr(), str(NoStr()), [NoStr()])
class BadLen:
    def __len__(self):
        return -1
try:
    len(BadLen())
except ValueError as e:
    print("ValueError:", e)
