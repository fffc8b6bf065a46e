# time.sleep 会冻结整个事件循环：它不让出控制权，所有任务和定时器只能干等
import asyncio
import time


async def heartbeat():
    start = time.time()
    for i in range(6):
        late = time.time() - (start + i * 0.5)
        print(f"心跳 {i}：t = {time.time():.1f}，比计划晚 {late:.1f} 秒")
        await asyncio.sleep(0.5)


async def bad_task():
    await asyncio.sleep(0.8)
    print("bad_task：调用 time.sleep(1.5)，整个循环被卡住")
    time.sleep(1.5)  # 阻塞！应该写 await asyncio.sleep(1.5)
    print("bad_task：终于醒了，其他任务这才能继续")


async def main():
    await asyncio.gather(heartbeat(), bad_task())


if __name__ == '__main__':
    asyncio.run(main())
