# 普通函数里的 async for
def main(q):
    async for item in q:
        print(item)
