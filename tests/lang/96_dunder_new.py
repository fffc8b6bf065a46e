class Singleton:
    _instance = None
    def __new__(cls, *args, **kwargs):
        if cls._instance is None:
            cls._instance = super().__new__(cls)
            print('created')
        return cls._instance
    def __init__(self, v):
        print('init', v)
        self.v = v
a = Singleton(1)
b = Singleton(2)
print(a is b, a.v)
class P:
    def __new__(cls, x):
        return object.__new__(cls)
    def __init__(self, x):
        self.x = x
print(P(3).x)
class Q:
    def __new__(cls):
        return 42
print(Q())
class R(P): pass
print(type(R(1)).__name__, R(5).x)
class E(Exception):
    def __new__(cls, *a):
        return super().__new__(cls, *a)
print(repr(E('m')))
try:
    object.__new__(int)
except TypeError as e:
    print(e)
class N: pass
try:
    N(1)
except TypeError as e:
    print(e)
print(object.__new__(N).__class__.__name__)
