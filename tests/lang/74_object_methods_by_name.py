# object 与 BaseException 的方法按名字调用、==/!= 与 + 的反射顺序、__setattr__ 覆盖
class P:
    pass


class Q:
    def __init__(self, v):
        self.v = v

    def __eq__(self, other):
        print("Q.__eq__", type(other).__name__)
        return isinstance(other, Q) and self.v == other.v

    def __repr__(self):
        return f"Q({self.v})"


class R(Q):
    def __eq__(self, other):
        print("R.__eq__")
        return NotImplemented

    def __ne__(self, other):
        print("R.__ne__")
        return True


p = P()
print(p.__ne__(p), p.__ne__(1), p.__lt__(p), P.__eq__(p, p))
print(Q(1) == Q(1), Q(1) != Q(2), Q(1) == R(1), Q(1) != R(1))
print(str(Q(3)), object.__repr__(Q(3))[:18], Q(3).__str__())
try:
    object.__init__(Q(1), 5)
except TypeError as e:
    print(e)
try:
    P().__init__(1)
except TypeError as e:
    print(e)
try:
    object.__setattr__(p, 1, 2)
except TypeError as e:
    print(e)
try:
    format(p, "x")
except TypeError as e:
    print(e)
print(format(Q(2), ""), hash(Q) == hash(Q), Q.__hash__)
print((2).__mul__(3.0), (2.0).__mul__(3), "ab".__mul__(2), [1].__add__([2]), (7).__rsub__(10))
print("a".__eq__(1), [1].__eq__([1]), (1).__lt__(2), {1: 2}.__getitem__(1), "abc".__contains__("b"))
print((5).__neg__(), (5).__bool__(), (2.5).__int__(), abs(-3).__float__(), (1).__hash__())


class E(Exception):
    def __repr__(self):
        return "E!"


e = E("x", 2)
print(str(e), repr(e), e.__str__(), BaseException.__repr__(e), e.__repr__())


class V:
    def __init__(self, x):
        self.x = x

    def __add__(self, o):
        print("V.__add__")
        return NotImplemented

    def __radd__(self, o):
        print("V.__radd__")
        return "radd"


class W(V):
    def __radd__(self, o):
        print("W.__radd__")
        return "W"


print(V(1) + W(2))
print(W(1) + V(2) if False else "skip")
try:
    print(V(1) + V(2))
except TypeError as e:
    print(e)
print(1 + V(1))


class S:
    def __setattr__(self, k, v):
        print("set", k)
        object.__setattr__(self, k, v * 2)


s = S()
s.a = 2
setattr(s, "b", 3)
print(s.a, s.b, vars(s) if False else "")
