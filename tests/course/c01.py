# 事件循环的伪代码实现
class EventLoop:
    def __init__(self):
        self.ready_queue = []        # 就绪任务队列
        self.waiting_tasks = {}      # 等待中的任务
        self.io_selector = Selector() # I/O多路复用器

    def run_forever(self):
        while True:
            # 1. 执行所有就绪的任务
            while self.ready_queue:
                task = self.ready_queue.pop(0)
                try:
                    # 执行任务直到遇到await或完成
                    task.step()
                except StopIteration:
                    # 任务完成，设置结果
                    task.set_result()
                except Exception as e:
                    task.set_exception(e)

            # 2. 处理I/O事件
            timeout = self._calculate_timeout()
            events = self.io_selector.select(timeout)

            # 3. 唤醒等待I/O的任务
            for event in events:
                task = self.waiting_tasks.pop(event)
                self.ready_queue.append(task)
