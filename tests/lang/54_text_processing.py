# 文本处理小程序：中文词频统计、稳定的并列排序、对齐输出、字符分类
text = """异步编程 让 程序 在 等待 时 做 别的 事
事件循环 调度 任务 任务 等待 未来对象
协程 是 异步编程 的 基础 协程 可以 等待 协程"""
words = text.split()
freq = {}
for w in words:
    freq[w] = freq.get(w, 0) + 1
top = sorted(freq.items(), key=lambda kv: kv[1], reverse=True)[:6]
print("总词数:", len(words), "不同词:", len(freq))
for rank, (w, n) in enumerate(top, 1):
    print(f"{rank:>2}. {w:<6} {'#' * n} {n}")
lines = text.splitlines()
print("行数:", len(lines), "每行词数:", [len(l.split()) for l in lines], "最长行:", max(lines, key=len)[:4] + "…")
chars = [c for c in text if not c.isspace()]
print("字符数(不含空白):", len(chars), "唯一字符:", len(set(chars)))
first_pos = {}
for i, c in enumerate(chars):
    first_pos.setdefault(c, i)
common = sorted(set(chars), key=lambda c: (-chars.count(c), first_pos[c]))[:5]
print("最常见的字:", [(c, chars.count(c)) for c in common])
s = "Hello, 世界! 123 abc_DEF"
cats = {"字母": 0, "数字": 0, "空白": 0, "其他": 0}
for c in s:
    if c.isalpha():
        cats["字母"] += 1
    elif c.isdigit():
        cats["数字"] += 1
    elif c.isspace():
        cats["空白"] += 1
    else:
        cats["其他"] += 1
print("字符分类:", cats)
def caesar(msg, k):
    out = []
    for c in msg:
        if "a" <= c <= "z":
            out.append(chr((ord(c) - ord("a") + k) % 26 + ord("a")))
        elif "A" <= c <= "Z":
            out.append(chr((ord(c) - ord("A") + k) % 26 + ord("A")))
        else:
            out.append(c)
    return "".join(out)
enc = caesar("Hello, Async World! 你好", 3)
print("凯撒密码:", enc, "| 解密:", caesar(enc, -3))
print("回文检查:", [w for w in ["上海自来水来自海上", "level", "async", "abba", "中文"] if w == w[::-1]])
table = [("名称", "数量"), ("协程", 12), ("任务", 7), ("事件循环", 1)]
width = max(len(str(r[0])) for r in table)
for name, n in table:
    print(f"| {name:<{width}} | {n!s:>4} |")
acronym = "".join(w[0].upper() for w in "global interpreter lock".split())
print("缩写:", acronym, "驼峰:", "".join(w.capitalize() for w in "event_loop_policy".split("_")), "蛇形:", "_".join(["Task", "Group"]).lower())
