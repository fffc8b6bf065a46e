# 多个任务等待同一个 Future：set_result 后按等待顺序唤醒；取消直接 await 它的任务会连带取消 future 本身；ensure_future 对 future 原样返回；all_tasks 的数量
import asyncio
import time


async def waiter(name, fut):
    print(f"{name} 开始等待")
    v = await fut
    print(f"{name} 拿到 {v!r} at {time.time()}")
    return name


async def main():
    loop = asyncio.get_event_loop()
    fut = loop.create_future()
    print("ensure_future(future) is future:", asyncio.ensure_future(fut) is fut)
    ws = [asyncio.create_task(waiter(n, fut)) for n in ["甲", "乙", "丙"]]
    await asyncio.sleep(0)
    print("所有任务数:", len(asyncio.all_tasks()), " 当前任务在其中:", asyncio.current_task() in asyncio.all_tasks())
    loop.call_later(0.5, fut.set_result, "共享结果")
    print("等待者:", await asyncio.gather(*ws))
    print("之后所有任务数:", len(asyncio.all_tasks()))

    f2 = loop.create_future()
    late = [asyncio.create_task(waiter(n, f2)) for n in ["丁", "戊"]]
    await asyncio.sleep(0.1)
    late[0].cancel()
    await asyncio.sleep(0)
    print("取消直接 await 它的任务 丁, future 本身也被取消:", f2.done(), f2.cancelled())
    r = await asyncio.gather(*late, return_exceptions=True)
    print("丁/戊:", [type(x).__name__ for x in r])
    try:
        f2.set_result(7)
    except asyncio.InvalidStateError as e:
        print("已取消的 future 不能再 set_result:", repr(e))
    f3 = loop.create_future()
    shielded = asyncio.create_task(waiter("己", asyncio.shield(f3)))
    await asyncio.sleep(0)
    shielded.cancel()
    await asyncio.sleep(0)
    print("用 shield 包一层, 取消等待者后 f3 未被取消:", f3.cancelled(), shielded.cancelled())


asyncio.run(main())
