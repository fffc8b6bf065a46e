import asyncio
import time
from typing import Awaitable

async def demonstrate_awaitable_objects():
    """深度演示不同类型可等待对象的特性和用法"""
    print("=== 可等待对象深度分析 ===")

    # 1. 协程对象 (Coroutine Object)
    print("1. 协程对象 - 最基础的可等待对象:")

    async def simple_coroutine(message, delay=0.5):
        """简单的协程函数，模拟异步操作"""
        print(f"   协程开始: {message}")
        await asyncio.sleep(delay)  # 模拟I/O操作
        print(f"   协程完成: {message}")
        return f"协程结果: {message}"

    start_time = time.time()
    result = await simple_coroutine("基础协程", 0.3)
    elapsed = time.time() - start_time
    print(f"   返回结果: {result}")
    print(f"   执行时间: {elapsed:.2f}秒")

    # 2. Task对象 - 包装的协程，可以并发执行
    print("\n2. Task对象 - 协程的并发执行包装:")

    start_time = time.time()
    # 创建Task对象，立即开始在后台执行
    task = asyncio.create_task(simple_coroutine("Task协程", 0.4))
    print(f"   Task状态: {task.done()}")  # False，因为还在执行
    print(f"   Task对象: {task}")

    # 等待Task完成
    result = await task
    elapsed = time.time() - start_time
    print(f"   Task结果: {result}")
    print(f"   Task状态: {task.done()}")  # True，已完成
    print(f"   执行时间: {elapsed:.2f}秒")

    # 3. Future对象 - 手动控制的异步结果容器
    print("\n3. Future对象 - 异步结果的容器:")

    future = asyncio.Future()
    print(f"   Future初始状态: done={future.done()}, cancelled={future.cancelled()}")

    # 创建一个任务来设置Future的结果
    async def set_future_result(fut, delay):
        """异步设置Future结果"""
        await asyncio.sleep(delay)
        if not fut.done():  # 检查是否已经设置过结果
            fut.set_result("Future异步结果")
            print("   Future结果已设置")

    # 启动设置结果的任务
    asyncio.create_task(set_future_result(future, 0.2))

    start_time = time.time()
    result = await future  # 等待Future被设置结果
    elapsed = time.time() - start_time
    print(f"   Future结果: {result}")
    print(f"   等待时间: {elapsed:.2f}秒")
    print(f"   Future最终状态: done={future.done()}")

    # 4. asyncio.gather - 并发等待多个协程
    print("\n4. asyncio.gather - 并发执行多个可等待对象:")

    async def worker_task(worker_id, work_duration):
        """工作任务，模拟不同耗时的操作"""
        print(f"   Worker {worker_id} 开始工作 (预计{work_duration}秒)")
        await asyncio.sleep(work_duration)
        print(f"   Worker {worker_id} 工作完成")
        return f"Worker {worker_id} 的成果"

    start_time = time.time()

    # 并发执行多个任务
    results = await asyncio.gather(
        worker_task("A", 0.3),
        worker_task("B", 0.5),
        worker_task("C", 0.2),
        return_exceptions=True  # 即使有异常也返回结果
    )

    elapsed = time.time() - start_time
    print(f"   所有任务结果: {results}")
    print(f"   总执行时间: {elapsed:.2f}秒 (并发执行，时间≈最慢任务)")
    print(f"   性能说明: 串行执行需要 {0.3+0.5+0.2}秒，并发执行只需 {max(0.3,0.5,0.2)}秒")

    # 5. 自定义可等待对象
    print("\n5. 自定义可等待对象:")

    class CustomAwaitable:
        """自定义可等待对象，实现__await__方法"""
        def __init__(self, value, delay):
            self.value = value
            self.delay = delay

        def __await__(self):
            """实现可等待协议"""
            # 返回一个生成器，实现暂停和恢复
            yield from asyncio.sleep(self.delay).__await__()
            return f"自定义结果: {self.value}"

    custom_awaitable = CustomAwaitable("测试数据", 0.3)
    result = await custom_awaitable
    print(f"   自定义可等待对象结果: {result}")

    # 6. 条件等待和超时控制
    print("\n6. 条件等待和超时控制:")

    async def slow_operation():
        """慢速操作，用于演示超时"""
        await asyncio.sleep(2.0)
        return "慢操作完成"

    # 超时等待
    try:
        result = await asyncio.wait_for(slow_operation(), timeout=1.0)
        print(f"   操作结果: {result}")
    except asyncio.TimeoutError:
        print("   操作超时！演示了超时控制机制")

    # 等待第一个完成
    async def quick_task(task_id, delay):
        await asyncio.sleep(delay)
        return f"任务{task_id}完成"

    print("\n   等待第一个任务完成:")
    done, pending = await asyncio.wait(
        [
            asyncio.create_task(quick_task(1, 0.3)),
            asyncio.create_task(quick_task(2, 0.5)),
            asyncio.create_task(quick_task(3, 0.7))
        ],
        return_when=asyncio.FIRST_COMPLETED
    )

    # 获取完成的任务结果
    completed_task = list(done)[0]
    result = await completed_task
    print(f"   第一个完成的任务: {result}")

    # 取消未完成的任务
    for task in pending:
        task.cancel()
    print(f"   取消了 {len(pending)} 个未完成的任务")

async def await_patterns():
    """常见的await使用模式"""
    print("\n=== await 使用模式 ===")

    async def fetch_data(source, delay):
        """模拟数据获取"""
        print(f"开始从 {source} 获取数据...")
        await asyncio.sleep(delay)
        print(f"从 {source} 获取数据完成")
        return f"来自 {source} 的数据"

    # 模式1: 顺序等待（串行）
    print("1. 顺序等待 (串行):")
    start_time = time.time()

    data1 = await fetch_data("数据库", 1)
    data2 = await fetch_data("API", 0.8)
    data3 = await fetch_data("缓存", 0.3)

    serial_time = time.time() - start_time
    print(f"   串行总耗时: {serial_time:.2f}秒")
    print(f"   数据: {[data1, data2, data3]}")

    # 模式2: 并发等待（并行）
    print("\n2. 并发等待 (并行):")
    start_time = time.time()

    data1, data2, data3 = await asyncio.gather(
        fetch_data("数据库", 1),
        fetch_data("API", 0.8),
        fetch_data("缓存", 0.3)
    )

    parallel_time = time.time() - start_time
    print(f"   并行总耗时: {parallel_time:.2f}秒")
    print(f"   性能提升: {serial_time / parallel_time:.2f}倍")
    print(f"   数据: {[data1, data2, data3]}")

    # 模式3: 有条件等待
    print("\n3. 有条件等待:")
    async def conditional_fetch():
        # 先尝试从缓存获取
        cache_data = await fetch_data("缓存", 0.1)

        if "缓存" in cache_data:  # 缓存命中
            return cache_data
        else:  # 缓存未命中，从数据库获取
            return await fetch_data("数据库", 1)

    result = await conditional_fetch()
    print(f"   条件获取结果: {result}")

if __name__ == '__main__':
    # 运行可等待对象演示
    asyncio.run(demonstrate_awaitable_objects())
