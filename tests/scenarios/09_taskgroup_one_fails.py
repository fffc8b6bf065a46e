# TaskGroup：一个子任务失败，仍在运行的兄弟任务被取消，async with 块等待全部结束后抛出 ExceptionGroup
import asyncio
import time


class PaymentError(Exception):
    pass


async def job(name, d, fail=False):
    try:
        await asyncio.sleep(d)
    except asyncio.CancelledError:
        print(f"  {name} 被取消 at {time.time():.2f}")
        raise
    if fail:
        print(f"  {name} 失败 at {time.time():.2f}")
        raise PaymentError(f"{name} 扣款失败")
    print(f"  {name} 完成 at {time.time():.2f}")
    return name


async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            a = tg.create_task(job("下单", 0.2), name="下单")
            b = tg.create_task(job("支付", 0.5, fail=True), name="支付")
            c = tg.create_task(job("发货", 2.0), name="发货")
            print("块内: 任务已创建")
            await asyncio.sleep(1.0)
            print("块内: 不会打印（主体也被取消）")
    except ExceptionGroup as eg:
        print("ExceptionGroup:", eg)
        print("  message:", eg.message, "子异常:", [repr(e) for e in eg.exceptions])
        print("  状态:", [(t.get_name(), t.done(), t.cancelled()) for t in (a, b, c)])
        print("  下单 的结果仍可取得:", a.result())
    print("结束 at", time.time())


asyncio.run(main())
