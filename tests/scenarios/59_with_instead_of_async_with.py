# 模糊测试发现：用 with（而不是 async with）使用 asyncio.Lock、async with 一个普通对象时 CPython 3.13 的消息没有 "(missed __enter__ method)" 后缀
import asyncio


async def main():
    lock = asyncio.Lock()
    try:
        with lock:
            print("拿到锁")
    except TypeError as e:
        print(e)
    try:
        async with open:
            pass
    except TypeError as e:
        print(e)


asyncio.run(main())
