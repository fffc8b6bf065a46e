# TaskGroup：两个子任务在同一时刻失败，都进入 ExceptionGroup（2 sub-exceptions）；子任务在取消清理中再失败；块主体自己抛错
import asyncio
import time


async def fail_at(name, d, exc):
    await asyncio.sleep(d)
    print(f"  {name} 抛出 {exc!r} at {time.time()}")
    raise exc


async def stubborn(name):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print(f"  {name} 清理时又出错")
        raise RuntimeError(f"{name} 清理失败")


async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fail_at("A", 0.5, ValueError("A 坏了")))
            tg.create_task(fail_at("B", 0.5, KeyError("B")))
    except ExceptionGroup as eg:
        print("1)", eg, [repr(e) for e in eg.exceptions])

    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fail_at("C", 0.3, ZeroDivisionError("除零")))
            tg.create_task(stubborn("D"))
    except ExceptionGroup as eg:
        print("2)", eg, [repr(e) for e in eg.exceptions])

    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fail_at("E", 0.1, ValueError("E")))
            await asyncio.sleep(1)
            print("  主体不会到这里")
    except ExceptionGroup as eg:
        print("3) 主体在等待中被取消:", eg, [repr(e) for e in eg.exceptions])

    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(stubborn("F"))
            await asyncio.sleep(0.2)
            raise IndexError("主体自己出错")
    except ExceptionGroup as eg:
        print("4) 主体出错:", eg, [repr(e) for e in eg.exceptions])
    except IndexError as e:
        print("4) 主体的异常原样抛出:", repr(e))
    print("结束 at", time.time())


asyncio.run(main())
