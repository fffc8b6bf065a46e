# 课程风格：烧水泡茶——同步做法 vs 异步并发，统计总耗时；用 time.sleep 的“假异步”版本反而更慢
import asyncio
import time


def sync_version():
    start = time.time()
    for step, cost in [("烧水", 3), ("洗茶杯", 1), ("拿茶叶", 0.5)]:
        print(f"  [同步] {step} 开始 at {time.time() - start:.1f}")
        time.sleep(cost)
        print(f"  [同步] {step} 完成 at {time.time() - start:.1f}")
    print(f"  [同步] 泡茶, 总耗时 {time.time() - start:.1f} 秒")


async def do(step, cost, start, blocking=False):
    print(f"  [异步] {step} 开始 at {time.time() - start:.1f}")
    if blocking:
        time.sleep(cost)
    else:
        await asyncio.sleep(cost)
    print(f"  [异步] {step} 完成 at {time.time() - start:.1f}")
    return step


async def async_version(blocking):
    start = time.time()
    done = await asyncio.gather(do("烧水", 3, start, blocking), do("洗茶杯", 1, start, blocking), do("拿茶叶", 0.5, start, blocking))
    print(f"  [异步{'(误用 time.sleep)' if blocking else ''}] {'、'.join(done)} 都好了, 泡茶, 总耗时 {time.time() - start:.1f} 秒")


print("同步:")
sync_version()
print("异步:")
asyncio.run(async_version(False))
print("异步里误用阻塞 sleep:")
asyncio.run(async_version(True))
