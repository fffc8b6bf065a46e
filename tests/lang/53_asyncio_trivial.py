# 同步程序里调用一次 asyncio.run：协程返回值、await 普通协程、模块级代码前后的时钟
import asyncio
import time

def fib(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a

async def square(x):
    return x * x

async def main(n):
    print("main 开始, 时间", time.time())
    total = 0
    for i in range(n):
        total += await square(i)
    await asyncio.sleep(0.25)
    print("main 结束, 时间", time.time())
    return total, fib(30)

print("asyncio.run 之前")
result = asyncio.run(main(5))
print("结果:", result)
coro = square(7)
print("协程对象的类型:", type(coro).__name__)
print("再运行一次:", asyncio.run(coro), time.time())
