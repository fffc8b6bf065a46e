import typing
from typing import Awaitable, List, Callable, Optional, Union, Dict, Tuple, Coroutine, Any, Generator, Literal, Annotated, Type, ClassVar, Final
print(Awaitable[None], List[None], Callable[[int], None], Optional[None], Union[int, None], Dict[str, None])
print(Tuple[None], Coroutine[Any, Any, None], Generator[int, None, None], Callable[..., Awaitable[None]])
print(Union[int, str, None], Union[int], Union[int, int, str], Union[int, Union[str, float]], Optional[Union[int, str]])
print(Literal[None, 1, 'a'], Annotated[None, 'x'], List['Foo'], Tuple[()], Tuple[int, ...], Callable[[], int], Type[None])
print(Optional[int] == Union[int, None], Union[int, str] == Union[str, int], List[int] == List[int])
print(list[int], list[None], dict[str, list[int]], tuple[int, ...], tuple[()], type[int], int | None, None | int, int | str | None)
print(list[int] | None, Optional[list[int]], int | list[int], (int | str) == (str | int), int | int)
print(ClassVar[int], Final[int], Final, typing.Any, typing.List, typing.Optional, typing.Callable)
print(Union[int, list[int]], List[list[int]], typing.Deque[int], typing.Set[frozenset[int]])
