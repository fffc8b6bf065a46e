# 切片赋值与删除、del 语句（变量、下标、切片、属性、字典键）
a = list(range(10))
a[2:5] = ["x", "y"]
print(a)
a[:0] = [-2, -1]
print(a)
a[len(a):] = [100]
print(a)
a[1:3] = []
print(a)
a[::2] = "ABCDE"
print(a)
try:
    a[::2] = [1, 2]
except ValueError as e:
    print("ValueError:", e)
b = [0, 1, 2, 3, 4, 5]
b[5:1:-2] = ["p", "q"]
print(b)
b[2:2] = (7, 8)
print(b)
b[-2:] = range(3)
print(b)
try:
    b[1:2] = 5
except TypeError as e:
    print("TypeError:", e)
c = list(range(12))
del c[0]
del c[-1]
print(c)
del c[::3]
print(c)
del c[1:3]
print(c)
del c[100:]
del c[:]
print("全部删除:", c)
d = {"a": 1, "b": 2, "c": 3}
del d["b"]
print(d)
try:
    del d["zz"]
except KeyError as e:
    print("KeyError:", e)
v = 5
del v
try:
    print(v)
except NameError as e:
    print("NameError:", e)
x, y, z = 1, 2, 3
del x, y
print("z 还在:", z)
class Box:
    pass
box = Box()
box.w = 3
box.h = 4
del box.w
print("属性:", hasattr(box, "w"), box.h)
try:
    del box.w
except AttributeError as e:
    print("AttributeError:", e)
lst = [1, 2, 3]
try:
    del lst[5]
except IndexError as e:
    print("IndexError:", e)
nested = [[1, 2, 3], [4, 5, 6]]
del nested[0][1]
nested[1][1:] = ["新"]
print(nested)
s = "不可变字符串"
try:
    del s[0]
except TypeError as e:
    print("TypeError:", e)
t = (1, 2)
try:
    t[0:1] = [5]
except TypeError as e:
    print("TypeError:", e)
m = list(range(6))
m[1:4] = m[1:4][::-1]
print("区间反转:", m)
m[:] = [0] * 3
print("整体替换:", m)
