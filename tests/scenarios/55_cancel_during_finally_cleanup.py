# 取消时在 finally 中 await 做清理：清理期间任务仍在运行；清理中再次被取消会中断清理
import asyncio
import time


async def download(name):
    try:
        print(f"{name} 下载中")
        await asyncio.sleep(5)
    finally:
        print(f"{name} 开始清理临时文件 at {time.time():.1f}")
        await asyncio.sleep(0.3)
        print(f"{name} 清理完成 at {time.time():.1f}")


async def main():
    t = asyncio.create_task(download("任务一"))
    await asyncio.sleep(0.2)
    t.cancel()
    await asyncio.sleep(0.1)
    print("取消后 0.1 秒: done =", t.done())
    try:
        await t
    except asyncio.CancelledError:
        print("任务一 最终 cancelled:", t.cancelled(), "at", time.time())

    t2 = asyncio.create_task(download("任务二"))
    await asyncio.sleep(0.2)
    t2.cancel()
    await asyncio.sleep(0.1)
    print("清理中再次取消")
    t2.cancel()
    try:
        await t2
    except asyncio.CancelledError:
        print("任务二 cancelled:", t2.cancelled(), "at", time.time())


asyncio.run(main())
