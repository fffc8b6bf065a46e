# 模糊测试发现：子类定义 __eq__ 而不定义 __hash__ 时变成不可哈希（__hash__ = None），即使基类定义了 __hash__
class Base:
    def __init__(self, v):
        self.v = v

    def __hash__(self):
        return hash(self.v)


class Sub(Base):
    def __eq__(self, other):
        return self.v == other.v


print(len({Base(1), Base(1)}), Sub.__hash__ is None)
try:
    print(len({Sub(1), Sub(1)}))
except TypeError as e:
    print(e)
