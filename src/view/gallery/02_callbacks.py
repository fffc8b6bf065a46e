# 事件循环的两个队列：call_soon 进就绪队列，call_later / call_at 进定时器堆
import asyncio


def say(msg):
    loop = asyncio.get_running_loop()
    print(f"[loop.time() = {loop.time():.1f}] {msg}")


async def main():
    loop = asyncio.get_running_loop()
    loop.call_later(1, say, "call_later(1)：1 秒后")
    loop.call_later(0.5, say, "call_later(0.5)：后登记，却先到期")
    loop.call_soon(say, "call_soon：下一轮循环就执行")
    loop.call_at(loop.time() + 0.2, say, "call_at(现在 + 0.2)")
    print("main 登记了 4 个回调，现在让出控制权")

    await asyncio.sleep(0)
    print("main 回来了：call_soon 的回调已经执行过")
    await asyncio.sleep(1.5)
    print("main 结束：定时器按到期时间执行，而不是按登记顺序")


if __name__ == '__main__':
    asyncio.run(main())
