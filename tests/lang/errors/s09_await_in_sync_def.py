# 普通函数里的 await
import asyncio

def work():
    await asyncio.sleep(1)
