# asyncio 的函数和方法传错参数：create_task、call_soon、call_later、Future、Task、Handle（CPython 的原话）
# asyncio's functions and methods called wrongly: create_task, call_soon, call_later, Future, Task,
# Handle, in CPython's words (Python functions as ceval binds them, C methods as Argument Clinic does).
import asyncio


async def job():
    return 1


def cb(*args):
    pass


def attempt(text, call):
    try:
        result = call()
        print(text, "->", type(result).__name__)
    except (TypeError, RuntimeError) as e:
        print(text, "->", type(e).__name__, e)


def closing(make):
    # The call refuses its arguments before it uses the coroutine: close it, unawaited.
    def call():
        coro = job()
        try:
            return make(coro)
        finally:
            coro.close()

    return call


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    task = asyncio.current_task()
    handle = loop.call_soon(cb)
    timer = loop.call_later(10, cb)

    print("== create_task")
    attempt("create_task()", lambda: asyncio.create_task())
    attempt("create_task(c, 2)", closing(lambda c: asyncio.create_task(c, 2)))
    attempt("create_task(c, 2, name='n')", closing(lambda c: asyncio.create_task(c, 2, name="n")))
    attempt(
        "create_task(c, 2, name='n', context=None)",
        closing(lambda c: asyncio.create_task(c, 2, name="n", context=None)),
    )
    attempt("create_task(c, foo=1)", closing(lambda c: asyncio.create_task(c, foo=1)))
    attempt("create_task(c, nam='n')", closing(lambda c: asyncio.create_task(c, nam="n")))
    attempt("create_task(c, coro=c)", closing(lambda c: asyncio.create_task(c, coro=c)))
    attempt("create_task(c, 2, coro=c)", closing(lambda c: asyncio.create_task(c, 2, coro=c)))
    attempt("create_task(c, 2, foo=1)", closing(lambda c: asyncio.create_task(c, 2, foo=1)))
    attempt("create_task(name='n')", lambda: asyncio.create_task(name="n"))
    attempt("create_task(1)", lambda: asyncio.create_task(1))
    attempt("loop.create_task()", lambda: loop.create_task())
    attempt("loop.create_task(c, 2)", closing(lambda c: loop.create_task(c, 2)))
    attempt("loop.create_task(c, 2, name='n')", closing(lambda c: loop.create_task(c, 2, name="n")))
    attempt("loop.create_task(c, self=1)", closing(lambda c: loop.create_task(c, self=1)))
    attempt("loop.create_task(c, coro=c)", closing(lambda c: loop.create_task(c, coro=c)))
    attempt("loop.create_task(name='n')", lambda: loop.create_task(name="n"))
    attempt("create_task(coro=c, name='n')", lambda: asyncio.create_task(coro=job(), name="n"))
    attempt("loop.create_task(coro=c)", lambda: loop.create_task(coro=job()))

    print("== call_soon, call_later, call_at")
    attempt("loop.call_soon()", lambda: loop.call_soon())
    attempt("loop.call_soon(cb, context=None, foo=1)", lambda: loop.call_soon(cb, context=None, foo=1))
    attempt("loop.call_soon(cb, callbac=1)", lambda: loop.call_soon(cb, callbac=1))
    attempt("loop.call_soon(cb, callback=1)", lambda: loop.call_soon(cb, callback=1))
    attempt("loop.call_soon(cb, self=1)", lambda: loop.call_soon(cb, self=1))
    attempt("loop.call_soon(callback=cb)", lambda: loop.call_soon(callback=cb))
    attempt("loop.call_soon(cb, 1, 2, context=None)", lambda: loop.call_soon(cb, 1, 2, context=None))
    attempt("loop.call_soon_threadsafe()", lambda: loop.call_soon_threadsafe())
    attempt("loop.call_later()", lambda: loop.call_later())
    attempt("loop.call_later(1)", lambda: loop.call_later(1))
    attempt("loop.call_later(None, cb)", lambda: loop.call_later(None, cb))
    attempt("loop.call_later('x', cb)", lambda: loop.call_later("x", cb))
    attempt("loop.call_later(1, cb, delay=2)", lambda: loop.call_later(1, cb, delay=2))
    attempt("loop.call_later(1, cb, dela=2)", lambda: loop.call_later(1, cb, dela=2))
    attempt("loop.call_later(callback=cb)", lambda: loop.call_later(callback=cb))
    attempt("loop.call_later(delay=1)", lambda: loop.call_later(delay=1))
    attempt("loop.call_later(cb, delay=1)", lambda: loop.call_later(cb, delay=1))
    attempt("loop.call_later(delay=1, callback=cb)", lambda: loop.call_later(delay=1, callback=cb))
    attempt("loop.call_at()", lambda: loop.call_at())
    attempt("loop.call_at(None, cb)", lambda: loop.call_at(None, cb))
    attempt("loop.call_at(when=1)", lambda: loop.call_at(when=1))
    attempt("loop.call_at(1, cb, foo=1)", lambda: loop.call_at(1, cb, foo=1))

    print("== the loop")
    attempt("loop.create_future(1)", lambda: loop.create_future(1))
    attempt("loop.create_future(x=1)", lambda: loop.create_future(x=1))
    attempt("loop.create_future(self=1)", lambda: loop.create_future(self=1))
    attempt("loop.get_debug(1)", lambda: loop.get_debug(1))
    attempt("loop.is_running(1)", lambda: loop.is_running(1))
    attempt("loop.is_closed(1)", lambda: loop.is_closed(1))
    attempt("loop.stop(1)", lambda: loop.stop(1))
    attempt("loop.close(1)", lambda: loop.close(1))
    attempt("asyncio.get_running_loop(1)", lambda: asyncio.get_running_loop(1))
    attempt("asyncio.get_event_loop(1)", lambda: asyncio.get_event_loop(1))
    attempt("asyncio.current_task(1, 2)", lambda: asyncio.current_task(1, 2))
    attempt("asyncio.current_task(x=1)", lambda: asyncio.current_task(x=1))
    attempt("asyncio.all_tasks(1, 2)", lambda: asyncio.all_tasks(1, 2))
    attempt("asyncio.all_tasks(x=1)", lambda: asyncio.all_tasks(x=1))
    attempt("asyncio.iscoroutine()", lambda: asyncio.iscoroutine())
    attempt("asyncio.iscoroutine(object=1)", lambda: asyncio.iscoroutine(object=1))
    attempt("asyncio.isfuture()", lambda: asyncio.isfuture())
    attempt("asyncio.isfuture(1, 2)", lambda: asyncio.isfuture(1, 2))
    print(asyncio.isfuture(obj=fut), asyncio.current_task(loop=None) is task, len(asyncio.all_tasks(loop=None)))

    print("== Future")
    attempt("fut.result(1)", lambda: fut.result(1))
    attempt("fut.done(1)", lambda: fut.done(1))
    attempt("fut.cancelled(x=1)", lambda: fut.cancelled(x=1))
    attempt("fut.exception(1)", lambda: fut.exception(1))
    attempt("fut.get_loop(1)", lambda: fut.get_loop(1))
    attempt("fut._make_cancelled_error(1)", lambda: fut._make_cancelled_error(1))
    attempt("fut.cancel(1, 2)", lambda: fut.cancel(1, 2))
    attempt("fut.cancel(foo=1)", lambda: fut.cancel(foo=1))
    attempt("fut.cancel(1, msg=2)", lambda: fut.cancel(1, msg=2))
    attempt("fut.add_done_callback()", lambda: fut.add_done_callback())
    attempt("fut.add_done_callback(cb, 1)", lambda: fut.add_done_callback(cb, 1))
    attempt("fut.add_done_callback(cb, foo=1)", lambda: fut.add_done_callback(cb, foo=1))
    attempt("fut.add_done_callback(cb, contxt=1)", lambda: fut.add_done_callback(cb, contxt=1))
    attempt("fut.add_done_callback(fn=cb)", lambda: fut.add_done_callback(fn=cb))
    attempt("fut.add_done_callback(cb, context=None)", lambda: fut.add_done_callback(cb, context=None))
    attempt("fut.remove_done_callback()", lambda: fut.remove_done_callback())
    attempt("fut.remove_done_callback(1, 2)", lambda: fut.remove_done_callback(1, 2))
    attempt("fut.set_result()", lambda: fut.set_result())
    attempt("fut.set_result(1, 2)", lambda: fut.set_result(1, 2))
    attempt("fut.set_result(result=1)", lambda: fut.set_result(result=1))
    attempt("fut.set_exception()", lambda: fut.set_exception())
    attempt("asyncio.Future(1)", lambda: asyncio.Future(1))
    attempt("asyncio.Future(1, 2)", lambda: asyncio.Future(1, 2))
    attempt("asyncio.Future(foo=1)", lambda: asyncio.Future(foo=1))
    attempt("asyncio.Future(lop=1)", lambda: asyncio.Future(lop=1))
    attempt("asyncio.Future(loop=None)", lambda: asyncio.Future(loop=None))
    print(fut.cancel(msg="m"), fut.cancelled())

    print("== Task")
    attempt("task.result(1)", lambda: task.result(1))
    attempt("task.done(1)", lambda: task.done(1))
    attempt("task.cancelled(1)", lambda: task.cancelled(1))
    attempt("task.exception(1)", lambda: task.exception(1))
    attempt("task.get_loop(1)", lambda: task.get_loop(1))
    attempt("task.add_done_callback()", lambda: task.add_done_callback())
    attempt("task.remove_done_callback()", lambda: task.remove_done_callback())
    attempt("task.set_result()", lambda: task.set_result())
    attempt("task.set_result(1)", lambda: task.set_result(1))
    attempt("task.set_exception(1, 2)", lambda: task.set_exception(1, 2))
    attempt("task._make_cancelled_error(1)", lambda: task._make_cancelled_error(1))
    attempt("task.get_name(1)", lambda: task.get_name(1))
    attempt("task.get_name(x=1)", lambda: task.get_name(x=1))
    attempt("task.set_name()", lambda: task.set_name())
    attempt("task.set_name(1, 2)", lambda: task.set_name(1, 2))
    attempt("task.set_name(value=1)", lambda: task.set_name(value=1))
    attempt("task.get_coro(1)", lambda: task.get_coro(1))
    attempt("task.cancelling(1)", lambda: task.cancelling(1))
    attempt("task.uncancel(1)", lambda: task.uncancel(1))
    attempt("task.uncancel(x=1)", lambda: task.uncancel(x=1))
    attempt("task.cancel(1, 2)", lambda: task.cancel(1, 2))
    attempt("task.cancel(foo=1)", lambda: task.cancel(foo=1))
    attempt("task.cancel(msg=1, x=2)", lambda: task.cancel(msg=1, x=2))
    attempt("asyncio.Task()", lambda: asyncio.Task())
    attempt("asyncio.Task(1)", lambda: asyncio.Task(1))
    attempt("asyncio.Task(c, 2)", closing(lambda c: asyncio.Task(c, 2)))
    attempt("asyncio.Task(foo=1)", lambda: asyncio.Task(foo=1))
    attempt("asyncio.Task(name='x')", lambda: asyncio.Task(name="x"))
    attempt("asyncio.Task(coro=1, coro2=2)", lambda: asyncio.Task(coro=1, coro2=2))
    attempt("asyncio.Task(1, 2, 3, 4, 5, 6)", lambda: asyncio.Task(1, 2, 3, 4, 5, 6))
    attempt("asyncio.Task(c, nam=1)", closing(lambda c: asyncio.Task(c, nam=1)))

    print("== Handle, TimerHandle")
    attempt("handle.cancel(1)", lambda: handle.cancel(1))
    attempt("handle.cancelled(1)", lambda: handle.cancelled(1))
    attempt("timer.cancel(x=1)", lambda: timer.cancel(x=1))
    attempt("timer.cancelled(1)", lambda: timer.cancelled(1))
    attempt("timer.when(1)", lambda: timer.when(1))
    timer.cancel()
    handle.cancel()
    print(handle.cancelled(), timer.cancelled(), timer.when())
    await asyncio.sleep(0)


asyncio.run(main())
