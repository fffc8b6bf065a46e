# 老式写法：get_event_loop + run_until_complete / run_forever（asyncio.run 出现之前的教程常见）
import asyncio
import time


async def fetch(name, delay):
    print(f"{name} 开始")
    await asyncio.sleep(delay)
    print(f"{name} 完成 at {time.time():.2f}")
    return name.upper()


async def main():
    results = await asyncio.gather(fetch("a", 0.2), fetch("b", 0.1))
    print("gather:", results)
    return len(results)


loop = asyncio.get_event_loop()
print("运行中?", loop.is_running(), "已关闭?", loop.is_closed())
# 在 run_until_complete 之前就可以创建任务：它会在循环运行时开始
early = loop.create_task(fetch("early", 0.3))
n = loop.run_until_complete(main())
print("main 返回", n, "early 完成?", early.done(), "时间", loop.time())
# 循环停下时，未完成的任务和定时器都还在，下次运行继续
print("early 结果:", loop.run_until_complete(early))


def tick(count):
    print("tick", count, "at", round(loop.time(), 2))
    if count > 1:
        loop.call_later(0.5, tick, count - 1)
    else:
        loop.stop()


loop.call_soon(tick, 3)
loop.run_forever()
print("run_forever 结束于", round(loop.time(), 2))
try:
    loop.run_until_complete(42)
except TypeError as e:
    print("TypeError:", e)
loop.close()
print("关闭后:", loop.is_closed())
try:
    loop.run_until_complete(fetch("late", 1))
except RuntimeError as e:
    print("RuntimeError:", e)
