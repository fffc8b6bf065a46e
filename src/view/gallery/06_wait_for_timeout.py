# wait_for：给等待设一个期限，超时后里面的协程会被取消
import asyncio
import time


async def query(seconds):
    print(f"  查询开始，需要 {seconds} 秒")
    try:
        await asyncio.sleep(seconds)
        return "查询结果"
    except asyncio.CancelledError:
        print("  查询被取消了")
        raise


async def main():
    for seconds in (0.5, 2):
        print(f"限时 1 秒，这次查询要 {seconds} 秒:")
        start = time.time()
        try:
            result = await asyncio.wait_for(query(seconds), timeout=1)
            print("  成功:", result)
        except TimeoutError:
            print("  超时！抛出 TimeoutError")
        print(f"  用时 {time.time() - start:.1f} 秒")


if __name__ == '__main__':
    asyncio.run(main())
