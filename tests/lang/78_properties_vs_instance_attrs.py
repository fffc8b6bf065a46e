# Instance attributes against properties defined, inherited, replaced and
# deleted after the attributes were set (the VM reads and writes an
# instance's own attributes directly only while no property could win).
class A:
    pass


class B(A):
    pass


a = A()
a.x = 1
print("before:", a.x)
A.x = property(lambda self: "属性 x")
print("property added to the class:", a.x)
del A.x
print("property deleted:", a.x)

b = B()
b.y = 2
print("subclass instance:", b.y)
A.y = property(lambda self: "inherited property y")
print("property added to the base:", b.y)
try:
    b.y = 3
except AttributeError as e:
    print("AttributeError:", e)
A.y = property(lambda self: "y with setter", lambda self, v: print("setter got", v))
b.y = 4
print("after the setter:", b.y, b.__dict__)
del A.y
print("base property deleted:", b.y)
b.y = 5
print("plain store again:", b.y, b.__dict__)


class C:
    @property
    def z(self):
        return "C.z"


c = C()
try:
    c.z = 1
except AttributeError as e:
    print("AttributeError:", e)
try:
    del c.z
except AttributeError as e:
    print("AttributeError:", e)
c.w = "w"
print(c.z, c.w)
del c.w
print("w deleted:", hasattr(c, "w"))


class Outer:
    class Inner:
        def _get(self):
            return "p"
        p = property(_get)
        q = property()


inner = Outer.Inner()
for attr in ("p", "q"):
    try:
        setattr(inner, attr, 1)
    except AttributeError as e:
        print("AttributeError:", e)
try:
    inner.q
except AttributeError as e:
    print("AttributeError:", e)


class D:
    def __init__(self):
        self._v = 1

    def _get(self):
        return self._v

    def _del(self):
        print("删除 v")
        self._v = None

    v = property(_get, None, _del)

    @property
    def w(self):
        return "w"

    @w.deleter
    def w(self):
        print("deleter of w")


d = D()
del d.v
print("after del:", d.v)
del d.w
print(d.w)
try:
    d.v = 3
except AttributeError as e:
    print("AttributeError:", e)
