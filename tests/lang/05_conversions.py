# 类型转换：int()/float()/str()/bool() 及其错误信息
print("int:", int("42"), int("-17"), int("  8  "), int("+5"), int("1_000"), int(3.99), int(-3.99), int(True), int("0"), int())
print("int base:", int("ff", 16), int("0x1F", 16), int("101", 2), int("z", 36), int("0o17", 8), int("0b11", 0), int("077", 8))
print("float:", float("3.5"), float(3), float("-1e3"), float(" 2 "), float(False), float())
print("str:", str(42), str(-0.5), str(None), str(True), str([1, "a"]), str((1,)), str(""), str())
print("bool:", bool(0), bool(1), bool(-1), bool(0.0), bool(""), bool(" "), bool([]), bool([0]), bool({}), bool(None), bool())
print("list/tuple/set/dict:", list("abc"), tuple([1, 2]), list((3, 4)), sorted(set([3, 1, 3])), dict([("a", 1), ("b", 2)]), dict(x=1, y=2))
print("dict 来自 zip:", dict(zip("abc", range(3))), list(range(5)), tuple(range(2, 10, 3)), list(range(10, 0, -4)))
bad = ["abc", "", "3.5", "1e5", "12a", " ", "0x10"]
for s in bad:
    try:
        print(repr(s), "->", int(s))
    except ValueError as e:
        print(repr(s), "-> ValueError:", e)
for s in ["abc", "", "1,5", "--1", "1e", "nan", "inf", "1_0"]:
    try:
        print(repr(s), "->", float(s))
    except ValueError as e:
        print(repr(s), "-> ValueError:", e)
for v in [None, [1], "5"]:
    try:
        print(int(v) if not isinstance(v, str) else int(v, 2))
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
for v in [float("inf"), float("nan")]:
    try:
        print(int(v))
    except (OverflowError, ValueError) as e:
        print(type(e).__name__ + ":", e)
try:
    float(None)
except TypeError as e:
    print("TypeError:", e)
try:
    int("9", 8)
except ValueError as e:
    print("ValueError:", e)
print("数字字符串拼接:", str(1) + str(2), int("1" + "2") + 1, float("1" + ".5") * 2)
print("中文数字不是 int:", "一二三".isdigit(), "123".isdigit(), "１２３".isdigit())
