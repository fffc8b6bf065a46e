# 课程风格：模拟异步爬虫——Semaphore 限流 3、固定种子的随机延迟与失败、失败重试 2 次、wait_for 超时、按完成顺序汇总
import asyncio
import random
import time

random.seed(12345)
sem = asyncio.Semaphore(3)


class FetchError(Exception):
    pass


async def fetch_once(url):
    delay = round(random.uniform(0.1, 1.2), 2)
    fail = random.random() < 0.25
    async with sem:
        await asyncio.sleep(delay)
        if fail:
            raise FetchError(f"{url} 返回 500")
    return f"{url} ({delay}s)"


async def fetch(url):
    for attempt in range(1, 4):
        try:
            return await asyncio.wait_for(fetch_once(url), timeout=1.0)
        except FetchError as e:
            print(f"  第 {attempt} 次失败: {e} at {time.time():.2f}")
        except TimeoutError:
            print(f"  第 {attempt} 次超时: {url} at {time.time():.2f}")
    return f"{url} 放弃"


async def main():
    urls = [f"page{i}.html" for i in range(8)]
    tasks = [asyncio.create_task(fetch(u), name=u) for u in urls]
    finished = []
    for fut in asyncio.as_completed(tasks):
        r = await fut
        finished.append(r)
        print(f"完成: {r} at {time.time():.2f}")
    print("共", len(finished), "个, 放弃:", sum(r.endswith("放弃") for r in finished), "总耗时", round(time.time(), 2))


asyncio.run(main())
