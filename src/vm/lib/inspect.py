# The inspect module's questions about functions, generators and coroutines.
import types as _types

GEN_CREATED = 'GEN_CREATED'
GEN_RUNNING = 'GEN_RUNNING'
GEN_SUSPENDED = 'GEN_SUSPENDED'
GEN_CLOSED = 'GEN_CLOSED'
CORO_CREATED = 'CORO_CREATED'
CORO_RUNNING = 'CORO_RUNNING'
CORO_SUSPENDED = 'CORO_SUSPENDED'
CORO_CLOSED = 'CORO_CLOSED'
AGEN_CREATED = 'AGEN_CREATED'
AGEN_RUNNING = 'AGEN_RUNNING'
AGEN_SUSPENDED = 'AGEN_SUSPENDED'
AGEN_CLOSED = 'AGEN_CLOSED'

_is_coroutine_mark = object()


def markcoroutinefunction(func):
    func._is_coroutine_marker = _is_coroutine_mark
    return func


def iscoroutinefunction(obj):
    return _code_kind(obj) == 'coroutine' or getattr(obj, '_is_coroutine_marker', None) is _is_coroutine_mark


def isgeneratorfunction(obj):
    return _code_kind(obj) == 'generator'


def isasyncgenfunction(obj):
    return _code_kind(obj) == 'async_generator'


def iscoroutine(obj):
    return isinstance(obj, _types.CoroutineType)


def isgenerator(obj):
    return isinstance(obj, _types.GeneratorType)


def isasyncgen(obj):
    return isinstance(obj, _types.AsyncGeneratorType)


def isawaitable(obj):
    return _isawaitable(obj)


def isfunction(obj):
    return isinstance(obj, _types.FunctionType)


def ismethod(obj):
    return isinstance(obj, _types.MethodType)


def isclass(obj):
    return isinstance(obj, type)


def isbuiltin(obj):
    return isinstance(obj, _types.BuiltinFunctionType)


def isroutine(obj):
    return isbuiltin(obj) or isfunction(obj) or ismethod(obj)


def ismodule(obj):
    return type(obj).__name__ == 'module'


def isabstract(obj):
    return bool(getattr(obj, '__abstractmethods__', False))


def getgeneratorstate(generator):
    if generator.gi_running:
        return GEN_RUNNING
    if generator.gi_suspended:
        return GEN_SUSPENDED
    if generator.gi_frame is None:
        return GEN_CLOSED
    return GEN_CREATED


def getcoroutinestate(coroutine):
    if coroutine.cr_running:
        return CORO_RUNNING
    if coroutine.cr_suspended:
        return CORO_SUSPENDED
    if coroutine.cr_frame is None:
        return CORO_CLOSED
    return CORO_CREATED


def getasyncgenstate(agen):
    if agen.ag_running:
        return AGEN_RUNNING
    if agen.ag_suspended:
        return AGEN_SUSPENDED
    if agen.ag_frame is None:
        return AGEN_CLOSED
    return AGEN_CREATED


def unwrap(func, *, stop=None):
    f = func
    while hasattr(f, '__wrapped__') and (stop is None or not stop(f)):
        f = f.__wrapped__
    return f


def cleandoc(doc):
    lines = doc.expandtabs().split('\n')
    margin = None
    for line in lines[1:]:
        content = len(line.lstrip(' '))
        if content:
            indent = len(line) - content
            margin = indent if margin is None else min(margin, indent)
    if lines:
        lines[0] = lines[0].lstrip(' ')
    if margin is not None:
        for i in range(1, len(lines)):
            lines[i] = lines[i][margin:]
    while lines and not lines[-1]:
        lines.pop()
    while lines and not lines[0]:
        lines.pop(0)
    return '\n'.join(lines)


def getdoc(object):
    doc = getattr(object, '__doc__', None)
    if not isinstance(doc, str):
        return None
    return cleandoc(doc)


def getmro(cls):
    return cls.__mro__
