import asyncio
from typing import NamedTuple, TypedDict, Protocol, Generic, TypeVar, Optional, Union, Literal, Final, ClassVar, cast, overload, TYPE_CHECKING, get_type_hints, Awaitable, Callable, Any, Iterator, AsyncIterator, Sequence, Mapping, NewType, Annotated
import typing

T = TypeVar('T')
UserId = NewType('UserId', int)

class Job(NamedTuple):
    name: str
    delay: float = 0.1

class Movie(TypedDict):
    title: str
    year: int

class Greeter(Protocol):
    def greet(self) -> str: ...

class Box(Generic[T]):
    def __init__(self, item: T) -> None:
        self.item = item
    def get(self) -> T:
        return self.item

MAX: Final = 3

class Cfg:
    count: ClassVar[int] = 0
    name: str

async def run(job: Job) -> str:
    await asyncio.sleep(job.delay)
    return job.name

async def main() -> None:
    jobs = [Job('a'), Job('b', 0.05)]
    print(jobs[0], jobs[1].delay, jobs[0]._asdict(), Job._fields)
    print(await asyncio.gather(*(run(j) for j in jobs)))
    m: Movie = {'title': 'x', 'year': 1}
    print(m, Movie(title='y', year=2))
    b: Box[int] = Box(3)
    print(b.get(), Box[str]('s').get(), cast(int, '5'), UserId(5), TYPE_CHECKING, MAX)
    print(Cfg.__annotations__, get_type_hints(Cfg) == {'count': ClassVar[int], 'name': str})
    print(Optional[int], Union[int, str], Literal['a', 1], Callable[..., Awaitable[None]], typing.List[typing.Dict[str, int]])
    print(Annotated[int, 'meta'], Sequence[int], Iterator[str], AsyncIterator[int], Mapping[str, Any])
    f: Callable[[int], int] = lambda x: x
    print(len(jobs[0]), jobs[0] == ("a", 0.1))
    a, d = jobs[1]
    print(a, d, int | None, list[int], dict[str, list[int]])

asyncio.run(main())
