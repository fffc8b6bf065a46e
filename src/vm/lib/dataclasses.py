# The dataclasses module: @dataclass writes __init__, __repr__, __eq__ (and
# the ordering, hashing, frozen methods) from the class's annotations, as
# CPython's does (the methods are compiled from source, so their errors are
# CPython's).
import copy as _copy

__all__ = ['dataclass', 'field', 'Field', 'FrozenInstanceError', 'InitVar', 'KW_ONLY', 'MISSING', 'fields',
           'asdict', 'astuple', 'make_dataclass', 'replace', 'is_dataclass']


class FrozenInstanceError(AttributeError):
    pass


class _MissingType:
    def __repr__(self):
        return 'MISSING'


MISSING = _MissingType()


class _KwOnlyType:
    def __repr__(self):
        return 'KW_ONLY'


KW_ONLY = _KwOnlyType()


class InitVar:
    def __init__(self, type):
        self.type = type

    def __class_getitem__(cls, type):
        return InitVar(type)

    def __repr__(self):
        return f'dataclasses.InitVar[{getattr(self.type, "__name__", self.type)}]'


class Field:
    def __init__(self, default, default_factory, init, repr, hash, compare, metadata, kw_only):
        self.name = None
        self.type = None
        self.default = default
        self.default_factory = default_factory
        self.init = init
        self.repr = repr
        self.hash = hash
        self.compare = compare
        self.metadata = {} if metadata is None else metadata
        self.kw_only = kw_only
        self._field_type = None

    def __repr__(self):
        return (f'Field(name={self.name!r},type={self.type!r},default={self.default!r},'
                f'default_factory={self.default_factory!r},init={self.init!r},repr={self.repr!r},'
                f'hash={self.hash!r},compare={self.compare!r},metadata={self.metadata!r},'
                f'kw_only={self.kw_only!r},_field_type={self._field_type})')


def field(*, default=MISSING, default_factory=MISSING, init=True, repr=True, hash=None, compare=True,
          metadata=None, kw_only=MISSING):
    if default is not MISSING and default_factory is not MISSING:
        raise ValueError('cannot specify both default and default_factory')
    return Field(default, default_factory, init, repr, hash, compare, metadata, kw_only)


_FIELD = '_FIELD'
_FIELD_CLASSVAR = '_FIELD_CLASSVAR'
_FIELD_INITVAR = '_FIELD_INITVAR'


def _is_classvar(tp):
    return type(tp).__name__ == '_Form' and tp._name == 'ClassVar' or (
        type(tp).__name__ == '_Form' and getattr(tp.__origin__, '_name', None) == 'ClassVar') or (
        isinstance(tp, str) and tp.startswith(('ClassVar', 'typing.ClassVar')))


def _get_field(cls, name, tp, default_kw_only):
    default = getattr(cls, name, MISSING)
    if isinstance(default, Field):
        f = default
    else:
        f = field(default=default)
    f.name = name
    f.type = tp
    f._field_type = _FIELD
    if _is_classvar(tp):
        f._field_type = _FIELD_CLASSVAR
    elif isinstance(tp, InitVar) or tp is InitVar:
        f._field_type = _FIELD_INITVAR
    if f._field_type == _FIELD and f.kw_only is MISSING:
        f.kw_only = default_kw_only
    if f._field_type == _FIELD and f.default is not MISSING and f.default.__class__.__hash__ is None:
        raise ValueError(f'mutable default {type(f.default)} for field {name} is not allowed: use default_factory')
    return f


def _class_fields(cls):
    return getattr(cls, '__dataclass_fields__', None)


