# 模块级的 nonlocal
x = 1
nonlocal x
