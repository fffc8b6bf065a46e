# 同一程序里两次 asyncio.run：第二个事件循环是全新的，时钟继续前进；任务编号跨 run 延续（关闭时用掉两个编号）
import asyncio
import time


async def job(tag, d):
    await asyncio.sleep(d)
    return f"{tag}@{asyncio.current_task().get_name()}"


async def main(tag):
    loop = asyncio.get_running_loop()
    print(f"{tag}: main 是 {asyncio.current_task().get_name()}, loop.time()={loop.time()}")
    res = await asyncio.gather(job(tag + "-a", 0.2), job(tag + "-b", 0.1))
    t = asyncio.create_task(job(tag + "-c", 0.1))
    res.append(await t)
    print(f"{tag}: {res}")
    return len(res)


print("模块开始 at", time.time())
n1 = asyncio.run(main("第一次"))
print("两次之间, 阻塞 sleep 0.5")
time.sleep(0.5)
n2 = asyncio.run(main("第二次"))
print("返回值:", n1, n2, "at", time.time())


async def peek():
    return asyncio.current_task().get_name()


print("第三次只看 main 的名字:", asyncio.run(peek()))
