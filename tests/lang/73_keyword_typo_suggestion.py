# 模糊测试发现：CPython 3.13 对拼错的关键字参数给出 "Did you mean ...?" 提示（自定义函数、print、sorted 报 sort()）
def greet(name, greeting="你好"):
    return f"{greeting}, {name}"


for call in [lambda: greet(nam="小明"), lambda: print("x", sepp="-"), lambda: sorted([2, 1], reversed=True), lambda: greet("a", zzz=1)]:
    try:
        call()
    except TypeError as e:
        print(e)
