# super() with no arguments and super(type, obj), in methods, classmethods and
# staticmethods, and CPython's errors for the forms that cannot work.
class 动物:
    def __init__(self, 名字):
        self.名字 = 名字

    def 叫(self):
        return self.名字 + ": ..."

    @classmethod
    def 创建(cls, 名字):
        return cls(名字)

    @staticmethod
    def 种类():
        return "动物"


class 狗(动物):
    def __init__(self, 名字):
        super(狗, self).__init__(名字)
        self.腿 = 4

    def 叫(self):
        return super().叫() + " 汪"

    @classmethod
    def 创建(cls, 名字):
        print("狗.创建 ->", super().创建.__name__)
        return super(狗, cls).创建(名字)

    @staticmethod
    def 种类():
        return "狗, " + super(狗, 狗).种类()


class 小狗(狗):
    def 叫(self):
        # Skips 狗.叫: starts after 狗 in 小狗's MRO.
        return super(狗, self).叫() + " (小)"


d = 狗.创建("旺财")
print(type(d).__name__, d.名字, d.腿, d.叫(), 狗.种类())
p = 小狗.创建("豆豆")
print(type(p).__name__, p.叫())

for args in [(狗, 动物("猫")), (狗, 1), (1, d), (狗, d, 3)]:
    try:
        super(*args)
    except TypeError as e:
        print("TypeError:", e)


def 普通函数(x):
    try:
        super()
    except RuntimeError as e:
        print("RuntimeError:", e)


def 无参函数():
    try:
        super()
    except RuntimeError as e:
        print("RuntimeError:", e)


普通函数(1)
无参函数()
try:
    super()
except RuntimeError as e:
    print("RuntimeError:", e)
