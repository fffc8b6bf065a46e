# 真值测试与 bool/None：各种值的真假、bool() 结果参与运算、is/== 与 None、短路返回值
values = [0, 1, -1, 0.0, -0.0, 0.1, "", " ", "0", "False", [], [0], [[]], (), (None,), {}, {0: 0}, set(), {0}, None, True, False, range(0), range(1)]
for v in values:
    print(f"{v!r:>10} -> {bool(v)!s:5} {'真' if v else '假'}")
print("bool 是 int 子类:", isinstance(True, int), True + 1, sum([True, False, True]), ["a", "b"][True], True == 1, (True is True) == 1)
print("bool 的 repr/str:", repr(True), str(False), f"{True}", f"{True!r}", "%s %d" % (True, True), int(False))
print("not 的结果总是 bool:", not 5, not "", type(not 5).__name__)
print("and/or 结果不是 bool:", 5 and "x", 0 or [], type(1 and 2).__name__)
def maybe(x):
    return None if x < 0 else x
for x in [-1, 0, 3]:
    r = maybe(x)
    print(f"maybe({x}) = {r!r}: is None={r is None}, 假值={not r}, == None: {r == None}")
class Always:
    def __bool__(self):
        return False
class WithLen:
    def __len__(self):
        return 0
class Plain:
    pass
print("自定义真值:", bool(Always()), bool(WithLen()), bool(Plain()), "空" if not WithLen() else "非空")
class BadBool:
    def __bool__(self):
        return 1
try:
    bool(BadBool())
except TypeError as e:
    print("TypeError:", e)
print("None 的比较:", None == None, None is None, None != 0, None == False, [None] == [None])
print("max/min 布尔:", max(True, False), min([True, 2, 0.5]))
x = [] or {} or "默认值"
print("or 取默认:", x)
name = ""
print("空名字:", name or "匿名")
data = None
print("安全访问:", data and data["k"], (data or {}).get("k", "无"))
flags = [True, False, True]
print("计数:", flags.count(True), sum(flags), len([f for f in flags if f]))
