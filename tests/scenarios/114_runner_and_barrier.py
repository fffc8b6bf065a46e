# asyncio.Runner：同一个事件循环跑几次 run()，close() 取消剩下的任务、关闭
# 异步生成器；asyncio.Barrier 的等待、排空、reset 和 abort；以及
# asyncio.iscoroutinefunction。
import asyncio


async def 慢(名字, 秒):
    try:
        await asyncio.sleep(秒)
        print(名字, "完成")
    except asyncio.CancelledError:
        print(名字, "被取消")
        raise
    return 名字


async def 第一次():
    asyncio.create_task(慢("后台", 10))
    return await 慢("前台", 0.5)


async def 计数():
    try:
        for i in range(3):
            yield i
    finally:
        print("计数收尾")


async def 第二次():
    global 生成器
    生成器 = 计数()
    print(await anext(生成器))
    print("任务数:", len(asyncio.all_tasks()))
    return asyncio.get_running_loop() is 外面的循环


with asyncio.Runner() as runner:
    外面的循环 = runner.get_loop()
    print(runner.run(第一次()))
    print(runner.run(第二次()))
try:
    runner.run(第一次())
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    asyncio.Runner().run(慢)
except ValueError as e:
    print("ValueError:", str(e).split(" at ")[0])
print(asyncio.iscoroutinefunction(慢), asyncio.iscoroutinefunction(print), asyncio.iscoroutinefunction(计数))


async def 参与者(屏障, 名字, 秒):
    await asyncio.sleep(秒)
    print(名字, "到达，等待中", 屏障.n_waiting)
    位置 = await 屏障.wait()
    print(名字, "通过，位置", 位置)


async def 屏障演示():
    屏障 = asyncio.Barrier(3)
    await asyncio.gather(*(参与者(屏障, f"P{i}", i * 0.1) for i in range(3)))
    print("第二轮")
    async with asyncio.TaskGroup() as tg:
        for i in range(3):
            tg.create_task(参与者(屏障, f"Q{i}", 0.3 - i * 0.1))
    等待者 = asyncio.create_task(参与者(屏障, "R", 0))
    await asyncio.sleep(0.1)
    await 屏障.reset()
    try:
        await 等待者
    except asyncio.BrokenBarrierError as e:
        print("BrokenBarrierError:", e)
    await 屏障.abort()
    print(屏障.broken, 屏障.parties, 屏障.n_waiting)
    try:
        await 屏障.wait()
    except asyncio.BrokenBarrierError as e:
        print("BrokenBarrierError:", e, isinstance(e, RuntimeError))
    try:
        asyncio.Barrier(0)
    except ValueError as e:
        print("ValueError:", e)


asyncio.run(屏障演示())
