# The abc module: ABC and abstractmethod. A class whose abstract methods
# are not all implemented cannot be instantiated (the VM checks
# `__abstractmethods__`, as CPython's object.__new__ does).


def abstractmethod(funcobj):
    funcobj.__isabstractmethod__ = True
    return funcobj


class ABC:
    """A base class for abstract classes."""

    def __init_subclass__(cls, **kwargs):
        names = []
        for name in _class_attr_names(cls):
            value = getattr(cls, name, None)
            if getattr(value, '__isabstractmethod__', False):
                names.append(name)
        cls.__abstractmethods__ = frozenset(names)


def abstractclassmethod(callable):
    callable.__isabstractmethod__ = True
    return classmethod(callable)


def abstractstaticmethod(callable):
    callable.__isabstractmethod__ = True
    return staticmethod(callable)


def abstractproperty(fget):
    return property(fget)


def get_cache_token():
    return 0
