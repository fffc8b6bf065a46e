# collections.abc 与 typing 的名字：注解、下标、isinstance() 检查
import asyncio
import collections.abc
import typing
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable, Mapping
import collections.abc as cabc
c = collections.abc
print(c.Awaitable[None], c.Callable[[int], None], c.Callable[..., c.Awaitable[int]], c.AsyncIterator[str], c.Mapping[str, list[int]], c.Iterable['X'], c.Awaitable)
print(isinstance([], c.Iterable), isinstance(1, c.Hashable), isinstance([], c.Hashable), isinstance(iter([]), c.Iterator), isinstance({}, c.Mapping), isinstance((x for x in []), c.Generator), isinstance(print, c.Callable), isinstance(set(), typing.Set), isinstance(frozenset(), c.Set))
print(isinstance(1, int | str), isinstance(None, int | None), isinstance([], typing.List), isinstance('', typing.Optional[str]), isinstance(2.5, (int, float | None)))
for spec in (typing.List[int], c.Iterable[int], typing.Any, list[int]):
    try:
        isinstance([], spec)
    except TypeError as e:
        print(e)


async def ticks(n: int) -> AsyncIterator[int]:
    for i in range(n):
        await asyncio.sleep(0.1)
        yield i


async def run(f: Callable[[], Awaitable[int]]) -> int:
    return await f()


async def one() -> int:
    return 1


async def main():
    gen = ticks(3)
    print(isinstance(gen, AsyncIterator), isinstance(gen, c.AsyncGenerator), isinstance(one(), c.Coroutine) if False else '')
    print([i async for i in gen], await run(one), isinstance({'a': 1}, Mapping), isinstance('ab', Iterable))
    co = one()
    print(isinstance(co, Awaitable), isinstance(co, c.Coroutine))
    await co


asyncio.run(main())
print(cabc.Sized, collections.abc.Sequence[int] | None)