def _process_class(cls, init, repr, eq, order, unsafe_hash, frozen, match_args, kw_only, slots):
    fields = {}
    for b in reversed(cls.__mro__[1:]):
        base_fields = _class_fields(b)
        if base_fields is not None:
            for f in base_fields.values():
                fields[f.name] = f
    annotations = dict(_class_items(cls)).get('__annotations__', {})
    own = []
    default_kw_only = kw_only
    for name, tp in annotations.items():
        if tp is KW_ONLY:
            default_kw_only = True
            continue
        f = _get_field(cls, name, tp, default_kw_only)
        own.append(f)
    for f in own:
        fields[f.name] = f
        if isinstance(getattr(cls, f.name, None), Field):
            if f.default is MISSING:
                delattr(cls, f.name)
            else:
                setattr(cls, f.name, f.default)
    for name, value in _class_items(cls):
        if isinstance(value, Field) and name not in annotations:
            raise TypeError(f'{name!r} is a field but has no type annotation')
    cls.__dataclass_fields__ = fields
    cls.__dataclass_params__ = (init, repr, eq, order, unsafe_hash, frozen)
    all_init = [f for f in fields.values() if f._field_type in (_FIELD, _FIELD_INITVAR)]
    std = [f for f in all_init if f.init and not f.kw_only]
    kw = [f for f in all_init if f.init and f.kw_only]
    field_list = [f for f in fields.values() if f._field_type == _FIELD]
    qualname = cls.__qualname__
    if init:
        seen_default = None
        for f in std:
            if f.default is MISSING and f.default_factory is MISSING:
                if seen_default is not None:
                    raise TypeError(f'non-default argument {f.name!r} follows default argument {seen_default!r}')
            else:
                seen_default = seen_default or f.name
        has_post_init = hasattr(cls, '__post_init__')
        _set_new_attribute(cls, '__init__', _init_fn(all_init, std, kw, frozen, has_post_init, qualname, cls))
    if repr:
        names = [f.name for f in field_list if f.repr]
        _set_new_attribute(cls, '__repr__', _repr_fn(names, qualname))
    if eq:
        names = [f.name for f in field_list if f.compare]
        _set_new_attribute(cls, '__eq__', _cmp_fn('__eq__', '==', names, qualname))
    if order:
        names = [f.name for f in field_list if f.compare]
        for name, op in (('__lt__', '<'), ('__le__', '<='), ('__gt__', '>'), ('__ge__', '>=')):
            if _set_new_attribute(cls, name, _cmp_fn(name, op, names, qualname)):
                raise TypeError(f'Cannot overwrite attribute {name} in class {cls.__name__}. '
                                f'Consider using functools.total_ordering')
    if frozen:
        names = [f.name for f in field_list]
        _set_new_attribute(cls, '__setattr__', _frozen_fn('__setattr__', names, qualname, cls))
        _set_new_attribute(cls, '__delattr__', _frozen_fn('__delattr__', names, qualname, cls))
    hash_fields = [f.name for f in field_list if (f.compare if f.hash is None else f.hash)]
    has_own_hash = '__hash__' in _class_names(cls) and getattr(cls, '__hash__', None) is not None
    if unsafe_hash or (eq and frozen):
        if not has_own_hash or unsafe_hash:
            cls.__hash__ = _hash_fn(hash_fields, qualname)
    elif eq and not has_own_hash:
        cls.__hash__ = None
    if match_args:
        cls.__match_args__ = tuple(f.name for f in std)
    if '__doc__' not in _class_names(cls):
        cls.__doc__ = cls.__name__ + _signature_text(std, kw) if init else cls.__name__ + '()'
    return cls


def _signature_text(std, kw):
    # The text of `inspect.signature(cls)`, as dataclass's default docstring.
    def param(f):
        text = f'{f.name}: {_format_annotation(f.type)}'
        if f.default is not MISSING:
            text += f' = {f.default!r}'
        elif f.default_factory is not MISSING:
            text += ' = <factory>'
        return text
    params = [param(f) for f in std]
    if kw:
        params.append('*')
        params.extend(param(f) for f in kw)
    return f"({', '.join(params)})"


