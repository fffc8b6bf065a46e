# I/O操作完成后的唤醒过程
def io_completion_callback(task, io_result):
    # 将任务重新添加到就绪队列
    loop.ready_queue.append(task)
    # 设置I/O操作的结果
    task.set_wakeup_result(io_result)
