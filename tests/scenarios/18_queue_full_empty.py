# QueueFull / QueueEmpty：put_nowait 到满队列、get_nowait 空队列；maxsize=0 无界；put 阻塞直到有空位
import asyncio
import time


async def main():
    q = asyncio.Queue(maxsize=2)
    q.put_nowait("a")
    q.put_nowait("b")
    try:
        q.put_nowait("c")
    except asyncio.QueueFull as e:
        print("QueueFull:", repr(e), "qsize:", q.qsize(), "full:", q.full())
    print("get_nowait:", q.get_nowait(), q.get_nowait())
    try:
        q.get_nowait()
    except asyncio.QueueEmpty as e:
        print("QueueEmpty:", repr(e), "empty:", q.empty())

    unbounded = asyncio.Queue()
    for i in range(1000):
        unbounded.put_nowait(i)
    print("maxsize=0 无界:", unbounded.qsize(), unbounded.full(), unbounded.maxsize)

    q.put_nowait(1)
    q.put_nowait(2)

    async def slow_put(v):
        print(f"  put({v}) 阻塞 at {time.time():.1f}")
        await q.put(v)
        print(f"  put({v}) 完成 at {time.time():.1f}")

    t1 = asyncio.create_task(slow_put(3))
    t2 = asyncio.create_task(slow_put(4))
    await asyncio.sleep(0.5)
    print("取出", q.get_nowait(), "at", time.time())
    await asyncio.sleep(0.5)
    print("取出", q.get_nowait(), "at", time.time())
    await asyncio.gather(t1, t2)
    print("剩下:", [q.get_nowait() for _ in range(q.qsize())])

    try:
        await asyncio.wait_for(q.get(), 0.3)
    except TimeoutError:
        print("空队列 get 超时 at", time.time())
    q.put_nowait("晚到的")
    print("超时取消的 get 不会吞掉元素:", q.get_nowait())
    try:
        asyncio.Queue(maxsize=1).task_done()
    except ValueError as e:
        print("ValueError:", e)


asyncio.run(main())
