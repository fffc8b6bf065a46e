# 4 个相同截止时间的定时器：heapq 弹出顺序是 0,2,1,3 而不是 FIFO；call_later 同一时刻的回调同理（看 --trace 的堆数组）
import asyncio

order = []


async def sleeper(i):
    await asyncio.sleep(1.0)
    order.append(i)
    print(f"任务 {i} 醒来")


async def main():
    tasks = [asyncio.create_task(sleeper(i)) for i in range(4)]
    await asyncio.gather(*tasks)
    print("醒来顺序:", order)
    loop = asyncio.get_running_loop()
    seen = []
    for i in range(4):
        loop.call_later(0.5, seen.append, i)
    await asyncio.sleep(0.5)
    await asyncio.sleep(0)
    print("call_later 同一时刻:", seen)


asyncio.run(main())
