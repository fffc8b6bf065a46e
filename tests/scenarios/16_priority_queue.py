# PriorityQueue：按 (优先级, 序号) 出队；消费者在空队列上等待；相同优先级靠序号保持先来先服务
import asyncio
import time


async def consumer(q, out):
    while True:
        prio, seq, job = await q.get()
        out.append(job)
        print(f"处理 P{prio} #{seq} {job} at {time.time():.1f}")
        await asyncio.sleep(0.2)
        q.task_done()


async def main():
    q = asyncio.PriorityQueue()
    out = []
    c = asyncio.create_task(consumer(q, out))
    await asyncio.sleep(0.1)
    print("消费者在等空队列, qsize =", q.qsize())
    seq = 0
    for prio, job in [(3, "清理日志"), (1, "支付回调"), (2, "发邮件"), (1, "退款"), (3, "统计"), (0, "告警")]:
        seq += 1
        await q.put((prio, seq, job))
    print("放入 6 个后 qsize =", q.qsize())
    await q.join()
    print("处理顺序:", out)
    q.put_nowait((5, 0, "a"))
    q.put_nowait((5, 0, "b"))
    q.put_nowait((4, 9, "c"))
    print("直接取:", [q.get_nowait() for _ in range(3)])
    c.cancel()
    pq = asyncio.PriorityQueue()
    for v in [5, 1, 4, 1, 5, 9, 2, 6]:
        pq.put_nowait(v)
    print("整数堆:", [pq.get_nowait() for _ in range(pq.qsize())])


asyncio.run(main())
