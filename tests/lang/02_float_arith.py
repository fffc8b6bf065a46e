# 浮点运算：int/float 混合、浮点 // 与 %、-0.0、浮点的 divmod 和 **
print("混合:", 1 + 2.0, 3 * 0.5, 10 - 0.25, 7 / 2.0, 2 ** 0.5, 9 ** 0.5, 4 ** -0.5)
for x, y in [(7.5, 2), (-7.5, 2), (7.5, -2), (-7.5, -2), (5.0, 0.5), (1.0, 0.1), (-1.0, 0.1), (0.0, 3), (-0.0, 3)]:
    print(f"{x} // {y} = {x // y!r}   {x} % {y} = {x % y!r}   divmod = {divmod(x, y)}")
print("负零:", -0.0, 0.0 * -1, -0.0 + 0.0, -0.0 - 0.0, 0.0 == -0.0, abs(-0.0), -(0.0), repr(-0.0 * 5))
print("取模得负零:", -6.0 % 3, 6.0 % -3, (-0.0) % 5, 0.0 % -5)
print("整除得负零:", -0.0 // 1, 0.0 // -1, -1e-300 // 1e300)
print("浮点幂:", 2.0 ** 3, 2 ** 3.0, 10.0 ** -2, (-2.0) ** 2, (-8.0) ** 3, 1.5 ** 2, 0.0 ** 0)
print("精度:", 0.1 + 0.2, 0.1 * 3, 1.1 * 1.1, 1 - 0.9, 0.3 - 0.1, 3 * 1.1, 100 * 1.1)
print("大数:", 1e308 * 10, -1e308 * 10, 1e308 + 1e308, 2.0 ** 1023, 1e-320, 5e-324, 5e-324 / 2)
print("int 与 float 的和:", sum([1, 2.5, 3]), 10 // 3.0, 10 % 3.0, 10.0 // 3, -10 // 3.0, -10 % 3.0)
print("abs 与 -:", abs(-2.5), abs(2.5), -(-2.5), abs(-1e-10))
print("divmod 浮点:", divmod(7, 2.5), divmod(-7, 2.5), divmod(7.25, -0.5), divmod(1e10, 7))
inf = float("inf")
nan = float("nan")
print("inf:", inf, -inf, inf + 1, inf - inf, inf * 0, 1 / inf, -1 / inf, inf > 1e308, -inf < -1e308)
print("nan:", nan, nan == nan, nan != nan, nan < 1, nan > 1, [nan] == [nan], nan is nan)
print("inf 整除:", 5.0 // inf, -5.0 // inf, 5.0 % inf, -5.0 % inf)
t = 0.0
for i in range(10):
    t += 0.1
print("累加 0.1 十次:", t, t == 1.0, round(t, 10), sum([0.1] * 10))
x = 1.0
for i in range(5):
    x /= 3
print("连续除 3:", x, x * 243)
print("is_integer:", (3.0).is_integer(), (3.5).is_integer(), (-0.0).is_integer())
