# create_task：任务创建后不会立刻运行，要等当前协程让出控制权
import asyncio


async def worker(name, steps):
    for i in range(1, steps + 1):
        print(f"{name} 第 {i} 步")
        await asyncio.sleep(0.5)
    return f"{name} 做完 {steps} 步"


async def main():
    t1 = asyncio.create_task(worker("任务A", 3))
    t2 = asyncio.create_task(worker("任务B", 2), name="下载器")
    print("两个任务已创建，但还一步都没跑")
    print("名字:", t1.get_name(), "和", t2.get_name())

    await asyncio.sleep(0)  # 让出一次：两个任务各自跑到第一个 await
    print("main 让出一次之后，t1.done() =", t1.done())

    r2 = await t2  # main 在这里等 t2，t1 同时继续运行
    print("等到 t2:", r2)
    print("此时 t1.done() =", t1.done())
    r1 = await t1
    print("等到 t1:", r1)


if __name__ == '__main__':
    asyncio.run(main())
