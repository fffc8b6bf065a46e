# 生成器：yield、send、throw、close、yield from、生成器表达式的惰性，
# StopIteration 的语义（PEP 479）和 gi_* 属性。
def 计数(n):
    print("开始计数", n)
    i = 0
    while i < n:
        收到 = yield i
        if 收到 is not None:
            print("收到", 收到)
        i += 1
    return "计数完成"


g = 计数(3)
print(type(g).__name__, g.__name__, g.__qualname__)
print(g.gi_running, g.gi_suspended, g.gi_frame is not None, g.gi_yieldfrom)
print(next(g))
print(g.send("你好"))
print(next(g))
try:
    next(g)
except StopIteration as e:
    print("StopIteration:", e.value, e.args)
print(g.gi_frame, next(g, "默认值"))
print(list(计数(4)), sum(计数(5)), max(计数(2)))
for x in 计数(2):
    print("for", x)


def 委托():
    r = yield from 计数(2)
    print("yield from 的结果:", r)
    yield from [10, 20]
    yield from "ab"
    yield from range(2)
    r2 = yield from []
    print("空的 yield from:", r2)


print(list(委托()))


# 生成器表达式是惰性的
def 吵闹(n):
    for i in range(n):
        print("产生", i)
        yield i


惰性 = (x * 10 for x in 吵闹(3))
print("还没开始")
print(next(惰性))
print(list(惰性), list(惰性))


# throw 和 close
def 守卫():
    try:
        while True:
            try:
                v = yield
                print("值", v)
            except ValueError as e:
                print("捕获", e)
    finally:
        print("清理")


t = 守卫()
next(t)
t.send(1)
t.throw(ValueError("坏值"))
t.throw(ValueError)
try:
    t.throw(KeyError("钥匙"))
except KeyError as e:
    print("传出", repr(e))
print(t.gi_frame)
print(t.close())

c = 守卫()
next(c)
print(c.close(), c.close())


def 返回值():
    try:
        yield 1
    except GeneratorExit:
        return "关闭时返回"


r = 返回值()
next(r)
print(r.close())


def 顽固():
    while True:
        try:
            yield 1
        except GeneratorExit:
            print("忽略 GeneratorExit")


s = 顽固()
next(s)
try:
    s.close()
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    s.throw(IndexError("结束它"))
except IndexError as e:
    print("IndexError:", e, s.gi_frame)


# PEP 479：生成器里的 StopIteration 变成 RuntimeError
def 泄漏():
    yield 1
    next(iter([]))


try:
    print(list(泄漏()))
except RuntimeError as e:
    print("RuntimeError:", e, "| 原因:", repr(e.__cause__))


# 刚创建的生成器
n = 计数(1)
try:
    n.send(5)
except TypeError as e:
    print("TypeError:", e)
try:
    n.throw(IndexError("首次"))
except IndexError as e:
    print("刚创建就 throw:", e)
print(next(n, "已结束"))
print(计数(1).close())


# 正在运行的生成器不能再进入
def 自己():
    yield next(me)


me = 自己()
try:
    next(me)
except ValueError as e:
    print("ValueError:", e)


# 递归的 yield from：树的遍历
def 遍历(树):
    if isinstance(树, list):
        for 子 in 树:
            yield from 遍历(子)
    else:
        yield 树


print(list(遍历([1, [2, [3, [4, [5]]]], 6])))

# lambda 生成器、解包、in、字典
f = lambda: (yield 7)
print(list(f()))
a, b, *rest = 计数(4)
print(a, b, rest)
print(2 in 计数(3), dict(zip("xy", 计数(2))))


def 斐波那契():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b


fib = 斐波那契()
print([next(fib) for _ in range(10)])
print(sorted(x % 7 for x in 斐波那契() if x < 0) if False else "略")
print(type(x for x in []).__name__)
