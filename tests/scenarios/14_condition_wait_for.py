# Condition.wait_for(predicate)：谓词先检查一次，满足则不等待；每次被 notify 唤醒后重新拿锁再检查；返回谓词的值
import asyncio
import time

cond = asyncio.Condition()
stock = {"苹果": 0}


async def buyer(name, need):
    async with cond:
        print(f"{name} 需要 {need} 个, 现有 {stock['苹果']}")
        checks = 0

        def enough():
            nonlocal checks
            checks += 1
            return stock["苹果"] >= need

        got = await cond.wait_for(enough)
        stock["苹果"] -= need
        print(f"{name} 买到 {need} 个 at {time.time():.1f}, 谓词检查 {checks} 次, 返回 {got}, 剩 {stock['苹果']}")


async def supplier():
    for qty in [1, 2, 4, 1]:
        await asyncio.sleep(0.5)
        async with cond:
            stock["苹果"] += qty
            print(f"补货 +{qty} -> {stock['苹果']} at {time.time():.1f}, notify_all")
            cond.notify_all()


async def main():
    stock["苹果"] = 1
    buyers = [asyncio.create_task(buyer(n, k)) for n, k in [("甲", 1), ("乙", 3), ("丙", 2), ("丁", 4)]]
    await asyncio.sleep(0)
    sup = asyncio.create_task(supplier())
    await asyncio.gather(sup, *buyers[:3])
    print("丁 还在等:", not buyers[3].done(), "锁空闲:", not cond.locked())
    async with cond:
        stock["苹果"] += 10
        cond.notify(1)
    await buyers[3]
    async with cond:
        r = await cond.wait_for(lambda: "直接返回谓词的真值")
    print("wait_for 返回:", r, "at", time.time())


asyncio.run(main())
