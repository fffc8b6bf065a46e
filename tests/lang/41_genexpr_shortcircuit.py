# 生成器表达式被 sum/any/all/list/join/min/max 消费，any/all 的短路与副作用
seen = []
def probe(x):
    seen.append(x)
    return x
print("any 遇到真就停:", any(probe(x) > 2 for x in [1, 3, 5, 7]), seen)
seen.clear()
print("all 遇到假就停:", all(probe(x) < 4 for x in [1, 3, 5, 7]), seen)
seen.clear()
print("any 全假全遍历:", any(probe(x) > 10 for x in [1, 2, 3]), seen)
seen.clear()
print("列表推导不短路:", any([probe(x) > 2 for x in [1, 3, 5, 7]]), seen)
seen.clear()
print("and/or 短路:", probe(0) and probe(1), probe(2) or probe(3), probe("") or probe(None) or probe("最后"), seen)
seen.clear()
print("and/or 返回操作数本身:", 0 or [], [] and 1, "a" and "b", None or 0 or "x", 1 and 2 and 3, 0 and 1/0)
print("not:", not 0, not [1], not None, not not "x")
gen = (probe(x) for x in range(5))
seen.clear()
print("生成器是惰性的:", seen)
print("消费:", sum(gen), seen, "再次消费:", sum(gen))
print("sum 生成器:", sum(x * x for x in range(10)), sum(1 for c in "协程任务" if c != "任"))
print("min/max 生成器:", min(len(w) for w in ["aa", "b", "ccc"]), max((x % 7, x) for x in range(20)), max((x for x in []), default="空"))
print("join 生成器:", ", ".join(f"{k}={v}" for k, v in {"a": 1, "b": 2}.items()), "".join(c.upper() for c in "abc" if c != "b"))
print("list/tuple/set/dict 生成器:", list(x for x in "ab"), tuple(x * 2 for x in (1, 2)), sorted(set(x % 3 for x in range(10))), dict((x, x * x) for x in range(3)))
print("sorted 生成器:", sorted((x * 7 % 10 for x in range(6)), reverse=True))
print("嵌套生成器:", sum(sum(row) for row in [[1, 2], [3], []]), list(y for x in range(3) for y in range(x)))
def first_negative(nums):
    return next((n for n in nums if n < 0), None)
print("next 取第一个:", first_negative([3, -1, -5]), first_negative([1, 2]))
it = (x for x in range(10))
print("部分消费:", any(x > 3 for x in it), list(it))
orders = [{"id": 1, "paid": True}, {"id": 2, "paid": False}, {"id": 3, "paid": True}]
print("all paid?", all(o["paid"] for o in orders), "any unpaid?", any(not o["paid"] for o in orders), "unpaid ids:", [o["id"] for o in orders if not o["paid"]])
count = 0
def bump():
    global count
    count += 1
    return True
_ = all(bump() for _ in range(4))
print("all 全真时调用次数:", count)
try:
    any(1 / x for x in [1, 0])
except ZeroDivisionError as e:
    print("生成器中的异常在消费时抛出:", e)
print("any 在异常前短路:", any(1 / x > 0.5 for x in [1, 0]))
