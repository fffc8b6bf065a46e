# random 模块里用 Python 运算符算的那几步：gauss(None) 先动了随机数再报错
# The steps of Lib/random.py that are Python arithmetic: the operators' own
# errors, raised after the generator has moved (gauss keeps its second
# value for the next call), and results of the operands' types.
import random


class Shelf:
    def __init__(self, items):
        self.items = list(items)

    def __len__(self):
        return len(self.items)

    def __getitem__(self, i):
        return self.items[i]

    def __setitem__(self, i, v):
        print("  set", i, v)
        self.items[i] = v


def show(text, f):
    try:
        print(text, "->", repr(f()))
    except (TypeError, ValueError, ZeroDivisionError) as e:
        print(f"{text:34} {type(e).__name__}: {e}")


random.seed(2024)
show("gauss(None)", lambda: random.gauss(None))
show("gauss()", lambda: random.gauss())
show("gauss(0, None)", lambda: random.gauss(0, None))
show("gauss(1, 'a')", lambda: random.gauss(1, "a"))
show("gauss('a', 1)", lambda: random.gauss("a", 1))
show("gauss(mu=True, sigma=2)", lambda: random.gauss(mu=True, sigma=2))
show("normalvariate(None)", lambda: random.normalvariate(None))
show("normalvariate(10, 0)", lambda: random.normalvariate(10, 0))
show("uniform(None, 1)", lambda: random.uniform(None, 1))
show("uniform(1, None)", lambda: random.uniform(1, None))
show("uniform('a', 'b')", lambda: random.uniform("a", "b"))
show("uniform(1, 3)", lambda: random.uniform(1, 3))
show("uniform(True, 2.5)", lambda: random.uniform(True, 2.5))
show("uniform(2 ** 60, 2 ** 60 + 3)", lambda: random.uniform(2**60, 2**60 + 3))
show("expovariate(None)", lambda: random.expovariate(None))
show("expovariate(0)", lambda: random.expovariate(0))
show("expovariate(2)", lambda: random.expovariate(2))
show("triangular(None)", lambda: random.triangular(None))
show("triangular(1, 1, 1)", lambda: random.triangular(1, 1, 1))
show("triangular(1, 1)", lambda: random.triangular(1, 1))
show("triangular(0, 10, 7)", lambda: random.triangular(0, 10, 7))
show("triangular(0, 10, 'a')", lambda: random.triangular(0, 10, "a"))
show("triangular(high=4)", lambda: random.triangular(high=4))
show("sample([1, 2], None)", lambda: random.sample([1, 2], None))
show("sample([1, 2], 1.5)", lambda: random.sample([1, 2], 1.5))
show("sample([1, 2], 3.5)", lambda: random.sample([1, 2], 3.5))
show("sample([1, 2], -1)", lambda: random.sample([1, 2], -1))
show("sample('abcde', True)", lambda: random.sample("abcde", True))
show("sample(range(100), 3)", lambda: random.sample(range(100), 3))
show("sample(iter([1, 2]), 1)", lambda: random.sample(iter([1, 2]), 1))
show("sample({1, 2}, 1)", lambda: random.sample({1, 2}, 1))
show("shuffle(None)", lambda: random.shuffle(None))
show("shuffle((1,))", lambda: random.shuffle((1,)))
show("shuffle((1, 2, 3))", lambda: random.shuffle((1, 2, 3)))
show("shuffle('ab')", lambda: random.shuffle("ab"))
shelf = Shelf("abcd")
show("shuffle(Shelf('abcd'))", lambda: random.shuffle(shelf))
print(shelf.items, random.random())
