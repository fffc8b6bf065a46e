# 函数参数与返回值的注解在 def 执行时求值，存入 __annotations__
import asyncio
from typing import Optional, Callable, Awaitable, get_type_hints
from collections.abc import AsyncIterator
import inspect


async def worker(name: str, queue: asyncio.Queue[int], *, delay: float = 0.1) -> Optional[int]:
    await asyncio.sleep(delay)
    return queue.qsize()


def deco(f: Callable[..., Awaitable[None]]) -> Callable[..., Awaitable[None]]:
    return f


def g(a, /, b: 'Later', *args: int, c: list[str] | None = None, **kw: dict) -> None:
    pass


class K:
    def m(self, x: int) -> 'K':
        return self


print(worker.__annotations__)
print(deco.__annotations__)
print(g.__annotations__)
print(K.m.__annotations__, (lambda x: x).__annotations__, print.__name__)
print(get_type_hints(K.m) if False else '')
n = 0


def counted() -> int:
    global n
    n += 1
    return int


def h(x: counted()) -> counted():
    pass


print(n, h.__annotations__)
try:
    def bad(x: undefined_name):
        pass
except NameError as e:
    print(e)


async def main() -> None:
    q: asyncio.Queue[int] = asyncio.Queue()
    print(await worker('w', q))

asyncio.run(main())
