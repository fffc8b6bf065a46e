import os
import os.path as p, asyncio
from os import path
from asyncio import *
from . import x
from ..pkg import y
x = 99999999999999999999
y = 0xFFFFFFFFFFFFFFFF
z = 1j
w = 2.5J
b = b"abc"
c = "\N{BULLET}"
type X = int
class A(metaclass=M): pass
def g():
    yield 1
def h():
    yield from g()
def k():
    v = yield
async def m():
    async for x in y: pass
    r = [x async for x in y]
    s = (await x for x in y)
try:
    pass
except* E:
    pass
match command:
    case "go":
        pass
    case _:
        pass
def t[T](x): pass
import __future__
