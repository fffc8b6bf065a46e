# LifoQueue：后进先出；有界 LifoQueue 的生产者阻塞；与 FIFO Queue 对比
import asyncio
import time


async def main():
    lifo = asyncio.LifoQueue()
    fifo = asyncio.Queue()
    for x in ["第一", "第二", "第三", "第四"]:
        lifo.put_nowait(x)
        fifo.put_nowait(x)
    print("LIFO:", [lifo.get_nowait() for _ in range(4)])
    print("FIFO:", [fifo.get_nowait() for _ in range(4)])

    stack = asyncio.LifoQueue(maxsize=2)

    async def producer():
        for i in range(5):
            await stack.put(i)
            print(f"  放入 {i} at {time.time():.1f}, qsize={stack.qsize()}, full={stack.full()}")

    async def consumer():
        got = []
        for _ in range(5):
            await asyncio.sleep(0.3)
            v = await stack.get()
            got.append(v)
            print(f"  取出 {v} at {time.time():.1f}")
        return got

    p = asyncio.create_task(producer())
    got = await consumer()
    await p
    print("取出顺序:", got)
    print("empty:", stack.empty())


asyncio.run(main())
