# round：银行家舍入（偶数舍入）、ndigits 为负、浮点的二进制误差
print("round(x):", round(2.5), round(3.5), round(-0.5), round(0.5), round(1.5), round(-1.5), round(-2.5))
print("round 类型:", type(round(2.5)).__name__, type(round(2.5, 0)).__name__, round(2.5, 0), round(-0.5, 0))
print("两位小数:", round(2.675, 2), round(0.125, 2), round(0.375, 2), round(1.005, 2), round(2.345, 2), round(0.145, 2))
print("一位小数:", round(0.25, 1), round(0.35, 1), round(0.45, 1), round(2.25, 1), round(-0.25, 1))
print("负 ndigits 浮点:", round(1234.5, -2), round(1250.0, -2), round(1350.0, -2), round(-1250.0, -2), round(5.0, -1), round(15.0, -1))
print("负 ndigits 整数:", round(25, -1), round(35, -1), round(-25, -1), round(1234, -2), round(1250, -2), round(1350, -2), round(7, -5), round(50, -2), round(150, -2))
print("整数 ndigits 正:", round(7, 2), round(-7, 0), type(round(7, 2)).__name__)
print("round(x, None):", round(2.5, None), round(7.8, None))
print("大位数:", round(1.23456789, 5), round(1.23456789, 10), round(123.456, 20), round(0.1 + 0.2, 15), round(0.1 + 0.2, 16))
print("小值:", round(1e-10, 5), round(-1e-10, 5), round(-0.4), round(-0.4, 1), round(0.0), round(-0.0, 1))
for k in range(8):
    v = k + 0.5
    print(f"round({v}) = {round(v)}", end="; ")
print()
print("round 与 f-string 对比:", round(2.675, 2), f"{2.675:.2f}", f"{0.125:.2f}", f"{0.375:.1f}", f"{2.5:.0f}", f"{3.5:.0f}")
total = 0.0
for price in [19.99, 5.01, 0.1, 2.675]:
    total += price
print("总价:", total, round(total, 2), f"{total:.2f}")
