# 循环中的异常：重试、跳过坏数据、统计、for/else 与 try 结合、带计数的 finally
import random

random.seed(7)

class ConnError(Exception):
    pass

def flaky(attempt):
    if random.random() < 0.6:
        raise ConnError(f"第 {attempt} 次连接失败")
    return f"第 {attempt} 次成功"

for job in range(4):
    for attempt in range(1, 4):
        try:
            print(f"任务 {job}:", flaky(attempt))
            break
        except ConnError as e:
            print(f"任务 {job}: {e}")
    else:
        print(f"任务 {job}: 三次都失败, 放弃")

raw = ["12", "x", "7.5", "", "-3", "1e2", None, "42"]
good, bad = [], {}
attempts = 0
for item in raw:
    try:
        attempts += 1
        good.append(int(item))
    except ValueError as e:
        bad[repr(item)] = "ValueError"
    except TypeError as e:
        bad[repr(item)] = "TypeError: " + str(e)
    else:
        print("  解析", repr(item))
    finally:
        pass
print("好:", good, "坏:", bad, "次数:", attempts)

def safe_div(a, b):
    try:
        r = a / b
    except ZeroDivisionError:
        return float("inf") if a > 0 else float("-inf") if a < 0 else float("nan")
    except TypeError:
        return None
    else:
        return round(r, 3)
print([safe_div(a, b) for a, b in [(1, 3), (1, 0), (-1, 0), (0, 0), ("a", 1), (10, 4)]])
errors = []
i = 0
while i < 5:
    i += 1
    try:
        if i == 2:
            continue
        if i == 4:
            raise ValueError(i)
    except ValueError as e:
        errors.append(e.args[0])
    finally:
        errors.append(f"f{i}")
print("while + try + continue:", errors)
