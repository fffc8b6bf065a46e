# 列表方法：append/pop/insert/extend/remove/index/count/reverse/clear/copy，+ * += 与别名
tasks = ["下载", "解析"]
tasks.append("保存")
tasks.insert(0, "登录")
tasks.insert(100, "退出")
tasks.insert(-1, "清理")
tasks.insert(-100, "开始")
print(tasks, len(tasks))
tasks.extend(["a", "b"])
tasks.extend("xy")
tasks.extend(range(2))
tasks.extend(())
print(tasks)
print("pop:", tasks.pop(), tasks.pop(0), tasks.pop(-2), tasks)
tasks.remove("x")
tasks.remove("a")
print("remove 后:", tasks)
print("index:", tasks.index("保存"), tasks.index("b", 2), tasks.index("登录", 0, 3))
nums = [3, 1, 3, 2, 3, 1]
print("count:", nums.count(3), nums.count(1), nums.count(9), [[1], [1]].count([1]), [1, 1.0, True].count(1))
nums.reverse()
print("reverse:", nums, nums.reverse(), nums)
c = nums.copy()
alias = nums
c.append(99)
alias.append(100)
print("copy 与别名:", nums, c, alias is nums, c is nums)
c.clear()
print("clear:", c, len(c))
a = [1, 2]
b = a
a += [3]
print("+= 原地修改:", a, b, a is b)
a = a + [4]
print("+ 产生新列表:", a, b, a is b)
print("重复:", [0] * 5, [1, 2] * 2, [] * 3, [[0] * 2] * 2)
grid = [[0] * 3] * 2
grid[0][0] = 9
print("共享的内层列表:", grid)
grid = [[0] * 3 for _ in range(2)]
grid[0][0] = 9
print("独立的内层列表:", grid)
key = "0"
errors = [
    lambda: [].pop(),
    lambda: [1, 2].pop(5),
    lambda: [1, 2].remove(3),
    lambda: [1, 2].index(3),
    lambda: [1, 2][2],
    lambda: [1, 2][-3],
    lambda: [1, 2] + (3,),
    lambda: [1].extend(5),
    lambda: [1, 2][key],
]
for f in errors:
    try:
        f()
    except (IndexError, ValueError, TypeError) as e:
        print(f"{type(e).__name__}: {e}")
lst = [1, 2, 3]
lst[1] = "二"
lst[-1] += 10
print("下标赋值:", lst)
try:
    lst[3] = 4
except IndexError as e:
    print("IndexError:", e)
print("in / not in:", 2 in [1, 2], "2" in [1, 2], [1] in [[1], 2], None not in [0, ""])
print("list() 与 len:", list(), list(range(3)), list({"a": 1, "b": 2}), list("中文"), len([[], []]))
m = [5, 3, 8]
print("min/max/sum:", min(m), max(m), sum(m), sum(m, 10), sorted(m), m)
