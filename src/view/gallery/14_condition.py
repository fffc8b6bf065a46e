# Condition 生产者/消费者：货架满了面包师等，货架空了顾客等
import asyncio


async def baker(cond, shelf, count):
    for i in range(1, count + 1):
        async with cond:
            while len(shelf) >= 2:
                print("  面包师：货架满了，等顾客买走")
                await cond.wait()
            shelf.append(f"面包{i}")
            print(f"面包师：烤好面包{i}，货架 {shelf}")
            cond.notify_all()  # 叫醒所有在等的人，让他们重新检查条件
        await asyncio.sleep(0.2)


async def customer(cond, shelf, name, want):
    for _ in range(want):
        async with cond:
            if not shelf:
                print(f"  {name}：货架空了，等面包")
            await cond.wait_for(lambda: len(shelf) > 0)
            bread = shelf.pop(0)
            print(f"{name} 买走{bread}，货架 {shelf}")
            cond.notify_all()
        await asyncio.sleep(1)


async def main():
    cond = asyncio.Condition()
    shelf = []
    await asyncio.gather(
        baker(cond, shelf, 6),
        customer(cond, shelf, "顾客甲", 3),
        customer(cond, shelf, "顾客乙", 3),
    )
    print("卖完了，货架:", shelf)


if __name__ == '__main__':
    asyncio.run(main())
