import asyncio


async def worker(name, delay):
    print(f"{name} 开始")
    await asyncio.sleep(delay)
    print(f"{name} 完成")
    return name


async def main():
    results = await asyncio.gather(worker("A", 1), worker("B", 0.5))
    print("结果:", results)


asyncio.run(main())
