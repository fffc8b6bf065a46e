# 同一个协程对象只能 await 一次：第二次 RuntimeError: cannot reuse already awaited coroutine；任务则可以反复 await
import asyncio


async def compute():
    await asyncio.sleep(0.1)
    return 99


async def main():
    coro = compute()
    print("第一次:", await coro)
    try:
        await coro
    except RuntimeError as e:
        print("第二次 RuntimeError:", e)
    task = asyncio.create_task(compute())
    print("任务可以多次 await:", await task, await task, task.result())
    c2 = compute()
    t2 = asyncio.ensure_future(c2)
    print("ensure_future 包装后:", await t2)
    try:
        await c2
    except RuntimeError as e:
        print("再直接 await 已被任务运行过的协程:", e)
    c3 = compute()
    await asyncio.gather(c3)
    try:
        await asyncio.gather(c3)
    except RuntimeError as e:
        print("gather 一个已用过的协程:", e)


asyncio.run(main())
