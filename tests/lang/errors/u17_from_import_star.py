# from asyncio import *
from asyncio import *
