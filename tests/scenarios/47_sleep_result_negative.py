# asyncio.sleep 的细节：result= 参数、负数与 0 的延迟（都只让出一次）、call_at 过去的时间、call_later 负延迟
import asyncio
import time


async def main():
    loop = asyncio.get_running_loop()
    print("sleep(result=):", await asyncio.sleep(0.1, result="醒了"), await asyncio.sleep(0, "零"), await asyncio.sleep(-5, ["负"]))
    order = []

    async def marker(tag, d):
        await asyncio.sleep(d)
        order.append(tag)

    ts = [asyncio.create_task(marker(t, d)) for t, d in [("零", 0), ("负一", -1), ("极小", 1e-12), ("一毫秒", 0.001)]]
    await asyncio.gather(*ts)
    print("顺序:", order, "at", time.time())
    seen = []
    loop.call_at(loop.time() - 10, seen.append, "过去的 call_at")
    loop.call_later(-1, seen.append, "负的 call_later")
    loop.call_soon(seen.append, "call_soon")
    await asyncio.sleep(0)
    print("一轮之后:", seen)
    await asyncio.sleep(0)
    print("两轮之后:", seen)
    t0 = loop.time()
    await asyncio.sleep(0.3)
    print("loop.time() 与 time.monotonic() 一致:", loop.time() == time.monotonic(), loop.time() - t0)


asyncio.run(main())
