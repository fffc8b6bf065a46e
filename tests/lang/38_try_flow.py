# try/except/else/finally 的执行顺序，try/finally 中的 return/break/continue，finally 中 return 覆盖异常
log = []
def run(fail):
    try:
        log.append("try")
        if fail:
            raise ValueError("失败")
    except ValueError:
        log.append("except")
    else:
        log.append("else")
    finally:
        log.append("finally")
    log.append("after")
run(False)
print("成功:", log)
log.clear()
run(True)
print("失败:", log)

def ret_in_try():
    try:
        return "try 的返回值"
    finally:
        print("  finally 在 return 之后运行")
print(ret_in_try())

def finally_overrides_return():
    try:
        return "try"
    finally:
        return "finally"
print("finally 的 return 覆盖:", finally_overrides_return())

def finally_swallows():
    try:
        raise ValueError("会被吞掉")
    finally:
        return "finally 返回，异常消失"
print(finally_swallows())

def return_value_evaluated_first():
    x = [1]
    try:
        return x
    finally:
        x.append(2)
print("return 的对象随后被修改:", return_value_evaluated_first())

def return_int_then_change():
    x = 1
    try:
        return x
    finally:
        x = 2
print("return 的值已确定:", return_int_then_change())

def except_return():
    try:
        1 / 0
    except ZeroDivisionError:
        return "except"
    else:
        return "else"
    finally:
        print("  finally (except 中 return)")
print(except_return())

def else_return():
    try:
        pass
    except Exception:
        return "except"
    else:
        return "else"
    finally:
        print("  finally (else 中 return)")
print(else_return())

out = []
for i in range(5):
    try:
        if i == 1:
            continue
        if i == 3:
            break
        out.append(i)
    finally:
        out.append(f"f{i}")
print("循环中的 continue/break 也执行 finally:", out)

out = []
for i in range(4):
    try:
        try:
            if i % 2:
                raise KeyError(i)
            out.append(f"ok{i}")
        finally:
            out.append(f"内{i}")
    except KeyError as e:
        out.append(f"捕获{e}")
        continue
    finally:
        out.append(f"外{i}")
    out.append(f"末{i}")
print("嵌套:", out)

def break_in_finally():
    for i in range(3):
        try:
            raise ValueError(i)
        finally:
            break
    return "break 吞掉了异常"
print(break_in_finally())

def continue_in_finally():
    seen = []
    for i in range(3):
        try:
            if i == 1:
                raise ValueError("x")
            seen.append(i)
        finally:
            continue
    return seen
print("finally 中 continue:", continue_in_finally())

def while_try():
    n = 0
    while True:
        try:
            n += 1
            if n == 3:
                return n
        finally:
            print(f"  while 第 {n} 次 finally")
print("while + return:", while_try())

def except_no_match():
    try:
        try:
            raise TypeError("类型")
        except ValueError:
            print("不会到这里")
        finally:
            print("  内层 finally")
    except TypeError as e:
        print("  外层捕获", e)
except_no_match()

def multiple_finally_returns(n):
    try:
        try:
            if n:
                raise ValueError
            return "内 try"
        finally:
            if n > 1:
                return "内 finally"
    finally:
        pass
print(multiple_finally_returns(0), multiple_finally_returns(2))
try:
    multiple_finally_returns(1)
except ValueError:
    print("n=1 时异常穿透")

def else_exception():
    try:
        pass
    except ValueError:
        return "不会捕获 else 中的异常"
    else:
        raise ValueError("else 中抛出")
try:
    else_exception()
except ValueError as e:
    print("else 中的异常不由同一 try 的 except 处理:", e)
