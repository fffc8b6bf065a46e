# TaskGroup 正常路径：收集结果、子任务里再往同一个组加任务、块结束前的等待、退出后不能再 create_task
import asyncio
import time


async def fetch(tg, url, depth, results):
    await asyncio.sleep(0.1 * len(url) / 4)
    results.append((url, round(time.time(), 2)))
    if depth > 0:
        for child in ("a", "b"):
            tg.create_task(fetch(tg, url + "/" + child, depth - 1, results))
    return url


async def main():
    results = []
    async with asyncio.TaskGroup() as tg:
        first = tg.create_task(fetch(tg, "站点", 2, results))
        print("块内: 创建了第一个任务, 块将等待所有任务")
    print("块结束 at", time.time(), "first.result():", first.result())
    print("抓取了", len(results), "个页面:")
    for url, at in results:
        print("  ", at, url)
    try:
        tg.create_task(asyncio.sleep(0))
    except RuntimeError as e:
        print("RuntimeError:", e)

    async with asyncio.TaskGroup() as tg2:
        ts = [tg2.create_task(asyncio.sleep(0.1 * i, result=i * i)) for i in range(5)]
    print("结果:", [t.result() for t in ts])
    async with asyncio.TaskGroup():
        pass
    print("空 TaskGroup 直接结束 at", time.time())


asyncio.run(main())
