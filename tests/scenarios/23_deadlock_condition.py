# 死锁：Condition.wait 之后没人 notify（通知发生在等待之前，丢失了）
import asyncio
import time

cond = asyncio.Condition()
data = []


async def notifier():
    async with cond:
        data.append("消息")
        cond.notify_all()
        print("notifier: 已通知（此时还没有人在等） at", time.time())


async def listener():
    await asyncio.sleep(0.2)
    async with cond:
        print("listener: 开始等待 at", time.time())
        await cond.wait()
        print("不会打印")


async def main():
    await asyncio.gather(notifier(), listener())


asyncio.run(main())
