# CPython 的 time 模块有 strptime，Loopscope 的没有：运行前就拒绝
import asyncio
import time


async def main():
    print(time.strftime("%H:%M"))
    t = time.strptime("12:30", "%H:%M")

asyncio.run(main())
