# 真实程序的样子：抽象基类、async 上下文管理器、__aiter__ 类、Event
import asyncio
from abc import ABC, abstractmethod
from typing import Protocol, runtime_checkable


@runtime_checkable
class Closeable(Protocol):
    async def close(self) -> None: ...


class Resource(ABC):
    __slots__ = ("name", "opened")

    def __init__(self, name):
        self.name = name
        self.opened = False

    @classmethod
    async def create(cls, name):
        self = cls(name)
        await self.open()
        return self

    @abstractmethod
    async def open(self): ...

    async def close(self):
        self.opened = False
        print(f"{self.name} closed")

    async def __aenter__(self):
        return self

    async def __aexit__(self, exc_type, exc, tb):
        await self.close()
        return exc_type is KeyError

    def __repr__(self):
        return f"{type(self).__name__}({self.name!r}, opened={self.opened})"


class File(Resource):
    async def open(self):
        await asyncio.sleep(0.1)
        self.opened = True


class Ticker:
    def __init__(self, n, dt):
        self.n, self.dt = n, dt

    def __aiter__(self):
        self.i = 0
        return self

    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        await asyncio.sleep(self.dt)
        self.i += 1
        return self.i


async def main():
    f = await File.create("a.txt")
    print(f, isinstance(f, Closeable), isinstance(1, Closeable))
    async with f:
        raise KeyError("swallowed")
    print("after", f)
    async for t in Ticker(3, 0.1):
        print("tick", t)
    try:
        Resource("x")
    except TypeError as e:
        print(e)
    ev = asyncio.Event()
    async def waiter(i):
        await ev.wait()
        return i
    ts = [asyncio.create_task(waiter(i)) for i in range(3)]
    await asyncio.sleep(0.1)
    ev.set()
    print(await asyncio.gather(*ts), ev.is_set())
    print(object.__repr__(f)[:20], f"{3.14159:.2f}|{42:>5}|{'x':*^7}|{1234567:,}")

asyncio.run(main())
