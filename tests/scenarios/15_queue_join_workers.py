# Queue.join 与多个 worker：task_done 计数、join 在全部完成时返回、worker 用 cancel 结束、没有 task_done 时 join 一直等
import asyncio
import time


async def worker(name, q, done):
    while True:
        item = await q.get()
        try:
            cost = item[1]
            await asyncio.sleep(cost)
            done.append((name, item[0]))
            print(f"{name} 处理 {item[0]} 用时 {cost} at {time.time():.2f}, 队列剩 {q.qsize()}")
        finally:
            q.task_done()


async def main():
    q = asyncio.Queue()
    jobs = [("订单1", 0.3), ("订单2", 0.1), ("订单3", 0.4), ("订单4", 0.2), ("订单5", 0.1), ("订单6", 0.3), ("订单7", 0.05)]
    for j in jobs:
        q.put_nowait(j)
    print("入队:", q.qsize(), "empty:", q.empty(), "full:", q.full(), "maxsize:", q.maxsize)
    done = []
    workers = [asyncio.create_task(worker(f"W{i}", q, done), name=f"W{i}") for i in range(3)]
    await q.join()
    print("join 返回 at", time.time(), "处理了", len(done), "个")
    print("每个 worker:", {w.get_name(): [j for n, j in done if n == w.get_name()] for w in workers})
    for w in workers:
        w.cancel()
    res = await asyncio.gather(*workers, return_exceptions=True)
    print("worker 结束:", [type(r).__name__ for r in res])
    await q.join()
    print("空队列 join 立即返回 at", time.time())
    q.put_nowait("x")
    q.get_nowait()
    waiter = asyncio.create_task(q.join())
    await asyncio.sleep(0.5)
    print("没调 task_done, join 仍在等:", not waiter.done())
    q.task_done()
    await waiter
    print("task_done 后 join 完成 at", time.time())


asyncio.run(main())
