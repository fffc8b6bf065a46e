# 普通函数中的 async with
import asyncio
lock = asyncio.Lock()
def f():
    async with lock:
        pass
