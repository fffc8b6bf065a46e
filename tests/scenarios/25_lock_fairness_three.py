# Lock 公平性：三个任务轮流抢同一把锁，释放后由等待最久的任务获得；释放者立刻再抢要排到队尾
import asyncio
import time

lock = asyncio.Lock()
order = []


async def worker(name, rounds):
    for r in range(rounds):
        async with lock:
            order.append(name)
            print(f"{name} 第 {r + 1} 轮持锁 at {time.time():.2f}")
            await asyncio.sleep(0.1)


async def greedy():
    for r in range(3):
        await lock.acquire()
        order.append("贪")
        print(f"贪 第 {r + 1} 次拿到锁 at {time.time():.2f}")
        lock.release()


async def main():
    await asyncio.gather(worker("A", 3), worker("B", 3), worker("C", 3))
    print("顺序:", "".join(order))
    order.clear()
    await asyncio.gather(worker("A", 2), greedy(), worker("B", 2))
    print("顺序:", "".join(order), "locked:", lock.locked())
    try:
        lock.release()
    except RuntimeError as e:
        print("RuntimeError:", e)


asyncio.run(main())
