# BoundedSemaphore：release 超过初始值抛 ValueError；普通 Semaphore 可以被多 release 而“变大”
import asyncio


async def main():
    b = asyncio.BoundedSemaphore(2)
    await b.acquire()
    b.release()
    try:
        b.release()
    except ValueError as e:
        print("BoundedSemaphore 多 release:", repr(e))
    async with b:
        async with b:
            print("两个许可都用上, locked:", b.locked())
    print("退出后 locked:", b.locked())

    s = asyncio.Semaphore(1)
    s.release()
    s.release()
    got = 0
    for _ in range(3):
        await s.acquire()
        got += 1
    print("普通 Semaphore 多 release 后可 acquire", got, "次, locked:", s.locked())

    try:
        asyncio.Semaphore(-1)
    except ValueError as e:
        print("负初值:", e)

    z = asyncio.Semaphore(0)

    async def taker(n):
        async with z:
            print(f"taker{n} 拿到 Semaphore(0) 的许可")

    ts = [asyncio.create_task(taker(i)) for i in range(3)]
    await asyncio.sleep(0.1)
    print("初值 0 时都在等, locked:", z.locked())
    z.release()
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    z.release()
    z.release()
    await asyncio.gather(*ts)
    print("都完成")

    bs = asyncio.BoundedSemaphore(1)
    try:
        async with bs:
            raise KeyError("块内出错")
    except KeyError as e:
        print("异常时也释放:", repr(e), "locked:", bs.locked())


asyncio.run(main())
