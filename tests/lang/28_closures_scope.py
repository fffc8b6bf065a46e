# 闭包与作用域：nonlocal、global、晚绑定的 lambda、计数器工厂、UnboundLocalError
def make_counter(start=0):
    count = start
    def inc(step=1):
        nonlocal count
        count += step
        return count
    return inc
c1 = make_counter()
c2 = make_counter(100)
print(c1(), c1(), c1(5), c2(), c1())

total = 0
def add(n):
    global total
    total += n
    return total
add(3)
add(4)
print("global:", total)

def outer():
    x = "outer"
    def middle():
        x = "middle"
        def inner():
            nonlocal x
            x = "inner 改了 middle"
            return x
        inner()
        return x
    return middle(), x
print("nonlocal 只到最近一层:", outer())

adders = []
for i in range(3):
    adders.append(lambda x: x + i)
print("循环中的 lambda 晚绑定:", [f(10) for f in adders])
adders = [lambda x, i=i: x + i for i in range(3)]
print("默认参数早绑定:", [f(10) for f in adders])
def make_adder(n):
    return lambda x: x + n
adders = [make_adder(i) for i in range(3)]
print("工厂函数:", [f(10) for f in adders])

def closure_sees_later_changes():
    v = 1
    def get():
        return v
    v = 2
    return get()
print("闭包看到最终值:", closure_sees_later_changes())

x = "全局"
def read_global():
    return x
def shadow():
    x = "局部"
    return x
print(read_global(), shadow(), x)

def bad():
    print(x)
    x = 1
try:
    bad()
except UnboundLocalError as e:
    print("UnboundLocalError:", e)
print("UnboundLocalError 是 NameError:", issubclass(UnboundLocalError, NameError))

def bad_counter():
    n = 0
    def inc():
        n += 1
        return n
    return inc
try:
    bad_counter()()
except UnboundLocalError as e:
    print("UnboundLocalError:", e)

def free_var_deleted():
    y = 1
    def get():
        return y
    del y
    return get()
try:
    free_var_deleted()
except NameError as e:
    print("NameError:", e)

def create_global():
    global new_name
    new_name = "在函数中创建"
create_global()
print(new_name)

def accumulate():
    history = []
    def record(v):
        history.append(v)
        return list(history)
    return record
rec = accumulate()
rec("a")
print("闭包修改可变对象无需 nonlocal:", rec("b"))
try:
    print(undefined_name)
except NameError as e:
    print("NameError:", e)
def uses_later_global():
    return later_global * 2
later_global = 21
print("调用时才查找全局:", uses_later_global())
