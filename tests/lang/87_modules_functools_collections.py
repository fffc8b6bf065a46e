import asyncio
import functools
from functools import partial, wraps, reduce, lru_cache, total_ordering
from collections import deque, defaultdict, Counter, namedtuple, OrderedDict, ChainMap

def timed(func):
    @wraps(func)
    async def wrapper(*args, **kwargs):
        print(f"start {func.__name__}")
        r = await func(*args, **kwargs)
        print(f"end {func.__name__}")
        return r
    return wrapper

@timed
async def work(n, *, scale=1):
    """Doc."""
    await asyncio.sleep(n)
    return n * scale

@lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)

@total_ordering
class V:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return self.v == o.v
    def __lt__(self, o): return self.v < o.v

Point = namedtuple('Point', ['x', 'y'])
P3 = namedtuple('P3', 'x y z', defaults=[0])

async def main():
    print(work.__name__, work.__doc__, work.__wrapped__.__name__)
    print(await work(1, scale=3))
    p = partial(work, 0.5)
    print(await p(scale=2), p.func.__name__, p.args, p.keywords)
    print(reduce(lambda a, b: a + b, [1, 2, 3], 10), fib(50), fib.cache_info())
    print(V(1) <= V(2), V(3) >= V(2), V(1) > V(2))
    q = deque([1, 2, 3], maxlen=4)
    q.append(4); q.append(5); q.appendleft(0); q.rotate(1)
    print(q, len(q), q[0], q.popleft(), q.pop(), list(q), 3 in q)
    d = defaultdict(list)
    d['a'].append(1); d['b'].append(2); d['a'].append(3)
    print(d, dict(d), d['c'], len(d), sorted(d.items()))
    c = Counter('abracadabra')
    print(c, c.most_common(2), c['z'], c['a'])
    c.update(['z', 'z'])
    print(c + Counter('aa'), list(c.elements())[:5], c.total())
    p = Point(1, 2)
    print(p, p.x, p[1], p._asdict(), p._replace(x=5), Point._fields, tuple(p), x := p.x + p.y)
    a, b = p
    print(a, b, p == (1, 2), hash(p) == hash((1, 2)), P3(1, 2), P3._field_defaults)
    od = OrderedDict(a=1, b=2)
    od.move_to_end('a')
    print(od, list(od))
    cm = ChainMap({'a': 1}, {'a': 2, 'b': 3})
    print(cm['a'], cm['b'], len(cm), cm)
    dd = defaultdict(int)
    for w in 'a b a c a'.split():
        dd[w] += 1
    print(dd)
    try:
        Point(1)
    except TypeError as e:
        print(e)
    print(sorted([3, 1, 2], key=functools.cmp_to_key(lambda a, b: b - a)))

asyncio.run(main())
