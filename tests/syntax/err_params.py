def f(x, x): pass
# ---
lambda x, x: 1
# ---
def f(a=1, b): pass
# ---
def f(a=1, /, b): pass
# ---
def f(*): pass
# ---
def f(*, **k): pass
# ---
def f(**k, a): pass
# ---
def f(/, a): pass
# ---
def f(a, /, b, /): pass
# ---
def f(*a, /): pass
# ---
def f(*a, *b): pass
# ---
def f(**k=1): pass
# ---
def f(*a=1): pass
# ---
def f(:
    pass
# ---
def f(a, *, b, a): pass
# ---
def f(a, **a): pass
