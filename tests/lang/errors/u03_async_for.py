# async for 不在子集内
import asyncio

async def main(q):
    async for item in q:
        print(item)
