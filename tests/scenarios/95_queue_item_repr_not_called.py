import asyncio

class Job:
    def __init__(self, n):
        self.n = n
    def __repr__(self):
        print("repr called")
        return f"Job({self.n})"

async def main():
    q = asyncio.Queue()
    await q.put(Job(1))
    print(q.qsize())

asyncio.run(main())
