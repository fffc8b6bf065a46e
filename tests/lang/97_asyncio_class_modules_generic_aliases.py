# asyncio 的类来自 CPython 的哪个模块（打印类型时可见），以及 Queue[int] 这样的注解
import asyncio
import collections
from collections import deque, defaultdict, Counter, OrderedDict

for n in ['Barrier', 'BoundedSemaphore', 'BrokenBarrierError', 'CancelledError', 'Condition', 'Event', 'Future',
          'Handle', 'InvalidStateError', 'LifoQueue', 'Lock', 'PriorityQueue', 'Queue', 'QueueEmpty', 'QueueFull',
          'QueueShutDown', 'Runner', 'Semaphore', 'Task', 'TaskGroup', 'Timeout', 'TimeoutError', 'TimerHandle']:
    print(n, getattr(asyncio, n))

queue: asyncio.Queue[int] = asyncio.Queue()
print(asyncio.Future[int] == asyncio.Future[int], deque[int], defaultdict[str, list[int]], Counter[str], OrderedDict[str, int])
print(asyncio.PriorityQueue[tuple[int, str]], asyncio.LifoQueue[int], collections.ChainMap[str, int], asyncio.Task[None])


class Worker:
    inbox: asyncio.Queue[str]
    done: dict[str, float] = {}


print(Worker.__annotations__)
print(type(asyncio.Queue[int]).__name__, asyncio.Queue[int]().qsize())
for cls in (asyncio.Event, Worker, ValueError):
    try:
        cls[int]
    except TypeError as e:
        print(e)


async def main():
    try:
        async with asyncio.timeout(0.1):
            await asyncio.sleep(1)
    except TimeoutError as e:
        print(type(e), type(e.__context__))
    t = asyncio.create_task(asyncio.sleep(1))
    await asyncio.sleep(0)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError as e:
        print(type(e), type(t), type(asyncio.get_running_loop().call_soon(print)))


asyncio.run(main())
