# asyncio.wait 三种模式与 timeout：done/pending 是集合，打印前按名字排序；wait 不会抛出子任务的异常，也不会取消超时的任务
import asyncio
import time


class JobError(Exception):
    pass


async def job(name, d, fail=False):
    await asyncio.sleep(d)
    if fail:
        raise JobError(name)
    return name


def names(tasks):
    return sorted(t.get_name() for t in tasks)


def make(specs):
    return [asyncio.create_task(job(n, d, f), name=n) for n, d, f in specs]


async def main():
    specs = [("a", 0.3, False), ("b", 0.1, False), ("c", 0.2, True), ("d", 0.5, False)]

    ts = make(specs)
    done, pending = await asyncio.wait(ts, return_when=asyncio.FIRST_COMPLETED)
    print(f"FIRST_COMPLETED at {time.time():.1f}: done={names(done)} pending={names(pending)}")
    await asyncio.wait(pending)

    ts = make(specs)
    done, pending = await asyncio.wait(ts, return_when=asyncio.FIRST_EXCEPTION)
    print(f"FIRST_EXCEPTION at {time.time():.1f}: done={names(done)} pending={names(pending)}")
    print("  异常:", sorted(repr(t.exception()) for t in done if t.exception()))
    await asyncio.wait(pending)

    ts = make(specs)
    done, pending = await asyncio.wait(ts, return_when=asyncio.ALL_COMPLETED)
    print(f"ALL_COMPLETED at {time.time():.1f}: done={names(done)} pending={names(pending)}")
    print("  结果:", {t.get_name(): (repr(t.exception()) if t.exception() else t.result()) for t in ts})

    ts = make(specs)
    done, pending = await asyncio.wait(ts, timeout=0.25)
    print(f"timeout=0.25 at {time.time():.2f}: done={names(done)} pending={names(pending)}")
    print("  超时不取消:", [t.cancelled() for t in ts])
    done2, pending2 = await asyncio.wait(pending, timeout=10, return_when=asyncio.FIRST_COMPLETED)
    print(f"  再等 FIRST_COMPLETED at {time.time():.2f}: done={names(done2)} pending={names(pending2)}")
    for t in pending2:
        t.cancel()
    await asyncio.wait(pending2)

    ts = make([("x", 0.1, False), ("y", 0.2, False)])
    done, pending = await asyncio.wait(ts, return_when=asyncio.FIRST_EXCEPTION)
    print(f"FIRST_EXCEPTION 无异常时等全部 at {time.time():.2f}: done={names(done)} pending={names(pending)}")

    try:
        await asyncio.wait([])
    except ValueError as e:
        print("空集合:", e)
    try:
        await asyncio.wait(make([("z", 0, False)]), return_when="SOMETIMES")
    except ValueError as e:
        print("非法 return_when:", e)
    await asyncio.sleep(0)


asyncio.run(main())
