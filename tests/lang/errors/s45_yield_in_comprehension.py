# 列表推导式里的 yield
def f(xs):
    return [(yield x) for x in xs]
