# 模糊测试发现：集合的打印顺序（小整数）在 set(s) 复制、update/union 带多个参数之后与 CPython 不同（CPython 合并另一个集合前先按大小扩表）
a = {32, 4, 0, 16, 31, 65}
print(a, set(a))
m = {2, 5}
m.update({127, 2, 41, 5, 63, 32}, [])
print(m)
print(a.union({-1, -2}, [99]))
