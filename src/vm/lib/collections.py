# The collections module: deque, defaultdict, Counter, OrderedDict,
# namedtuple, ChainMap. Loopscope cannot subclass dict or tuple, so the
# dict-like ones keep a dict and the named tuples keep a tuple; they behave
# like CPython's except that isinstance(x, dict) / isinstance(x, tuple) is False.
import operator as _operator
from types import GenericAlias as _GenericAlias


def _repr_or_qualname(f):
    if isinstance(f, type):
        return repr(f)
    return repr(f)


class deque:
    """A double-ended queue (a list whose front is popped by index)."""
    __class_getitem__ = classmethod(_GenericAlias)


    def __init__(self, iterable=(), maxlen=None):
        if maxlen is not None:
            if not isinstance(maxlen, int):
                raise TypeError('an integer is required')
            if maxlen < 0:
                raise ValueError('maxlen must be non-negative')
        self._items = []
        self._maxlen = maxlen
        self.extend(iterable)

    @property
    def maxlen(self):
        return self._maxlen

    def _trim_left(self):
        if self._maxlen is not None and len(self._items) > self._maxlen:
            del self._items[:len(self._items) - self._maxlen]

    def _trim_right(self):
        if self._maxlen is not None and len(self._items) > self._maxlen:
            del self._items[self._maxlen:]

    def append(self, x):
        self._items.append(x)
        self._trim_left()

    def appendleft(self, x):
        self._items.insert(0, x)
        self._trim_right()

    def pop(self):
        if not self._items:
            raise IndexError('pop from an empty deque')
        return self._items.pop()

    def popleft(self):
        if not self._items:
            raise IndexError('pop from an empty deque')
        return self._items.pop(0)

    def extend(self, iterable):
        if iterable is self:
            iterable = list(iterable)
        for x in iterable:
            self.append(x)

    def extendleft(self, iterable):
        if iterable is self:
            iterable = list(iterable)
        for x in iterable:
            self.appendleft(x)

    def rotate(self, n=1):
        k = len(self._items)
        if k:
            n %= k
            if n:
                self._items[:] = self._items[-n:] + self._items[:-n]

    def clear(self):
        self._items.clear()

    def copy(self):
        return deque(self._items, self._maxlen)

    __copy__ = copy

    def count(self, x):
        return self._items.count(x)

    def index(self, x, *args):
        try:
            return self._items.index(x, *args)
        except ValueError:
            raise ValueError(f'{x!r} is not in deque') from None

    def insert(self, i, x):
        if self._maxlen is not None and len(self._items) >= self._maxlen:
            raise IndexError('deque already at its maximum size')
        self._items.insert(i, x)

    def remove(self, value):
        try:
            self._items.remove(value)
        except ValueError:
            raise ValueError(f'{value!r} is not in deque') from None

    def reverse(self):
        self._items.reverse()

    def __len__(self):
        return len(self._items)

    def __bool__(self):
        return bool(self._items)

    def __iter__(self):
        return iter(self._items)

    def __reversed__(self):
        return reversed(self._items)

    def __contains__(self, x):
        return x in self._items

    def __getitem__(self, i):
        if isinstance(i, slice):
            raise TypeError('sequence index must be integer, not \'slice\'')
        try:
            return self._items[i]
        except IndexError:
            raise IndexError('deque index out of range') from None

    def __setitem__(self, i, x):
        try:
            self._items[i] = x
        except IndexError:
            raise IndexError('deque index out of range') from None

    def __delitem__(self, i):
        try:
            del self._items[i]
        except IndexError:
            raise IndexError('deque index out of range') from None

    def __eq__(self, other):
        if isinstance(other, deque):
            return self._items == other._items
        return NotImplemented

    def __lt__(self, other):
        return self._items < other._items

    def __le__(self, other):
        return self._items <= other._items

    def __gt__(self, other):
        return self._items > other._items

    def __ge__(self, other):
        return self._items >= other._items

    __hash__ = None

    def __add__(self, other):
        if not isinstance(other, deque):
            raise TypeError(f'can only concatenate deque (not "{type(other).__name__}") to deque')
        return deque(self._items + other._items, self._maxlen)

    def __iadd__(self, other):
        self.extend(other)
        return self

    def __mul__(self, n):
        return deque(self._items * n, self._maxlen)

    def __repr__(self):
        if self._maxlen is None:
            return f'deque({self._items!r})'
        return f'deque({self._items!r}, maxlen={self._maxlen})'


