# 递归：阶乘、斐波那契（记忆化）、汉诺塔、相互递归、深度过大时的 RecursionError
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)
print([fact(i) for i in range(10)], fact(20))

memo = {}
def fib(n):
    if n < 2:
        return n
    if n not in memo:
        memo[n] = fib(n - 1) + fib(n - 2)
    return memo[n]
print([fib(i) for i in range(15)], fib(90))

moves = []
def hanoi(n, a, b, c):
    if n == 0:
        return
    hanoi(n - 1, a, c, b)
    moves.append(a + c)
    hanoi(n - 1, b, a, c)
hanoi(4, "A", "B", "C")
print(len(moves), " ".join(moves))

def is_even(n):
    return True if n == 0 else is_odd(n - 1)
def is_odd(n):
    return False if n == 0 else is_even(n - 1)
print("相互递归:", is_even(10), is_odd(7), is_even(7))

def flatten(x):
    if isinstance(x, list):
        out = []
        for item in x:
            out.extend(flatten(item))
        return out
    return [x]
print("展平:", flatten([1, [2, [3, [4, [5]]]], [[6]], []]))

def depth(n):
    return depth(n + 1)
try:
    depth(0)
except RecursionError as e:
    print("捕获:", type(e).__name__, isinstance(e, RuntimeError))

def deep_ok(n):
    return 0 if n == 0 else 1 + deep_ok(n - 1)
print("深度 500 正常:", deep_ok(500))

def perms(s):
    if len(s) <= 1:
        return [s]
    return [c + p for i, c in enumerate(s) for p in perms(s[:i] + s[i + 1:])]
print("全排列:", perms("abc"), len(perms("abcde")))

def recurse_in_handler(n):
    try:
        return recurse_in_handler(n + 1)
    except RecursionError:
        return "恢复"
print("递归错误后还能继续:", recurse_in_handler(0) == "恢复", fact(5))

class Node:
    def __init__(self, v, children=()):
        self.v = v
        self.children = list(children)
    def total(self):
        return self.v + sum(c.total() for c in self.children)
tree = Node(1, [Node(2, [Node(4)]), Node(3, [Node(5), Node(6, [Node(7)])])])
print("树求和:", tree.total())
