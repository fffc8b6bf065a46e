# The functools module: partial, wraps, reduce, cache / lru_cache, total_ordering, ...

WRAPPER_ASSIGNMENTS = ('__module__', '__name__', '__qualname__', '__doc__', '__type_params__')
WRAPPER_UPDATES = ('__dict__',)


class partial:
    """A callable that calls `func` with these arguments first."""

    def __init__(self, func, /, *args, **keywords):
        if not callable(func):
            raise TypeError('the first argument must be callable')
        if isinstance(func, partial):
            args = func.args + args
            keywords = {**func.keywords, **keywords}
            func = func.func
        self.func = func
        self.args = args
        self.keywords = keywords

    def __call__(self, /, *args, **keywords):
        keywords = {**self.keywords, **keywords}
        return self.func(*self.args, *args, **keywords)

    def __repr__(self):
        args = [repr(self.func)]
        args.extend(repr(x) for x in self.args)
        args.extend(f'{k}={v!r}' for (k, v) in self.keywords.items())
        return f"functools.partial({', '.join(args)})"


def update_wrapper(wrapper, wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES):
    for attr in assigned:
        try:
            value = getattr(wrapped, attr)
        except AttributeError:
            pass
        else:
            try:
                setattr(wrapper, attr, value)
            except (AttributeError, TypeError):
                pass
    wrapper.__wrapped__ = wrapped
    return wrapper


def wraps(wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES):
    return partial(update_wrapper, wrapped=wrapped, assigned=assigned, updated=updated)


_initial_missing = object()


def reduce(function, iterable, initial=_initial_missing):
    it = iter(iterable)
    if initial is _initial_missing:
        try:
            value = next(it)
        except StopIteration:
            raise TypeError('reduce() of empty iterable with no initial value') from None
    else:
        value = initial
    for element in it:
        value = function(value, element)
    return value


class _CacheInfo:
    def __init__(self, hits, misses, maxsize, currsize):
        self.hits, self.misses, self.maxsize, self.currsize = hits, misses, maxsize, currsize

    def __iter__(self):
        return iter((self.hits, self.misses, self.maxsize, self.currsize))

    def __eq__(self, other):
        return tuple(self) == tuple(other)

    def __repr__(self):
        return f'CacheInfo(hits={self.hits}, misses={self.misses}, maxsize={self.maxsize}, currsize={self.currsize})'


def _make_key(args, kwds, typed):
    key = args
    if kwds:
        key += (object,)
        for item in kwds.items():
            key += item
    if typed:
        key += tuple(type(v) for v in args)
        if kwds:
            key += tuple(type(v) for v in kwds.values())
    elif len(key) == 1 and type(key[0]) in (int, str):
        return key[0]
    return key


def lru_cache(maxsize=128, typed=False):
    if callable(maxsize) and isinstance(typed, bool):
        user_function, maxsize = maxsize, 128
        return _lru_cache_wrapper(user_function, maxsize, typed)
    if maxsize is not None and not isinstance(maxsize, int):
        raise TypeError('Expected first argument to be an integer, a callable, or None')
    if maxsize is not None and maxsize < 0:
        maxsize = 0

    def decorating_function(user_function):
        return _lru_cache_wrapper(user_function, maxsize, typed)
    return decorating_function


def _lru_cache_wrapper(user_function, maxsize, typed):
    cache = {}
    stats = [0, 0]

    def wrapper(*args, **kwds):
        key = _make_key(args, kwds, typed)
        if key in cache:
            stats[0] += 1
            value = cache.pop(key)
            cache[key] = value
            return value
        stats[1] += 1
        result = user_function(*args, **kwds)
        if maxsize is None or maxsize > 0:
            cache[key] = result
            if maxsize is not None and len(cache) > maxsize:
                del cache[next(iter(cache))]
        return result

    def cache_info():
        return _CacheInfo(stats[0], stats[1], maxsize, len(cache))

    def cache_clear():
        cache.clear()
        stats[0] = stats[1] = 0

    wrapper.cache_info = cache_info
    wrapper.cache_clear = cache_clear
    return update_wrapper(wrapper, user_function)


