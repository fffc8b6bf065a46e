# 类基础：__init__、方法、类属性与实例属性、属性遮蔽、可变类属性陷阱、__dict__ 之外的检查
class Dog:
    species = "犬"
    tricks = []
    count = 0
    def __init__(self, name, age=1):
        self.name = name
        self.age = age
        self.own_tricks = []
        Dog.count += 1
    def bark(self, times=1):
        return f"{self.name}: " + "汪" * times
    def add_trick(self, t):
        self.tricks.append(t)
        self.own_tricks.append(t)
    def birthday(self):
        self.age += 1
        return self

a = Dog("旺财", 3)
b = Dog("小黑")
print(a.bark(), b.bark(3), a.species, Dog.species, Dog.count, a.count)
a.add_trick("坐下")
b.add_trick("握手")
print("共享的类属性列表:", Dog.tricks, a.tricks is b.tricks, a.own_tricks, b.own_tricks)
a.species = "狼"
print("实例属性遮蔽类属性:", a.species, b.species, Dog.species)
del a.species
print("删除后又看到类属性:", a.species)
Dog.species = "犬科"
print("修改类属性:", a.species, b.species)
a.count += 10
print("count:", a.count, b.count, Dog.count)
print("方法链:", a.birthday().birthday().age)
m = a.bark
print("绑定方法:", m(2), Dog.bark(b), m.__name__)
print("type/名字:", type(a).__name__, type(a) is Dog, isinstance(a, Dog), Dog.__name__)
print("动态添加属性:", end=" ")
b.color = "黑"
print(b.color, hasattr(a, "color"))

class Empty:
    pass
e = Empty()
e.x = 1
print("空类:", e.x, type(e).__name__, isinstance(e, object))

class Counter:
    def __init__(self):
        self.n = 0
    def inc(self):
        self.n += 1
        return self.n
counters = [Counter() for _ in range(3)]
for i, c in enumerate(counters):
    for _ in range(i + 1):
        c.inc()
print("每个实例独立:", [c.n for c in counters])

class Account:
    rate = 0.05
    def __init__(self, owner, balance=0.0):
        self.owner = owner
        self.balance = balance
    def deposit(self, amount):
        if amount <= 0:
            raise ValueError("存款必须为正")
        self.balance += amount
        return self.balance
    def interest(self):
        return round(self.balance * self.rate, 2)
acct = Account("张三", 100)
acct.deposit(50.5)
print("账户:", acct.owner, acct.balance, acct.interest())
try:
    acct.deposit(-1)
except ValueError as err:
    print("ValueError:", err)
acct.rate = 0.1
print("实例覆盖类的利率:", acct.interest(), Account.rate)

class WithClassLevelCode:
    items = [i * i for i in range(4)]
    total = sum(items)
    label = "总和=" + str(total)
print("类体中的代码:", WithClassLevelCode.items, WithClassLevelCode.label)

class Self_Ref:
    def __init__(self):
        self.me = self
o = Self_Ref()
print("自引用:", o.me is o, o.me.me.me is o)
print("默认 str 不含地址的部分:", str(o).startswith("<__main__.Self_Ref object at"), repr(o)[:27])
