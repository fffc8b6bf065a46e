# asyncio.timeout：成功、到期、when()/reschedule() 延长或提前、expired()、到期后 CancelledError 转为 TimeoutError
import asyncio
import time


async def step(name, d):
    await asyncio.sleep(d)
    print(f"  {name} 完成 at {time.time():.2f}")


async def main():
    loop = asyncio.get_running_loop()
    async with asyncio.timeout(1.0) as cm:
        await step("快任务", 0.4)
    print("1) 未超时, expired():", cm.expired(), "when:", cm.when())

    try:
        async with asyncio.timeout(0.5) as cm:
            await step("慢任务", 2.0)
    except TimeoutError:
        print("2) 超时 at", time.time(), "expired():", cm.expired())

    try:
        async with asyncio.timeout(0.5) as cm:
            await asyncio.sleep(0.3)
            print("3) 快到期时延长, 原 when:", cm.when())
            cm.reschedule(loop.time() + 1.0)
            print("   新 when:", cm.when())
            await step("被延长保护的任务", 0.8)
    except TimeoutError:
        print("   不会超时")
    print("   3) 结束 at", time.time())

    try:
        async with asyncio.timeout(10) as cm:
            cm.reschedule(loop.time() + 0.2)
            await step("被提前截止的任务", 1.0)
    except TimeoutError:
        print("4) 提前截止 at", time.time())

    async with asyncio.timeout(None) as cm:
        print("5) timeout(None): when =", cm.when())
        await asyncio.sleep(0.1)
        cm.reschedule(loop.time() + 0.1)
        try:
            await step("后来加上的截止", 0.5)
        except asyncio.CancelledError:
            print("   块内看到 CancelledError, 继续抛出")
            raise
    print("   不会到这里")


async def runner():
    try:
        await main()
    except TimeoutError as e:
        print("   块外得到 TimeoutError:", repr(e), "at", time.time())
    try:
        async with asyncio.timeout(0.1):
            try:
                await asyncio.sleep(1)
            except asyncio.CancelledError:
                print("6) 块内吞掉取消")
        print("   吞掉取消后 async with 正常结束, 没有 TimeoutError, at", time.time())
    except TimeoutError:
        print("   不会打印")


asyncio.run(runner())
