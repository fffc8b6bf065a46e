# 异常链：raise ... from ...、__cause__、__context__、__suppress_context__、raise from None、bare raise、再抛出
def load(key):
    data = {"a": 1}
    try:
        return data[key]
    except KeyError as e:
        raise ValueError(f"配置项 {key} 缺失") from e

try:
    load("b")
except ValueError as e:
    print("捕获:", repr(e))
    print("__cause__:", repr(e.__cause__), "__context__:", repr(e.__context__), "suppress:", e.__suppress_context__)

def implicit():
    try:
        1 / 0
    except ZeroDivisionError:
        raise RuntimeError("处理时又出错")
try:
    implicit()
except RuntimeError as e:
    print("隐式链:", repr(e), "cause:", e.__cause__, "context:", repr(e.__context__), e.__suppress_context__)

def from_none():
    try:
        int("x")
    except ValueError:
        raise KeyError("换成 KeyError") from None
try:
    from_none()
except KeyError as e:
    print("from None:", repr(e), e.__cause__, repr(e.__context__), e.__suppress_context__)

def reraise():
    try:
        [][1]
    except IndexError:
        print("  记录后重新抛出")
        raise
try:
    reraise()
except IndexError as e:
    print("bare raise 保持原异常:", repr(e), e.__context__)

def reraise_var():
    try:
        raise ValueError("原始")
    except ValueError as err:
        saved = err
    raise saved
try:
    reraise_var()
except ValueError as e:
    print("在 except 外抛出保存的异常:", repr(e))

try:
    raise TypeError("外层") from ValueError("内层原因")
except TypeError as e:
    c = e.__cause__
    print("from 一个新实例:", repr(e), repr(c), repr(c.__cause__))

def chain3():
    try:
        try:
            raise KeyError("一")
        except KeyError as a:
            raise ValueError("二") from a
    except ValueError as b:
        raise RuntimeError("三") from b
try:
    chain3()
except RuntimeError as e:
    seq = []
    cur = e
    while cur is not None:
        seq.append(repr(cur))
        cur = cur.__cause__
    print("三级链:", " <- ".join(seq))

try:
    try:
        raise ValueError("first")
    finally:
        print("  finally 运行中，异常仍在传播")
except ValueError as e:
    print("finally 之后捕获:", e)

try:
    try:
        raise ValueError("被替换")
    finally:
        raise KeyError("finally 中的新异常")
except KeyError as e:
    print("finally 中抛出覆盖:", repr(e), "context:", repr(e.__context__))

def handler_error():
    try:
        raise ValueError("v")
    except ValueError:
        x = {}["缺"]
try:
    handler_error()
except KeyError as e:
    print("处理器中的错误:", repr(e), repr(e.__context__))

try:
    raise
except RuntimeError as e:
    print("没有活动异常时 bare raise:", e)

def nested_handlers():
    try:
        raise ValueError("外")
    except ValueError:
        try:
            raise KeyError("内")
        except KeyError:
            pass
        raise
try:
    nested_handlers()
except ValueError as e:
    print("内层处理完后 bare raise 抛出外层异常:", repr(e))

e1 = ValueError("a")
e2 = KeyError("b")
e2.__cause__ = e1
print("手动设置 cause:", repr(e2.__cause__), e2.__suppress_context__)