def _format_annotation(annotation):
    if isinstance(annotation, type):
        if annotation.__module__ == 'builtins':
            return annotation.__qualname__
        return f'{annotation.__module__}.{annotation.__qualname__}'
    return repr(annotation).replace('typing.', '')


def _set_new_attribute(cls, name, value):
    if name in _class_names(cls):
        return True
    setattr(cls, name, value)
    return False


def _init_fn(all_init, std, kw, frozen, has_post_init, qualname, cls):
    ns = {'MISSING': MISSING, '__dataclass_builtins_object__': object}
    params = ['self']
    for f in std:
        params.append(_init_param(f, ns))
    if kw:
        params.append('*')
        for f in kw:
            params.append(_init_param(f, ns))
    body = []
    for f in all_init:
        if f._field_type != _FIELD:
            continue
        value = f.name
        if f.default_factory is not MISSING:
            ns[f'__dataclass_dflt_{f.name}__'] = f.default_factory
            if f.init:
                value = f'__dataclass_dflt_{f.name}__() if {f.name} is __dataclass_HAS_DEFAULT_FACTORY__ else {f.name}'
                ns['__dataclass_HAS_DEFAULT_FACTORY__'] = _HAS_DEFAULT_FACTORY
            else:
                value = f'__dataclass_dflt_{f.name}__()'
        elif not f.init:
            if f.default is MISSING:
                continue
            ns[f'__dataclass_dflt_{f.name}__'] = f.default
            value = f'__dataclass_dflt_{f.name}__'
        if frozen:
            body.append(f'    __dataclass_builtins_object__.__setattr__(self, {f.name!r}, {value})')
        else:
            body.append(f'    self.{f.name} = {value}')
    if has_post_init:
        initvars = ', '.join(f.name for f in all_init if f._field_type == _FIELD_INITVAR)
        body.append(f'    self.__post_init__({initvars})')
    if not body:
        body = ['    pass']
    src = f"def __init__({', '.join(params)}):\n" + '\n'.join(body) + '\n'
    return _make_function(src, '__init__', ns, f'{qualname}.__init__')


class _HasDefaultFactory:
    def __repr__(self):
        return '<factory>'


_HAS_DEFAULT_FACTORY = _HasDefaultFactory()


def _init_param(f, ns):
    if f.default is MISSING and f.default_factory is MISSING:
        return f.name
    if f.default_factory is not MISSING:
        return f'{f.name}=__dataclass_HAS_DEFAULT_FACTORY__'
    ns[f'__dataclass_dflt_{f.name}__'] = f.default
    return f'{f.name}=__dataclass_dflt_{f.name}__'


def _repr_fn(names, qualname):
    parts = ', '.join(f'{n}={{self.{n}!r}}' for n in names)
    src = f"def __repr__(self):\n    return f'{{self.__class__.__qualname__}}({parts})'\n"
    return _make_function(src, '__repr__', {}, f'{qualname}.__repr__')


def _tuple_src(names, obj):
    if not names:
        return '()'
    return '(' + ', '.join(f'{obj}.{n}' for n in names) + ',)'


def _cmp_fn(name, op, names, qualname):
    src = (f'def {name}(self, other):\n'
           f'    if self is other and {op!r} in ("==", "<=", ">="):\n'
           f'        return True\n'
           f'    if other.__class__ is self.__class__:\n'
           f'        return {_tuple_src(names, "self")} {op} {_tuple_src(names, "other")}\n'
           f'    return NotImplemented\n')
    return _make_function(src, name, {}, f'{qualname}.{name}')


def _hash_fn(names, qualname):
    src = f'def __hash__(self):\n    return hash({_tuple_src(names, "self")})\n'
    return _make_function(src, '__hash__', {}, f'{qualname}.__hash__')


