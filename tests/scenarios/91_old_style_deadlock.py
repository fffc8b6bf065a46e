# 老式写法里的死锁：run_until_complete 等一个永远不会完成的 future
import asyncio


async def waiter(fut):
    print("等待 future ...")
    return await fut


loop = asyncio.get_event_loop()
fut = loop.create_future()
loop.call_later(0.5, print, "定时器 0.5 触发（但没人 set_result）")
print(loop.run_until_complete(waiter(fut)))
print("不会到达")
