# 异步生成器
import asyncio

async def ticks():
    for i in range(3):
        await asyncio.sleep(0.1)
        yield i
