# lambda 中不能赋值
f = lambda x: y = x
