# Event：set 唤醒所有等待者（FIFO）、is_set、clear 后再等待、set 后立刻 clear 仍会唤醒已在等的任务、已 set 时 wait 立即返回
import asyncio
import time

ev = asyncio.Event()


async def waiter(name):
    print(f"{name} 等待, is_set={ev.is_set()}")
    r = await ev.wait()
    print(f"{name} 被唤醒 at {time.time():.1f}, wait 返回 {r}, 现在 is_set={ev.is_set()}")


async def main():
    ws = [asyncio.create_task(waiter(n)) for n in ["一", "二", "三"]]
    await asyncio.sleep(0.5)
    print("set()")
    ev.set()
    ev.set()
    await asyncio.gather(*ws)
    print("已 set 时 wait 立即返回:", await ev.wait())
    ev.clear()
    print("clear 后 is_set:", ev.is_set())
    ws = [asyncio.create_task(waiter(n)) for n in ["四", "五"]]
    await asyncio.sleep(0.5)
    print("set() 后立刻 clear()")
    ev.set()
    ev.clear()
    await asyncio.gather(*ws)
    late = asyncio.create_task(waiter("六"))
    await asyncio.sleep(0.5)
    print("六 仍在等:", not late.done())
    asyncio.get_running_loop().call_later(0.25, ev.set)
    await late
    print("结束 at", time.time())


asyncio.run(main())
