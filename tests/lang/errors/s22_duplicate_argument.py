# 重复的参数名
def f(a, b, a):
    return a
