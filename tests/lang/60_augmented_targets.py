# 增强赋值的目标：下标与属性只求值一次、列表 += 原地修改别名、元组中列表 += 的经典陷阱
calls = []
def key(k):
    calls.append(k)
    return k
d = {"a": 1}
d[key("a")] += 10
print("下标只求值一次:", d, calls)
lst = [1, 2, 3]
calls.clear()
lst[key(0)] *= 100
lst[key(-1)] -= 1
print(lst, calls)
class Obj:
    def __init__(self):
        self.n = 0
        self.items = []
objs = [Obj()]
def get(i):
    calls.append("get")
    return objs[i]
calls.clear()
get(0).n += 5
get(0).items += ["x"]
print("属性目标只求值一次:", objs[0].n, objs[0].items, calls)
a = [1]
b = a
a += [2]
a += "xy"
a += (3,)
print("列表 += 任意可迭代, 原地修改:", a, b, a is b)
s = "ab"
t = s
s += "c"
print("字符串 += 得到新对象:", s, t)
tup = (1, 2)
tup2 = tup
tup += (3,)
print("元组 += 得到新元组:", tup, tup2)
pair = ([1], [2])
try:
    pair[0] += [99]
except TypeError as e:
    print("TypeError:", e)
print("但列表已被修改:", pair)
n = 10
n /= 4
print("/= 变成浮点:", n, type(n).__name__)
n //= 1
print("//= 浮点:", n)
m = 7
m **= 2
m %= 10
print(m)
counts = {}
for w in "a b a c b a".split():
    counts[w] = counts.get(w, 0) + 1
print(counts)
grid = [[0] * 3 for _ in range(2)]
for i in range(2):
    for j in range(3):
        grid[i][j] += i * 3 + j
print(grid)
try:
    undefined_counter += 1
except NameError as e:
    print("NameError:", e)
try:
    d["missing"] += 1
except KeyError as e:
    print("KeyError:", e)
s = {1, 2}
s |= {3}
s -= {1}
print("集合增强赋值:", s)
x = 5
x -= -5
x //= 3
x <<= 2
x ^= 5
print(x)
