# gather：结果按参数顺序返回；return_exceptions 决定一个失败会不会连累整体
import asyncio


class FetchError(Exception):
    pass


async def fetch(page, seconds, ok=True):
    print(f"请求 {page}")
    await asyncio.sleep(seconds)
    if not ok:
        raise FetchError(f"{page} 请求失败")
    print(f"{page} 返回")
    return f"<{page}>"


async def main():
    # 1. 默认：第一个异常立刻抛给 await gather 的地方
    try:
        await asyncio.gather(fetch("首页", 1), fetch("登录", 0.5, ok=False), fetch("商品", 1.5))
    except FetchError as e:
        print("gather 抛出:", e)
    # 另外两个请求并没有被取消，还在后台继续
    await asyncio.sleep(1.5)

    # 2. return_exceptions=True：异常被当作结果放进列表
    print("\nreturn_exceptions=True:")
    results = await asyncio.gather(
        fetch("首页", 1), fetch("登录", 0.5, ok=False), fetch("商品", 1.5),
        return_exceptions=True,
    )
    for r in results:
        print("  结果:", repr(r))


if __name__ == '__main__':
    asyncio.run(main())
