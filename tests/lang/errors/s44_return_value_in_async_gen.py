# 异步生成器里 return 带值
async def ticks():
    yield 1
    return 2
