# Event：多个任务等同一个信号，一次 set() 把它们全部唤醒
import asyncio


async def runner(name, seconds, gun):
    print(f"{name} 就位，等发令枪")
    await gun.wait()
    print(f"{name} 起跑！")
    await asyncio.sleep(seconds)
    print(f"{name} 到达终点，用时 {seconds} 秒")


async def referee(gun):
    print("裁判：各就各位……")
    await asyncio.sleep(1)
    print("裁判：砰！（gun.set()）")
    gun.set()


async def latecomer(gun):
    await asyncio.sleep(1.5)
    print("迟到的观众：信号早已发出，wait() 立刻返回")
    await gun.wait()
    print("迟到的观众：is_set() =", gun.is_set())


async def main():
    gun = asyncio.Event()
    await asyncio.gather(
        runner("小明", 1.2, gun), runner("小红", 0.9, gun), runner("小刚", 1.5, gun),
        referee(gun), latecomer(gun),
    )


if __name__ == '__main__':
    asyncio.run(main())
