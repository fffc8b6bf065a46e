# 300 个任务 + Semaphore(7) + 固定种子的随机睡眠：峰值并发、完成顺序的前后几个、总耗时
import asyncio
import random
import time

random.seed(2024)
sem = asyncio.Semaphore(7)
active = [0]
peak = [0]
finished = []


async def fetch(i, delay):
    async with sem:
        active[0] += 1
        peak[0] = max(peak[0], active[0])
        await asyncio.sleep(delay)
        active[0] -= 1
        finished.append(i)
    return round(delay, 3)


async def main():
    delays = [random.uniform(0.01, 0.5) for _ in range(300)]
    print("前 5 个延迟:", [round(d, 4) for d in delays[:5]])
    start = time.time()
    results = await asyncio.gather(*(fetch(i, d) for i, d in enumerate(delays)))
    print("完成数:", len(finished), "峰值并发:", peak[0], "当前活跃:", active[0])
    print("最先完成:", finished[:10])
    print("最后完成:", finished[-10:])
    print("结果与延迟一致:", results == [round(d, 3) for d in delays])
    print("总耗时:", time.time() - start)
    print("延迟总和/7:", sum(delays) / 7)
    print("最后一个任务名:", asyncio.create_task(asyncio.sleep(0)).get_name())


asyncio.run(main())
