import asyncio
import inspect
import types
from typing import List, Dict, Optional, Any, Callable, Awaitable, Coroutine, AsyncIterator, AsyncGenerator, Union, TypeVar, Generic, Iterable, Tuple

T = TypeVar('T')

async def coro(x: int) -> Optional[int]:
    await asyncio.sleep(0)
    return x

def gen():
    yield 1

async def agen():
    yield 1

class Aw:
    def __await__(self):
        yield

async def main():
    c = coro(1)
    print(inspect.iscoroutinefunction(coro), inspect.iscoroutine(c), inspect.isawaitable(c))
    print(inspect.getcoroutinestate(c))
    print(await c)
    print(inspect.getcoroutinestate(c))
    g = gen()
    print(inspect.getgeneratorstate(g), next(g), inspect.getgeneratorstate(g))
    g.close()
    print(inspect.getgeneratorstate(g))
    print(inspect.isgeneratorfunction(gen), inspect.isasyncgenfunction(agen), inspect.isasyncgen(agen()))
    print(inspect.isawaitable(Aw()), inspect.isfunction(gen), inspect.isclass(Aw), inspect.ismethod(Aw().__await__))
    print(isinstance(g, types.GeneratorType), isinstance(c, types.CoroutineType), type(agen()) is types.AsyncGeneratorType)
    print(types.SimpleNamespace(a=1, b='x'))
    ns = types.SimpleNamespace(a=1)
    ns.b = 2
    print(ns, ns == types.SimpleNamespace(a=1, b=2))
    print(isinstance(coro, types.FunctionType))
    try:
        inspect.getgeneratorstate(c)
    except Exception as e:
        print(type(e).__name__, e)
    print(inspect.iscoroutinefunction(Aw), inspect.isbuiltin(len))
    x: List[int] = [1]
    d: Dict[str, Any] = {}
    f: Callable[[int], Awaitable[None]] = coro
    print(List[int], Optional[str], Dict[str, int])

asyncio.run(main())
