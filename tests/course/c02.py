async def my_coroutine():
    result = await some_io_operation()
    return result

# 创建任务并注册到事件循环
task = loop.create_task(my_coroutine())
# 任务被添加到就绪队列等待执行
