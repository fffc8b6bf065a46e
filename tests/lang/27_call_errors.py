# 调用错误的 TypeError 信息：缺少参数、多余参数、意外的关键字、重复赋值，函数与方法
def f(a, b, c=3):
    return a + b + c
def g(x, *, key):
    return x
def h(a, /, b):
    return a
class Worker:
    def __init__(self, name):
        self.name = name
    def run(self, task, times=1):
        return task * times
    @staticmethod
    def util(x):
        return x
    @classmethod
    def make(cls, name):
        return cls(name)
w = Worker("w")
five, text, nothing = 5, "s", None
calls = [
    ("f(1)", lambda: f(1)),
    ("f()", lambda: f()),
    ("f(1, 2, 3, 4)", lambda: f(1, 2, 3, 4)),
    ("f(1, 2, d=4)", lambda: f(1, 2, d=4)),
    ("f(1, 2, a=1)", lambda: f(1, 2, a=1)),
    ("g(1)", lambda: g(1)),
    ("g(1, 2)", lambda: g(1, 2)),
    ("g(1, 2, key=3)", lambda: g(1, 2, key=3)),
    ("h(a=1, b=2)", lambda: h(a=1, b=2)),
    ("w.run()", lambda: w.run()),
    ("w.run(1, 2, 3)", lambda: w.run(1, 2, 3)),
    ("w.run(1, bad=2)", lambda: w.run(1, bad=2)),
    ("Worker()", lambda: Worker()),
    ("Worker(1, 2)", lambda: Worker(1, 2)),
    ("Worker.run(w)", lambda: Worker.run(w)),
    ("Worker.util()", lambda: Worker.util()),
    ("Worker.make()", lambda: Worker.make()),
    ("(lambda x: x)()", lambda: (lambda x: x)()),
    ("(lambda: 0)(1)", lambda: (lambda: 0)(1)),
    ("len()", lambda: len()),
    ("len(1, 2)", lambda: len([1], [2])),
    ("'x'.upper(1)", lambda: "x".upper(1)),
    ("[].append()", lambda: [].append()),
    ("five()", lambda: five()),
    ("text()", lambda: text()),
    ("nothing()", lambda: nothing()),
    ("int('1', base=2, x=1)", lambda: int("1", base=2, x=1)),
    ("f(*[1, 2, 3, 4])", lambda: f(*[1, 2, 3, 4])),
    ("f(**{'a': 1})", lambda: f(**{"a": 1})),
]
for text, call in calls:
    try:
        print(text, "->", call())
    except TypeError as e:
        print(f"{text:24} TypeError: {e}")
def many(a, b, c, d):
    pass
for args in [(), (1,), (1, 2), (1, 2, 3)]:
    try:
        many(*args)
    except TypeError as e:
        print("TypeError:", e)
def kwo(*, x, y, z):
    pass
try:
    kwo(y=1)
except TypeError as e:
    print("TypeError:", e)
