# 任务中的长 CPU 循环（20 万次迭代）：虚拟时钟不动，但期间其他任务和回调都得不到运行，定时器在循环结束后才处理
import asyncio
import time


def crunch(n):
    total = 0
    for i in range(n):
        total += i * i % 7
        if i % 3 == 0:
            total -= 1
    return total


async def number_cruncher():
    await asyncio.sleep(0.1)
    print(f"开始计算 at {time.time()}")
    r = crunch(200000)
    print(f"计算完成 {r} at {time.time()}")
    await asyncio.sleep(0)
    r2 = crunch(50000)
    print(f"第二段 {r2} at {time.time()}")
    return r + r2


async def heartbeat():
    for i in range(3):
        await asyncio.sleep(0.05)
        print(f"心跳 {i} at {time.time()}")


async def main():
    loop = asyncio.get_running_loop()
    loop.call_soon(print, "call_soon 回调")
    loop.call_later(0.1, print, "call_later(0.1) 回调")
    res = await asyncio.gather(number_cruncher(), heartbeat())
    print("结果:", res[0], "at", time.time())
    squares = [x * x for x in range(100000)]
    print("列表推导 10 万:", len(squares), sum(squares) % 1000003, max(squares))


asyncio.run(main())
