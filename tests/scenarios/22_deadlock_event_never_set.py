# 死锁：多个任务等待一个永远不会被 set 的 Event（唯一会 set 它的任务先失败了）
import asyncio
import time

ready = asyncio.Event()


async def starter():
    await asyncio.sleep(0.3)
    config = {}
    if "port" not in config:
        print("starter: 配置缺失, 没有 set 事件 at", time.time())
        return
    ready.set()


async def service(name):
    print(f"{name} 等待 ready")
    await ready.wait()
    print(f"{name} 启动")


async def main():
    s = asyncio.create_task(starter())
    await asyncio.gather(service("web"), service("db"), s)


asyncio.run(main())
