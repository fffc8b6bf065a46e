# asyncio.run 的主协程抛出未捕获异常：异常从 asyncio.run 传出，之后的代码不运行；还在运行的任务在清理时被取消（它的 finally 会运行）
import asyncio
import time


class InventoryError(Exception):
    pass


async def background():
    try:
        while True:
            await asyncio.sleep(0.3)
            print(f"后台心跳 at {time.time():.1f}")
    finally:
        print(f"后台任务在 asyncio.run 清理时被取消 at {time.time():.1f}")


async def check(item, qty):
    await asyncio.sleep(0.5)
    if qty < 0:
        raise InventoryError(f"{item} 数量为负: {qty}")
    return qty


async def main():
    asyncio.create_task(background())
    total = 0
    for item, qty in [("螺丝", 10), ("螺母", 4), ("垫片", -2), ("弹簧", 7)]:
        total += await check(item, qty)
        print(f"{item} OK, 累计 {total}")
    return total


print("开始")
result = asyncio.run(main())
print("不会打印", result)
