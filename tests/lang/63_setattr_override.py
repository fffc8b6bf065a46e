# 模糊测试发现：类自己定义的 __setattr__ 没有被调用（self.x = ... 与 p.x = ... 都应经过它）
class Point:
    def __init__(self, x):
        self.x = x

    def __setattr__(self, name, value):
        print("设置", name, value)
        super().__setattr__(name, value)


p = Point(1)
p.x = 2
print(p.x)
