# Semaphore(2) 与 6 个任务：严格 FIFO 获得许可，每个时刻至多 2 个在运行；记录并发数
import asyncio
import time

sem = asyncio.Semaphore(2)
running = []
peak = [0]


async def job(i, d):
    print(f"任务{i} 请求许可 at {time.time():.2f}")
    async with sem:
        running.append(i)
        peak[0] = max(peak[0], len(running))
        print(f"任务{i} 开始 at {time.time():.2f}, 运行中 {running}")
        await asyncio.sleep(d)
        running.remove(i)
        print(f"任务{i} 结束 at {time.time():.2f}")
    return i


async def main():
    durations = [0.5, 0.2, 0.3, 0.1, 0.4, 0.1]
    res = await asyncio.gather(*(job(i, d) for i, d in enumerate(durations)))
    print("结果:", res, "峰值并发:", peak[0], "locked:", sem.locked())


asyncio.run(main())
