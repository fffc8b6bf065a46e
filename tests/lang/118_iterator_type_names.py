# Each builtin iterator has its own type, named as CPython names it, in
# type(it).__name__ and in its repr; running it out keeps its type.
class Seq:
    def __getitem__(self, i):
        if i > 1:
            raise IndexError(i)
        return i

def name(it):
    return repr(it).split(' object at ')[0]

d = {'a': 1}
its = [iter([]), iter([1, 2]), iter(()), iter((1,)), iter(range(3)), iter(range(0)),
       iter(''), iter('ab'), iter('é'), iter('ab€'), iter(d), iter(d.keys()), iter(d.values()),
       iter(d.items()), iter({1}), iter(frozenset()), enumerate([]), zip(), zip([1], [2]),
       map(len, []), filter(None, []), reversed([1]), reversed(range(3)), reversed((1, 2)),
       reversed('ab'), iter(Seq()), iter(iter([3]))]
for it in its:
    t = type(it)
    before = t.__name__
    rest = list(it)
    print(before, name(it), t.__qualname__, t.__module__, rest, type(it) is t, type(it).__name__)
for v in [d.keys(), d.values(), d.items()]:
    print(type(v).__name__, type(v).__qualname__, repr(v))
print(type(iter([])) is type(iter([1, 2])), type(iter([])) is type(iter(())))
print(type(iter('a')) is type(iter('b')), type(iter('a')) is type(iter('é')))
print(type(iter(range(2))) is type(reversed(range(5))), type(reversed([])) is type(iter([])))
print(type(reversed('a')) is type(reversed((1,))), type(iter(d)) is type(iter(d.values())))
print(type(type(iter([]))).__name__, isinstance(iter([]), type(iter([2]))),
      isinstance(iter(()), type(iter([2]))))
it = iter([1])
next(it)
try:
    next(it)
except StopIteration as e:
    print(type(e).__name__, repr(e), type(it).__name__)
for bad in [5, None, 1.5]:
    try:
        iter(bad)
    except TypeError as e:
        print(type(e).__name__, e)
