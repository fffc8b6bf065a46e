# Lock 等待者被取消：不影响后面的等待者；持锁者被取消时 async with 释放锁；锁在释放瞬间被取消的等待者会把锁让给下一个
import asyncio
import time

lock = asyncio.Lock()


async def user(name, hold):
    try:
        async with lock:
            print(f"{name} 持锁 at {time.time():.1f}")
            await asyncio.sleep(hold)
        print(f"{name} 释放 at {time.time():.1f}")
    except asyncio.CancelledError:
        print(f"{name} 被取消 at {time.time():.1f}, locked={lock.locked()}")
        raise


async def main():
    ts = {n: asyncio.create_task(user(n, 1.0)) for n in "ABCD"}
    await asyncio.sleep(0.5)
    ts["B"].cancel()
    await asyncio.sleep(0.5)
    print("A 释放时刻, C 被唤醒前取消 C")
    ts["C"].cancel()
    await asyncio.sleep(0.1)
    ts["D"].cancel()
    r = await asyncio.gather(*ts.values(), return_exceptions=True)
    print("结果:", [type(x).__name__ if x is not None else None for x in r], "locked:", lock.locked())


asyncio.run(main())
