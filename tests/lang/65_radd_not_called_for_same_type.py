# 模糊测试发现：两个操作数类型相同时 CPython 不会调用右操作数的 __radd__（sum() 只定义 __radd__ 的对象）
class Money:
    def __init__(self, v):
        self.v = v

    def __radd__(self, other):
        print("__radd__", other)
        return Money(other + self.v)


print(sum([Money(1)]).v)
try:
    sum([Money(1), Money(2)])
except TypeError as e:
    print("TypeError:", e)
