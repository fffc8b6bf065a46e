# 元组：创建、单元素、不可变、方法、比较、作为字典键、打包解包
t = (1, "二", 3.0, None, [5])
print(t, len(t), t[1], t[-1], t[1:3], t[::-1], type(t).__name__)
print("单元素与空:", (1,), (), tuple(), (1), type((1)).__name__, ((),), tuple("ab"))
print("方法:", (1, 2, 1, 1).count(1), (3, 4, 5).index(5), (1, 2) + (3,), (0,) * 3, 2 in (1, 2))
try:
    t[0] = 9
except TypeError as e:
    print("TypeError:", e)
t[4].append(6)
print("元组里的列表可变:", t)
try:
    (1, 2).index(7)
except ValueError as e:
    print("ValueError:", e)
try:
    (1, 2) + [3]
except TypeError as e:
    print("TypeError:", e)
try:
    print((1, 2)[5])
except IndexError as e:
    print("IndexError:", e)
point = 3, 4
x, y = point
print("打包解包:", point, x, y)
x, y = y, x
print("交换:", x, y)
pos = {(0, 0): "原点", (1, 2): "点A"}
print("元组作键:", pos[(1, 2)], pos[0, 0], (1, 2) in pos)
try:
    d = {[1, 2]: 3}
except TypeError as e:
    print("TypeError:", e)
try:
    d = {(1, [2]): 3}
except TypeError as e:
    print("TypeError:", e)
print("比较:", (1, 2, 3) < (1, 2, 4), (1, 2) < (1, 2, 0), (2,) > (1, 9, 9), (1, "a") == (1, "a"), max([(1, "b"), (1, "a"), (0, "z")]))
print("嵌套 repr:", ((1, 2), (3, (4, (5,)))), ([],), ({},), (set(),), ("x",))
def minmax(xs):
    return min(xs), max(xs)
lo, hi = minmax([4, 9, 1])
r = minmax([2])
print("函数返回元组:", lo, hi, r)
print("hash 相等:", hash((1, 2)) == hash((1, 2)), hash(1) == hash(1.0), hash(True) == hash(1))
