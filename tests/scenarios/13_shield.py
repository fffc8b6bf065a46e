# shield：外层被取消（或超时）时内层任务继续运行直到完成；之后还能取得内层结果
import asyncio
import time


async def save(name, d):
    print(f"  开始保存 {name}")
    await asyncio.sleep(d)
    print(f"  {name} 保存完成 at {time.time():.2f}")
    return f"{name} 已保存"


async def handler(inner):
    try:
        return await asyncio.shield(inner)
    except asyncio.CancelledError:
        print(f"  handler 被取消 at {time.time():.2f}, inner.done()={inner.done()}")
        raise


async def main():
    inner = asyncio.create_task(save("订单", 1.0), name="保存订单")
    h = asyncio.create_task(handler(inner), name="处理请求")
    await asyncio.sleep(0.3)
    h.cancel()
    try:
        await h
    except asyncio.CancelledError:
        print("处理请求 cancelled:", h.cancelled())
    print("内层还在跑:", not inner.done())
    print("直接等待内层:", await inner, "at", time.time())

    print("-- shield + wait_for 超时")
    inner2 = asyncio.create_task(save("日志", 0.8))
    try:
        await asyncio.wait_for(asyncio.shield(inner2), 0.2)
    except TimeoutError:
        print("超时 at", time.time(), "inner2.cancelled():", inner2.cancelled())
    await asyncio.sleep(1)
    print("inner2 结果:", inner2.result())

    print("-- 取消内层本身, shield 挡不住")
    inner3 = asyncio.create_task(save("缓存", 1.0))
    outer3 = asyncio.shield(inner3)
    await asyncio.sleep(0.1)
    inner3.cancel()
    try:
        await outer3
    except asyncio.CancelledError:
        print("outer3 也被取消:", outer3.cancelled(), inner3.cancelled())

    print("-- 未被取消时 shield 是透明的:", await asyncio.shield(save("配置", 0.1)))


asyncio.run(main())
