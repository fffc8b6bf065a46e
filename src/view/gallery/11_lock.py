# Lock：读-改-写之间有 await，不加锁就会丢失更新
import asyncio

balance = 100


async def unsafe_withdraw(who, amount):
    global balance
    current = balance  # 读
    await asyncio.sleep(0.1)  # 模拟网络延迟：别的任务此时读到的还是旧余额
    balance = current - amount  # 写
    print(f"{who} 取 {amount}，余额 {balance}")


async def safe_withdraw(lock, who, amount):
    global balance
    async with lock:
        print(f"{who} 拿到锁")
        current = balance
        await asyncio.sleep(0.1)
        balance = current - amount
        print(f"{who} 取 {amount}，余额 {balance}，释放锁")


async def main():
    global balance
    print("不加锁:")
    await asyncio.gather(unsafe_withdraw("小明", 30), unsafe_withdraw("小红", 50))
    print("最终余额:", balance, "（应该是 20）\n")

    balance = 100
    lock = asyncio.Lock()
    print("加锁:")
    await asyncio.gather(safe_withdraw(lock, "小明", 30), safe_withdraw(lock, "小红", 50))
    print("最终余额:", balance)


if __name__ == '__main__':
    asyncio.run(main())
