# TaskGroup：一个子任务失败，其余还在运行的子任务会被取消，错误装进 ExceptionGroup
import asyncio


async def step(name, seconds, fail=False):
    print(f"{name} 开始")
    try:
        await asyncio.sleep(seconds)
        if fail:
            raise ValueError(f"{name} 出错了")
        print(f"{name} 完成")
    except asyncio.CancelledError:
        print(f"{name} 被取消")
        raise


async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(step("下载", 0.5))
            tg.create_task(step("解析", 1, fail=True))
            tg.create_task(step("上传", 2))
            print("三个子任务已加入任务组，async with 结束时等它们全部完成")
        print("这一行不会执行")
    except ExceptionGroup as eg:
        print("捕获:", eg)
        for e in eg.exceptions:
            print("  其中:", repr(e))


if __name__ == '__main__':
    asyncio.run(main())
