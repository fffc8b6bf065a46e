# asyncio.run 的参数不是协程：ValueError，消息里带上参数的 repr；最后一次以未捕获异常结束
# （没有 .trace：参考实现的 --trace 模式把主协程包了一层，这种错误在那里会变成 TypeError）
import asyncio


async def main():
    return "正常"


for bad in [42, "main", None, [1, 2]]:
    try:
        asyncio.run(bad)
    except ValueError as e:
        print("ValueError:", e)
print("正确调用:", asyncio.run(main()))
asyncio.run(3.5)
print("不会打印")
