# 给 Semaphore.acquire 加超时：wait_for(sem.acquire(), t) 超时后不占用许可；后来者仍按 FIFO 拿到许可
import asyncio
import time

sem = asyncio.Semaphore(1)


async def holder():
    async with sem:
        print("holder 持有许可 1 秒")
        await asyncio.sleep(1)
    print("holder 释放 at", time.time())


async def impatient(name, patience):
    try:
        await asyncio.wait_for(sem.acquire(), patience)
    except TimeoutError:
        print(f"{name} 等了 {patience} 秒放弃 at {time.time()}")
        return False
    try:
        print(f"{name} 拿到许可 at {time.time()}")
        await asyncio.sleep(0.2)
    finally:
        sem.release()
    return True


async def main():
    h = asyncio.create_task(holder())
    await asyncio.sleep(0)
    res = await asyncio.gather(impatient("急性子", 0.3), impatient("有耐心", 2.0), impatient("中等", 1.0), impatient("更耐心", 5.0), h)
    print("结果:", res[:4], "locked:", sem.locked())


asyncio.run(main())
