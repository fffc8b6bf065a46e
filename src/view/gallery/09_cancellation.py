# 取消任务：cancel() 让任务在 await 处收到 CancelledError，finally 负责清理
import asyncio


async def download(name):
    print(f"{name}：打开连接")
    try:
        for part in range(1, 6):
            await asyncio.sleep(0.5)
            print(f"{name}：收到第 {part} 块")
        return "完成"
    except asyncio.CancelledError:
        print(f"{name}：收到取消请求")
        raise  # 重新抛出，任务才算真正被取消
    finally:
        print(f"{name}：关闭连接（finally 一定会执行）")


async def main():
    task = asyncio.create_task(download("大文件"))
    await asyncio.sleep(1.2)
    print("main：等不及了，取消它")
    task.cancel()
    print("main：cancel() 只是提出请求，task.done() =", task.done())
    try:
        await task
    except asyncio.CancelledError:
        print("main：任务已取消，task.cancelled() =", task.cancelled())


if __name__ == '__main__':
    asyncio.run(main())
