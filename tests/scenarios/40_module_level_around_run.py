# asyncio.run 前后的模块级代码：全局变量在协程中读写，run 之前的阻塞 sleep 推进时钟，run 返回后继续使用结果
import asyncio
import time

print("导入完成, 时钟", time.time())
CONFIG = {"workers": 3, "delay": 0.2}
results = []
time.sleep(1.0)
print("准备阶段阻塞了 1 秒, 时钟", time.time())


async def work(i):
    await asyncio.sleep(CONFIG["delay"] * (i + 1))
    results.append(i)
    return i * 10


async def main():
    start = asyncio.get_running_loop().time()
    print("进入 main, loop.time() =", start)
    out = await asyncio.gather(*(work(i) for i in range(CONFIG["workers"])))
    CONFIG["done"] = True
    return out, asyncio.get_running_loop().time() - start


if __name__ == "__main__":
    out, spent = asyncio.run(main())
    print("run 返回:", out, "耗时", spent)
    print("全局状态被协程修改:", CONFIG, results)
    time.sleep(0.25)
    print("收尾, 时钟", time.time())
