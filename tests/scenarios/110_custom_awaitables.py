# 自定义可等待对象：__await__ 是生成器（裸 yield 让出事件循环、yield from
# 另一个协程的 __await__()），手动 send/throw/close 协程，以及 CPython 对
# 错误用法的报错。
import asyncio


class 让出:
    def __await__(self):
        yield


class 延时:
    def __init__(self, 值, 秒):
        self.值 = 值
        self.秒 = 秒

    def __await__(self):
        yield from asyncio.sleep(self.秒).__await__()
        return f"延时结果: {self.值}"


class 石头:
    def __await__(self):
        收到 = yield 7
        print("石头收到", 收到)
        return 收到


class 迭代器等待:
    def __await__(self):
        return iter([])


class 坏的等待:
    def __await__(self):
        return 42


async def 协程等待():
    return 1


class 返回协程:
    def __await__(self):
        return 协程等待()


async def 工人(名字, 次数):
    for i in range(次数):
        print(名字, "第", i, "轮")
        await 让出()
    return 名字


async def 用石头():
    print("开始用石头")
    v = await 石头()
    print("石头给了", v)
    return 23


async def main():
    结果 = await asyncio.gather(工人("甲", 3), 工人("乙", 2))
    print(结果)
    print(await 延时("数据", 0.3))
    print(await 迭代器等待())
    for 坏 in (坏的等待(), 返回协程()):
        try:
            await 坏
        except TypeError as e:
            print("TypeError:", e)

    def 生成器():
        yield

    try:
        await 生成器()
    except TypeError as e:
        print("TypeError:", e)
    try:
        await 石头()
    except RuntimeError as e:
        print("RuntimeError:", e)
    t = asyncio.create_task(用石头())
    try:
        await t
    except RuntimeError as e:
        print("任务里:", e)
    c = 协程等待()
    w = c.__await__()
    print(type(w).__name__)
    try:
        next(w)
    except StopIteration as e:
        print("协程结束:", e.value)
    try:
        c.send(None)
    except RuntimeError as e:
        print("RuntimeError:", e)


# 不经过事件循环，手动驱动协程
co = 用石头()
print("暂停于", co.send(None))
print(co.cr_running, co.cr_suspended, type(co.cr_await).__name__)
try:
    co.send(42)
except StopIteration as e:
    print("返回", e.value)
co2 = 用石头()
co2.send(None)
try:
    co2.throw(ValueError("扔进去"))
except ValueError as e:
    print("ValueError:", e)
co3 = 用石头()
print(co3.close(), co3.cr_frame)
asyncio.run(main())
