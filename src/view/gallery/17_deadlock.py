# 死锁：两个任务各拿一把锁，又去等对方手里的锁，谁也不让谁
import asyncio


async def transfer(name, first, second, first_name, second_name):
    async with first:
        print(f"{name} 拿到{first_name}")
        await asyncio.sleep(0.5)
        print(f"{name} 等待{second_name}……")
        async with second:
            print(f"{name} 两把锁都拿到了")  # 永远执行不到


async def main():
    lock_a = asyncio.Lock()
    lock_b = asyncio.Lock()
    await asyncio.gather(
        transfer("任务1", lock_a, lock_b, "锁A", "锁B"),
        transfer("任务2", lock_b, lock_a, "锁B", "锁A"),
    )
    print("这一行永远不会打印")


if __name__ == '__main__':
    asyncio.run(main())
