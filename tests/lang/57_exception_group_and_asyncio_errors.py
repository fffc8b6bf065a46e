# ExceptionGroup 与 asyncio 的异常类（不需要事件循环）：消息、.exceptions、层级关系
import asyncio

eg = ExceptionGroup("批处理失败", [ValueError("坏值"), KeyError("缺键")])
print("str:", str(eg))
print("repr:", repr(eg))
print("message:", eg.message, "| exceptions:", eg.exceptions, "| args:", eg.args)
one = ExceptionGroup("单个", [RuntimeError("r")])
print(str(one), len(one.exceptions), type(one.exceptions).__name__)
nested = ExceptionGroup("外", [ValueError(1), ExceptionGroup("内", [TypeError(2), ZeroDivisionError(3)])])
print(str(nested), [type(e).__name__ for e in nested.exceptions], str(nested.exceptions[1]))
try:
    raise eg
except Exception as e:
    print("except Exception 捕获 ExceptionGroup:", type(e).__name__, isinstance(e, Exception))
for bad in [lambda: ExceptionGroup("空", []), lambda: ExceptionGroup("非列表", ValueError()), lambda: ExceptionGroup(1, [ValueError()])]:
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(f"{type(e).__name__}: {e}")
print("asyncio.TimeoutError is TimeoutError:", asyncio.TimeoutError is TimeoutError)
print("CancelledError 是 BaseException 而非 Exception:", issubclass(asyncio.CancelledError, BaseException), issubclass(asyncio.CancelledError, Exception))
print("InvalidStateError:", issubclass(asyncio.InvalidStateError, Exception), repr(asyncio.InvalidStateError("invalid state")))
print("QueueEmpty/QueueFull:", issubclass(asyncio.QueueEmpty, Exception), issubclass(asyncio.QueueFull, Exception), repr(asyncio.QueueFull()))
c = asyncio.CancelledError("取消原因")
print("CancelledError:", repr(c), str(c), c.args)
try:
    try:
        raise asyncio.CancelledError()
    except Exception:
        print("不会被 except Exception 捕获")
except asyncio.CancelledError as e:
    print("只能用 CancelledError/BaseException 捕获:", repr(e))
t = asyncio.TimeoutError()
print("TimeoutError repr:", repr(t), repr(TimeoutError("超时")), isinstance(t, OSError))
