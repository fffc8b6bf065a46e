# except* 和 ExceptionGroup：split/subgroup/derive、裸异常的包装、处理器里再抛出、
# 未处理部分的重新抛出，以及 TaskGroup 失败时按类型分开处理。
import asyncio

def show(label, e):
    if isinstance(e, BaseExceptionGroup):
        print(label, type(e).__name__, repr(e.message), [show_leaf(x) for x in e.exceptions])
    else:
        print(label, repr(e))

def show_leaf(x):
    if isinstance(x, BaseExceptionGroup):
        return (type(x).__name__, x.message, [show_leaf(y) for y in x.exceptions])
    return repr(x)

eg = ExceptionGroup("many", [ValueError(1), TypeError(2), ExceptionGroup("inner", [ValueError(3), KeyError(4)])])
m, r = eg.split(ValueError)
show("match", m); show("rest", r)
show("sub", eg.subgroup(lambda e: isinstance(e, (KeyError, TypeError))))
print(eg.subgroup(OSError), eg.split(Exception)[0] is eg)
show("derived", eg.derive([ValueError(9)]))

try:
    raise eg
except* ValueError as e:
    show("handler V", e)
except* TypeError as e:
    show("handler T", e)
except* KeyError:
    print("handler K")

try:
    try:
        raise ValueError("bare")
    except* ValueError as e:
        show("bare matched", e)
        raise
except BaseException as e:
    show("reraised bare", e)

try:
    try:
        raise eg
    except* ValueError:
        raise RuntimeError("in handler")
except BaseException as e:
    show("combined", e)

try:
    try:
        raise ExceptionGroup("x", [ValueError(1), OSError(2)])
    except* ValueError:
        pass
except BaseException as e:
    show("unhandled rest", e)

try:
    try:
        raise TypeError("not matched")
    except* ValueError:
        pass
except BaseException as e:
    show("naked unmatched", e)

try:
    try:
        raise eg
    except* ExceptionGroup:
        pass
except TypeError as e:
    print("TypeError:", e)

try:
    raise ExceptionGroup("ok", [ValueError(1)])
except* ValueError:
    print("handled fully")
else:
    print("no else")
finally:
    print("finally")

print(BaseExceptionGroup("b", [ValueError()]).__class__.__name__, BaseExceptionGroup("b", [KeyboardInterrupt()]).__class__.__name__)
try:
    ExceptionGroup("b", [KeyboardInterrupt()])
except TypeError as e:
    print("TypeError:", e)
print(str(eg), repr(ExceptionGroup("m", [ValueError(1)])))

async def job(i, d, fail):
    await asyncio.sleep(d)
    if fail:
        raise fail(f"job {i}")
    print("job", i, "done")

async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(job(1, 0.1, None))
            tg.create_task(job(2, 0.2, ValueError))
            tg.create_task(job(3, 0.3, None))
    except* ValueError as eg:
        for e in eg.exceptions:
            print("TaskGroup ValueError:", e)
    except* TypeError as eg:
        print("no")

asyncio.run(main())