class _DictLike:
    """The dict methods, over a dict kept in `_d`."""
    __class_getitem__ = classmethod(_GenericAlias)

    _dictlike = True

    def __len__(self):
        return len(self._d)

    def __iter__(self):
        return iter(self._d)

    def __contains__(self, k):
        return k in self._d

    def __getitem__(self, k):
        if k in self._d:
            return self._d[k]
        return self.__missing__(k)

    def __missing__(self, k):
        raise KeyError(k)

    def __setitem__(self, k, v):
        self._d[k] = v

    def __delitem__(self, k):
        del self._d[k]

    def get(self, k, default=None):
        return self._d.get(k, default)

    def keys(self):
        return self._d.keys()

    def values(self):
        return self._d.values()

    def items(self):
        return self._d.items()

    def pop(self, k, *default):
        return self._d.pop(k, *default)

    def popitem(self):
        return self._d.popitem()

    def setdefault(self, k, default=None):
        return self._d.setdefault(k, default)

    def update(self, *args, **kwargs):
        self._d.update(*args, **kwargs)

    def clear(self):
        self._d.clear()

    def __eq__(self, other):
        if isinstance(other, _DictLike):
            return self._d == other._d
        if isinstance(other, dict):
            return self._d == other
        return NotImplemented

    __hash__ = None

    def __bool__(self):
        return bool(self._d)

    def __reversed__(self):
        return reversed(list(self._d))

    def __or__(self, other):
        new = self.copy()
        new.update(other._d if isinstance(other, _DictLike) else other)
        return new

    def __ior__(self, other):
        self.update(other._d if isinstance(other, _DictLike) else other)
        return self


def _dict_items(mapping):
    return mapping._d if isinstance(mapping, _DictLike) else mapping


class defaultdict(_DictLike):
    """A dict that makes missing values with `default_factory()`."""

    def __init__(self, default_factory=None, *args, **kwargs):
        if default_factory is not None and not callable(default_factory):
            raise TypeError('first argument must be callable or None')
        self.default_factory = default_factory
        self._d = dict(*[_dict_items(a) for a in args], **kwargs)

    def __missing__(self, k):
        if self.default_factory is None:
            raise KeyError(k)
        v = self.default_factory()
        self._d[k] = v
        return v

    def copy(self):
        return defaultdict(self.default_factory, self._d)

    __copy__ = copy

    def __repr__(self):
        return f'defaultdict({self.default_factory!r}, {self._d!r})'


class OrderedDict(_DictLike):
    """A dict with move_to_end() and a popitem() from either end."""

    def __init__(self, *args, **kwargs):
        self._d = dict(*[_dict_items(a) for a in args], **kwargs)

    def move_to_end(self, key, last=True):
        v = self._d.pop(key)
        if last:
            self._d[key] = v
        else:
            rest = self._d
            self._d = {key: v}
            self._d.update(rest)

    def popitem(self, last=True):
        if not self._d:
            raise KeyError('dictionary is empty')
        key = next(reversed(list(self._d))) if last else next(iter(self._d))
        return key, self._d.pop(key)

    def copy(self):
        return OrderedDict(self._d)

    __copy__ = copy

    def __eq__(self, other):
        if isinstance(other, OrderedDict):
            return list(self._d.items()) == list(other._d.items())
        return super().__eq__(other)

    def __repr__(self):
        if not self._d:
            return 'OrderedDict()'
        return f'OrderedDict({self._d!r})'


