# 解包：a, *b、*a, b、嵌套、for 中解包、* 与 ** 在调用和字面量中、错误信息
a, *b = [1, 2, 3, 4]
print(a, b)
*a, b = "中文字符"
print(a, b)
first, *mid, last = range(6)
print(first, mid, last)
x, *y = [1]
print(x, y)
(p, q), r = (1, 2), 3
print(p, q, r)
(m, [n, o]), *rest = [(0, [1, 2]), 3, 4]
print(m, n, o, rest)
for i, (k, v) in enumerate({"a": 1, "b": 2}.items()):
    print(i, k, v, end="; ")
print()
for name, *scores in [("甲", 1, 2), ("乙", 3), ("丙",)]:
    print(name, scores, end="; ")
print()
a, b = b, a
print("交换:", a, b)
i = 0
lst = [10, 20]
i, lst[i] = 1, 99
print("从左到右赋值:", i, lst)
print("字面量中的 *:", [*range(3), *"ab", *[9]], (*[1, 2], 3), {*[1, 2], *(2, 3)}, [*()])
print("字典中的 **:", {**{"a": 1}, "b": 2, **{"a": 3}}, {**{}})
def show(*args, **kwargs):
    return f"args={args} kwargs={kwargs}"
print(show(*[1, 2], 3, *(4,), k=1, **{"m": 2}, **{"n": 3}))
print(show(*"xy", **dict(a=1)))
print("print 解包:", *[1, 2, 3], sep=" | ")
a = b = c = [0]
a.append(1)
print("链式赋值共享:", a, b, c)
x = y = 5
x += 1
print(x, y)
for bad in [[1, 2, 3], [1], "abcd"]:
    try:
        u, v = bad
        print(u, v)
    except ValueError as e:
        print("ValueError:", e)
try:
    u, v, *w = [1]
except ValueError as e:
    print("ValueError:", e)
try:
    u, v = 5
except TypeError as e:
    print("TypeError:", e)
try:
    show(**{"k": 1}, k=2)
except TypeError as e:
    print("TypeError:", e)
try:
    print(*5)
except TypeError as e:
    print("TypeError:", e)
d = {"x": 1, "y": 2}
k1, k2 = d
print("解包字典得到键:", k1, k2)
(a, b), (c, d2) = "ab", [3, 4]
print(a, b, c, d2)
