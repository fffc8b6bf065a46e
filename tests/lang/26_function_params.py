# 函数参数：默认值（可变默认值陷阱）、*args/**kwargs、仅关键字、仅位置、关键字调用
def greet(name, greeting="你好", punct="!"):
    return f"{greeting}, {name}{punct}"
print(greet("小明"), greet("小红", "早上好"), greet("Tom", punct="?"), greet(greeting="嗨", name="A"))

def append_to(item, bucket=[]):
    bucket.append(item)
    return bucket
print("可变默认值陷阱:", append_to(1), append_to(2), append_to(3, []), append_to(4))

def append_safe(item, bucket=None):
    if bucket is None:
        bucket = []
    bucket.append(item)
    return bucket
print("None 作默认值:", append_safe(1), append_safe(2))

counter = 10
def default_evaluated_once(x=counter):
    return x
counter = 20
print("默认值在定义时求值:", default_evaluated_once())

def total(*args, **kwargs):
    return f"args={args} kwargs={kwargs} 和={sum(args) + sum(kwargs.values())}"
print(total(), total(1, 2), total(a=1), total(1, 2, b=3, c=4))

def kw_only(a, *, b, c=3):
    return (a, b, c)
print("仅关键字:", kw_only(1, b=2), kw_only(a=1, b=2, c=4))

def pos_only(a, b, /, c, *, d):
    return (a, b, c, d)
print("仅位置:", pos_only(1, 2, 3, d=4), pos_only(1, 2, c=3, d=4))

def mixed(a, b=2, *rest, key="k", **extra):
    return f"a={a} b={b} rest={rest} key={key} extra={extra}"
print(mixed(1))
print(mixed(1, 5, 6, 7, key="K", z=26))
print(mixed(*[1, 2, 3], **{"key": "解包", "more": True}))

def pos_only_and_kwargs(name, /, **kw):
    return name, kw
print("仅位置参数名可以再出现在 **kw 中:", pos_only_and_kwargs("位置", name="关键字"))

def no_return():
    pass
def bare_return():
    return
def multi_return():
    return 1, "二", [3]
print("返回值:", no_return(), bare_return(), multi_return())

def early(n):
    for i in range(n):
        if i * i > 10:
            return i
    return -1
print("提前返回:", early(10), early(3))

def doc():
    "文档字符串不影响返回"
    return "ok"
print(doc(), doc.__name__)

f = lambda x, y=2, *a, **k: (x, y, a, k)
print("lambda 参数:", f(1), f(1, 3, 4, z=5), (lambda: "无参")(), (lambda *a: len(a))(1, 2, 3))
print("函数是对象:", [fn.__name__ for fn in (greet, total, kw_only)], callable(greet))
ops = {"加": lambda a, b: a + b, "乘": lambda a, b: a * b}
print({k: op(6, 7) for k, op in ops.items()})
def apply(fn, *args, **kwargs):
    return fn(*args, **kwargs)
print("高阶:", apply(greet, "李", punct="。"), apply(max, 3, 9, 2), apply(sorted, [3, 1], reverse=True))
