# call_soon / call_later / call_at 与任务步骤交错；回调的参数可以是 future 或 task；call_soon(list.append, x)
import asyncio
import time

log = []


def show(tag):
    log.append(tag)
    print(f"  回调 {tag} at {time.time():.2f}")


def resolve(fut, value):
    print(f"  resolve 回调: 给 future 设置结果 {value!r}")
    fut.set_result(value)


def inspect(task):
    print(f"  inspect 回调: {task.get_name()} done={task.done()}")


async def worker(name, n):
    for i in range(n):
        print(f"  {name} 第 {i} 步")
        await asyncio.sleep(0)


async def main():
    loop = asyncio.get_running_loop()
    loop.call_soon(show, "soon-1")
    loop.call_later(0, show, "later-0")
    loop.call_soon(show, "soon-2")
    t = asyncio.create_task(worker("W", 3), name="W")
    loop.call_soon(inspect, t)
    print("main 让出")
    await asyncio.sleep(0)
    print("main 回来")
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print("W 完成了吗:", t.done())

    fut = loop.create_future()
    loop.call_later(0.3, resolve, fut, "定时结果")
    loop.call_at(loop.time() + 0.2, show, "at+0.2")
    loop.call_later(0.1, show, "later-0.1")
    print("等待 future…")
    print("future 结果:", await fut, "at", time.time())

    items = []
    loop.call_soon(items.append, "x")
    loop.call_soon(items.append, "y")
    loop.call_soon(items.extend, ["z1", "z2"])
    h = loop.call_soon(items.append, "被取消")
    h.cancel()
    await asyncio.sleep(0)
    print("list.append 回调:", items)

    t2 = asyncio.create_task(worker("V", 1), name="V")
    loop.call_soon(inspect, t2)
    loop.call_later(0.05, inspect, t2)
    await asyncio.sleep(0.1)
    print("回调记录:", log)


asyncio.run(main())
