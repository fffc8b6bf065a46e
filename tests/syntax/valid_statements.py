"""A docstring is an ordinary expression statement."""
import asyncio
import time as t, random
from asyncio import sleep, gather as g
from asyncio import (
    Queue,
    Lock,
)

x = 1
a = b = c = [1, 2, 3]
first, *rest = a
(p, q), r = (1, 2), 3
[m, n] = 4, 5
obj = type("O", (), {})()
obj.attr = 1
a[0] = 2
a[1:2] = [9]
x += 1; x -= 1; x *= 2; x /= 2; x //= 1; x %= 7; x **= 2; x <<= 1; x >>= 1
x &= 3; x |= 4; x ^= 5; x @= 1
y: int = 5
z: list[int]
obj.attr: int = 2
del a[0], obj.attr
del (p, q), [m]
assert x, "message"
assert y > 0
pass; pass;


def outer():
    count = 0

    def inner():
        nonlocal count
        count += 1
        return count

    global x
    return inner


if x == 1:
    pass
elif x == 2:
    pass
elif x > 2:
    x = 3
else:
    x = 4

if x: x = 1
while x < 10:
    x += 1
    if x == 5:
        continue
    if x == 8:
        break
else:
    pass

for i in range(3):
    pass
else:
    pass
for i, (j, k) in enumerate([(1, 2)]):
    print(i, j, k)
for *init, last in [[1, 2, 3]]: pass

try:
    raise ValueError("bad")
except ValueError as e:
    raise RuntimeError("worse") from e
except (KeyError, IndexError):
    raise
except Exception:
    pass
except:
    pass
else:
    pass
finally:
    pass

try:
    pass
finally:
    pass


class Base:
    """Doc."""
    kind = "base"

    def __init__(self, name):
        self.name = name

    async def run(self):
        await asyncio.sleep(0)


class MyError(Exception, Base):
    def __init__(self, msg):
        super().__init__(msg)


@staticmethod
@some.decorator(1, key=2)
def decorated():
    return


async def main():
    async with asyncio.Lock() as lock, asyncio.Semaphore(2):
        pass
    async with (
        asyncio.timeout(1) as cm,
        asyncio.Lock() as lk,
    ):
        await asyncio.sleep(0.1)
    with (a, b):
        pass
    with (a, b) as c:
        pass
    with (a) as b, c:
        pass
    with open("f") as f: pass
    r = await asyncio.gather(*[asyncio.sleep(0) for _ in range(3)])
    return [await x for x in r]


if __name__ == '__main__':
    asyncio.run(main())
