# 任务捕获 CancelledError 后不再抛出，继续运行：任务最终正常完成，cancelled() 为 False；取消者的等待因此落空
import asyncio
import time


async def stubborn():
    done = 0
    while done < 3:
        try:
            await asyncio.sleep(0.5)
            done += 1
            print(f"  stubborn 完成第 {done} 段 at {time.time()}")
        except asyncio.CancelledError:
            print(f"  stubborn 忽略了取消 at {time.time()}")
    return "全部完成"


async def cleanup_then_return():
    try:
        await asyncio.sleep(5)
    except asyncio.CancelledError:
        print("  清理中…")
        await asyncio.sleep(0.2)
        print("  清理完毕, 返回结果而不是重新抛出")
        return "部分结果"


async def main():
    t = asyncio.create_task(stubborn())
    await asyncio.sleep(0.2)
    t.cancel()
    await asyncio.sleep(0.6)
    t.cancel()
    r = await t
    print("结果:", r, "cancelled():", t.cancelled(), "at", time.time())

    c = asyncio.create_task(cleanup_then_return())
    await asyncio.sleep(0.1)
    c.cancel()
    print("cancel 后立即: done =", c.done())
    print("结果:", await c, "cancelled():", c.cancelled())

    w = asyncio.create_task(cleanup_then_return())
    try:
        r = await asyncio.wait_for(w, 0.1)
        print("wait_for 拿到了内部返回的结果:", r, "at", time.time())
    except TimeoutError:
        print("wait_for 超时")


asyncio.run(main())
