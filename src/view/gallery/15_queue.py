# Queue：生产者放订单，工人取订单；task_done 与 join 告诉我们何时全部处理完
import asyncio


async def worker(name, queue):
    while True:
        order, seconds = await queue.get()
        print(f"{name} 开始处理{order}")
        await asyncio.sleep(seconds)
        print(f"{name} 处理完{order}")
        queue.task_done()  # 每取出一件，就要报告一次完成


async def main():
    queue = asyncio.Queue(maxsize=2)
    workers = [asyncio.create_task(worker(f"工人{i}", queue)) for i in (1, 2)]
    for i, seconds in enumerate([1, 0.5, 0.5, 1, 0.5], 1):
        await queue.put((f"订单{i}", seconds))  # 队列满时，put 会等待
        print(f"放入订单{i}，队列长度 {queue.qsize()}")

    print("订单都放进去了，join() 等待全部处理完")
    await queue.join()
    print("join() 返回：每个订单都 task_done 了")
    for w in workers:
        w.cancel()  # 工人是无限循环，用完要取消
    await asyncio.gather(*workers, return_exceptions=True)


if __name__ == '__main__':
    asyncio.run(main())
