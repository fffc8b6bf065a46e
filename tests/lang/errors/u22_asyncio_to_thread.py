# 没有线程：asyncio.to_thread 不在子集内
import asyncio
import time


async def main():
    await asyncio.to_thread(time.sleep, 1)

asyncio.run(main())
