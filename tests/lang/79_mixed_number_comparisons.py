# Comparisons of ints and floats (the VM compares them without a method
# call when the int converts exactly), NaN, huge ints, and `is`.
nan = float("nan")
inf = float("inf")
big = 2 ** 53 + 1
pairs = [
    (1, 1.0), (2, 1.5), (1.5, 2), (0.1 + 0.2, 0.3), (nan, nan), (nan, 1), (1, nan),
    (inf, 2 ** 62), (-inf, -(2 ** 62)), (2 ** 62 + 1, float(2 ** 62)), (big, float(big)), (float(big), big),
    (2 ** 53, float(2 ** 53)), (-big, -float(big)), (True, 1.0), (0, -0.0),
]
for a, b in pairs:
    print(repr(a)[:12], repr(b)[:12], a < b, a <= b, a > b, a >= b, a == b, a != b)

x = None
print(x is None, x is not None, x is nan, nan is nan, nan == nan)
for d in (0.5, 0, -1, -0.25, nan):
    if d <= 0:
        print(d, "不是正数")
    elif d != d:
        print("NaN")
    else:
        print(d, "是正数")
n = 0
while n < 2.5:
    n += 1
print("循环次数", n)
