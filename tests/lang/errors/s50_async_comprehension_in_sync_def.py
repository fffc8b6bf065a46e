# 普通函数里的异步推导式
def main(src):
    return [x async for x in src]
