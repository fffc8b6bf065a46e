# 取消正在 Semaphore 上排队的任务：被取消者不拿许可，许可交给下一个排队者；持有者被取消时 async with 释放许可
import asyncio
import time

sem = asyncio.Semaphore(2)
log = []


async def worker(name, hold):
    print(f"{name} 排队, locked={sem.locked()}")
    try:
        async with sem:
            log.append(name)
            print(f"{name} 拿到许可 at {time.time():.2f}")
            await asyncio.sleep(hold)
            print(f"{name} 用完许可 at {time.time():.2f}")
    except asyncio.CancelledError:
        print(f"{name} 被取消 at {time.time():.2f}, 已拿到许可: {name in log}")
        raise


async def main():
    names = ["甲", "乙", "丙", "丁", "戊"]
    tasks = {n: asyncio.create_task(worker(n, 1.0), name=n) for n in names}
    await asyncio.sleep(0.1)
    print("取消排队中的 丙 和 丁")
    tasks["丙"].cancel()
    tasks["丁"].cancel()
    await asyncio.sleep(0)
    print("此时 locked:", sem.locked())
    await asyncio.sleep(0.5)
    print("取消持有许可的 甲")
    tasks["甲"].cancel()
    results = await asyncio.gather(*tasks.values(), return_exceptions=True)
    print("结果:", [type(r).__name__ if isinstance(r, BaseException) else r for r in results])
    print("拿到许可的顺序:", log, "最后 locked:", sem.locked())


asyncio.run(main())
