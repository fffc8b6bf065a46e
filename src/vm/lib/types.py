# The types module: the classes of functions, generators, coroutines, ...
# taken from values of each kind, as CPython's own types.py does.


def _f():
    pass


FunctionType = type(_f)
LambdaType = FunctionType


async def _c():
    pass


_co = _c()
CoroutineType = type(_co)
_co.close()
del _co


def _g():
    yield 1


GeneratorType = type(_g())


async def _ag():
    yield 1


AsyncGeneratorType = type(_ag())


class _C:
    def _m(self):
        pass


MethodType = type(_C()._m)
BuiltinFunctionType = type(len)
BuiltinMethodType = type([].append)
NoneType = type(None)
EllipsisType = type(Ellipsis)
NotImplementedType = type(NotImplemented)
del _f, _c, _g, _ag, _C


class SimpleNamespace:
    """types.SimpleNamespace: attributes given as keywords."""

    def __init__(self, mapping=None, /, **kwargs):
        if mapping is not None:
            for k, v in dict(mapping).items():
                setattr(self, k, v)
        for k, v in kwargs.items():
            setattr(self, k, v)

    def __repr__(self):
        items = ', '.join(f'{k}={v!r}' for k, v in vars(self).items())
        return f'namespace({items})'

    def __eq__(self, other):
        if isinstance(other, SimpleNamespace):
            return vars(self) == vars(other)
        return NotImplemented


def _arg_repr(a):
    # How `list[...]` and `X | Y` print an argument.
    if a is ...:
        return '...'
    if a is NoneType:
        return 'None'
    if isinstance(a, type):
        if a.__module__ == 'builtins':
            return a.__qualname__
        return f'{a.__module__}.{a.__qualname__}'
    if isinstance(a, FunctionType):
        return a.__name__
    return repr(a)


class GenericAlias:
    """`list[int]`: a builtin class with arguments (annotations)."""

    def __init__(self, origin, args):
        if not isinstance(args, tuple):
            args = (args,)
        self.__origin__ = origin
        self.__args__ = args

    def __repr__(self):
        if not self.__args__:
            return f'{_arg_repr(self.__origin__)}[()]'
        args = ', '.join('None' if a is None else _arg_repr(a) for a in self.__args__)
        return f'{_arg_repr(self.__origin__)}[{args}]'

    def __call__(self, *args, **kwargs):
        return self.__origin__(*args, **kwargs)

    def __instancecheck__(self, obj):
        raise TypeError('isinstance() argument 2 cannot be a parameterized generic')

    def __subclasscheck__(self, cls):
        raise TypeError('issubclass() argument 2 cannot be a parameterized generic')

    def __eq__(self, other):
        if not isinstance(other, GenericAlias):
            return NotImplemented
        return self.__origin__ is other.__origin__ and self.__args__ == other.__args__

    def __hash__(self):
        return hash(self.__origin__) ^ hash(self.__args__)

    def __or__(self, other):
        return _union(self, other)

    def __ror__(self, other):
        return _union(other, self)


class UnionType:
    """`int | None`."""

    def __init__(self, args):
        self.__args__ = args

    def __repr__(self):
        return ' | '.join(_arg_repr(a) for a in self.__args__)

    def __instancecheck__(self, obj):
        for a in self.__args__:
            if isinstance(obj, a):
                return True
        return False

    def __subclasscheck__(self, cls):
        for a in self.__args__:
            if issubclass(cls, a):
                return True
        return False

    def __eq__(self, other):
        if not isinstance(other, UnionType):
            return NotImplemented
        return set(self.__args__) == set(other.__args__)

    def __hash__(self):
        return hash(frozenset(self.__args__))

    def __or__(self, other):
        return _union(self, other)

    def __ror__(self, other):
        return _union(other, self)


def _union(a, b):
    args = []
    for x in (a, b):
        if x is None:
            x = NoneType
        elif not isinstance(x, (type, GenericAlias, UnionType)) and not hasattr(x, '__origin__'):
            return NotImplemented
        for y in (x.__args__ if isinstance(x, UnionType) else (x,)):
            if y not in args:
                args.append(y)
    if len(args) == 1:
        return args[0]
    return UnionType(tuple(args))


def coroutine(func):
    _unsupported('types.coroutine (generator-based coroutines: use async def)')
