# 从外部取消 gather：所有未完成的子任务按顺序收到取消；已完成的不受影响；等待 gather 的任务得到 CancelledError
import asyncio
import time


async def work(name, d):
    try:
        await asyncio.sleep(d)
        print(f"  {name} 完成 at {time.time():.2f}")
        return name
    except asyncio.CancelledError:
        print(f"  {name} 被取消 at {time.time():.2f}")
        raise


async def waiter(g):
    try:
        return await g
    except asyncio.CancelledError:
        print("  waiter: await gather 得到 CancelledError")
        return "waiter 吞掉了取消"


async def main():
    g = asyncio.gather(work("一", 0.3), work("二", 1.0), work("三", 2.0), work("四", 1.5))
    w = asyncio.create_task(waiter(g))
    await asyncio.sleep(0.5)
    print("取消 gather, 返回值:", g.cancel(), "at", time.time())
    print("第二次 cancel 返回:", g.cancel())
    print("waiter 结果:", await w)
    print("gather done/cancelled:", g.done(), g.cancelled())
    try:
        g.result()
    except asyncio.CancelledError:
        print("g.result() 抛出 CancelledError")

    print("-- 取消等待 gather 的外层任务")
    inner = asyncio.gather(work("五", 1.0), work("六", 0.2))
    outer = asyncio.create_task(waiter(inner))
    await asyncio.sleep(0.5)
    outer.cancel()
    print("outer:", await outer, " inner.cancelled():", inner.cancelled(), "at", time.time())

    print("-- 已完成的 gather 无法取消")
    done_g = asyncio.gather(work("七", 0.1))
    await done_g
    print("cancel 已完成的 gather:", done_g.cancel(), done_g.result())


asyncio.run(main())
