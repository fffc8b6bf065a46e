# lambda 里的 yield
f = lambda: (yield)
