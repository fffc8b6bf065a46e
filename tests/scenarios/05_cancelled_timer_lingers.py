# 取消的定时器仍留在堆里（--trace 中标 x），直到到达堆顶才被丢弃；取消 call_later 句柄与取消正在 sleep 的任务
import asyncio
import time


def ring(tag):
    print(f"闹钟 {tag} 响了 at {time.time()}")


async def nap(name, d):
    try:
        await asyncio.sleep(d)
        print(f"{name} 睡醒 at {time.time()}")
    except asyncio.CancelledError:
        print(f"{name} 被叫醒（取消） at {time.time()}")


async def main():
    loop = asyncio.get_running_loop()
    h1 = loop.call_later(1.0, ring, "A")
    h2 = loop.call_later(2.0, ring, "B")
    h3 = loop.call_later(3.0, ring, "C")
    t = asyncio.create_task(nap("小猫", 2.5))
    await asyncio.sleep(0.5)
    h2.cancel()
    print("取消 B, h2.cancelled() =", h2.cancelled(), " when =", h2.when())
    t.cancel()
    await asyncio.sleep(0.2)
    h1.cancel()
    print("取消 A 后再取消一次也无妨")
    h1.cancel()
    await asyncio.sleep(3)
    print("h3 仍可查询 when:", h3.when(), "cancelled:", h3.cancelled())


asyncio.run(main())
