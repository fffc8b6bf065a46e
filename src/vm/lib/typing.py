# The typing module for annotations: every name is here, subscriptable and
# printable as CPython prints it; runtime checks against these types are
# not (isinstance(x, List) and the like raise TypeError, as most do in CPython).

TYPE_CHECKING = False


class _Form:
    """A special form or generic alias: typing.List, typing.Optional[int], ..."""

    def __init__(self, name, origin=None, args=(), module='typing'):
        self._name = name
        self.__origin__ = origin
        self.__args__ = args
        self._module = module

    def __getitem__(self, params):
        if not isinstance(params, tuple):
            params = (params,)
        name = self._name
        if name == 'Optional':
            return Union[params[0], None]
        if name == 'Union':
            args = []
            for p in params:
                p = _convert(p)
                for q in (p.__args__ if isinstance(p, _Form) and p._name == 'Union' else (p,)):
                    if q not in args:
                        args.append(q)
            if len(args) == 1:
                return args[0]
            return _Form('Union', Union, tuple(args))
        if name == 'Literal':
            return _Form(name, self, params)
        if name == 'Annotated':
            return _Form(name, self, (_convert(params[0]),) + params[1:])
        if name == 'Callable' and len(params) == 2 and isinstance(params[0], list):
            return _Form(name, self, ([_convert(p) for p in params[0]], _convert(params[1])))
        return _Form(name, self, tuple(_convert(p) for p in params))

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]

    def __call__(self, *args, **kwargs):
        raise TypeError(f'Cannot instantiate typing.{self._name}')

    def __repr__(self):
        if self.__origin__ is None:
            return f'{self._module}.{self._name}'
        args = self.__args__
        if not args:
            return f'typing.{self._name}[()]'
        if self._name == 'Union' and len(args) == 2 and _NoneType in args:
            other = args[0] if args[1] is _NoneType else args[1]
            return f'typing.Optional[{_type_repr(other)}]'
        if self._name == 'Callable' and len(args) == 2 and isinstance(args[0], list):
            params = ', '.join(_type_repr(a) for a in args[0])
            return f'typing.Callable[[{params}], {_type_repr(args[1])}]'
        return f"typing.{self._name}[{', '.join(_type_repr(a) for a in args)}]"

    def __eq__(self, other):
        if not isinstance(other, _Form):
            return NotImplemented
        if self._name == 'Union' and other._name == 'Union':
            return set(self.__args__) == set(other.__args__)
        return (self._name, self.__args__) == (other._name, other.__args__)

    def __hash__(self):
        return hash(self._name)

    def __instancecheck__(self, obj):
        if self._name == 'Union' and self.__origin__ is not None:
            return any(isinstance(obj, a) for a in self.__args__)
        if self.__origin__ is not None:
            raise TypeError('Subscripted generics cannot be used with class and instance checks')
        check = _CHECKS.get(f'abc.{self._name}' if self._module != 'typing' else self._name) or _CHECKS.get(self._name)
        if check is None:
            raise TypeError(f'{self!r} cannot be used with isinstance()')
        return check(obj)

    def __subclasscheck__(self, cls):
        if self.__origin__ is not None:
            raise TypeError('Subscripted generics cannot be used with class and instance checks')
        check = _CLASS_CHECKS.get(self._name)
        if check is None:
            raise TypeError(f'{self!r} cannot be used with issubclass()')
        return check(cls)


_NoneType = type(None)
_iter_types = tuple({type(iter(x)) for x in ([], (), '', {}, set(), range(0))} | {type(zip()), type(map(abs, [])),
                                                                               type(enumerate([])), type(reversed([]))})
_gen_type = type((lambda: (yield))())


def _has(obj, *names):
    return all(hasattr(obj, n) for n in names)


def _hashable(obj):
    try:
        hash(obj)
    except TypeError:
        return False
    return True


