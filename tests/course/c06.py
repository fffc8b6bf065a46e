import asyncio
import inspect
import time

# 普通函数
def normal_function():
    """普通函数：同步执行，立即返回结果"""
    return "普通函数结果"

# 协程函数
async def async_function():
    """协程函数：异步执行，返回协程对象"""
    return "协程函数结果"

def analyze_function_types():
    """深度分析不同函数类型的特性和行为差异"""
    print("=== 函数类型深度分析 ===")

    # 1. 函数对象类型检查
    print("1. 函数对象本身的特性:")
    print(f"   普通函数类型: {type(normal_function)}")
    print(f"   协程函数类型: {type(async_function)}")
    print(f"   普通函数是否为协程: {inspect.iscoroutinefunction(normal_function)}")
    print(f"   协程函数是否为协程: {inspect.iscoroutinefunction(async_function)}")

    # 2. 函数调用结果对比
    print("\n2. 函数调用结果的差异:")

    # 普通函数调用：立即执行并返回结果
    start_time = time.time()
    normal_result = normal_function()
    normal_exec_time = time.time() - start_time
    print(f"   普通函数调用:")
    print(f"     结果: {normal_result}")
    print(f"     结果类型: {type(normal_result)}")
    print(f"     执行时间: {normal_exec_time:.6f}秒 (立即执行)")

    # 协程函数调用：返回协程对象，未实际执行
    start_time = time.time()
    async_result = async_function()
    call_time = time.time() - start_time
    print(f"\n   协程函数调用:")
    print(f"     返回对象: {async_result}")
    print(f"     对象类型: {type(async_result)}")
    print(f"     是否为协程对象: {inspect.iscoroutine(async_result)}")
    print(f"     调用耗时: {call_time:.6f}秒 (仅创建对象)")
    print(f"     注意: 协程函数此时并未真正执行！")

    # 3. 协程对象的状态
    print(f"\n3. 协程对象状态信息:")
    print(f"   协程状态: {inspect.getgeneratorstate(async_result)}")
    print(f"   协程名称: {async_result.__name__ if hasattr(async_result, '__name__') else 'N/A'}")

    # 4. 正确执行协程的方式
    print(f"\n4. 协程的正确执行方式:")

    async def run_coroutine():
        """演示协程的正确执行方式"""
        start_time = time.time()
        result = await async_function()  # 在这里才真正执行协程
        exec_time = time.time() - start_time
        print(f"     通过await执行结果: {result}")
        print(f"     实际执行时间: {exec_time:.6f}秒")
        return result

    # 使用事件循环执行协程
    print("   使用asyncio.run()执行协程:")
    final_result = asyncio.run(run_coroutine())
    print(f"     最终结果: {final_result}")

    # 清理未执行的协程对象（避免警告）
    async_result.close()
    print(f"\n   清理协程对象: 已关闭未执行的协程以避免内存泄漏")

# 演示协程的执行时机
async def demonstrate_execution_timing():
    """演示协程的执行时机和顺序"""
    print("\n=== 协程执行时机演示 ===")

    async def delayed_task(name, delay):
        """带延迟的协程任务"""
        print(f"   任务 {name} 开始执行")
        await asyncio.sleep(delay)  # 模拟异步操作
        print(f"   任务 {name} 执行完成")
        return f"任务 {name} 的结果"

    print("1. 创建协程对象（不会立即执行）:")
    task1 = delayed_task("A", 1)
    task2 = delayed_task("B", 0.5)
    print(f"   已创建协程对象: {type(task1)}")
    print("   注意：此时没有任何输出，因为协程尚未执行")

    print("\n2. 执行协程（现在才真正开始）:")
    start_time = time.time()

    # 并发执行多个协程
    results = await asyncio.gather(task1, task2)

    total_time = time.time() - start_time
    print(f"   执行结果: {results}")
    print(f"   总执行时间: {total_time:.2f}秒")
    print(f"   说明: 两个任务并发执行，总时间约等于最长任务的时间")

if __name__ == '__main__':
    # 分析函数类型
    analyze_function_types()

    # 演示执行时机
    asyncio.run(demonstrate_execution_timing())
