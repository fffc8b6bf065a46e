# 模糊测试发现：await 一个不可等待的对象（学员常见错误：await time.sleep(1)）时 CPython 3.13 的消息是 "object NoneType can't be used in 'await' expression"
import asyncio
import time


async def main():
    try:
        await asyncio.wait_for(5, 1)
    except TypeError as e:
        print("wait_for:", e)
    print("开始")
    await time.sleep(1)
    print("不会到这里")


asyncio.run(main())
