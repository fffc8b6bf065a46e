# Scheduler benchmark: 10,000 tasks behind a Semaphore(100), each sleeping
# three seeded-random delays, gathered at the end.
import asyncio
import random

random.seed(2024)


async def worker(i, sem):
    async with sem:
        for _ in range(3):
            await asyncio.sleep(random.uniform(0.01, 0.5))
    return i


async def main():
    sem = asyncio.Semaphore(100)
    results = await asyncio.gather(*(worker(i, sem) for i in range(10000)))
    print(len(results), sum(results))


asyncio.run(main())
