# 聚合内置函数：sum（含 float 补偿求和与 start）、min/max（key/default/多参数/错误）、any/all、len
print(sum([1, 2, 3]), sum([]), sum([], 10), sum(range(101)), sum([0.5, 1.5]), sum([1, 2.0]), sum([True, True, False]))
print("float 求和:", sum([0.1] * 10), sum([0.1, 0.2, 0.3]), sum([1e16, 1.0, -1e16]), sum([0.1] * 3), sum([1, 0.1, 0.1, 0.1]))
t = 0.0
for v in [0.1] * 10:
    t += v
print("手动累加 vs sum:", t, sum([0.1] * 10), sum([0.1] * 10, 0.0), sum(0.1 for _ in range(10)))
print("sum start:", sum([[1], [2, 3]], []), sum([0.1, 0.2], 0.0), sum([1, 2], 0.5), sum((x / 10 for x in range(10))))
print("sum 很多项:", sum(i * 0.01 for i in range(1000)), sum([1e100, 1.0, -1e100, 2.0]), sum([0.1] * 100))
try:
    sum(["a", "b"], "")
except TypeError as e:
    print("TypeError:", e)
try:
    sum(["a", "b"])
except TypeError as e:
    print("TypeError:", e)
print(min(3, 1, 2), max(3, 1, 2), min([4, 5]), max("协程任务"), min("abc", "abd"), max([1, 5], [1, 4, 9]))
print(min([], default="空"), max([], default=None), min([7], default=0), max(range(5), key=lambda x: -x))
print(max(["aa", "b", "cc", "d"], key=len), min(["aa", "b", "cc", "d"], key=len), max({"a": 3, "b": 9}), max({"a": 3, "b": 9}.items(), key=lambda kv: kv[1]))
print("相等时取第一个:", max([(1, "a"), (1, "b")], key=lambda p: p[0]), min([3, 1, 1.0, 1], key=lambda v: v), max(1, 1.0), max(1.0, 1))
for call in [lambda: min([]), lambda: max(), lambda: max(5), lambda: min(1, "a"), lambda: max([], key=len)]:
    try:
        print(call())
    except (ValueError, TypeError) as e:
        print(f"{type(e).__name__}: {e}")
print(any([]), all([]), any([0, "", None]), any([0, 1]), all([1, "a", [0]]), all([1, 0, 1]), any("abc"), all(""))
print(any(x > 3 for x in [1, 2, 5]), all(x > 0 for x in [1, 2, -1]), any([[]]), all([[]]))
print(len("中文"), len([1, [2, 3]]), len({}), len({1: 2}), len(set()), len(range(0, 100, 7)), len((1,)), len({"a": 1}.items()))
for bad in [5, None, 2.5]:
    try:
        len(bad)
    except TypeError as e:
        print("TypeError:", e)
print("abs/round/divmod/pow:", abs(-7), round(-7.5), divmod(-7, 2), pow(2, 10), pow(2.0, -1))
print("isinstance 元组:", isinstance(3, (int, float)), isinstance("s", (int, float)), isinstance(True, int), isinstance(3.0, int), isinstance(None, type(None)))
print("callable:", callable(len), callable(5), callable(lambda: 0), callable(str))
