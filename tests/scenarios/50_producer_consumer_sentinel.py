# 生产者/消费者（课程风格）：有界队列 + None 哨兵结束消费者，两个生产者、三个消费者，固定种子的随机耗时
import asyncio
import random
import time

random.seed(42)


async def producer(name, q, n):
    for i in range(n):
        item = f"{name}-{i}"
        await asyncio.sleep(round(random.uniform(0.05, 0.2), 2))
        await q.put(item)
        print(f"[生产] {item} at {time.time():.2f}, 队列 {q.qsize()}/{q.maxsize}")


async def consumer(name, q, eaten):
    while True:
        item = await q.get()
        if item is None:
            q.task_done()
            print(f"[消费] {name} 收到结束信号 at {time.time():.2f}")
            break
        await asyncio.sleep(round(random.uniform(0.1, 0.3), 2))
        eaten.append(item)
        print(f"[消费] {name} 吃掉 {item} at {time.time():.2f}")
        q.task_done()


async def main():
    q = asyncio.Queue(maxsize=3)
    eaten = []
    consumers = [asyncio.create_task(consumer(f"C{i}", q, eaten)) for i in range(3)]
    await asyncio.gather(producer("P1", q, 4), producer("P2", q, 3))
    for _ in consumers:
        await q.put(None)
    await q.join()
    await asyncio.gather(*consumers)
    print("共消费", len(eaten), "个:", eaten)
    print("结束 at", time.time())


asyncio.run(main())
