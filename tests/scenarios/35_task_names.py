# current_task().get_name() / set_name()：默认名字 Task-N，name= 指定的名字，运行中改名；gather 包装协程时编号
import asyncio


async def who(tag):
    me = asyncio.current_task()
    print(f"  {tag}: 我是 {me.get_name()}")
    await asyncio.sleep(0)
    return me.get_name()


async def rename_self(new):
    me = asyncio.current_task()
    old = me.get_name()
    me.set_name(new)
    await asyncio.sleep(0)
    print(f"  改名: {old} -> {asyncio.current_task().get_name()}")


async def main():
    print("main:", asyncio.current_task().get_name())
    t1 = asyncio.create_task(who("普通任务"))
    t2 = asyncio.create_task(who("命名任务"), name="下载器")
    t3 = asyncio.create_task(who("又一个普通任务"))
    print("创建后:", t1.get_name(), t2.get_name(), t3.get_name())
    await asyncio.gather(t1, t2, t3)
    print("gather 包装协程:", await asyncio.gather(who("g1"), who("g2")))
    t4 = asyncio.create_task(rename_self("工人-7"))
    await t4
    print("外部看到的名字:", t4.get_name())
    t5 = asyncio.ensure_future(who("ensure_future"))
    await t5
    t5.set_name(12345)
    print("set_name 非字符串会转成 str:", repr(t5.get_name()))
    print("await 协程不创建任务:", await who("直接 await"))
    t6 = asyncio.create_task(who("最后"))
    print("最后一个:", await t6)


asyncio.run(main())
