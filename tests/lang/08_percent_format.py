# % 格式化：%s %r %d %i %f %5.2f %-5s %05d %x %X %o %e %g %c %%，元组与字典参数，错误信息
name, n, price = "小明", 7, 3.14159
print("%s 有 %d 个苹果" % (name, n))
print("单个参数: %s" % name, "%d" % 42, "%r" % "引号", "%s" % [1, 2], "%s" % (None,))
print("[%5.2f] [%-8.3f] [%8.1f] [%.0f] [%f] [%+.1f] [% d]" % (price, price, -price, 2.5, price, price, 5))
print("[%5s] [%-5s] [%.2s] [%5.1s] [%-6r]" % ("ab", "cd", "xyz", "xyz", "q"))
print("[%05d] [%-5d] [%5d] [%+d] [%x] [%X] [%#x] [%o] [%#o] [%08.3f]" % (42, 42, -42, 42, 255, 255, 255, 8, 8, -price))
print("[%e] [%.2E] [%g] [%G] [%g] [%g] [%c] [%c]" % (12345.678, 0.000123, 0.00001, 1e20, 100.0, 123456789.0, "中", 65))
print("百分号: %d%% 完成, 100%%" % 50)
print("%d %i %u" % (3.99, -3.7, 7))
print("%(name)s 的余额是 %(bal).2f 元, 再说一次 %(name)r" % {"name": "小红", "bal": 1234.5})
print("%s" % ((1, 2),), "%s %s" % (1, (2, 3)), "%s" % {"k": "v"})
print("%*d|%-*d|%.*f" % (5, 1, 4, 2, 2, 3.14159))
print("%s %s" % (True, 1.0), "%d" % True, "%.3s" % 3.14159, "%r %r" % (1.0, "x\n"))
print("无参数时百分号原样:", "100%" , "a %% b" % ())
errors = [
    ("%d", "abc"),
    ("%d %d", (1,)),
    ("%d", (1, 2)),
    ("%s %s", "ab"),
    ("%f", "x"),
    ("%(k)s", (1,)),
    ("%(k)s", {"j": 1}),
    ("%z", 1),
    ("%c", "ab"),
    ("abc", 5),
]
for fmt, arg in errors:
    try:
        print(repr(fmt % arg))
    except (TypeError, ValueError, KeyError) as e:
        print(f"{fmt!r} % {arg!r} -> {type(e).__name__}: {e}")
