def gen(n):
    x = yield
    y = yield x, n
    z = yield from range(n)
    w = (yield)
    yield
    return z

f = lambda: (yield 1)
g = (x for x in gen(3) if x)


async def agen(q):
    async for item in q:
        yield item
    async with q as c:
        yield [i async for i in c]
    yield {k: v async for k, v in q}
    return


async def main():
    r = [await x for x in agen(1)]
    s = (i async for i in agen(2))
    try:
        pass
    except* (ValueError, TypeError) as eg:
        print(eg)
    except* KeyError:
        for i in r:
            break
