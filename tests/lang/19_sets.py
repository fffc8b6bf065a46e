# 集合：小整数集合的打印顺序（哈希表顺序）、方法与运算符、增删后的顺序
print({5, 3, 1000, 8, 16, 1})
print(set(range(20, 0, -3)), set([9, 8, 7, 33, 1, 64]), {-1, -2, 0, 7}, {100, 200, 300, 1, 2})
s = {5, 3, 1000, 8, 16, 1}
s.add(2)
s.add(33)
s.add(5)
print("add 后:", s, len(s))
s.discard(1000)
s.discard(12345)
s.remove(3)
print("删除后:", s)
for v in range(40, 50):
    s.add(v)
print("扩容后:", s)
s2 = set()
for v in [64, 32, 0, 96, 128, 1, 65]:
    s2.add(v)
print("冲突的键:", s2)
print("pop:", {7}.pop(), sorted(s2), s2.pop() in [64, 32, 0, 96, 128, 1, 65])
a = {1, 2, 3, 4}
b = {3, 4, 5, 6}
print("运算符:", a | b, a & b, a - b, b - a, a ^ b)
print("方法:", a.union(b), a.intersection(b), a.difference(b), a.symmetric_difference(b), a.union([9, 10], (11,)))
print("子集/超集:", {1, 2}.issubset(a), a.issuperset({1, 2}), a.isdisjoint({7, 8}), a.isdisjoint(b), {1, 2} <= a, {1, 2} < a, a < a, a >= a)
c = set(a)
c |= {10}
c &= {1, 2, 10}
c -= {1}
c ^= {2, 3}
print("原地运算:", c)
d = {1, 2, 3}
d.update([4, 5], {6})
d.intersection_update({1, 2, 3, 4, 5, 6, 7})
d.difference_update({1})
d.symmetric_difference_update({2, 8})
print("update 方法:", d)
print("copy/clear:", d.copy(), d.copy() is d, len(d))
d.clear()
print(d, set(), {}, type({}).__name__, bool(set()))
print("去重保序（借助 dict）:", list(dict.fromkeys([3, 1, 3, 2, 1])), "用集合:", sorted(set([3, 1, 3, 2, 1])))
print("in:", 3 in a, 9 not in a, "成员测试")
print("集合推导:", {x % 5 for x in range(20)}, {x * x for x in [-2, -1, 0, 1, 2]})
print("frozen 作为键:", {(1, 2): "ok"}[(1, 2)], len({1, 1.0, True}), {1, 1.0, True}, {0, False, 0.0})
try:
    s.remove(999)
except KeyError as e:
    print("KeyError:", e)
try:
    set().pop()
except KeyError as e:
    print("KeyError:", e)
try:
    {[1]}
except TypeError as e:
    print("TypeError:", e)
try:
    print({1} + {2})
except TypeError as e:
    print("TypeError:", e)
neg = {-5, -3, -1, 0, 2, 4}
print("负数:", neg, set([-10, 10, -20, 20]))
big = {2 ** 40, 2 ** 33 + 1, 7, 2 ** 61}
print("大整数:", big)
print("字符串集合只看排序:", sorted({"b", "a", "c"}), len({"x", "x", "y"}))
