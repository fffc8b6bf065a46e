# 运算符优先级与结合性：** 右结合且高于一元负号、not 与比较、and/or、位运算与比较、条件表达式、in 链
print(-2 ** 2, (-2) ** 2, 2 ** -1, 2 ** 3 ** 2, -2 ** -2, 2 * 3 ** 2, -3 ** 0)
print(1 + 2 * 3, (1 + 2) * 3, 10 - 4 - 3, 10 - (4 - 3), 100 / 10 / 5, 2 ** 2 ** 0, 7 // 2 * 2, 7 % 4 % 3)
print(not 1 == 2, not (1 == 2), (not 1) == 2, not 0 + 1)
print(True or False and False, (True or False) and False, 0 or 1 and 2, 1 and 0 or 3, None or False or 0)
print(1 | 2 == 3, (1 | 2) == 3, 6 & 3 ^ 1, 6 & (3 ^ 1), 1 << 2 + 1, (1 << 2) + 1, ~1 + 1, -~5, ~-5)
print(1 < 2 == True, (1 < 2) == True, 1 in [1] == True, (1 in [1]) == True, "a" in "abc" in "xabcx")
x = 5
print("a" if x > 3 else "b" + "!", ("a" if x > 3 else "b") + "!", "a" if x < 3 else "b" + "!")
print(x > 3 and "大" or "小", x > 9 and "大" or "小", [] and 1/0 or "安全")
f = lambda a: a + 1 if a else -1
print(f(1), f(0), (lambda: 1 or 2)(), list(map(lambda v: v * 2 if v % 2 else v, range(5))))
print(-x ** 2, (-x) ** 2, -(x ** 2), +-x, - - x, not -x, abs(-x) ** 0.5 > 2)
print(2 * -3, 2 ** -3 * 8, 5 - -5, 3 * -(-2), 10 / -4, -10 // 4, -(10 // 4))
print("ab" * 2 + "c", "ab" + "c" * 2, 3 * "x" + "y", [1] * 2 + [3] * 3, (1, 2) * 2 == (1, 2, 1, 2))
print(1 + 2 == 3 and 4 > 3 or False, not [] and not {}, (1, 2) < (1, 3) == True)
print("is 与 not:", None is not None, not None is None, (not None) is None)
y = 3
y += 2 * 3
y *= 1 + 1
y -= y // 4
print("增强赋值的右边先整体求值:", y)
print("字符串 % 的优先级:", "%d" % 3 * 2, "%d" % (3 * 2), "%s-%s" % ("a", "b") + "!")
print("比较链与算术:", 1 + 1 < 3 > 2 - 1, 0 < x - 4 < 2, x % 2 == 1 == x // 5)
print("成员与 not in:", 3 not in [1, 2] and 1 in {1}, not 3 in [3], "" in "", [] in [[]])
