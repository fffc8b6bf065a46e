# 8 个相同截止时间的 sleep：heapq 不是 FIFO，醒来顺序由堆结构决定
import asyncio
import time

order = []


async def sleeper(i):
    await asyncio.sleep(2)
    order.append(i)


async def main():
    await asyncio.gather(*(sleeper(i) for i in range(8)))
    print("8 个定时器的醒来顺序:", order, "at", time.time())
    order.clear()
    loop = asyncio.get_running_loop()
    deadline = loop.time() + 1
    for i in range(8):
        loop.call_at(deadline, order.append, i)
    await asyncio.sleep(1.5)
    print("call_at 同一时刻:", order)


asyncio.run(main())
