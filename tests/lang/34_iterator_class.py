# 迭代器类：__iter__ + __next__、StopIteration、for 循环驱动、重复迭代、可迭代对象与迭代器分离
class Countdown:
    def __init__(self, start):
        self.current = start
    def __iter__(self):
        return self
    def __next__(self):
        if self.current <= 0:
            raise StopIteration
        self.current -= 1
        return self.current + 1

for n in Countdown(3):
    print("倒数", n)
cd = Countdown(4)
print(list(cd), list(cd), "迭代器用完就空了")
print(sum(Countdown(100)), max(Countdown(5)), sorted(Countdown(4)), [x * x for x in Countdown(3)])
print("in:", 2 in Countdown(5), 9 in Countdown(5))
a, b, c = Countdown(3)
print("解包:", a, b, c)
print("zip/enumerate:", list(zip(Countdown(3), "abc")), list(enumerate(Countdown(2), 1)))
print("join:", "-".join(str(x) for x in Countdown(5)))

class Range2:
    """可迭代对象：每次 __iter__ 返回新的迭代器"""
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return Range2Iter(self.n)
class Range2Iter:
    def __init__(self, n):
        self.i = 0
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.i >= self.n:
            raise StopIteration()
        self.i += 1
        return self.i * 10
r = Range2(3)
print("可重复迭代:", list(r), list(r), [(x, y) for x in r for y in r][:4])
it = iter(r)
print("手动 next:", next(it), next(it), next(it), next(it, "没有了"))

class Fib:
    def __init__(self, limit):
        self.a, self.b, self.limit = 0, 1, limit
    def __iter__(self):
        return self
    def __next__(self):
        if self.a > self.limit:
            raise StopIteration
        v = self.a
        self.a, self.b = self.b, self.a + self.b
        return v
print("斐波那契:", list(Fib(100)))
for i, v in enumerate(Fib(10 ** 6)):
    if v > 1000:
        print("第一个超过 1000 的:", i, v)
        break
else:
    print("不会到这里")

class NotIter:
    pass
try:
    for x in NotIter():
        pass
except TypeError as e:
    print("TypeError:", e)
try:
    next([1, 2])
except TypeError as e:
    print("TypeError:", e)
class BadIter:
    def __iter__(self):
        return 42
try:
    list(BadIter())
except TypeError as e:
    print("TypeError:", e)

class Tokens:
    def __init__(self, text):
        self.words = text.split()
        self.pos = 0
    def __iter__(self):
        return self
    def __next__(self):
        while self.pos < len(self.words):
            w = self.words[self.pos]
            self.pos += 1
            if w.isalpha():
                return w.upper()
        raise StopIteration
print("过滤迭代器:", list(Tokens("async 1 await 22 task x9 loop")))
it = iter([1, 2, 3])
print("iter(iterator) 是自身:", iter(it) is it, next(it), list(it))
