# 死锁：asyncio.Lock 不可重入，同一个任务第二次 acquire 永远等下去；另一个任务也在等这把锁
import asyncio
import time

lock = asyncio.Lock()


async def helper():
    print("helper 等锁")
    async with lock:
        print("helper 拿到锁（不会发生）")


async def main():
    h = asyncio.create_task(helper())
    async with lock:
        print("main 第一次拿到锁, locked =", lock.locked())
        await asyncio.sleep(0.5)
        print("main 在持有锁时再次 acquire at", time.time())
        async with lock:
            print("不会打印")


asyncio.run(main())
