# The copy module: copy and deepcopy of the builtin containers and of
# instances (their attributes), with the memo for shared and cyclic parts.


class Error(Exception):
    pass


def copy(x):
    cls = type(x)
    if cls in (int, float, bool, str, type(None), tuple, frozenset, range, type) or callable(x) and not hasattr(x, '__dict__'):
        return x
    if cls is list:
        return list(x)
    if cls is dict:
        return dict(x)
    if cls is set:
        return set(x)
    if hasattr(x, '__copy__'):
        return x.__copy__()
    return _copy_instance(x)


def _copy_instance(x):
    new = _new_instance(type(x))
    for k, v in vars(x).items():
        setattr(new, k, v)
    return new


def deepcopy(x, memo=None):
    if memo is None:
        memo = {}
    d = id(x)
    if d in memo:
        return memo[d]
    cls = type(x)
    if cls in (int, float, bool, str, type(None), range, type) or callable(x) and not hasattr(x, '__dict__'):
        return x
    if cls is list:
        y = []
        memo[d] = y
        for a in x:
            y.append(deepcopy(a, memo))
    elif cls is tuple:
        y = tuple(deepcopy(a, memo) for a in x)
        if all(a is b for a, b in zip(x, y)):
            y = x
        memo[d] = y
    elif cls is dict:
        y = {}
        memo[d] = y
        for k, v in x.items():
            y[deepcopy(k, memo)] = deepcopy(v, memo)
    elif cls is set:
        y = {deepcopy(a, memo) for a in x}
        memo[d] = y
    elif cls is frozenset:
        y = frozenset(deepcopy(a, memo) for a in x)
        memo[d] = y
    elif hasattr(x, '__deepcopy__'):
        y = x.__deepcopy__(memo)
        memo[d] = y
    else:
        y = _new_instance(cls)
        memo[d] = y
        for k, v in vars(x).items():
            setattr(y, k, deepcopy(v, memo))
    return y


def replace(obj, /, **changes):
    return obj.__replace__(**changes)
