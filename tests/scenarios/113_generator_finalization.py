# 生成器的收尾：for 循环 break 丢下的生成器立刻运行 finally；异步生成器
# 被丢下时由事件循环安排 aclose()（call_soon_threadsafe 唤醒 selector），
# asyncio.run 结束前关闭仍然活着的异步生成器。
import asyncio


def 数字():
    try:
        for i in range(10):
            yield i
    finally:
        print("同步生成器收尾")


for n in 数字():
    if n == 2:
        break
print("循环之后")


async def 票(名字):
    try:
        for i in range(10):
            yield i
            await asyncio.sleep(0.1)
    finally:
        print("收尾", 名字)


async def main():
    保留 = 票("保留")
    async for x in 保留:
        if x == 2:
            break
    print("break 之后（保留）")
    async for x in 票("丢下"):
        if x == 1:
            break
    print("break 之后（丢下）")
    await asyncio.sleep(0)
    print("sleep(0) 之后")


asyncio.run(main())
print("结束")
