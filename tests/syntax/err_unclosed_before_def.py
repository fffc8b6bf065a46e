result = compute(1, 2
def f():
    return [1, 2
x = (1 +
