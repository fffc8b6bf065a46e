# 函数式风格：函数作为值、组合、柯里化、map/filter/sorted 与 lambda、手写 reduce、闭包计数
def compose(*fns):
    def run(x):
        for f in reversed(fns):
            x = f(x)
        return x
    return run
inc = lambda x: x + 1
dbl = lambda x: x * 2
print("组合:", compose(inc, dbl)(5), compose(dbl, inc)(5), compose()(7), compose(str, abs, inc)(-10))

def curry_add(a):
    return lambda b: lambda c: a + b + c
print("柯里化:", curry_add(1)(2)(3), curry_add("a")("b")("c"))

def reduce(fn, items, init):
    acc = init
    for it in items:
        acc = fn(acc, it)
    return acc
print("reduce:", reduce(lambda a, b: a + b, range(10), 0), reduce(lambda a, b: a * b, range(1, 8), 1), reduce(lambda a, s: s + a, "abc", ""))
print("max by reduce:", reduce(lambda a, b: a if a >= b else b, [3, 9, 2, 9], float("-inf")))

nums = list(range(1, 21))
evens_sq = list(map(lambda n: n * n, filter(lambda n: n % 2 == 0, nums)))
print("map+filter:", evens_sq)
pipeline = [lambda xs: [x for x in xs if x % 3], lambda xs: [x * 10 for x in xs], lambda xs: xs[:4], sum]
val = nums
for step in pipeline:
    val = step(val)
print("管道:", val)
table = {"+": lambda a, b: a + b, "-": lambda a, b: a - b, "*": lambda a, b: a * b, "/": lambda a, b: a / b, "//": lambda a, b: a // b, "%": lambda a, b: a % b, "**": lambda a, b: a ** b}
print("运算表:", {op: f(7, -2) for op, f in table.items()})
def rpn(expr):
    stack = []
    for tok in expr.split():
        if tok in table:
            b = stack.pop()
            a = stack.pop()
            stack.append(table[tok](a, b))
        else:
            stack.append(float(tok) if "." in tok else int(tok))
    return stack[0]
for e in ["3 4 + 2 *", "5 1 2 + 4 * + 3 -", "2 3 **", "7 2 /", "-7 2 //", "0.1 0.2 +", "1 0 /"]:
    try:
        print(f"  {e} = {rpn(e)!r}")
    except ZeroDivisionError as err:
        print(f"  {e} -> ZeroDivisionError: {err}")
people = [{"n": "甲", "age": 30, "city": "京"}, {"n": "乙", "age": 25, "city": "沪"}, {"n": "丙", "age": 30, "city": "沪"}, {"n": "丁", "age": 22, "city": "京"}]
by_city = {}
for p in people:
    by_city.setdefault(p["city"], []).append(p["n"])
print("分组:", by_city, "年龄降序+姓名:", [p["n"] for p in sorted(people, key=lambda p: (-p["age"], p["n"]))])
print("any/all 与 map:", any(map(lambda p: p["age"] > 28, people)), all(map(lambda p: p["age"] > 20, people)))
def counter_gen():
    n = 0
    def nxt():
        nonlocal n
        n += 1
        return n
    return nxt
ids = counter_gen()
print("闭包发号器:", [ids() for _ in range(5)])
print("sorted 用方法作 key:", sorted(["b", "A", "c"], key=str.lower), sorted([-3, 1, -2], key=abs), list(map(str.strip, [" a ", "b "])))
