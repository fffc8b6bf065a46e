# task.cancel(msg)：消息出现在 CancelledError.args；cancelling() 计数、uncancel() 撤销；多次 cancel；取消已完成的任务返回 False
import asyncio
import time


async def sleeper(name):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError as e:
        me = asyncio.current_task()
        print(f"  {name} 收到 CancelledError args={e.args} cancelling={me.cancelling()}")
        raise


async def survivor():
    me = asyncio.current_task()
    for round_ in range(3):
        try:
            await asyncio.sleep(1)
            print(f"  survivor 第 {round_} 轮正常结束")
        except asyncio.CancelledError as e:
            print(f"  survivor 第 {round_} 轮被取消 {e.args}, cancelling={me.cancelling()}")
            left = me.uncancel()
            print(f"  uncancel() -> {left}, 继续工作")
    return "survivor 活下来了"


async def main():
    t = asyncio.create_task(sleeper("甲"), name="甲")
    await asyncio.sleep(0.1)
    print("cancel 返回:", t.cancel("用户点了停止"), " cancelling:", t.cancelling())
    print("再 cancel 一次:", t.cancel("第二次"), " cancelling:", t.cancelling())
    try:
        await t
    except asyncio.CancelledError as e:
        print("await 甲 ->", repr(e), "cancelled():", t.cancelled())
    print("取消已完成的任务:", t.cancel())

    s = asyncio.create_task(survivor(), name="survivor")
    await asyncio.sleep(0.5)
    s.cancel("第一次打断")
    await asyncio.sleep(0.5)
    s.cancel()
    print("survivor 结果:", await s, "cancelled():", s.cancelled(), "cancelling():", s.cancelling(), "at", time.time())

    u = asyncio.create_task(sleeper("乙"), name="乙")
    u.cancel("开始前就取消")
    print("未开始就取消, cancelling:", u.cancelling())
    r = await asyncio.gather(u, return_exceptions=True)
    print("gather 收集:", r, "消息:", repr(r[0].args))
    try:
        u.result()
    except asyncio.CancelledError as e:
        print("result() ->", repr(e))


asyncio.run(main())
