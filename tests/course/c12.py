import asyncio
import random
random.seed(2024)  # added for the test: the chapter draws unseeded numbers
import time

async def demonstrate_async_primitives():
    """演示异步同步原语"""
    print("=== 异步同步原语演示 ===")

    # 1. 异步锁 (asyncio.Lock)
    print("1. 异步锁演示:")
    shared_resource = {"counter": 0, "data": []}
    async_lock = asyncio.Lock()

    async def worker_with_lock(worker_id, iterations):
        """使用异步锁的工作协程"""
        for i in range(iterations):
            async with async_lock:
                # 临界区操作
                current_value = shared_resource["counter"]
                await asyncio.sleep(0.01)  # 模拟处理时间
                shared_resource["counter"] = current_value + 1
                shared_resource["data"].append(f"Worker-{worker_id}-{i}")

            if i % 5 == 0:
                print(f"   Worker {worker_id} 进度: {i+1}/{iterations}")

    # 运行多个工作协程
    start_time = time.time()
    await asyncio.gather(*[
        worker_with_lock(i+1, 10) for i in range(3)
    ])

    elapsed = time.time() - start_time
    print(f"   最终计数器值: {shared_resource['counter']}")
    print(f"   数据项数量: {len(shared_resource['data'])}")
    print(f"   执行时间: {elapsed:.2f}秒\n")

    # 2. 异步信号量 (asyncio.Semaphore)
    print("2. 异步信号量演示:")

    # 创建信号量，限制同时访问资源的协程数量
    semaphore = asyncio.Semaphore(2)  # 最多2个协程同时访问

    async def limited_resource_access(task_id, access_time):
        """有限制的资源访问"""
        print(f"   任务 {task_id} 等待资源访问...")
        async with semaphore:
            print(f"   任务 {task_id} 获得资源访问权")
            await asyncio.sleep(access_time)  # 模拟资源使用
            print(f"   任务 {task_id} 释放资源")
        return f"任务 {task_id} 完成"

    # 创建多个需要访问受限资源的任务
    tasks = [
        limited_resource_access(i+1, random.uniform(1, 2))
        for i in range(5)
    ]

    start_time = time.time()
    results = await asyncio.gather(*tasks)
    elapsed = time.time() - start_time

    print(f"   所有任务完成，耗时: {elapsed:.2f}秒")
    print(f"   结果: {results}\n")

    # 3. 异步事件 (asyncio.Event)
    print("3. 异步事件演示:")

    event = asyncio.Event()
    results_list = []

    async def waiter(waiter_id):
        """等待事件的协程"""
        print(f"   等待者 {waiter_id} 开始等待事件...")
        await event.wait()  # 等待事件被设置
        processing_time = random.uniform(0.5, 1.5)
        await asyncio.sleep(processing_time)
        result = f"等待者 {waiter_id} 处理完成"
        results_list.append(result)
        print(f"   {result}")
        return result

    async def event_setter():
        """设置事件的协程"""
        print("   事件设置者准备中...")
        await asyncio.sleep(2)  # 模拟准备时间
        print("   事件设置者发出信号!")
        event.set()  # 设置事件，唤醒所有等待者

    # 启动等待者和事件设置者
    waiters = [waiter(i+1) for i in range(4)]
    all_tasks = waiters + [event_setter()]

    await asyncio.gather(*all_tasks)
    print(f"   事件处理完成，共收到 {len(results_list)} 个结果\n")

    # 4. 异步条件变量 (asyncio.Condition)
    print("4. 异步条件变量演示:")

    condition = asyncio.Condition()
    shared_queue = []
    queue_size_limit = 3

    async def producer(producer_id, item_count):
        """生产者协程"""
        for i in range(item_count):
            async with condition:
                # 等待队列有空间
                while len(shared_queue) >= queue_size_limit:
                    print(f"   生产者 {producer_id} 等待队列空间...")
                    await condition.wait()

                # 生产物品
                item = f"P{producer_id}-Item{i+1}"
                shared_queue.append(item)
                print(f"   生产者 {producer_id} 生产: {item} (队列长度: {len(shared_queue)})")

                # 通知消费者
                condition.notify_all()

            await asyncio.sleep(0.1)  # 模拟生产时间

    async def consumer(consumer_id, consume_count):
        """消费者协程"""
        consumed = 0
        while consumed < consume_count:
            async with condition:
                # 等待队列有物品
                while len(shared_queue) == 0:
                    print(f"   消费者 {consumer_id} 等待物品...")
                    await condition.wait()

                # 消费物品
                if shared_queue:
                    item = shared_queue.pop(0)
                    consumed += 1
                    print(f"   消费者 {consumer_id} 消费: {item} (队列长度: {len(shared_queue)})")

                    # 通知生产者
                    condition.notify_all()

            await asyncio.sleep(0.2)  # 模拟消费时间

    # 启动生产者和消费者
    producers = [producer(i+1, 5) for i in range(2)]
    consumers = [consumer(i+1, 4) for i in range(2)]

    await asyncio.gather(*(producers + consumers))
    print(f"   生产消费完成，剩余队列: {shared_queue}")

if __name__ == '__main__':
    asyncio.run(demonstrate_async_primitives())
