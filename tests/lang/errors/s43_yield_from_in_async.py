# 协程里的 yield from
import asyncio

async def main():
    yield from asyncio.sleep(1)