class Counter(_DictLike):
    """Counts of hashable things."""

    def __init__(self, iterable=None, /, **kwds):
        self._d = {}
        self.update(iterable, **kwds)

    def __missing__(self, key):
        return 0

    def total(self):
        return sum(self._d.values())

    def most_common(self, n=None):
        items = sorted(self._d.items(), key=_operator.itemgetter(1), reverse=True)
        return items if n is None else items[:n]

    def elements(self):
        for k, v in self._d.items():
            for _ in range(v):
                yield k

    def update(self, iterable=None, /, **kwds):
        if iterable is not None:
            if isinstance(iterable, (_DictLike, dict)):
                for k, v in _dict_items(iterable).items():
                    self._d[k] = self._d.get(k, 0) + v
            else:
                for x in iterable:
                    self._d[x] = self._d.get(x, 0) + 1
        for k, v in kwds.items():
            self._d[k] = self._d.get(k, 0) + v

    def subtract(self, iterable=None, /, **kwds):
        if iterable is not None:
            if isinstance(iterable, (_DictLike, dict)):
                for k, v in _dict_items(iterable).items():
                    self._d[k] = self._d.get(k, 0) - v
            else:
                for x in iterable:
                    self._d[x] = self._d.get(x, 0) - 1
        for k, v in kwds.items():
            self._d[k] = self._d.get(k, 0) - v

    def copy(self):
        return Counter(self)

    __copy__ = copy

    def __delitem__(self, k):
        if k in self._d:
            del self._d[k]

    def __add__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for k, v in self._d.items():
            n = v + other[k]
            if n > 0:
                result[k] = n
        for k, v in other._d.items():
            if k not in self._d and v > 0:
                result[k] = v
        return result

    def __sub__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for k, v in self._d.items():
            n = v - other[k]
            if n > 0:
                result[k] = n
        for k, v in other._d.items():
            if k not in self._d and v < 0:
                result[k] = 0 - v
        return result

    def __or__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for k, v in self._d.items():
            n = max(v, other[k])
            if n > 0:
                result[k] = n
        for k, v in other._d.items():
            if k not in self._d and v > 0:
                result[k] = v
        return result

    def __and__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for k, v in self._d.items():
            n = min(v, other[k])
            if n > 0:
                result[k] = n
        return result

    def __pos__(self):
        return Counter({k: v for k, v in self._d.items() if v > 0})

    def __neg__(self):
        return Counter({k: 0 - v for k, v in self._d.items() if v < 0})

    def __repr__(self):
        if not self._d:
            return 'Counter()'
        items = ', '.join(f'{k!r}: {v!r}' for k, v in self.most_common())
        return f'Counter({{{items}}})'


class ChainMap(_DictLike):
    """Several mappings looked up as one."""

    def __init__(self, *maps):
        self.maps = list(maps) or [{}]

    @property
    def _d(self):
        merged = {}
        for m in reversed(self.maps):
            merged.update(_dict_items(m))
        return merged

    def __getitem__(self, key):
        for m in self.maps:
            if key in m:
                return m[key]
        return self.__missing__(key)

    def __setitem__(self, key, value):
        self.maps[0][key] = value

    def __delitem__(self, key):
        del self.maps[0][key]

    def new_child(self, m=None):
        return ChainMap({} if m is None else m, *self.maps)

    @property
    def parents(self):
        return ChainMap(*self.maps[1:])

    def __repr__(self):
        return f"ChainMap({', '.join(map(repr, self.maps))})"


def _namedtuple_class(cls, fields=None, defaults=()):
    """Give `cls` the methods of a named tuple of `fields`."""
    if fields is None:
        fields = list(getattr(cls, '__annotations__', {}))
        defaults = []
        for f in fields:
            if hasattr(cls, f):
                defaults.append(getattr(cls, f))
            elif defaults:
                raise TypeError(f'Non-default namedtuple field {f} cannot follow default field(s) '
                                f"{', '.join(fields[fields.index(f) - len(defaults):fields.index(f)])}")
    fields = tuple(fields)
    name = cls.__name__
    first_default = len(fields) - len(defaults)
    params = ', '.join(f if i < first_default else f'{f}=_d{i}' for i, f in enumerate(fields))
    values = ', '.join(fields)
    comma = ',' if len(fields) == 1 else ''
    # The generated __init__ has the fields for parameters: a wrong call
    # gets CPython's messages, which name `Point.__new__`.
    src = f'def __new__(_self, {params}):\n    _self._values = ({values}{comma})\n'
    if not fields:
        src = 'def __new__(_self):\n    _self._values = ()\n'
    ns = {f'_d{first_default + i}': d for i, d in enumerate(defaults)}
    cls.__init__ = _make_function(src, '__new__', ns, f'{name}.__new__')
    cls._fields = fields
    cls._field_defaults = dict(zip(fields[len(fields) - len(defaults):], defaults))
    for i, f in enumerate(fields):
        setattr(cls, f, property(_operator.itemgetter(i)))
    for m in ('__repr__', '__iter__', '__len__', '__getitem__', '__eq__', '__ne__', '__lt__', '__le__', '__gt__',
              '__ge__', '__hash__', '__add__', '_asdict', '_replace', 'count', 'index', '__contains__'):
        setattr(cls, m, getattr(_NamedTupleMethods, m))
    cls._make = classmethod(_nt_make)
    return cls


