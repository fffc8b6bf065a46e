import asyncio
import time

class YieldToEventLoop:
    def __await__(self):
        yield

async def simpler_async_sleep(seconds):
    time_to_wake = time.time() + seconds
    while True:
        if time.time() >= time_to_wake:
            return
        else:
            await YieldToEventLoop()

async def ticker():
    for i in range(3):
        print("tick", i)
        await YieldToEventLoop()

async def main():
    t = asyncio.create_task(ticker())
    await simpler_async_sleep(0)
    await t
    print("done")

asyncio.run(main())
