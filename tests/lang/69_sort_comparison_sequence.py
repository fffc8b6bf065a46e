# 模糊测试发现：排序比较的次序与 CPython 的 timsort（count_run + 二分插入）不同；__lt__ 打印或混合类型时可见
class K:
    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        print(f"{self.v}<{other.v}", end=" ")
        return self.v < other.v


for data in [[3, 1, 2], [5, 4, 3, 2, 1]]:
    sorted(K(v) for v in data)
    print()


class Base:
    def __init__(self, v):
        self.v = v


class Sub(Base):
    def __lt__(self, other):
        return self.v < other.v


try:
    sorted([Base(2), Sub(1), Base(2)])
except TypeError as e:
    print(e)
