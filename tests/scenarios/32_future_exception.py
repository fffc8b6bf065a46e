# Future.set_exception / exception() / result()：未完成时 InvalidStateError、重复设置、await 抛出、异常类而不是实例
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    print("初始:", f.done(), f.cancelled())
    for meth in ("result", "exception"):
        try:
            getattr(f, meth)()
        except asyncio.InvalidStateError as e:
            print(f"{meth}() 未完成:", repr(e))
    f.set_exception(KeyError("配置"))
    print("set_exception 后:", f.done(), repr(f.exception()))
    try:
        f.result()
    except KeyError as e:
        print("result() 抛出:", repr(e))
    try:
        await f
    except KeyError as e:
        print("await 抛出:", repr(e))
    for action in (lambda: f.set_result(1), lambda: f.set_exception(ValueError())):
        try:
            action()
        except asyncio.InvalidStateError as e:
            print("重复设置:", repr(e))
    print("已完成的 cancel():", f.cancel())

    g = loop.create_future()
    g.set_exception(ValueError)
    print("传入异常类:", repr(g.exception()))
    s = loop.create_future()
    s.set_exception(StopIteration("x"))
    print("StopIteration 被换成:", repr(s.exception()), "cause:", repr(s.exception().__cause__))

    h = loop.create_future()
    h.cancel("原因")
    try:
        h.exception()
    except asyncio.CancelledError as e:
        print("已取消的 exception():", repr(e))

    async def fail_later():
        await asyncio.sleep(0.1)
        raise RuntimeError("任务里的错误")
    t = asyncio.create_task(fail_later())
    await asyncio.sleep(0.2)
    print("任务异常:", t.done(), repr(t.exception()))
    results = await asyncio.gather(t, return_exceptions=True)
    print("gather 收集:", results)

    p = loop.create_future()

    async def producer():
        await asyncio.sleep(0.3)
        p.set_exception(TimeoutError("生产者超时"))

    asyncio.create_task(producer())
    try:
        await p
    except TimeoutError as e:
        print("等待者收到:", repr(e))


asyncio.run(main())
