# 推导式：列表/字典/集合/生成器，嵌套、条件、作用域
print([x * x for x in range(6)])
print([x for x in range(20) if x % 3 == 0 if x % 2 == 0])
print([(x, y) for x in range(3) for y in range(x)])
print([[i * j for j in range(1, 4)] for i in range(1, 4)])
matrix = [[1, 2, 3], [4, 5, 6]]
print("转置:", [[row[i] for row in matrix] for i in range(3)], "展平:", [v for row in matrix for v in row])
print("条件表达式:", ["偶" if n % 2 == 0 else "奇" for n in range(5)])
print("字典推导:", {w: len(w) for w in ["协程", "task", "事件循环"]}, {k: v for k, v in zip("abc", [1, 2, 3]) if v != 2})
print("反转字典:", {v: k for k, v in {"a": 1, "b": 2}.items()})
print("集合推导:", {c for c in "hello" if c != "l"} == {"h", "e", "o"}, {n % 4 for n in range(10)})
print("生成器:", sum(x for x in range(101)), max(len(w) for w in ["a", "abc", "ab"]), list(x + 1 for x in (1, 2)))
print("嵌套推导中的外层变量:", [[c + str(n) for c in "ab"] for n in range(2)])
x = "外层"
lst = [x for x in range(3)]
print("推导式变量不泄漏:", x, lst)
funcs = [lambda: i for i in range(3)]
print("推导式中的 lambda 晚绑定:", [f() for f in funcs])
funcs = [lambda i=i: i for i in range(3)]
print("默认参数捕获:", [f() for f in funcs])
base = 10
print("引用外部变量:", [base + i for i in range(3)])
def f():
    k = 5
    return [k * j for j in range(3)], {j: k for j in range(2)}
print("函数内:", f())
words = "the quick brown fox jumps over the lazy dog".split()
print("字母计数:", {w: words.count(w) for w in words if words.count(w) > 1})
print("首字母分组:", {c: [w for w in words if w[0] == c] for c in "tq"})
print("带 walrus:", [y for x in range(6) if (y := x * x) > 5])
print("嵌套三层:", [(a, b, c) for a in range(1, 10) for b in range(a, 10) for c in range(b, 15) if a * a + b * b == c * c])
g = (i * 2 for i in range(4))
print("生成器只能消费一次:", list(g), list(g))
print("空:", [], [x for x in []], {k: 1 for k in ""}, set(x for x in ()))
