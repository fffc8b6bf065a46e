# 生成器里的 await
async def outer():
    def gen():
        yield await something()
    return gen
