# wait(FIRST_COMPLETED)：谁先完成就先处理谁，剩下的任务由你决定去留
import asyncio


async def mirror(name, seconds):
    await asyncio.sleep(seconds)
    print(f"{name} 下载完成")
    return name


async def main():
    tasks = [
        asyncio.create_task(mirror("北京镜像", 1.5), name="北京"),
        asyncio.create_task(mirror("上海镜像", 0.5), name="上海"),
        asyncio.create_task(mirror("广州镜像", 1), name="广州"),
    ]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    for t in done:
        print("最快的是:", t.result())
    print("还在下载的:", len(pending), "个，全部取消")

    for t in tasks:
        if t in pending:
            t.cancel()
    await asyncio.wait(pending)  # 等取消真正生效
    for t in tasks:
        print(f"  {t.get_name()}: done={t.done()}, cancelled={t.cancelled()}")


if __name__ == '__main__':
    asyncio.run(main())
