# 死锁：消费者等待一个永远没有生产者的 Queue；生产者因异常提前结束
import asyncio
import time


async def producer(q):
    for i in range(3):
        await asyncio.sleep(0.1)
        await q.put(i)
        print(f"生产 {i} at {time.time():.1f}")
    raise RuntimeError("生产者崩溃了")


async def consumer(q):
    while True:
        item = await q.get()
        print(f"消费 {item} at {time.time():.1f}")


async def main():
    q = asyncio.Queue()
    p = asyncio.create_task(producer(q))
    c = asyncio.create_task(consumer(q))
    await asyncio.sleep(1)
    print("生产者 done:", p.done(), "异常:", repr(p.exception()))
    print("main 等待消费者…")
    await c


asyncio.run(main())
