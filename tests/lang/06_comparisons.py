# 比较：int 与 float、链式比较、字符串/列表/元组比较、is / is not 与 None
print("int vs float:", 1 == 1.0, 2 < 2.5, 3 >= 3.0, 0 == -0.0, 2 ** 53 == 2.0 ** 53, 2 ** 53 + 1 == 2.0 ** 53, 2 ** 53 + 1 > 2.0 ** 53)
print("bool 也是 int:", True == 1, False == 0, True == 1.0, (True is True) == 1, 1 < True + 1)
print("链式:", 1 < 2 < 3, 1 < 3 < 2, 3 > 2 > 1 > 0, 1 == 1.0 == True, 1 < 2 > 0, 0 <= 0 < 1 <= 1)
calls = []
def v(x):
    calls.append(x)
    return x
r = v(1) < v(0) < v(5)
print("链式短路:", r, calls)
calls.clear()
r = v(1) < v(2) < v(3) < v(0) < v(9)
print("链式中间只求值一次:", r, calls)
print("字符串:", "apple" < "banana", "Z" < "a", "abc" < "abd", "ab" < "abc", "" < "a", "苹果" < "香蕉", "中" > "z")
print("列表/元组:", [1, 2] < [1, 3], [1, 2] < [1, 2, 0], (1, "a") < (1, "b"), (2,) > (1, 99), [] == [], () == (), [1] == (1,))
print("嵌套:", [[1, 2], [3]] == [[1, 2], [3]], (1, [2, 3]) == (1, [2, 3]), {"a": [1]} == {"a": [1]})
print("dict/set 相等:", {"a": 1, "b": 2} == {"b": 2, "a": 1}, {1, 2, 3} == {3, 2, 1}, {1, 2} < {1, 2, 3}, {1, 2} <= {1, 2}, {1, 4} > {1})
x = None
print("None:", x is None, x is not None, x == None, not x, None is None, [] is not None)
a = [1, 2]
b = a
c = [1, 2]
print("is vs ==:", a is b, a is c, a == c, a is not c)
print("不等:", 1 != 2, "a" != "a", [1] != [1], None != 0, 1 != 1.0)
print("max/min 混合:", max(1, 2.5, 2), min(-1, -1.0), max(3, 3.0), max(3.0, 3), min(0.0, -0.0), min(-0.0, 0.0))
print("排序混合数字:", sorted([3, 1.5, -2, 0.0, 2, True, False]))
print("比较结果参与运算:", (3 > 2) + (2 > 1), sum(x > 2 for x in [1, 2, 3, 4]))
for bad in [(1, "1"), ("a", None), ([1], (1,))]:
    try:
        print(bad[0] < bad[1])
    except TypeError as e:
        print("TypeError:", e)
try:
    print(None > 0)
except TypeError as e:
    print("TypeError:", e)
try:
    print({1: 2} < {3: 4})
except TypeError as e:
    print("TypeError:", e)
print("== 不同类型不报错:", 1 == "1", None == [], "a" == ["a"])
