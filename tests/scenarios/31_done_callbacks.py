# add_done_callback：lambda 与普通函数；回调在 set_result 之后的下一轮运行（不是立即）；对已完成的 future 添加回调；remove_done_callback
import asyncio
import time


def report(fut):
    if fut.cancelled():
        print("  report: 已取消")
    elif fut.exception() is not None:
        print("  report: 异常", repr(fut.exception()))
    else:
        print("  report: 结果", fut.result())


async def compute(x):
    await asyncio.sleep(0.2)
    return x * x


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    fut.add_done_callback(report)
    fut.add_done_callback(lambda f: print("  lambda: done =", f.done()))
    fut.add_done_callback(report)
    print("set_result 之前")
    fut.set_result(42)
    print("set_result 之后, 回调还没运行")
    await asyncio.sleep(0)
    print("一轮之后")

    fut.add_done_callback(lambda f: print("  对已完成的 future 添加: 也是下一轮才运行"))
    print("添加完毕")
    await asyncio.sleep(0)

    t = asyncio.create_task(compute(7), name="平方")
    t.add_done_callback(report)
    t.add_done_callback(lambda task: print(f"  任务 {task.get_name()} 完成 at {time.time()}"))
    print("await 任务:", await t)

    f2 = loop.create_future()
    f2.add_done_callback(report)
    removed = f2.remove_done_callback(report)
    f2.add_done_callback(report)
    f2.set_exception(ValueError("坏了"))
    await asyncio.sleep(0)
    print("remove_done_callback 移除了", removed, "个")

    f3 = loop.create_future()
    f3.add_done_callback(report)
    f3.cancel()
    await asyncio.sleep(0)

    results = []
    tasks = [asyncio.create_task(compute(i)) for i in range(4)]
    for tk in tasks:
        tk.add_done_callback(lambda tk: results.append(tk.result()))
    await asyncio.gather(*tasks)
    print("gather 返回时回调已运行:", results)


asyncio.run(main())
