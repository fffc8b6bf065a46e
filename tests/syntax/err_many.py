import asyncio

async def worker(name, delay)
    print(f"{name} start")
    await asyncio.sleep(delay)
    return name * 2

async def main():
    results = await asyncio.gather(worker("a", 1), worker("b" 2))
    for r in results
        print(r)
    x = = 3
    print("done"

def helper(a=1, b):
    if a = b:
        return a
    retrun b

total = 0
for i in range(10):
    total += i
print(total，i)
asyncio.run(main())
