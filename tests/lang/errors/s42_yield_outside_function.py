# 模块层的 yield
x = 1
yield x
