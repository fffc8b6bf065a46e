# 异常对象：args/str/repr，KeyError 的 str 带引号，自定义异常（额外参数、super().__init__）、层级、except 顺序
for e in [ValueError("坏值"), ValueError(), ValueError("a", 2), ValueError(3), KeyError("k"), KeyError(), KeyError("a", "b"),
          IndexError("越界"), RuntimeError(None), TypeError(""), Exception("多", "个", "参数"), ZeroDivisionError("division by zero"),
          AssertionError(), AssertionError("msg"), TimeoutError(), NameError("n"), AttributeError("a"), MemoryError(), RecursionError("深")]:
    print(f"{type(e).__name__:18} str={str(e)!r:28} repr={e!r:40} args={e.args}")

class AppError(Exception):
    pass

class HttpError(AppError):
    def __init__(self, status, reason):
        super().__init__(f"HTTP {status}: {reason}")
        self.status = status
        self.reason = reason

class RetryError(AppError):
    def __init__(self, attempts, last):
        super().__init__(attempts, last)
        self.attempts = attempts
        self.last = last
    def __str__(self):
        return f"重试 {self.attempts} 次后仍失败（最后一次: {self.last}）"

class NoSuper(Exception):
    def __init__(self, code):
        self.code = code

class Plain(AppError):
    "没有任何额外代码"

errs = [HttpError(404, "Not Found"), RetryError(3, HttpError(500, "内部错误")), NoSuper(7), Plain("x", 1), Plain()]
for e in errs:
    print(f"{type(e).__name__}: str={str(e)!r} repr={e!r} args={e.args}")
h = errs[0]
print("额外属性:", h.status, h.reason, isinstance(h, AppError), isinstance(h, Exception), isinstance(h, HttpError))
print("层级:", issubclass(HttpError, AppError), issubclass(ZeroDivisionError, ArithmeticError), issubclass(KeyError, LookupError), issubclass(IndexError, LookupError), issubclass(TimeoutError, OSError), issubclass(RecursionError, RuntimeError), issubclass(Exception, BaseException))

def classify(exc):
    try:
        raise exc
    except HttpError as e:
        return "HttpError " + str(e.status)
    except AppError as e:
        return "AppError " + type(e).__name__
    except (KeyError, IndexError) as e:
        return "LookupError 之一: " + repr(e)
    except ArithmeticError:
        return "算术错误"
    except Exception as e:
        return "其他: " + type(e).__name__
for exc in [HttpError(503, "忙"), Plain(), KeyError("键"), IndexError(1), ZeroDivisionError(), ValueError(), RetryError(2, "超时")]:
    print(classify(exc))

def raise_class():
    raise ValueError
try:
    raise_class()
except ValueError as e:
    print("raise 类而非实例:", repr(e), e.args)
try:
    raise Plain
except AppError as e:
    print("自定义类:", repr(e))
e_var = "未改变"
try:
    raise ValueError("临时")
except ValueError as e_var:
    pass
try:
    print(e_var)
except NameError as ne:
    print("except 结束后 as 变量被删除:", ne)
try:
    raise 42
except TypeError as e:
    print("TypeError:", e)
try:
    raise NoSuper(1) from 5
except TypeError as e:
    print("TypeError:", e)
class Wrapped(Exception):
    def __init__(self, msg, code):
        super().__init__(msg)
        self.code = code
w = Wrapped("消息", 500)
print("只传一个参数给 super:", str(w), repr(w), w.args, w.code)
print("异常可以存入容器:", [ValueError(1), KeyError("x")], {"e": RuntimeError("r")})
