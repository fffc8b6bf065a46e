# gather 中一个子任务被取消：return_exceptions=False 时 gather 抛出 CancelledError（但 gather 自己 cancelled() 为 False）；True 时收集 CancelledError（消息丢失）
import asyncio
import time


async def work(name, d):
    try:
        await asyncio.sleep(d)
    except asyncio.CancelledError as e:
        print(f"  {name} 收到取消 args={e.args}")
        raise
    print(f"  {name} 完成 at {time.time():.2f}")
    return name


async def main():
    print("== return_exceptions=False")
    a = asyncio.create_task(work("A", 1.0))
    b = asyncio.create_task(work("B", 0.5))
    c = asyncio.create_task(work("C", 0.8))
    g = asyncio.gather(a, b, c)
    await asyncio.sleep(0.2)
    b.cancel("不要 B 了")
    try:
        await g
    except asyncio.CancelledError as e:
        print("  await gather -> CancelledError", e.args, "at", time.time())
    print("  gather done/cancelled:", g.done(), g.cancelled(), " A/C done:", a.done(), c.done())
    await asyncio.sleep(1.0)
    print("  之后 A/C:", a.result(), c.result())

    print("== return_exceptions=True")
    a = asyncio.create_task(work("A2", 1.0))
    b = asyncio.create_task(work("B2", 0.5))
    g = asyncio.gather(a, b, return_exceptions=True)
    await asyncio.sleep(0.2)
    b.cancel("不要 B2 了")
    res = await g
    print("  结果:", [repr(r) for r in res], "at", time.time())
    print("  B2.cancelled():", b.cancelled(), " gather.cancelled():", g.cancelled())

    print("== 子任务在开始前就被取消")
    a = asyncio.create_task(work("A3", 0.1))
    a.cancel()
    res = await asyncio.gather(a, asyncio.sleep(0.1, "睡眠结果"), return_exceptions=True)
    print("  结果:", [repr(r) for r in res])


asyncio.run(main())
