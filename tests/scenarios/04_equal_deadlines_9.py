# 9 个相同截止时间的定时器，中间再插入更早与更晚的定时器，观察堆的上滤与下沉
import asyncio

order = []


async def sleeper(tag, delay):
    await asyncio.sleep(delay)
    order.append(tag)


async def main():
    tasks = [asyncio.create_task(sleeper(i, 1.0)) for i in range(9)]
    await asyncio.sleep(0)
    tasks.append(asyncio.create_task(sleeper("早", 0.5)))
    tasks.append(asyncio.create_task(sleeper("晚", 1.5)))
    await asyncio.gather(*tasks)
    print("醒来顺序:", order)


asyncio.run(main())
