# A future of a Future subclass put at the head of a semaphore's waiters:
# release() wakes whatever waiter comes first, so it gets the permit before
# the task that was queued (Loopscope wakes plain futures natively and falls
# back to the library's Python code for anything else in the deque).
import asyncio


class 外来Future(asyncio.Future):
    pass


async def worker(sem):
    print("worker 等待信号量")
    async with sem:
        print("worker 拿到信号量")


async def main():
    sem = asyncio.Semaphore(0)
    t = asyncio.create_task(worker(sem))
    await asyncio.sleep(0)
    foreign = 外来Future()
    sem._waiters.appendleft(foreign)
    print("waiters:", len(sem._waiters), "locked:", sem.locked())
    sem.release()
    print("foreign done:", foreign.done(), foreign.result(), "value:", sem._value)
    await asyncio.sleep(0)
    print("worker done?", t.done())
    sem.release()
    await t
    print("value at the end:", sem._value, "waiters:", len(sem._waiters))


asyncio.run(main())
