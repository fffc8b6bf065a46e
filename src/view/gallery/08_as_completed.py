# as_completed：按完成的先后拿结果，而不是按提交的顺序
import asyncio
import time


async def download(name, seconds):
    print(f"开始下载 {name}")
    await asyncio.sleep(seconds)
    return f"{name}（{seconds} 秒）"


async def main():
    start = time.time()
    tasks = [
        asyncio.create_task(download("视频.mp4", 2)),
        asyncio.create_task(download("图片.png", 0.5)),
        asyncio.create_task(download("文档.pdf", 1)),
    ]
    for i, next_done in enumerate(asyncio.as_completed(tasks), 1):
        result = await next_done
        print(f"第 {i} 个完成: {result}，此时 {time.time() - start:.1f} 秒")

    print("提交顺序:", [t.result() for t in tasks])


if __name__ == '__main__':
    asyncio.run(main())
