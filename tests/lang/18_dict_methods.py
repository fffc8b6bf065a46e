# 字典：插入顺序、get/items/keys/values/setdefault/update/pop/popitem/fromkeys/copy/clear、视图、KeyError
scores = {"小明": 90, "小红": 85}
scores["小刚"] = 77
scores["小明"] = 95
print(scores, len(scores), list(scores), "小红" in scores, 85 in scores)
print("get:", scores.get("小明"), scores.get("无"), scores.get("无", 0), scores.get("无", []))
print("keys/values/items:", scores.keys(), scores.values(), scores.items())
print("list 化:", list(scores.keys()), list(scores.values()), list(scores.items()))
print("setdefault:", scores.setdefault("小丽", 60), scores.setdefault("小明", 0), scores)
groups = {}
for word in ["apple", "avocado", "banana", "blueberry", "cherry", "apricot"]:
    groups.setdefault(word[0], []).append(word)
print("分组:", groups)
scores.update({"小红": 88, "新人": 50})
scores.update([("元组", 1)])
scores.update(甲=1, 乙=2)
print("update:", scores)
print("pop:", scores.pop("元组"), scores.pop("不存在", "默认"), scores.popitem(), scores.popitem(), scores)
print("fromkeys:", dict.fromkeys(["a", "b", "c"]), dict.fromkeys("xy", 0), dict.fromkeys(range(3), "v"))
shared = dict.fromkeys(["p", "q"], [])
shared["p"].append(1)
print("fromkeys 共享可变值:", shared)
c = scores.copy()
c["小明"] = 0
print("copy:", scores["小明"], c["小明"])
del c["小明"]
print("del:", c)
c.clear()
print("clear:", c, bool(c))
d = {"b": 1, "a": 2}
del d["b"]
d["b"] = 3
print("删除后重新插入到末尾:", d)
d["a"] = 9
print("修改值不改变顺序:", d)
print("计数:", end=" ")
counts = {}
for ch in "mississippi":
    counts[ch] = counts.get(ch, 0) + 1
print(counts, max(counts, key=counts.get), sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
print("dict 构造:", dict(a=1, b=2), dict([(1, 2), (3, 4)]), dict({"x": 1}, y=2), dict(zip(["k1", "k2"], [1, 2])), {})
print("合并 | 与 |=:", {"a": 1, "b": 2} | {"b": 3, "c": 4})
m = {"a": 1}
m |= {"z": 26}
print(m)
print("键类型:", {1: "int", 1.0: "float 覆盖同值键", True: "True 也是", "1": "str"})
print("嵌套:", {"user": {"name": "李", "tags": ["a", "b"]}, "n": None})
for k, v in {"一": 1, "二": 2}.items():
    print(k, v, end="; ")
print()
for bad in ["无此人", ("t",), 0]:
    try:
        print(scores[bad])
    except KeyError as e:
        print("KeyError:", e, repr(e), e.args)
try:
    {}.popitem()
except KeyError as e:
    print("KeyError:", e)
try:
    {}.pop("x")
except KeyError as e:
    print("KeyError:", e)
try:
    for k in d:
        d["new" + k] = 1
except RuntimeError as e:
    print("RuntimeError:", e)
print("视图是动态的:", end=" ")
dd = {"x": 1}
ks = dd.keys()
dd["y"] = 2
print(ks, len(ks), "y" in ks)
print("比较:", {"a": 1} == {"a": 1.0}, {1: 2} != {1: 3})
