# 嵌套的超时：内层 wait_for 比外层 timeout 早到期 / 晚到期；内层超时被捕获后外层仍然生效
import asyncio
import time


async def slow(name, d):
    try:
        await asyncio.sleep(d)
        return f"{name} 完成"
    except asyncio.CancelledError:
        print(f"  {name} 被取消 at {time.time():.2f}")
        raise


async def main():
    try:
        async with asyncio.timeout(1.0):
            try:
                print(await asyncio.wait_for(slow("内层A", 2.0), 0.3))
            except TimeoutError:
                print("内层 wait_for 先超时 at", time.time())
            print(await slow("后续B", 0.5))
            print(await slow("后续C", 0.5))
    except TimeoutError:
        print("外层 timeout 到期 at", time.time())

    try:
        async with asyncio.timeout(0.2):
            print(await asyncio.wait_for(slow("内层D", 2.0), 1.0))
    except TimeoutError:
        print("外层先到期 at", time.time())

    try:
        async with asyncio.timeout(0.5):
            async with asyncio.timeout(0.5):
                await slow("同时到期E", 1.0)
    except TimeoutError as e:
        print("同一时刻两个 timeout 到期, 得到", repr(e), "at", time.time())


asyncio.run(main())
