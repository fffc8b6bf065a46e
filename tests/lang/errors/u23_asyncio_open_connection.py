# 没有网络
from asyncio import sleep, open_connection
