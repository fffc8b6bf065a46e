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
match command:
    case "go":
        pass
    case _:
        pass
def t[T](x): pass
import __future__
