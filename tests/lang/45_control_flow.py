# 控制流：while True + break、for/else、while/else、continue、pass、walrus、条件表达式、is None 判断
n = 0
while True:
    n += 1
    if n % 2 == 0:
        continue
    if n > 7:
        break
print("while True:", n)

def find(items, target):
    for i, x in enumerate(items):
        if x == target:
            print(f"  找到 {target} 在 {i}")
            break
    else:
        print(f"  没找到 {target}（for/else 的 else 运行）")
find([3, 5, 7], 5)
find([3, 5, 7], 9)
find([], 1)

k = 3
while k > 0:
    k -= 1
else:
    print("while 正常结束，else 运行, k =", k)
k = 3
while k > 0:
    k -= 1
    if k == 1:
        break
else:
    print("不会打印")
print("break 后 while/else 的 else 不运行, k =", k)

for i in range(3):
    for j in range(3):
        if j == 2:
            break
        if i == j:
            continue
        print(f"  ({i},{j})", end="")
print()

for _ in range(3):
    pass
class Nothing:
    pass
def todo():
    pass
print("pass:", todo(), type(Nothing()).__name__)

data = [1, 5, 12, 3, 20, 7]
if (count := len(data)) > 5:
    print(f"walrus: 列表有 {count} 个元素")
big = [y for x in data if (y := x * 2) > 10]
print("walrus 推导:", big, "y 泄漏到外层:", y)
buf = ["a", "b", "c"]
while (item := buf.pop() if buf else None) is not None:
    print("  取出", item)

for v in [0, 7, -3, None, "", "s"]:
    kind = "None" if v is None else ("零" if v == 0 else ("正" if isinstance(v, int) and v > 0 else "其他"))
    print(f"  {v!r}: {kind}", end=";")
print()
x = None
print("is None:", x is None, x is not None, "默认" if x is None else x)
result = "大" if 10 > 5 else "小"
nested = "a" if False else "b" if False else "c"
print("条件表达式:", result, nested)

for i in range(10, 0, -3):
    print(i, end=" ")
print()
grade = 85
if grade >= 90:
    print("优")
elif grade >= 80:
    print("良")
elif grade >= 60:
    print("及格")
else:
    print("不及格")
i = 0
while i < 10:
    i += 1
    if i < 5:
        continue
    print("i =", i)
    break
total = 0
for ch in "a1b2c3":
    if not ch.isdigit():
        continue
    total += int(ch)
print("数字和:", total)
for x in []:
    print("不会运行")
else:
    print("空循环的 else 也运行")
for i in range(3):
    pass
print("循环变量保留最后值:", i)
