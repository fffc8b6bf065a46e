# A semaphore released before any loop runs, and from a plain loop callback:
# release() needs no running task (Loopscope once asked for the current task
# and raised "no running event loop").
import asyncio

sem = asyncio.Semaphore(1)
sem.release()
print("value after release outside a loop:", sem._value)


async def holder(name, delay):
    async with sem:
        print(name, "holds it")
        await asyncio.sleep(delay)
    print(name, "released it")


async def main():
    await sem.acquire()
    await sem.acquire()
    print("main took both; locked:", sem.locked())
    loop = asyncio.get_running_loop()
    loop.call_later(0.1, sem.release)
    loop.call_later(0.2, sem.release)
    await asyncio.gather(holder("a", 0.05), holder("b", 0.05))
    print("value at the end:", sem._value)


asyncio.run(main())
