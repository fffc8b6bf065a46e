# str.format 与 format() 内置函数：位置、索引、命名、属性与下标访问、格式说明
print("{} + {} = {}".format(2, 3, 5))
print("{0}{1}{0}, {1}!".format("哈", "好"))
print("{name} 今年 {age} 岁".format(name="小李", age=20))
print("{0[0]}-{0[2]} {1[k]} {1[k2]}".format([10, 20, 30], {"k": "值", "k2": 2}))
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y
pt = Point(3, -4)
print("点({p.x}, {p.y}) 与 {0.x}".format(pt, p=pt))
print("[{:>8}] [{:<8}] [{:^8}] [{:*^9}] [{:08.3f}] [{:,}] [{:.1%}] [{:x}] [{:#b}]".format("右", "左", "中", "星", 3.14159, 10 ** 7, 0.4567, 3054, 6))
print("[{0:>{1}}] [{2:.{1}f}] [{v:{w}d}]".format("x", 4, 2.0, v=7, w=3))
print("{!r} {!s}".format("字", "字"), "{0!r:>10}".format("字"))
print("{{}} {{0}} {}".format("大括号"))
print("{} {}".format(*["拆", "包"]), "{a}-{b}".format(**{"a": 1, "b": 2}))
print("format():", format(3.14159, ".3f"), format(255, "x"), format(1234567, ","), format("ab", "^6"), format(5, "03"), format(0.5, "%"), repr(format(42)), format(-7, "+"), format(2.0))
print("format 空 spec:", format(1.0, ""), format("s", ""), format(None, ""), format([1], ""))
print("数字表:", " ".join("{:>3}".format(i * i) for i in range(1, 8)))
tmpl = "{:<4}|{:>6.2f}|{:^5}"
for row in [("a", 1.0, True), ("bb", 22.125, "无"), ("中文", -3.333, 0)]:
    print(tmpl.format(*row))
for bad in ["{} {}", "{0} {}", "{x}", "{0[5]}", "{:d}", "{", "}"]:
    try:
        print(repr(bad.format([1])))
    except (IndexError, KeyError, ValueError, TypeError) as e:
        print(f"{bad!r}.format([1]) -> {type(e).__name__}: {e}")
try:
    print("{:^5}".format(None))
except TypeError as e:
    print("TypeError:", e)
try:
    format(3.5, "d")
except ValueError as e:
    print("ValueError:", e)
try:
    print("{0.missing}".format(pt))
except AttributeError as e:
    print("AttributeError:", e)
