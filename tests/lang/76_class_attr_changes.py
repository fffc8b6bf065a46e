# Class attributes changed after methods were looked up: every lookup must see
# the change, in the class itself and in its subclasses (the VM caches lookups).
class Base:
    kind = "base"

    def hello(self):
        return "Base.hello"

    def who(self):
        return "Base.who " + self.kind


class Child(Base):
    pass


class Grand(Child):
    def who(self):
        return "Grand.who / " + super().who()


g = Grand()
c = Child()
for _ in range(3):
    print(c.hello(), g.hello(), g.who(), Grand.kind)

Base.hello = lambda self: "patched hello"
print(c.hello(), g.hello())

Child.kind = "child"
print(c.who(), g.who(), Base.kind, Grand.kind)

del Child.kind
print(c.who(), g.who(), Grand.kind)

setattr(Base, "extra", 42)
print(c.extra, g.extra, getattr(Grand, "extra"))

del Base.extra
try:
    print(g.extra)
except AttributeError as e:
    print("AttributeError:", e)


def child_hello(self):
    return "Child.hello"


Child.hello = child_hello
print(c.hello(), g.hello(), Base().hello())

del Child.hello
print(c.hello(), g.hello())


class Counter:
    count = 0

    def bump(self):
        Counter.count += 1
        return Counter.count


k = Counter()
print([k.bump() for _ in range(5)], Counter.count, k.count)
k.count = "own"
print(k.count, Counter.count)


class Temp:
    def __init__(self):
        self._c = 21


t = Temp()
print(t._c)
Temp.c = property(lambda self: self._c * 2)
print(t.c)
Temp.__repr__ = lambda self: "<Temp>"
print(repr(t), [t])
