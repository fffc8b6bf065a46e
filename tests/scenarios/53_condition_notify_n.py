# Condition.notify(n)：唤醒最早等待的 n 个；被唤醒者要重新拿到锁才继续，所以逐个运行；notify 数量多于等待者不报错
import asyncio
import time

cond = asyncio.Condition()
woken = []


async def waiter(i):
    async with cond:
        await cond.wait()
        woken.append(i)
        print(f"  等待者 {i} 醒来 at {time.time():.1f}, 持有锁: {cond.locked()}")
        await asyncio.sleep(0.1)


async def main():
    ws = [asyncio.create_task(waiter(i)) for i in range(6)]
    await asyncio.sleep(0.1)
    async with cond:
        print("notify(2)")
        cond.notify(2)
    await asyncio.sleep(0.5)
    async with cond:
        print("notify() 默认 1 个")
        cond.notify()
    await asyncio.sleep(0.5)
    async with cond:
        print("notify(10) 多于剩余的 3 个")
        cond.notify(10)
    await asyncio.gather(*ws)
    print("唤醒顺序:", woken, "at", time.time())
    try:
        cond.notify()
    except RuntimeError as e:
        print("不持锁 notify:", e)


asyncio.run(main())
