# f-string 格式说明符大全
pi = 3.14159265
n = 1234567
name = "任务"
w, p = 10, 3
print(f"[{pi:.2f}] [{pi:.0f}] [{pi:10.3f}] [{pi:<10.3f}] [{pi:^10.3f}] [{-pi:+.2f}] [{pi:+.2f}] [{pi: .2f}]")
print(f"[{name:>8}] [{name:<8}] [{name:^6}] [{name:*^8}] [{name:-<6}] [{'ab':^5}] [{'ab':^6}]")
print(f"[{42:05d}] [{-42:05d}] [{42:5d}] [{42:<5d}] [{42:^5}] [{42:+d}] [{-42:=6d}] [{42:x>6}]")
print(f"[{n:,}] [{n:_}] [{-n:,}] [{1234.5678:,.2f}] [{n:_x}] [{0.5:,}] [{1000000.0:,}]")
print(f"[{0.256:%}] [{0.256:.1%}] [{1:.0%}] [{-0.0125:.2%}]")
print(f"[{pi:e}] [{pi:.2e}] [{n:e}] [{0.000123:E}] [{0.0:e}] [{-1e100:.3e}]")
print(f"[{pi:g}] [{n:g}] [{0.0001:g}] [{0.00001:g}] [{1e16:g}] [{123456789.0:.3g}] [{100.0:g}] [{0.5:.0g}] [{2.5:g}] [{1e-5:.2g}]")
print(f"[{255:x}] [{255:X}] [{255:o}] [{5:b}] [{255:#x}] [{255:#o}] [{5:#b}] [{255:08b}] [{255:#010x}] [{-255:x}] [{-5:#b}]")
print(f"[{name!r}] [{name!s}] [{'a\tb'!r}] [{[1, 'x']!s}] [{name!r:>8}]")
print(f"[{pi:{w}.{p}f}] [{name:>{w}}] [{pi:.{p}}] [{n:{'>'}{w}}]")
x, y = 3, 7.5
print(f"{x=} {y=} {x + y=} {name=} {pi=:.2f} {x * 2 = }")
print(f"[{3.0}] [{3.0:.3}] [{3.0:}] [{1e16}] [{1e16:f}] [{123.456:.5}] [{0.1 + 0.2:.17f}] [{2.5:.0f}] [{3.5:.0f}]")
print(f"[{True}] [{True:d}] [{None}] [{None!r}] [{[1, 2]}] [{(1,)}] [{ {'k': 1} }]")
print(f"[{12:n}] [{1.5:n}] [{12.0:}] [{12:f}] [{12:.2f}] [{-0.0:.1f}] [{-0.001:.2f}] [{float('inf'):.2f}] [{float('nan'):5}]")
print(f"{{转义大括号}} {{{x}}} {'引号' + name}")
items = [("苹果", 3, 4.5), ("香蕉", 12, 0.25), ("西瓜", 1, 18.0)]
print(f"{'名称':<6}{'数量':>6}{'单价':>8}")
for nm, q, pr in items:
    print(f"{nm:<6}{q:>6d}{pr:>8.2f}")
print(f"{'total':>12}: {sum(q * pr for _, q, pr in items):.2f}")
print(f"多个 {'a'}{'b'}" f" 拼接 {1 + 1}")
width = 6
for i in range(1, 4):
    print(f"{i:>{width}}|{i * i:<{width}}|{i ** 3:^{width}}|")
try:
    print(f"{pi:d}")
except ValueError as e:
    print("ValueError:", e)
try:
    print(f"{'s':d}")
except ValueError as e:
    print("ValueError:", e)
try:
    print(f"{42:s}")
except ValueError as e:
    print("ValueError:", e)
