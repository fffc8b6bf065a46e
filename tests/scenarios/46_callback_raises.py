# 回调抛出异常：事件循环只记录错误（stderr），继续运行后面的回调和任务；done 回调里的异常也一样
import asyncio
import time


def bad_callback(tag):
    print(f"回调 {tag} 运行, 即将抛出")
    raise RuntimeError(f"回调 {tag} 出错")


def good_callback(tag):
    print(f"回调 {tag} 正常 at {time.time()}")


async def main():
    loop = asyncio.get_running_loop()
    loop.call_soon(bad_callback, "A")
    loop.call_soon(good_callback, "B")
    loop.call_later(0.2, bad_callback, "C")
    loop.call_later(0.2, good_callback, "D")
    await asyncio.sleep(0.5)
    print("main 仍在运行 at", time.time())
    fut = loop.create_future()
    fut.add_done_callback(lambda f: 1 / 0)
    fut.add_done_callback(lambda f: print("第二个 done 回调照常运行, 结果", f.result()))
    fut.set_result("ok")
    await asyncio.sleep(0)
    print("结束")


asyncio.run(main())
