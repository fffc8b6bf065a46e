import asyncio
import contextlib
from contextlib import asynccontextmanager, contextmanager, suppress, AsyncExitStack, ExitStack, closing, nullcontext, aclosing

@asynccontextmanager
async def resource(name):
    print(f"open {name}")
    await asyncio.sleep(0.1)
    try:
        yield name.upper()
    finally:
        await asyncio.sleep(0.1)
        print(f"close {name}")

@contextmanager
def sync_res(n):
    print("enter", n)
    try:
        yield n
    except ValueError as e:
        print("caught", e)
    finally:
        print("exit", n)

class Thing:
    def close(self):
        print("closed thing")

async def agen():
    try:
        for i in range(5):
            yield i
    finally:
        print("agen closed")

async def main():
    async with resource("db") as r:
        print("using", r)
    with sync_res(1) as n:
        raise ValueError("boom")
    print("after")
    with suppress(KeyError):
        {}['x']
    print("suppressed")
    async with AsyncExitStack() as stack:
        a = await stack.enter_async_context(resource("a"))
        b = await stack.enter_async_context(resource("b"))
        stack.callback(print, "callback")
        stack.push_async_callback(asyncio.sleep, 0.2)
        print(a, b)
    with ExitStack() as st:
        for i in range(2):
            st.enter_context(sync_res(i))
    with closing(Thing()):
        pass
    with nullcontext(5) as v:
        print(v)
    async with aclosing(agen()) as g:
        async for x in g:
            if x == 2:
                break
    try:
        async with resource("err"):
            raise RuntimeError("inside")
    except RuntimeError as e:
        print("got", e)
    @contextlib.contextmanager
    def cm():
        yield
    with cm():
        pass
    async with contextlib.nullcontext():
        print('anull')

asyncio.run(main())
