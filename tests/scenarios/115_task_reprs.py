# Task 和 Future 的 repr：running at 文件:行、wait_for=、cb=[...]（库里的回调
# 写出 CPython 的源文件和行号）、done, defined at、reprlib 截短的 result=；
# __file__。参考输出用名为 main.py 的副本生成（浏览器里的文件名）。
import asyncio


async def work(n):
    await asyncio.sleep(n)
    return n * 2


@staticmethod
def deco(f):
    return f


async def boom():
    raise ValueError("x")


async def main():
    t = asyncio.create_task(work(1))
    print(t)
    print(asyncio.current_task())
    await asyncio.sleep(0)
    print(t)
    g = asyncio.gather(t, work(0.5))
    await asyncio.sleep(0)
    print(t)
    print(g)
    print(await g)
    print(t)
    b = asyncio.create_task(boom())
    await asyncio.sleep(0)
    print(b)
    b.exception()
    c = asyncio.create_task(work(5))
    await asyncio.sleep(0)
    c.cancel()
    print(c)
    await asyncio.sleep(0)
    print(c)
    f = asyncio.get_running_loop().create_future()
    print(f)
    f.add_done_callback(print)
    f.add_done_callback(lambda x: None)
    print(f)
    f.set_result([1, 2])
    print(f)
    print(__file__)
    s = asyncio.create_task(asyncio.sleep(1))
    await asyncio.sleep(0)
    print(s)
    s.cancel()
    w = work(1)
    w.close()


asyncio.run(main())
async def 原样(v):
    return v
async def 结果():
    for v in [{'name': 'x', 'age': 3}, {3, 1, 2}, list(range(10)), "x" * 50, 2**62, (1,), [[1, [2, [3, [4, [5, [6, [7]]]]]]]], {i: i for i in range(7)}, frozenset({2, 1}), None, 1.5]:
        t = asyncio.create_task(原样(v))
        await t
        print(t)
asyncio.run(结果())
