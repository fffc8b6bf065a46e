import asyncio, itertools, math, sys, json, copy, operator
from itertools import count, cycle, islice, chain, product, permutations, combinations, groupby, accumulate, zip_longest, repeat, starmap, takewhile, dropwhile, tee, pairwise, batched, compress, filterfalse, combinations_with_replacement
from abc import ABC, abstractmethod

class Base(ABC):
    @abstractmethod
    async def fetch(self): ...
    @abstractmethod
    def name(self): ...

class Impl(Base):
    async def fetch(self):
        await asyncio.sleep(0.1)
        return 42
    def name(self): return "impl"

class Half(Base):
    def name(self): return "half"

async def main():
    ids = count(1)
    print(next(ids), next(ids), list(islice(cycle('ab'), 5)), list(chain([1], (2, 3))))
    print(list(product('ab', repeat=2)), list(permutations([1, 2, 3], 2))[:3], list(combinations(range(4), 2)))
    print([(k, list(g)) for k, g in groupby('aabbbc')], list(accumulate([1, 2, 3, 4])), list(accumulate([1, 2, 3], operator.mul, initial=10)))
    print(list(zip_longest('ab', 'xyz', fillvalue='-')), list(repeat(7, 3)), list(starmap(pow, [(2, 3), (3, 2)])))
    print(list(takewhile(lambda x: x < 3, [1, 2, 3, 1])), list(dropwhile(lambda x: x < 3, [1, 2, 3, 1])))
    a, b = tee([1, 2, 3])
    print(list(a), list(b), list(pairwise('abcd')), list(batched(range(7), 3)), list(compress('abc', [1, 0, 1])))
    print(list(filterfalse(None, [0, 1, 0, 2])), list(combinations_with_replacement('ab', 2)))
    print(math.sqrt(2), math.pi, math.floor(2.5), math.ceil(2.1), math.inf, math.isclose(0.1 + 0.2, 0.3), math.gcd(12, 18), math.log(100, 10), math.exp(1), math.hypot(3, 4), math.factorial(10), math.comb(5, 2), math.fsum([0.1] * 10), math.prod([1, 2, 3]), math.log2(8), math.sin(1), math.atan2(1, 1), math.isnan(math.nan), math.trunc(-2.5), math.copysign(1, -0.0), math.dist((0, 0), (3, 4)), math.degrees(math.pi), math.e, math.tau, math.lcm(4, 6), math.isqrt(17), math.modf(2.5), math.frexp(8.0), math.log10(1000), math.pow(2, 10))
    print(sys.argv[0].endswith('.py'), sys.version_info >= (3, 11), sys.version_info[:2], sys.maxsize, sys.platform != '', type(sys.version) is str)
    sys.stdout.write("written\n")
    print("to stderr", file=sys.stderr)
    sys.stdout.flush()
    print("recursion", sys.getrecursionlimit())
    data = {"a": [1, 2.5, None, True], "b": {"c": "é\n"}, "d": []}
    s = json.dumps(data)
    print(s, json.dumps(data, indent=2, sort_keys=True), json.dumps("é", ensure_ascii=False))
    print(json.loads(s) == data, json.loads('[1, 2e3, -0.5, "x\\u00e9", {"k": false}]'), json.dumps((1, 2)), json.dumps({1: 2}))
    try:
        json.loads('{bad')
    except json.JSONDecodeError as e:
        print(type(e).__name__, e)
    try:
        json.dumps({1, 2})
    except TypeError as e:
        print(e)
    x = {'l': [1, [2]]}
    y = copy.deepcopy(x); z = copy.copy(x)
    y['l'][1].append(3)
    print(x, y, z['l'] is x['l'])
    i = Impl()
    print(await i.fetch(), i.name(), isinstance(i, Base))
    try:
        Half()
    except TypeError as e:
        print(e)
    try:
        Base()
    except TypeError as e:
        print(e)
    print(operator.itemgetter(1)([5, 6]), operator.attrgetter('real')(3), operator.add(1, 2), sorted([(1, 'b'), (0, 'a')], key=operator.itemgetter(1)))
    print(json.dumps({"t": 1.0, "n": -3, "big": 1e20, "s": 'q"'}, separators=(',', ':')))

asyncio.run(main())
