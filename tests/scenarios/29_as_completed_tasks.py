# as_completed（传入任务而不是协程）：按完成顺序产出；失败的任务在轮到它时抛出；timeout 到期抛 TimeoutError
import asyncio
import time


class DownloadError(Exception):
    pass


async def download(name, size, fail=False):
    await asyncio.sleep(size / 10)
    if fail:
        raise DownloadError(f"{name} 下载中断")
    return f"{name}({size}MB)"


async def main():
    files = [("电影", 8, False), ("音乐", 3, False), ("文档", 1, False), ("镜像", 5, True), ("照片", 4, False)]
    tasks = [asyncio.create_task(download(n, s, f), name=n) for n, s, f in files]
    for i, fut in enumerate(asyncio.as_completed(tasks), 1):
        try:
            r = await fut
            print(f"第 {i} 个完成: {r} at {time.time():.1f}")
        except DownloadError as e:
            print(f"第 {i} 个失败: {e} at {time.time():.1f}")

    tasks = [asyncio.create_task(download(n, s), name=n) for n, s in [("慢", 30), ("快", 2), ("中", 12)]]
    got = []
    try:
        for fut in asyncio.as_completed(tasks, timeout=1.5):
            got.append(await fut)
            print("  timeout 内完成:", got[-1], "at", time.time())
    except TimeoutError:
        print("as_completed 超时 at", time.time(), "已得到", got)
    print("未完成的任务没有被取消:", [(t.get_name(), t.done(), t.cancelled()) for t in tasks])
    for t in tasks:
        t.cancel()
    await asyncio.sleep(0)


asyncio.run(main())
