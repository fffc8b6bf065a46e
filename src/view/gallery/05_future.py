# Future：一个任务等结果，另一个任务用 set_result 把结果交过去
import asyncio


async def kitchen(dish, fut):
    print(f"厨房：开始做{dish}")
    await asyncio.sleep(1.5)
    fut.set_result(f"一碗热腾腾的{dish}")
    print("厨房：set_result 已调用，等待的人要到下一轮才醒")


async def customer(name, fut):
    print(f"{name}：等餐中，fut.done() = {fut.done()}")
    dish = await fut
    print(f"{name}：拿到{dish}")


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    fut.add_done_callback(lambda f: print("回调：Future 完成了，结果 =", f.result()))

    await asyncio.gather(customer("小明", fut), customer("小红", fut), kitchen("牛肉面", fut))

    try:
        fut.set_result("再来一碗")
    except asyncio.InvalidStateError:
        print("Future 只能完成一次：再次 set_result 抛出 InvalidStateError")


if __name__ == '__main__':
    asyncio.run(main())
