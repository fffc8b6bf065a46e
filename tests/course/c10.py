import asyncio
import aiofiles
import os
import time

async def demonstrate_async_file_operations():
    """演示异步文件操作"""
    print("=== 异步文件操作演示 ===")

    # 创建测试数据
    test_files = {
        "test1.txt": "这是测试文件1的内容\n包含多行文本\n用于演示异步读写",
        "test2.txt": "测试文件2\n异步I/O操作\n性能对比",
        "test3.txt": "第三个测试文件\n协程文件处理\n实际应用场景"
    }

    # 1. 异步写入文件
    print("1. 异步写入文件:")
    start_time = time.time()

    async def write_file(filename, content):
        async with aiofiles.open(filename, 'w', encoding='utf-8') as f:
            await f.write(content)
        print(f"   写入完成: {filename}")

    # 并发写入多个文件
    write_tasks = [write_file(fname, content) for fname, content in test_files.items()]
    await asyncio.gather(*write_tasks)

    write_time = time.time() - start_time
    print(f"   异步写入耗时: {write_time:.2f}秒\n")

    # 2. 异步读取文件
    print("2. 异步读取文件:")
    start_time = time.time()

    async def read_file(filename):
        async with aiofiles.open(filename, 'r', encoding='utf-8') as f:
            content = await f.read()
        print(f"   读取完成: {filename} (长度: {len(content)} 字符)")
        return content

    # 并发读取多个文件
    read_tasks = [read_file(fname) for fname in test_files.keys()]
    contents = await asyncio.gather(*read_tasks)

    read_time = time.time() - start_time
    print(f"   异步读取耗时: {read_time:.2f}秒\n")

    # 3. 文件处理流水线
    print("3. 文件处理流水线:")

    async def process_file(filename):
        """文件处理流水线：读取 -> 处理 -> 写入"""
        # 读取
        async with aiofiles.open(filename, 'r', encoding='utf-8') as f:
            content = await f.read()

        # 处理（模拟数据处理）
        processed_content = content.upper().replace('\n', ' | ')
        await asyncio.sleep(0.1)  # 模拟处理时间

        # 写入处理后的文件
        output_filename = f"processed_{filename}"
        async with aiofiles.open(output_filename, 'w', encoding='utf-8') as f:
            await f.write(processed_content)

        print(f"   处理完成: {filename} -> {output_filename}")
        return output_filename

    # 并发处理所有文件
    process_tasks = [process_file(fname) for fname in test_files.keys()]
    processed_files = await asyncio.gather(*process_tasks)

    print(f"   处理后的文件: {processed_files}")

    # 清理测试文件
    all_files = list(test_files.keys()) + processed_files
    for filename in all_files:
        if os.path.exists(filename):
            os.remove(filename)

async def file_performance_comparison():
    """文件操作性能对比"""
    print("\n=== 同步vs异步文件操作性能对比 ===")

    # 创建大量测试文件数据
    test_data = [f"测试文件 {i}\n" * 100 for i in range(20)]

    # 同步文件操作
    def sync_file_operations():
        start_time = time.time()

        # 写入文件
        for i, data in enumerate(test_data):
            with open(f"sync_test_{i}.txt", 'w') as f:
                f.write(data)

        # 读取文件
        contents = []
        for i in range(len(test_data)):
            with open(f"sync_test_{i}.txt", 'r') as f:
                contents.append(f.read())

        # 清理
        for i in range(len(test_data)):
            os.remove(f"sync_test_{i}.txt")

        return time.time() - start_time

    # 异步文件操作
    async def async_file_operations():
        start_time = time.time()

        # 并发写入
        async def write_async_file(i, data):
            async with aiofiles.open(f"async_test_{i}.txt", 'w') as f:
                await f.write(data)

        write_tasks = [write_async_file(i, data) for i, data in enumerate(test_data)]
        await asyncio.gather(*write_tasks)

        # 并发读取
        async def read_async_file(i):
            async with aiofiles.open(f"async_test_{i}.txt", 'r') as f:
                return await f.read()

        read_tasks = [read_async_file(i) for i in range(len(test_data))]
        contents = await asyncio.gather(*read_tasks)

        # 清理
        for i in range(len(test_data)):
            if os.path.exists(f"async_test_{i}.txt"):
                os.remove(f"async_test_{i}.txt")

        return time.time() - start_time

    # 性能测试
    print("正在测试同步文件操作...")
    sync_time = sync_file_operations()

    print("正在测试异步文件操作...")
    async_time = await async_file_operations()

    print(f"同步操作耗时: {sync_time:.2f}秒")
    print(f"异步操作耗时: {async_time:.2f}秒")
    print(f"性能提升: {sync_time / async_time:.2f}倍")

if __name__ == '__main__':
    asyncio.run(demonstrate_async_file_operations())
    asyncio.run(file_performance_comparison())
