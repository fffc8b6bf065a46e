import asyncio
import time
import random
random.seed(2024)  # added for the test: the chapter draws unseeded numbers

async def demonstrate_asyncio_basics():
    """演示asyncio基础API"""
    print("=== asyncio 基础API演示 ===")

    # 1. 基本协程操作
    async def simple_coro(name, delay):
        print(f"协程 {name} 开始，延迟 {delay} 秒")
        await asyncio.sleep(delay)
        print(f"协程 {name} 完成")
        return f"结果来自 {name}"

    # 单个协程执行
    print("1. 单个协程执行:")
    result = await simple_coro("单独协程", 1)
    print(f"   结果: {result}\n")

    # 2. 创建和管理Task
    print("2. Task创建和管理:")
    task1 = asyncio.create_task(simple_coro("任务1", 0.5))
    task2 = asyncio.create_task(simple_coro("任务2", 0.8))
    task3 = asyncio.create_task(simple_coro("任务3", 0.3))

    print(f"   任务1状态: {task1.done()}")
    print(f"   任务2名称: {task2.get_name()}")

    # 等待所有任务完成
    results = await asyncio.gather(task1, task2, task3)
    print(f"   所有任务结果: {results}\n")

    # 3. Future对象操作
    print("3. Future对象操作:")
    future = asyncio.Future()

    async def set_future_later():
        await asyncio.sleep(0.5)
        future.set_result("Future设置的结果")

    # 启动设置Future的任务
    asyncio.create_task(set_future_later())

    print("   等待Future完成...")
    future_result = await future
    print(f"   Future结果: {future_result}\n")

async def demonstrate_asyncio_wait():
    """演示asyncio.wait()的使用"""
    print("=== asyncio.wait() 演示 ===")

    async def worker(name, duration, success_rate=0.8):
        await asyncio.sleep(duration)
        if random.random() < success_rate:
            return f"Worker {name} 成功"
        else:
            raise Exception(f"Worker {name} 失败")

    # 创建多个任务
    tasks = [
        asyncio.create_task(worker("A", 1.0)),
        asyncio.create_task(worker("B", 2.0)),
        asyncio.create_task(worker("C", 1.5)),
        asyncio.create_task(worker("D", 0.8)),
    ]

    # 1. 等待第一个完成
    print("1. 等待第一个任务完成:")
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)

    print(f"   已完成任务数: {len(done)}")
    print(f"   待完成任务数: {len(pending)}")

    for task in done:
        try:
            result = await task
            print(f"   完成结果: {result}")
        except Exception as e:
            print(f"   任务异常: {e}")

    # 2. 设置超时等待
    print("\n2. 超时等待剩余任务:")
    try:
        done, pending = await asyncio.wait(pending, timeout=1.0)
        print(f"   超时内完成: {len(done)} 个")
        print(f"   仍未完成: {len(pending)} 个")

        # 取消未完成的任务
        for task in pending:
            task.cancel()

    except asyncio.TimeoutError:
        print("   等待超时")

async def demonstrate_asyncio_as_completed():
    """演示asyncio.as_completed()的使用"""
    print("\n=== asyncio.as_completed() 演示 ===")

    async def download_file(filename, size):
        """模拟文件下载"""
        download_time = size / 1000  # 模拟下载时间
        await asyncio.sleep(download_time)
        return f"文件 {filename} ({size}KB) 下载完成"

    # 创建下载任务
    downloads = [
        download_file("file1.txt", 500),
        download_file("file2.jpg", 1200),
        download_file("file3.pdf", 800),
        download_file("file4.mp4", 2000),
    ]

    print("开始下载文件...")
    start_time = time.time()

    # 按完成顺序处理结果
    for coro in asyncio.as_completed(downloads):
        result = await coro
        elapsed = time.time() - start_time
        print(f"[{elapsed:.1f}s] {result}")

if __name__ == '__main__':
    asyncio.run(demonstrate_asyncio_basics())
    asyncio.run(demonstrate_asyncio_wait())
    asyncio.run(demonstrate_asyncio_as_completed())
