# async关键字的工作机制演示
def normal_function():
    """普通函数：立即执行并返回结果"""
    return "立即返回的结果"

async def coroutine_function():
    """协程函数：返回协程对象，需要事件循环执行"""
    return "协程返回的结果"

# 调用对比
result1 = normal_function()        # 直接得到结果
print(type(result1))              # <class 'str'>

result2 = coroutine_function()     # 得到协程对象
print(type(result2))              # <class 'coroutine'>
print(result2)                    # <coroutine object coroutine_function at 0x...>

# 需要用事件循环执行协程
import asyncio
actual_result = asyncio.run(coroutine_function())
print(actual_result)              # "协程返回的结果"
