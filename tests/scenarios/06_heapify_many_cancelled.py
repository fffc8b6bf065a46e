# 超过 100 个定时器且一半以上被取消：先取消 40%（--trace 里能看到 x 标记留在堆中），再取消到 90%，下一轮 _run_once 用 heapify 重建堆，同一截止时间的触发顺序随之改变
import asyncio

fired = []


async def sleeper(i):
    await asyncio.sleep(6.0)
    fired.append(f"T{i}")


async def main():
    loop = asyncio.get_running_loop()
    handles = []
    for i in range(120):
        handles.append(loop.call_later(5.0 + (i % 3), fired.append, i))
    tasks = [asyncio.create_task(sleeper(i)) for i in range(3)]
    for i in range(120):
        if i % 5 in (1, 3):
            handles[i].cancel()
    print("第一批取消:", sum(h.cancelled() for h in handles), "个, 还不到一半, 不会 heapify")
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    for i in range(120):
        if i % 10 != 0:
            handles[i].cancel()
    print("第二批取消后:", sum(h.cancelled() for h in handles), "个, 保留:", [i for i in range(120) if not handles[i].cancelled()])
    await asyncio.sleep(0)
    print("heapify 之后, 睡到所有定时器触发")
    await asyncio.sleep(10)
    print("触发顺序:", fired)
    await asyncio.gather(*tasks)


asyncio.run(main())
