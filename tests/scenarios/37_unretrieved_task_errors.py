# 没人 await 的任务抛出异常：不影响其他任务，程序正常结束（CPython 只在 stderr 记录 "Task exception was never retrieved"）
import asyncio
import time


async def fire_and_forget(name, d):
    await asyncio.sleep(d)
    print(f"{name} 即将出错 at {time.time()}")
    raise ValueError(f"{name} 的错误没人处理")


async def steady():
    for i in range(4):
        await asyncio.sleep(0.25)
        print(f"steady 第 {i} 拍 at {time.time()}")
    return "steady 完成"


async def main():
    bg = [asyncio.create_task(fire_and_forget(f"后台{i}", 0.3 * (i + 1))) for i in range(3)]
    print(await steady())
    print("后台任务状态:", [(t.done(), type(t.exception()).__name__) for t in bg])
    asyncio.create_task(fire_and_forget("最后的孤儿", 0))
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print("main 正常返回")


asyncio.run(main())
print("asyncio.run 之后的模块代码照常运行")