def _nt_make(cls, iterable):
    return cls(*iterable)


class _NamedTupleMethods:
    def __repr__(self):
        parts = ', '.join(f'{f}={v!r}' for f, v in zip(self._fields, self._values))
        return f'{type(self).__name__}({parts})'

    def __iter__(self):
        return iter(self._values)

    def __len__(self):
        return len(self._values)

    def __getitem__(self, i):
        if isinstance(i, str):
            raise TypeError('tuple indices must be integers or slices, not str')
        return self._values[i]

    def __contains__(self, x):
        return x in self._values

    def _other(self, other):
        if hasattr(other, '_values') and hasattr(other, '_fields'):
            return other._values
        if isinstance(other, tuple):
            return other
        return None

    def __eq__(self, other):
        o = _NamedTupleMethods._other(self, other)
        return NotImplemented if o is None else self._values == o

    def __ne__(self, other):
        o = _NamedTupleMethods._other(self, other)
        return NotImplemented if o is None else self._values != o

    def __lt__(self, other):
        return self._values < _NamedTupleMethods._other(self, other)

    def __le__(self, other):
        return self._values <= _NamedTupleMethods._other(self, other)

    def __gt__(self, other):
        return self._values > _NamedTupleMethods._other(self, other)

    def __ge__(self, other):
        return self._values >= _NamedTupleMethods._other(self, other)

    def __hash__(self):
        return hash(self._values)

    def __add__(self, other):
        return self._values + tuple(other)

    def _asdict(self):
        return dict(zip(self._fields, self._values))

    def _replace(self, **kwds):
        values = [kwds.pop(f, v) for f, v in zip(self._fields, self._values)]
        if kwds:
            raise TypeError(f'Got unexpected field names: {list(kwds)!r}')
        return type(self)(*values)

    def count(self, x):
        return self._values.count(x)

    def index(self, x, *args):
        return self._values.index(x, *args)


def namedtuple(typename, field_names, *, rename=False, defaults=None, module=None):
    """A class of tuples whose items have names: `namedtuple('Point', 'x y')`."""
    if isinstance(field_names, str):
        field_names = field_names.replace(',', ' ').split()
    field_names = [str(f) for f in field_names]
    if rename:
        seen = set()
        for i, name in enumerate(field_names):
            if (not name.isidentifier() or name.startswith('_') or name in seen):
                field_names[i] = f'_{i}'
            seen.add(name)
    for name in [typename] + field_names:
        if type(name) is not str:
            raise TypeError('Type names and field names must be strings')
        if not name.isidentifier():
            raise ValueError(f'Type names and field names must be valid identifiers: {name!r}')
    seen = set()
    for name in field_names:
        if name.startswith('_') and not rename:
            raise ValueError(f'Field names cannot start with an underscore: {name!r}')
        if name in seen:
            raise ValueError(f'Encountered duplicate field name: {name!r}')
        seen.add(name)
    defaults = tuple(defaults) if defaults is not None else ()
    if len(defaults) > len(field_names):
        raise TypeError('Got more default values than field names')
    cls = _make_class(typename)
    return _namedtuple_class(cls, field_names, defaults)


def _make_class(name):
    return _make_function(f'class {name}:\n    pass\n', name, {}, name, '__main__')