def cache(user_function, /):
    return lru_cache(maxsize=None)(user_function)


def total_ordering(cls):
    roots = [op for op in ('__lt__', '__le__', '__gt__', '__ge__') if op in _own_methods(cls)]
    if not roots:
        raise ValueError('must define at least one ordering operation: < > <= >=')
    root = roots[0]
    if root == '__lt__':
        if '__gt__' not in roots:
            cls.__gt__ = lambda self, other: _not_op_and_not_eq(self.__lt__, self, other)
        if '__le__' not in roots:
            cls.__le__ = lambda self, other: _op_or_eq(self.__lt__, self, other)
        if '__ge__' not in roots:
            cls.__ge__ = lambda self, other: _not_op(self.__lt__, other)
    elif root == '__le__':
        if '__ge__' not in roots:
            cls.__ge__ = lambda self, other: _not_op_or_eq(self.__le__, self, other)
        if '__lt__' not in roots:
            cls.__lt__ = lambda self, other: _op_and_not_eq(self.__le__, self, other)
        if '__gt__' not in roots:
            cls.__gt__ = lambda self, other: _not_op(self.__le__, other)
    elif root == '__gt__':
        if '__lt__' not in roots:
            cls.__lt__ = lambda self, other: _not_op_and_not_eq(self.__gt__, self, other)
        if '__ge__' not in roots:
            cls.__ge__ = lambda self, other: _op_or_eq(self.__gt__, self, other)
        if '__le__' not in roots:
            cls.__le__ = lambda self, other: _not_op(self.__gt__, other)
    else:
        if '__le__' not in roots:
            cls.__le__ = lambda self, other: _not_op_or_eq(self.__ge__, self, other)
        if '__gt__' not in roots:
            cls.__gt__ = lambda self, other: _op_and_not_eq(self.__ge__, self, other)
        if '__lt__' not in roots:
            cls.__lt__ = lambda self, other: _not_op(self.__ge__, other)
    return cls


def _own_methods(cls):
    names = set()
    for name in ('__lt__', '__le__', '__gt__', '__ge__'):
        if getattr(cls, name, None) is not getattr(object, name, None):
            names.add(name)
    return names


def _not_op(op, other):
    r = op(other)
    return r if r is NotImplemented else not r


def _op_or_eq(op, self, other):
    r = op(other)
    return r if r is NotImplemented else r or self == other


def _not_op_and_not_eq(op, self, other):
    r = op(other)
    return r if r is NotImplemented else not r and self != other


def _not_op_or_eq(op, self, other):
    r = op(other)
    return r if r is NotImplemented else not r or self == other


def _op_and_not_eq(op, self, other):
    r = op(other)
    return r if r is NotImplemented else r and self != other


def cmp_to_key(mycmp):
    class K:
        __slots__ = ['obj']

        def __init__(self, obj):
            self.obj = obj

        def __lt__(self, other):
            return mycmp(self.obj, other.obj) < 0

        def __gt__(self, other):
            return mycmp(self.obj, other.obj) > 0

        def __eq__(self, other):
            return mycmp(self.obj, other.obj) == 0

        def __le__(self, other):
            return mycmp(self.obj, other.obj) <= 0

        def __ge__(self, other):
            return mycmp(self.obj, other.obj) >= 0

        __hash__ = None
    return K


def cached_property(func):
    _unsupported('functools.cached_property (descriptors other than property)')


def partialmethod(func, *args, **keywords):
    _unsupported('functools.partialmethod (descriptors other than property)')


def singledispatch(func):
    registry = {object: func}

    def dispatch(cls):
        for c in cls.__mro__:
            if c in registry:
                return registry[c]
        return func

    def register(cls, func=None):
        if func is None:
            if isinstance(cls, type):
                return lambda f: register(cls, f)
            func = cls
            cls = list(getattr(func, '__annotations__', {}).values())[0]
        registry[cls] = func
        return func

    def wrapper(*args, **kw):
        return dispatch(args[0].__class__)(*args, **kw)

    wrapper.register = register
    wrapper.dispatch = dispatch
    wrapper.registry = registry
    update_wrapper(wrapper, func)
    return wrapper
