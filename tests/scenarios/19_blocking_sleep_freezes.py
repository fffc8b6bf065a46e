# 任务里调用阻塞的 time.sleep：整个事件循环冻结，其他任务的定时器全部推迟，醒来后一起到期
import asyncio
import time


async def ticker(name, period, n):
    for i in range(n):
        await asyncio.sleep(period)
        print(f"{name} 第 {i + 1} 拍 at {time.time():.2f}")


async def blocker():
    await asyncio.sleep(0.25)
    print(f"blocker 开始 time.sleep(1.0) at {time.time():.2f}")
    time.sleep(1.0)
    print(f"blocker 醒来 at {time.time():.2f}（这期间没有任何其他任务运行）")
    await asyncio.sleep(0)
    print(f"blocker 让出一次后 at {time.time():.2f}")


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    loop.call_later(0.5, lambda: print(f"call_later(0.5) 回调实际在 {loop.time():.2f} 运行"))
    await asyncio.gather(ticker("A", 0.2, 4), ticker("B", 0.3, 3), blocker())
    print("总耗时:", loop.time() - start)
    t0 = time.monotonic()
    time.sleep(0.05)
    time.sleep(0.05)
    print("主协程里阻塞两次:", time.monotonic() - t0)


asyncio.run(main())
