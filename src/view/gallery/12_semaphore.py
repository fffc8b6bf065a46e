# Semaphore：同一时刻最多 2 个任务进入，其余的排队，先来先得
import asyncio


async def crawl(sem, active, page, seconds):
    print(f"{page} 排队")
    async with sem:
        active.append(page)
        print(f"{page} 开始抓取，正在抓取: {active}")
        await asyncio.sleep(seconds)
        active.remove(page)
        print(f"{page} 抓取完毕")


async def main():
    sem = asyncio.Semaphore(2)
    active = []
    jobs = [("第1页", 1), ("第2页", 0.5), ("第3页", 0.8), ("第4页", 0.5), ("第5页", 0.3)]
    await asyncio.gather(*[crawl(sem, active, page, s) for page, s in jobs])
    print("全部完成")


if __name__ == '__main__':
    asyncio.run(main())
