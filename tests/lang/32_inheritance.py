# 继承：super().__init__、方法重写、多重继承 MRO、isinstance/issubclass、super() 链
class Animal:
    kind = "动物"
    def __init__(self, name):
        self.name = name
        print(f"  Animal.__init__({name})")
    def speak(self):
        return "..."
    def describe(self):
        return f"{self.name} 是{self.kind}, 说 {self.speak()}"

class Cat(Animal):
    kind = "猫"
    def __init__(self, name, indoor=True):
        super().__init__(name)
        self.indoor = indoor
        print(f"  Cat.__init__ indoor={indoor}")
    def speak(self):
        return "喵"

class Lion(Cat):
    kind = "狮子"
    def speak(self):
        return super().speak().upper() + "吼"

c = Cat("咪咪")
l = Lion("辛巴", indoor=False)
print(c.describe())
print(l.describe(), l.indoor)
print("isinstance:", isinstance(l, Lion), isinstance(l, Cat), isinstance(l, Animal), isinstance(c, Lion), isinstance(l, object))
print("issubclass:", issubclass(Lion, Animal), issubclass(Animal, Cat), issubclass(Cat, Cat), issubclass(bool, int), issubclass(KeyError, LookupError))
print("MRO:", [k.__name__ for k in Lion.__mro__])

class A:
    def who(self):
        return "A"
    def chain(self):
        return ["A"]
class B(A):
    def who(self):
        return "B"
    def chain(self):
        return ["B"] + super().chain()
class C(A):
    def who(self):
        return "C"
    def chain(self):
        return ["C"] + super().chain()
class D(B, C):
    def chain(self):
        return ["D"] + super().chain()
d = D()
print("菱形继承:", d.who(), d.chain(), [k.__name__ for k in D.__mro__])
class E(C, B):
    pass
print("换顺序:", E().who(), E().chain(), [k.__name__ for k in E.__mro__])

class Base:
    def __init__(self):
        self.log = ["Base"]
class Left(Base):
    def __init__(self):
        super().__init__()
        self.log.append("Left")
class Right(Base):
    def __init__(self):
        super().__init__()
        self.log.append("Right")
class Child(Left, Right):
    def __init__(self):
        super().__init__()
        self.log.append("Child")
print("协作式 super:", Child().log)

class NoInit(Cat):
    pass
n = NoInit("继承 init")
print("继承 __init__:", n.name, n.indoor)

class Shape:
    def area(self):
        raise NotImplementedError("子类必须实现 area")
    def __str__(self):
        return f"{type(self).__name__}(面积={self.area():.2f})"
class Rect(Shape):
    def __init__(self, w, h):
        self.w, self.h = w, h
    def area(self):
        return self.w * self.h
class Square(Rect):
    def __init__(self, s):
        super().__init__(s, s)
class Circle(Shape):
    def __init__(self, r):
        self.r = r
    def area(self):
        return 3.14159 * self.r ** 2
shapes = [Rect(2, 3), Square(4), Circle(1.5)]
for s in shapes:
    print(" ", s)
print("按面积排序:", [type(s).__name__ for s in sorted(shapes, key=lambda s: s.area())])
try:
    print(Shape())
except NotImplementedError as e:
    print("NotImplementedError:", e)
try:
    class Bad(B, A, C):
        pass
except TypeError as e:
    print("TypeError:", e)
print("type(x).__name__ 与 __class__:", type(l).__name__, l.__class__.__name__, type(l) is Lion)
