# 协程执行流程
def coroutine_step(task):
    try:
        # 从上次暂停的地方继续执行
        result = task.coroutine.send(last_result)

        if isinstance(result, Awaitable):
            # 遇到await，暂停协程
            task.suspend(result)
            # 注册唤醒条件（I/O完成、定时器到期等）
            register_wakeup_condition(task, result)
        else:
            # 协程完成
            task.set_result(result)

    except StopIteration as e:
        # 协程正常结束
        task.set_result(e.value)