def _mapping(obj):
    import collections as _c
    return isinstance(obj, (dict, _c.OrderedDict, _c.defaultdict, _c.Counter, _c.ChainMap))


# What isinstance() with an unsubscripted typing or collections.abc name checks.
_CHECKS = {
    'Awaitable': lambda x: _isawaitable(x),
    'Coroutine': lambda x: _code_kind(x) is None and type(x).__name__ == 'coroutine',
    'AsyncIterable': lambda x: _has(x, '__aiter__'),
    'AsyncIterator': lambda x: _has(x, '__aiter__', '__anext__'),
    'AsyncGenerator': lambda x: type(x).__name__ == 'async_generator',
    'Iterable': lambda x: isinstance(x, (list, tuple, str, dict, set, frozenset, range) + _iter_types) or _has(x, '__iter__'),
    'Iterator': lambda x: isinstance(x, _iter_types + (_gen_type,)) or _has(x, '__iter__', '__next__'),
    'Generator': lambda x: isinstance(x, _gen_type),
    'Reversible': lambda x: isinstance(x, (list, tuple, str, dict, range)) or _has(x, '__reversed__'),
    'Hashable': _hashable,
    'Sized': lambda x: isinstance(x, (list, tuple, str, dict, set, frozenset, range)) or _has(x, '__len__'),
    'Container': lambda x: isinstance(x, (list, tuple, str, dict, set, frozenset, range)) or _has(x, '__contains__'),
    'Collection': lambda x: isinstance(x, (list, tuple, str, dict, set, frozenset, range)) or _has(x, '__len__', '__iter__', '__contains__'),
    'Callable': callable,
    'Sequence': lambda x: isinstance(x, (list, tuple, str, range)) or type(x).__name__ == 'deque',
    'MutableSequence': lambda x: isinstance(x, list) or type(x).__name__ == 'deque',
    'Mapping': _mapping,
    'MutableMapping': lambda x: _mapping(x) and not isinstance(x, _MappingProxy),
    'AbstractSet': lambda x: isinstance(x, (set, frozenset)),
    'Set': lambda x: isinstance(x, set),
    'abc.Set': lambda x: isinstance(x, (set, frozenset)),
    'MutableSet': lambda x: isinstance(x, set),
    'List': lambda x: isinstance(x, list),
    'Dict': lambda x: isinstance(x, dict),
    'Tuple': lambda x: isinstance(x, tuple),
    'FrozenSet': lambda x: isinstance(x, frozenset),
    'Type': lambda x: isinstance(x, type),
}
_CLASS_CHECKS = {
    'List': lambda c: issubclass(c, list),
    'Dict': lambda c: issubclass(c, dict),
    'Tuple': lambda c: issubclass(c, tuple),
    'Callable': lambda c: hasattr(c, '__call__'),
    'Iterable': lambda c: issubclass(c, (list, tuple, str, dict, set, frozenset, range)) or hasattr(c, '__iter__'),
    'Awaitable': lambda c: hasattr(c, '__await__'),
    'AsyncIterable': lambda c: hasattr(c, '__aiter__'),
    'AsyncIterator': lambda c: hasattr(c, '__aiter__') and hasattr(c, '__anext__'),
}


class _MappingProxy:
    pass


class ForwardRef:
    def __init__(self, arg, is_argument=True, module=None, *, is_class=False):
        self.__forward_arg__ = arg

    def __repr__(self):
        return f'ForwardRef({self.__forward_arg__!r})'

    def __eq__(self, other):
        return isinstance(other, ForwardRef) and self.__forward_arg__ == other.__forward_arg__

    def __hash__(self):
        return hash(self.__forward_arg__)


def _convert(arg):
    # What typing does with a parameter: None is NoneType, a string a forward reference.
    if arg is None:
        return _NoneType
    if isinstance(arg, str):
        return ForwardRef(arg)
    return arg


