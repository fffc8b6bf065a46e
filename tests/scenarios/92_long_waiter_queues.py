# A semaphore with 40 waiters, some cancelled from the middle of the queue and
# some from its head; a queue drained and refilled past its first items. The
# waiter deques are long enough that their dead head is compacted away.
import asyncio


async def worker(sem, i, log):
    async with sem:
        log.append(i)
        await asyncio.sleep(0.01)


async def main():
    sem = asyncio.Semaphore(2)
    log = []
    tasks = [asyncio.create_task(worker(sem, i, log)) for i in range(40)]
    await asyncio.sleep(0)
    print('locked:', sem.locked(), 'waiters:', len(sem._waiters))
    for i in (20, 21, 5, 39):
        tasks[i].cancel()
    await asyncio.sleep(0.025)
    tasks[6].cancel()
    tasks[7].cancel()
    results = await asyncio.gather(*tasks, return_exceptions=True)
    print('order:', log)
    print('cancelled:', [i for i, r in enumerate(results) if isinstance(r, asyncio.CancelledError)])

    q = asyncio.Queue()
    for i in range(30):
        q.put_nowait(i)
    got = [q.get_nowait() for _ in range(25)]
    for i in range(30, 40):
        q.put_nowait(i)
    print('got:', got[-3:], 'left:', q.qsize(), q.get_nowait(), q.get_nowait())

    getters = [asyncio.create_task(q.get()) for _ in range(20)]
    await asyncio.sleep(0)
    print('qsize after getters:', q.qsize())
    getters[0].cancel()
    getters[15].cancel()
    for i in range(100, 110):
        await q.put(i)
    done = [g.result() for g in getters if g.done() and not g.cancelled()]
    print('served:', done)
    for g in getters:
        g.cancel()
    await asyncio.sleep(0)


asyncio.run(main())
