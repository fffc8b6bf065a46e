# 模糊测试发现：create_task 传入不认识的关键字参数（priority=）时 CPython 立刻报 TypeError，任务不会被创建和运行
import asyncio


async def job():
    print("job 运行了")


async def main():
    try:
        asyncio.create_task(job(), priority=1)
    except TypeError as e:
        print(e)
    await asyncio.sleep(0.1)
    print("结束")


asyncio.run(main())