def _frozen_fn(name, names, qualname, cls):
    ns = {'FrozenInstanceError': FrozenInstanceError, 'cls': cls, '__dataclass_builtins_object__': object}
    args = 'self, name, value' if name == '__setattr__' else 'self, name'
    op = 'assign to' if name == '__setattr__' else 'delete'
    call = 'name, value' if name == '__setattr__' else 'name'
    src = (f'def {name}({args}):\n'
           f'    if type(self) is cls or name in {tuple(names)!r}:\n'
           f'        raise FrozenInstanceError(f"cannot {op} field {{name!r}}")\n'
           f'    __dataclass_builtins_object__.{name}(self, {call})\n')
    return _make_function(src, name, ns, f'{qualname}.{name}')


def dataclass(cls=None, /, *, init=True, repr=True, eq=True, order=False, unsafe_hash=False, frozen=False,
              match_args=True, kw_only=False, slots=False, weakref_slot=False):
    if order and not eq:
        raise ValueError('eq must be true if order is true')

    def wrap(cls):
        return _process_class(cls, init, repr, eq, order, unsafe_hash, frozen, match_args, kw_only, slots)
    if cls is None:
        return wrap
    return wrap(cls)


def fields(class_or_instance):
    try:
        fs = class_or_instance.__dataclass_fields__
    except AttributeError:
        raise TypeError('must be called with a dataclass type or instance') from None
    return tuple(f for f in fs.values() if f._field_type == _FIELD)


def is_dataclass(obj):
    return hasattr(obj, '__dataclass_fields__')


def _is_dataclass_instance(obj):
    return hasattr(type(obj), '__dataclass_fields__') and not isinstance(obj, type)


def asdict(obj, *, dict_factory=dict):
    if not _is_dataclass_instance(obj):
        raise TypeError('asdict() should be called on dataclass instances')
    return _asdict_inner(obj, dict_factory)


def _asdict_inner(obj, dict_factory):
    if _is_dataclass_instance(obj):
        return dict_factory([(f.name, _asdict_inner(getattr(obj, f.name), dict_factory)) for f in fields(obj)])
    if isinstance(obj, (list, tuple)):
        return type(obj)(_asdict_inner(v, dict_factory) for v in obj)
    if isinstance(obj, dict):
        return type(obj)((_asdict_inner(k, dict_factory), _asdict_inner(v, dict_factory)) for k, v in obj.items())
    return _copy.deepcopy(obj)


def astuple(obj, *, tuple_factory=tuple):
    if not _is_dataclass_instance(obj):
        raise TypeError('astuple() should be called on dataclass instances')
    return _astuple_inner(obj, tuple_factory)


def _astuple_inner(obj, tuple_factory):
    if _is_dataclass_instance(obj):
        return tuple_factory([_astuple_inner(getattr(obj, f.name), tuple_factory) for f in fields(obj)])
    if isinstance(obj, (list, tuple)):
        return type(obj)(_astuple_inner(v, tuple_factory) for v in obj)
    if isinstance(obj, dict):
        return type(obj)((_astuple_inner(k, tuple_factory), _astuple_inner(v, tuple_factory)) for k, v in obj.items())
    return _copy.deepcopy(obj)


def replace(obj, /, **changes):
    if not _is_dataclass_instance(obj):
        raise TypeError('replace() should be called on dataclass instances')
    for f in obj.__dataclass_fields__.values():
        if f._field_type == _FIELD_CLASSVAR:
            continue
        if not f.init:
            if f.name in changes:
                raise ValueError(f'field {f.name} is declared with init=False, it cannot be specified with replace()')
            continue
        if f.name not in changes:
            if f._field_type == _FIELD_INITVAR and f.default is MISSING:
                raise TypeError(f'InitVar {f.name!r} must be specified with replace()')
            changes[f.name] = getattr(obj, f.name)
    return obj.__class__(**changes)


def make_dataclass(cls_name, fields, *, bases=(), namespace=None, **kwargs):
    _unsupported('dataclasses.make_dataclass')