def _type_repr(obj):
    if isinstance(obj, type):
        if obj.__module__ == 'builtins':
            return obj.__qualname__
        return f'{obj.__module__}.{obj.__qualname__}'
    if obj is ...:
        return '...'
    if isinstance(obj, list):
        return '[' + ', '.join(_type_repr(a) for a in obj) + ']'
    if callable(obj) and hasattr(obj, '__name__') and not isinstance(obj, _Form) and not hasattr(obj, '__origin__'):
        return obj.__name__
    return repr(obj)


Any = _Form('Any')
Union = _Form('Union')
Optional = _Form('Optional')
Callable = _Form('Callable')
Tuple = _Form('Tuple')
List = _Form('List')
Dict = _Form('Dict')
Set = _Form('Set')
FrozenSet = _Form('FrozenSet')
Type = _Form('Type')
ClassVar = _Form('ClassVar')
Final = _Form('Final')
Literal = _Form('Literal')
Annotated = _Form('Annotated')
Awaitable = _Form('Awaitable')
Coroutine = _Form('Coroutine')
AsyncIterable = _Form('AsyncIterable')
AsyncIterator = _Form('AsyncIterator')
AsyncGenerator = _Form('AsyncGenerator')
Iterable = _Form('Iterable')
Iterator = _Form('Iterator')
Generator = _Form('Generator')
Reversible = _Form('Reversible')
Container = _Form('Container')
Collection = _Form('Collection')
Hashable = _Form('Hashable')
Sized = _Form('Sized')
Sequence = _Form('Sequence')
MutableSequence = _Form('MutableSequence')
Mapping = _Form('Mapping')
MutableMapping = _Form('MutableMapping')
AbstractSet = _Form('AbstractSet')
MutableSet = _Form('MutableSet')
MappingView = _Form('MappingView')
KeysView = _Form('KeysView')
ItemsView = _Form('ItemsView')
ValuesView = _Form('ValuesView')
ContextManager = _Form('ContextManager')
AsyncContextManager = _Form('AsyncContextManager')
Deque = _Form('Deque')
DefaultDict = _Form('DefaultDict')
OrderedDict = _Form('OrderedDict')
Counter = _Form('Counter')
ChainMap = _Form('ChainMap')
Pattern = _Form('Pattern')
Match = _Form('Match')
IO = _Form('IO')
TextIO = _Form('TextIO')
BinaryIO = _Form('BinaryIO')
ByteString = _Form('ByteString')
NoReturn = _Form('NoReturn')
Never = _Form('Never')
Self = _Form('Self')
LiteralString = _Form('LiteralString')
TypeAlias = _Form('TypeAlias')
Concatenate = _Form('Concatenate')
TypeGuard = _Form('TypeGuard')
TypeIs = _Form('TypeIs')
Required = _Form('Required')
NotRequired = _Form('NotRequired')
ReadOnly = _Form('ReadOnly')
Unpack = _Form('Unpack')
SupportsAbs = _Form('SupportsAbs')
SupportsBytes = _Form('SupportsBytes')
SupportsComplex = _Form('SupportsComplex')
SupportsFloat = _Form('SupportsFloat')
SupportsIndex = _Form('SupportsIndex')
SupportsInt = _Form('SupportsInt')
SupportsRound = _Form('SupportsRound')
NoDefault = _Form('NoDefault')
ParamSpecArgs = _Form('ParamSpecArgs')
ParamSpecKwargs = _Form('ParamSpecKwargs')
TypeAliasType = _Form('TypeAliasType')
Text = str
AnyStr = None


class TypeVar:
    def __init__(self, name, *constraints, bound=None, covariant=False, contravariant=False, infer_variance=False,
                 default=None):
        self.__name__ = name
        self.__constraints__ = constraints
        self.__bound__ = bound
        self.__covariant__ = covariant
        self.__contravariant__ = contravariant

    def __repr__(self):
        if self.__covariant__:
            return '+' + self.__name__
        if self.__contravariant__:
            return '-' + self.__name__
        return '~' + self.__name__

    def __or__(self, other):
        return Union[self, other]


