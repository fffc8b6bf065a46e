import asyncio
import random
random.seed(2024)  # added for the test: the chapter draws unseeded numbers
import time

async def worker_task(worker_id, work_time, success_rate=0.8):
    """模拟工作任务"""
    print(f"Worker {worker_id} 开始工作...")
    await asyncio.sleep(work_time)

    # 模拟任务可能失败
    if random.random() < success_rate:
        result = f"Worker {worker_id} 成功完成"
        print(result)
        return result
    else:
        error_msg = f"Worker {worker_id} 执行失败"
        print(error_msg)
        raise Exception(error_msg)

async def demonstrate_gather():
    """演示asyncio.gather的使用"""
    print("=== asyncio.gather() 演示 ===")

    # 1. 基础用法
    print("1. 基础并发执行:")
    start_time = time.time()

    results = await asyncio.gather(
        worker_task(1, 1.0),
        worker_task(2, 0.8),
        worker_task(3, 1.2),
        return_exceptions=False  # 遇到异常立即抛出
    )

    elapsed = time.time() - start_time
    print(f"   完成时间: {elapsed:.2f}秒")
    print(f"   结果: {results}")

    # 2. 异常处理
    print("\n2. 异常处理模式:")
    try:
        results = await asyncio.gather(
            worker_task(4, 0.5, success_rate=1.0),
            worker_task(5, 0.3, success_rate=0.3),  # 很可能失败
            worker_task(6, 0.7, success_rate=1.0),
            return_exceptions=True  # 不抛出异常，返回异常对象
        )

        print("   结果处理:")
        for i, result in enumerate(results, 4):
            if isinstance(result, Exception):
                print(f"     Worker {i} 失败: {result}")
            else:
                print(f"     Worker {i} 成功: {result}")

    except Exception as e:
        print(f"   捕获异常: {e}")

async def demonstrate_task_management():
    """演示任务管理和取消"""
    print("\n=== 任务管理与取消演示 ===")

    async def long_running_task(task_id, duration):
        """长时间运行的任务"""
        try:
            print(f"长任务 {task_id} 开始 (预计 {duration}秒)")
            for i in range(int(duration * 10)):
                await asyncio.sleep(0.1)
                if i % 10 == 0:
                    print(f"  长任务 {task_id} 进度: {(i+1)/10:.1f}秒")
            print(f"长任务 {task_id} 正常完成")
            return f"长任务 {task_id} 结果"
        except asyncio.CancelledError:
            print(f"长任务 {task_id} 被取消")
            raise

    # 创建任务
    tasks = [
        asyncio.create_task(long_running_task(1, 2.0)),
        asyncio.create_task(long_running_task(2, 3.0)),
        asyncio.create_task(long_running_task(3, 1.5)),
    ]

    # 等待2秒后取消未完成的任务
    await asyncio.sleep(2.2)

    print("\n取消未完成的任务...")
    for task in tasks:
        if not task.done():
            print(f"  取消任务: {task.get_name()}")
            task.cancel()

    # 收集结果
    results = await asyncio.gather(*tasks, return_exceptions=True)

    print("\n最终结果:")
    for i, result in enumerate(results, 1):
        if isinstance(result, asyncio.CancelledError):
            print(f"  任务 {i}: 已取消")
        elif isinstance(result, Exception):
            print(f"  任务 {i}: 异常 - {result}")
        else:
            print(f"  任务 {i}: 成功 - {result}")

if __name__ == '__main__':
    asyncio.run(demonstrate_gather())
    asyncio.run(demonstrate_task_management())
