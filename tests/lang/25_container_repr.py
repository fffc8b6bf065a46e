# 容器的 repr：嵌套、空容器、包含自身的列表/字典、None/bool/float/str 混合
print([1, "a", 2.0, None, True, [], (), {}, set()])
print((1,), (1, 2), ((1,),), [(1,)], {"k": (1,)}, {1: {2: {3: [4]}}})
print({"a": [1, {"b": (2, "三")}], "c": None, 4: 4.5, (5, 6): {7}})
a = [1, 2]
a.append(a)
print("包含自身的列表:", a, len(a), a[2] is a)
b = [[]]
b[0].append(b)
print("间接包含自身:", b)
d = {"self": None}
d["self"] = d
print("包含自身的字典:", d)
x = [1]
y = [x, x]
print("共享但不循环:", y)
t = ([],)
t[0].append(t)
print("元组中的列表包含元组:", t)
print("str 与 repr 的容器一样:", str([1, "1"]), repr([1, "1"]), str(("x",)), str({"k": "v"}))
print("字符串中的引号:", ["it's", 'a"b', "a'b\"c", "\n"])
print("浮点在容器中:", [0.1 + 0.2, 1e16, -0.0, float("inf"), float("nan")], (1e-05,))
print("空的:", [], (), {}, set(), [[]], [()], ({},), "", [""])
print("bool 与 None:", [True, False, None], {None: True})
print("嵌套很深:", [[[[[[1]]]]]], ((((((),),),),),))
print("range/enumerate 的 repr:", range(5), range(1, 10, 2), range(-1, -5, -1))
print("dict 视图:", {"a": 1}.keys(), {"a": 1}.values(), {"a": [1]}.items(), {}.keys())
print("异常对象:", [ValueError("x")], (KeyError("k"),), {"e": ZeroDivisionError("division by zero")})
print("类型:", [int, str, list], type(1), type("s"), type([]), type(None))
print(repr("中文"), repr(["中文"]), str(["中文"]), f"{['中文']}")
