import asyncio


class Worker:
    def __init__(self, name)
        self.name = name
        self.done = False

    async def run(self, delay):
        await asyncio.sleep(delay
        self.done = True

    def report(self):
        if self.done print("done")
        return f"{self.name!x}"


async def main():
    workers = [Worker(f"w{i}") for i in range(3)
    for w in workers:
        await w.run(0.1)；
    while True:
        break
    else
        pass
    try:
        results = await asyncio.gather(*[w.run(1) for w in workers])
    except ValueError, KeyError:
        pass
    return results = None


asyncio.run(main())
