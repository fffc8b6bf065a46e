# wait_for：协程与任务各自成功/超时；超时时任务被取消；协程在调用者任务里运行（不新建任务）
import asyncio
import time


async def fetch(name, delay):
    me = asyncio.current_task().get_name()
    print(f"  {name} 开始, 运行在 {me}")
    try:
        await asyncio.sleep(delay)
    except asyncio.CancelledError:
        print(f"  {name} 被取消 at {time.time():.2f}")
        raise
    print(f"  {name} 完成 at {time.time():.2f}")
    return f"{name} 的数据"


async def main():
    print("1) 协程, 成功")
    r = await asyncio.wait_for(fetch("协程A", 0.5), timeout=1.0)
    print("  结果:", r)
    print("2) 协程, 超时")
    try:
        await asyncio.wait_for(fetch("协程B", 2.0), timeout=0.5)
    except TimeoutError as e:
        print("  TimeoutError:", repr(e), "is asyncio.TimeoutError:", type(e) is asyncio.TimeoutError)
    print("3) 任务, 成功")
    t = asyncio.create_task(fetch("任务C", 0.3), name="任务C")
    print("  结果:", await asyncio.wait_for(t, 1.0), "done:", t.done())
    print("4) 任务, 超时")
    t = asyncio.create_task(fetch("任务D", 5.0), name="任务D")
    try:
        await asyncio.wait_for(t, 0.25)
    except asyncio.TimeoutError:
        print("  超时, 任务D cancelled():", t.cancelled())
    print("5) timeout=None 等价于直接 await, 0 超时立即取消")
    print("  ", await asyncio.wait_for(fetch("协程E", 0.1), None))
    try:
        await asyncio.wait_for(fetch("协程F", 0.1), 0)
    except TimeoutError:
        print("  timeout=0: 超时")
    print("6) 已完成的任务 + timeout=0 直接返回结果")
    t = asyncio.create_task(fetch("任务G", 0))
    await asyncio.sleep(0.01)
    print("  ", await asyncio.wait_for(t, 0))
    print("结束 at", time.time())


asyncio.run(main())
