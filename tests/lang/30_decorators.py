# 装饰器：简单函数装饰器、带参数的装饰器、叠加顺序、@staticmethod、@classmethod、@property 与 setter
calls = []
def logged(fn):
    def wrapper(*args, **kwargs):
        calls.append(fn.__name__)
        print(f"  调用 {fn.__name__}{args}")
        result = fn(*args, **kwargs)
        print(f"  {fn.__name__} 返回 {result!r}")
        return result
    return wrapper

@logged
def add(a, b):
    return a + b
print("结果:", add(2, 3), "包装后的名字:", add.__name__)

def repeat(times):
    def deco(fn):
        def wrapper(*args):
            return [fn(*args) for _ in range(times)]
        return wrapper
    return deco

@repeat(3)
def hello(name):
    return "你好 " + name
print(hello("世界"))

def tag(label):
    def deco(fn):
        def wrapper():
            return f"<{label}>{fn()}</{label}>"
        return wrapper
    return deco

@tag("b")
@tag("i")
def text():
    return "文字"
print("叠加顺序（下面的先包）:", text())

registry = {}
def register(fn):
    registry[fn.__name__] = fn
    return fn
@register
def job_a():
    return "A"
@register
def job_b():
    return "B"
print("注册:", sorted(registry), [registry[k]() for k in sorted(registry)])

def counted(fn):
    def wrapper(*a):
        wrapper.count += 1
        return fn(*a)
    wrapper.count = 0
    return wrapper
@counted
def ping():
    return "pong"
ping()
ping()
print("调用次数:", ping.count)

class Temperature:
    unit = "℃"
    created = 0
    def __init__(self, celsius):
        self._c = celsius
        Temperature.created += 1
    @property
    def celsius(self):
        return self._c
    @celsius.setter
    def celsius(self, value):
        if value < -273.15:
            raise ValueError(f"温度 {value} 低于绝对零度")
        self._c = value
    @property
    def fahrenheit(self):
        return self._c * 9 / 5 + 32
    @staticmethod
    def describe(v):
        return f"{v}{Temperature.unit}"
    @classmethod
    def from_f(cls, f):
        return cls((f - 32) * 5 / 9)
    @classmethod
    def count(cls):
        return cls.__name__ + " x " + str(cls.created)

t = Temperature(25)
print(t.celsius, t.fahrenheit, Temperature.describe(t.celsius), t.describe(3))
t.celsius = 100
print(t.celsius, t.fahrenheit)
try:
    t.celsius = -300
except ValueError as e:
    print("ValueError:", e)
try:
    t.fahrenheit = 0
except AttributeError as e:
    print("AttributeError:", e)
f = Temperature.from_f(212)
print("classmethod 构造:", f.celsius, type(f).__name__, Temperature.count(), t.count())

class SubTemp(Temperature):
    pass
s = SubTemp.from_f(32)
print("子类的 classmethod 得到子类:", type(s).__name__, s.celsius, SubTemp.count())
print("property 在类上:", type(Temperature.celsius).__name__)

def memoize(fn):
    cache = {}
    def wrapper(n):
        if n not in cache:
            cache[n] = fn(n)
        return cache[n]
    return wrapper
@memoize
def slow_fib(n):
    return n if n < 2 else slow_fib(n - 1) + slow_fib(n - 2)
print("记忆化:", slow_fib(80))
