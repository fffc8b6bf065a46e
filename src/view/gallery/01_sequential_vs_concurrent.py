# 串行与并发：同样三次等待，串行要把时间加起来，并发只看最长的那一次
import asyncio
import time


async def prepare(name, seconds):
    print(f"开始{name}（要 {seconds} 秒）")
    await asyncio.sleep(seconds)
    print(f"{name}好了")
    return name


async def main():
    # 1. 串行：上一个 await 结束，下一个才开始
    start = time.time()
    await prepare("烧水", 1)
    await prepare("泡茶", 0.5)
    await prepare("烤面包", 1.5)
    print(f"串行耗时: {time.time() - start:.1f} 秒\n")

    # 2. 并发：把三个协程交给 gather，一起等待
    start = time.time()
    results = await asyncio.gather(
        prepare("烧水", 1),
        prepare("泡茶", 0.5),
        prepare("烤面包", 1.5),
    )
    print(f"并发耗时: {time.time() - start:.1f} 秒")
    print("gather 按参数顺序返回:", results)


if __name__ == '__main__':
    asyncio.run(main())
