# 模糊测试发现：没有显式基类的类里调用 super().__init__()（到达 object.__init__）
class Animal:
    def __init__(self, name):
        super().__init__()
        self.name = name


class Dog(Animal):
    def __init__(self, name):
        super().__init__(name)


print(Animal("猫").name, Dog("狗").name)
