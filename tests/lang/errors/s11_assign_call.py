# 给函数调用赋值
def f():
    return 1
f() = 3
