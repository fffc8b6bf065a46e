x = -2**2 == -4
x = not a == b
x = a if b else c if d else e
x = lambda: a if b else c
x = lambda a, b=1, *args, c, d=2, **kw: a
x = lambda *, k: k
x = lambda a, /, b: a
f = lambda: (yield_ := 1)
x = await_ if x else y
x = ~a | b ^ c & d << 1 >> 2 @ e + f - g * h / i // j % k
x = a < b <= c > d >= e == f != g
x = a in b not in c is d is not e
x = a and b and c or d or not e
x = 2 ** -1 ** 2
x = (1, 2)[::-1]
x = a[1:2, 3]
x = a[:], a[1:], a[:2], a[::2], a[1:2:3], a[...]
x = a[b := 1]
x = "-".join(["a", "b"])
x = 'abc'.upper().lower()
x = [1, 2, 3,]
x = (1,)
x = ()
x = []
x = {}
x = {1, 2, 3,}
x = {"a": 1, **d, "b": 2,}
x = {**d}
x = [*a, *b]
x = (*a, *b)
x = {*a, *b}
x = *a, *b
x = [i * 2 for i in range(10) if i % 2 if i > 2]
x = [(i, j) for i in range(3) for j in range(i)]
x = {k: v for k, v in d.items()}
x = {i for i in s}
x = sum(i for i in range(10))
x = sum((i for i in range(10)), 0)
x = any(x > 0 for x in xs)
x = f(*args, **kwargs)
x = f(a, *b, c=1, *d, **e)
print(*items, sep=", ", end="")
x = f(a)(b)[c].d
x = f(x for x in y)
x = (yy := 10) + 1
if (n := len(a)) > 3:
    pass
while (line := read()):
    pass
x = [y := 1, y ** 2]
x = 1 if True else 2
x = None, True, False, ...
x = a.b.c.d
x = (
    1
    + 2
)
x = 1 + \
    2
x = [
    1,
    2,
]
x = f(
    a,
    b=2,
)
x = not not not a
x = - - - a
x = + + a
x = await_ ** 2
x = a @ b
x = ((((((1))))))
x = "%s %d" % ("a", 1)
x = "{} {}".format(1, 2)
x = type(x).__name__
x = isinstance(x, (int, float))
x = sorted(a, key=lambda p: (p[1], -p[0]), reverse=True)


async def g():
    y = await x ** 2
    z = [await q for q in qs]
    w = {k: await v for k, v in d.items()}
    return await asyncio.wait_for(f(), timeout=1)
