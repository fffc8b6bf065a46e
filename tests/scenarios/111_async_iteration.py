# 异步迭代：async for（异步生成器和 __aiter__/__anext__ 类）、异步推导式、
# asend/athrow/aclose、aiter/anext 内置函数、异步生成器表达式。
import asyncio

async def ticks(n):
    for i in range(n):
        await asyncio.sleep(0.1)
        yield i

class Countdown:
    def __init__(self, n):
        self.n = n
    def __aiter__(self):
        return self
    async def __anext__(self):
        if self.n <= 0:
            raise StopAsyncIteration
        await asyncio.sleep(0.05)
        self.n -= 1
        return self.n

async def echo():
    received = []
    try:
        while True:
            v = yield len(received)
            received.append(v)
    finally:
        print("echo closing with", received)

async def main():
    async for t in ticks(3):
        print("tick", t)
    print([x async for x in ticks(4) if x % 2 == 0])
    print({x: x * x async for x in Countdown(3)})
    async for c in Countdown(2):
        print("count", c)
    g = ticks(2)
    print(type(g).__name__, g.__name__, g.__qualname__)
    print(await g.__anext__(), await anext(g), await anext(g, "done"))
    e = echo()
    print(await e.asend(None))
    print(await e.asend("a"))
    print(await e.asend("b"))
    await e.aclose()
    ai = aiter(ticks(1))
    print(await anext(ai))
    try:
        await anext(ai)
    except StopAsyncIteration:
        print("exhausted")
    async def agen2():
        try:
            yield 1
        except ValueError as ex:
            print("agen caught", ex)
            yield 2
    a = agen2()
    print(await a.asend(None))
    print(await a.athrow(ValueError("x")))
    squares = [await asyncio.sleep(0.01, result=i * i) for i in range(3)]
    print(squares)
    gen_exp = (i async for i in ticks(2))
    print(type(gen_exp).__name__, [v async for v in gen_exp])

asyncio.run(main())
