# 浮点截止时间的累积误差：循环里每次 sleep(0.1) 与按绝对时间 call_at(start + k*0.1) 的差别
import asyncio
import time


async def drifting(n):
    stamps = []
    for _ in range(n):
        await asyncio.sleep(0.1)
        stamps.append(time.time())
    return stamps


async def main():
    loop = asyncio.get_running_loop()
    stamps = await drifting(12)
    print("连续 sleep(0.1):")
    for k, s in enumerate(stamps, 1):
        print(f"  {k:>2}: {s!r:<22} 期望 {k / 10!r:<5} 差 {s - k / 10!r}")
    base = loop.time()
    fired = []
    for k in range(1, 8):
        loop.call_at(base + k * 0.1, lambda k=k: fired.append((k, loop.time())))
    await asyncio.sleep(1)
    print("call_at 绝对时间:", fired)
    t = 0.0
    while t < 1.0:
        t += 0.1
    print("while t < 1.0 累加循环结束时 t =", t)
    mixed = asyncio.create_task(drifting(3))
    await asyncio.sleep(0.3)
    print("同时 sleep(0.3) 的 main 醒来 at", time.time(), "任务已完成:", mixed.done())
    print("任务的时间戳:", await mixed)


asyncio.run(main())
