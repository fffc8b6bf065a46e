# The collections.abc module: the abstract container types, for annotations
# (`AsyncIterator[int]`) and isinstance() checks; subscripted, they print as
# CPython prints them (collections.abc.Awaitable[int]).
import typing as _typing
import types as _types

__all__ = ['Awaitable', 'Coroutine', 'AsyncIterable', 'AsyncIterator', 'AsyncGenerator', 'Hashable', 'Iterable',
           'Iterator', 'Generator', 'Reversible', 'Sized', 'Container', 'Callable', 'Collection', 'Set', 'MutableSet',
           'Mapping', 'MutableMapping', 'MappingView', 'KeysView', 'ItemsView', 'ValuesView', 'Sequence',
           'MutableSequence', 'ByteString', 'Buffer']



class _Abc:
    """One of the abstract classes (`collections.abc.Awaitable`), or it subscripted."""

    def __init__(self, name, args=None):
        self.__name__ = self.__qualname__ = name
        self.__module__ = 'collections.abc'
        self.__origin__ = None if args is None else _BY_NAME[name]
        self.__args__ = args

    def __getitem__(self, params):
        if self.__args__ is not None:
            raise TypeError(f"{self!r} is not a generic class")
        if not isinstance(params, tuple):
            params = (params,)
        return _Abc(self.__name__, params)

    def __repr__(self):
        if self.__args__ is None:
            return f"<class 'collections.abc.{self.__name__}'>"
        args = self.__args__
        if self.__name__ == 'Callable' and len(args) == 2 and isinstance(args[0], list):
            params = ', '.join(_arg(a) for a in args[0])
            return f'collections.abc.Callable[[{params}], {_arg(args[1])}]'
        return f"collections.abc.{self.__name__}[{', '.join(_arg(a) for a in args)}]"

    def __eq__(self, other):
        if not isinstance(other, _Abc):
            return NotImplemented
        return self.__name__ == other.__name__ and self.__args__ == other.__args__

    def __hash__(self):
        return hash((self.__name__, self.__args__))

    def __or__(self, other):
        return _types._union(self, other)

    def __ror__(self, other):
        return _types._union(other, self)

    def __instancecheck__(self, obj):
        if self.__args__ is not None:
            raise TypeError('isinstance() argument 2 cannot be a parameterized generic')
        check = _typing._CHECKS.get('abc.' + self.__name__) or _typing._CHECKS.get(self.__name__)
        return bool(check and check(obj))

    def __subclasscheck__(self, cls):
        if self.__args__ is not None:
            raise TypeError('issubclass() argument 2 cannot be a parameterized generic')
        check = _typing._CLASS_CHECKS.get(self.__name__)
        return bool(check and check(cls))


def _arg(a):
    if a is None:
        return 'None'
    if isinstance(a, list):
        return '[' + ', '.join(_arg(x) for x in a) + ']'
    return _types._arg_repr(a)


Awaitable = _Abc('Awaitable')
Coroutine = _Abc('Coroutine')
AsyncIterable = _Abc('AsyncIterable')
AsyncIterator = _Abc('AsyncIterator')
AsyncGenerator = _Abc('AsyncGenerator')
Hashable = _Abc('Hashable')
Iterable = _Abc('Iterable')
Iterator = _Abc('Iterator')
Generator = _Abc('Generator')
Reversible = _Abc('Reversible')
Sized = _Abc('Sized')
Container = _Abc('Container')
Callable = _Abc('Callable')
Collection = _Abc('Collection')
Set = _Abc('Set')
MutableSet = _Abc('MutableSet')
Mapping = _Abc('Mapping')
MutableMapping = _Abc('MutableMapping')
MappingView = _Abc('MappingView')
KeysView = _Abc('KeysView')
ItemsView = _Abc('ItemsView')
ValuesView = _Abc('ValuesView')
Sequence = _Abc('Sequence')
MutableSequence = _Abc('MutableSequence')
ByteString = _Abc('ByteString')
Buffer = _Abc('Buffer')
_BY_NAME = {a.__name__: a for a in (Awaitable, Coroutine, AsyncIterable, AsyncIterator, AsyncGenerator, Hashable, Iterable, Iterator, Generator, Reversible, Sized, Container, Callable, Collection, Set, MutableSet, Mapping, MutableMapping, MappingView, KeysView, ItemsView, ValuesView, Sequence, MutableSequence, ByteString, Buffer)}
