# 查找与替换：find/rfind/index/rindex/count（含 start/end）、startswith/endswith（含元组）、replace（含 count）
s = "abracadabra 协程 abra"
print("find:", s.find("abra"), s.find("abra", 1), s.find("abra", 1, 10), s.find("zz"), s.find(""), s.find("", 100), s.find("协程"), s.find("a", -4))
print("rfind:", s.rfind("abra"), s.rfind("abra", 0, 15), s.rfind("a", 0, 3), s.rfind("zz"), s.rfind(""))
print("index:", s.index("cad"), s.rindex("a"), s.index("a", 5), s.index("abra", -4))
for call in [lambda: s.index("zz"), lambda: s.rindex("zz"), lambda: s.index("a", 100)]:
    try:
        call()
    except ValueError as e:
        print("ValueError:", e)
print("count:", s.count("a"), s.count("abra"), s.count("a", 5), s.count("a", 5, 10), s.count(""), "aaaa".count("aa"), "".count(""), s.count("协"))
print("startswith:", s.startswith("abra"), s.startswith("cad", 4), s.startswith(("x", "ab")), s.startswith(()), s.startswith(""), s.startswith("abra", 7, 9))
print("endswith:", s.endswith("abra"), s.endswith(("协程", "bra")), s.endswith("协程", 0, 14), s.endswith("a", 0, 1), "file.PY".lower().endswith((".py", ".txt")))
try:
    s.startswith(["ab"])
except TypeError as e:
    print("TypeError:", e)
print("replace:", s.replace("abra", "ABRA"), "|", s.replace("a", "", 3), "|", s.replace("a", "-", 0), "|", "aaa".replace("a", "aa"), "|", "abc".replace("", "-"), "|", "abc".replace("", "-", 2))
print("replace 负 count:", "xxx".replace("x", "y", -1), "无匹配".replace("z", "q"), "中中中".replace("中", "国", 2))
msg = "任务 A 完成; 任务 B 失败; 任务 C 完成"
print(msg.count("完成"), msg.find("失败"), msg[msg.find("任务 B"):msg.find(";", msg.find("任务 B"))], msg.replace("完成", "done").split("; "))
pos = []
i = msg.find("任务")
while i != -1:
    pos.append(i)
    i = msg.find("任务", i + 1)
print("所有位置:", pos)
print("in 与 find 一致:", ("失败" in msg) == (msg.find("失败") >= 0))