AnyStr = TypeVar('AnyStr', str)


class ParamSpec(TypeVar):
    def __repr__(self):
        return '~' + self.__name__


class TypeVarTuple(TypeVar):
    def __repr__(self):
        return self.__name__


class Generic:
    """A base for generic classes: `class Stack(Generic[T])`."""

    def __class_getitem__(cls, params):
        return cls


class Protocol(Generic):
    """A base for structural types: isinstance() checks the members of a
    @runtime_checkable one (the VM asks `_protocol_isinstance`)."""

    def __init_subclass__(cls, **kwargs):
        attrs = set()
        for base in cls.__mro__[:-1]:
            if base.__name__ in ('Protocol', 'Generic'):
                continue
            for name in _class_names(base):
                if not name.startswith('_abc_') and name not in _PROTOCOL_SKIP:
                    attrs.add(name)
            attrs.update(getattr(base, '__annotations__', {}))
        cls.__protocol_attrs__ = attrs
        cls._is_runtime_protocol = False
        cls._is_protocol = Protocol in cls.__bases__


_PROTOCOL_SKIP = {'__module__', '__qualname__', '__doc__', '__annotations__', '__dict__', '__weakref__', '__init__',
                  '__protocol_attrs__', '_is_protocol', '_is_runtime_protocol', '__abstractmethods__',
                  '__init_subclass__', '__class_getitem__', '__parameters__', '__orig_bases__', '__firstlineno__',
                  '__static_attributes__', '__non_callable_proto_members__', '__subclasshook__', '__slots__'}


def _protocol_isinstance(cls, obj, nominal):
    # None: `cls` only derives from a protocol (the nominal check stands).
    if not cls._is_protocol:
        return None
    if not cls._is_runtime_protocol:
        raise TypeError('Instance and class checks can only be used with @runtime_checkable protocols')
    if nominal:
        return True
    for name in cls.__protocol_attrs__:
        if not hasattr(obj, name):
            return False
    return True


class NamedTuple:
    """`class Point(NamedTuple): x: int; y: int = 0` makes a named tuple."""

    def __init_subclass__(cls):
        import collections as _collections
        _collections._namedtuple_class(cls)


class TypedDict:
    def __init_subclass__(cls, total=True):
        pass

    def __new__(cls, *args, **kwargs):
        return dict(*args, **kwargs)


def NewType(name, tp):
    def new_type(x):
        return x
    new_type.__name__ = name
    new_type.__supertype__ = tp
    return new_type


def cast(typ, val):
    return val


def assert_type(val, typ):
    return val


def assert_never(arg):
    raise AssertionError(f'Expected code to be unreachable, but got: {arg!r}')


def reveal_type(obj):
    return obj


def overload(func):
    return func


def final(f):
    return f


def override(method):
    return method


def runtime_checkable(cls):
    if not getattr(cls, '_is_protocol', False):
        raise TypeError(f'@runtime_checkable can be only applied to protocol classes, got {cls!r}')
    cls._is_runtime_protocol = True
    return cls


def no_type_check(arg):
    return arg


def no_type_check_decorator(decorator):
    return decorator


def dataclass_transform(**kwargs):
    return lambda cls: cls


def get_overloads(func):
    return []


def clear_overloads():
    pass


def get_type_hints(obj, globalns=None, localns=None, include_extras=False):
    return dict(getattr(obj, '__annotations__', {}))


def get_origin(tp):
    return getattr(tp, '__origin__', None)


def get_args(tp):
    return tuple(getattr(tp, '__args__', ()))


def get_protocol_members(tp):
    return frozenset()


def is_protocol(tp):
    return isinstance(tp, type) and issubclass(tp, Protocol) and tp is not Protocol


def is_typeddict(tp):
    return isinstance(tp, type) and issubclass(tp, TypedDict)
