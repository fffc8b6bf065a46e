# 迭代类内置函数：enumerate(start=)、zip（含 strict）、map、filter、reversed、range、iter/next
names = ["甲", "乙", "丙"]
print(list(enumerate(names)), list(enumerate(names, start=1)), list(enumerate("ab", 10)), list(enumerate([], 5)))
for i, n in enumerate(names, -1):
    print(i, n, end=" ")
print()
print(list(zip([1, 2, 3], "abc")), list(zip([1, 2, 3], "ab")), list(zip()), list(zip([1, 2])), list(zip("ab", (1, 2), [True, False])))
try:
    print(list(zip([1, 2, 3], "ab", strict=True)))
except ValueError as e:
    print("ValueError:", e)
try:
    print(list(zip("ab", [1, 2, 3], strict=True)))
except ValueError as e:
    print("ValueError:", e)
try:
    print(list(zip("ab", "cd", [1], strict=True)))
except ValueError as e:
    print("ValueError:", e)
print(list(zip("ab", "cd", strict=True)))
print(list(map(str, [1, 2.5, None])), list(map(lambda x, y: x * y, [1, 2, 3], [4, 5])), list(map(len, ["协程", "abc"])), list(map(int, "123")))
print(list(filter(None, [0, 1, "", "a", None, [], [0], False])), list(filter(lambda x: x % 2, range(10))), list(filter(str.isdigit, "a1b2c3")))
print(list(reversed([1, 2, 3])), list(reversed("中文")), list(reversed(range(5))), list(reversed((1, 2))), "".join(reversed("abc")))
try:
    reversed({1, 2})
except TypeError as e:
    print("TypeError:", e)
print(list(range(5)), list(range(2, 8)), list(range(0, 10, 3)), list(range(10, 0, -3)), list(range(5, 5)), list(range(-3)), list(range(0, -5, -1)))
r = range(3, 20, 4)
print(r, len(r), r[1], r[-1], r[1:3], 7 in r, 8 in r, r.index(11), r.count(3), range(0), range(1, 2))
try:
    range(1, 5, 0)
except ValueError as e:
    print("ValueError:", e)
try:
    range(1.5)
except TypeError as e:
    print("TypeError:", e)
it = iter([10, 20, 30])
print(next(it), next(it), next(it), next(it, "完"), next(it, None))
try:
    next(it)
except StopIteration as e:
    print("StopIteration", repr(e))
e = enumerate("xyz")
print(next(e), list(e))
z = zip(range(3), "abc")
next(z)
print("zip 剩余:", list(z))
m = map(lambda x: x * 10, [1, 2, 3])
print("map 是惰性的:", next(m), list(m), list(m))
d = {"a": 1, "b": 2}
print(list(enumerate(d)), list(zip(d, d.values())), list(map(lambda kv: kv[0] * kv[1], d.items())))
pairs = list(zip(*[(1, "a"), (2, "b"), (3, "c")]))
print("zip(*) 转置:", pairs)
