# 5 个任务用 sleep(0) 轮转：每轮按就绪队列顺序各走一步；中途有任务结束、有任务新加入
import asyncio

trace = []


async def spinner(name, steps):
    for i in range(steps):
        trace.append(f"{name}{i}")
        await asyncio.sleep(0)
    trace.append(f"{name}完")


async def main():
    tasks = [asyncio.create_task(spinner(n, k)) for n, k in zip("ABCDE", [3, 1, 4, 2, 3])]
    await asyncio.sleep(0)
    tasks.append(asyncio.create_task(spinner("F", 2)))
    await asyncio.gather(*tasks)
    print(" ".join(trace))
    rounds = []
    line = []
    for item in trace:
        if item.startswith("A") and line:
            rounds.append(line)
            line = []
        line.append(item)
    rounds.append(line)
    for i, r in enumerate(rounds):
        print(f"第 {i} 段:", r)


asyncio.run(main())
