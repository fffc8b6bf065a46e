# 异步推导式
async def main(src):
    return [x async for x in src]
