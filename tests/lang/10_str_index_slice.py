# 字符串按码位索引与切片（含中文），负步长，越界，in，拼接，重复，比较
s = "任务 A"
print(len(s), len("协程"), len(""), len("a\nb"), len("🙂"), len("é"))
print(s[0], s[1], s[-1], s[-2] == " ", repr(s[2]))
print(s[::-1], "异步编程"[::-1], "abcdef"[::2], "abcdef"[1::2], "abcdef"[::-2], "abcdef"[-2::-2])
t = "0123456789"
print(t[2:5], t[:3], t[7:], t[-3:], t[:-3], t[-5:-2], t[5:2], t[5:2:-1], t[100:], t[-100:3], t[3:100])
print(t[::3], t[8:1:-3], t[::-1][:3], t[1:-1:4], t[-1:-11:-1], t[:], t[::1])
print("码位遍历:", [c for c in "你好!"], list("中a文"))
try:
    print(s[10])
except IndexError as e:
    print("IndexError:", e)
try:
    s[0] = "x"
except TypeError as e:
    print("TypeError:", e)
print("in:", "任务" in s, "B" in s, "" in s, "务 " in s, "A" not in s)
print("拼接:", "异步" + "编程", "ab" * 3, 3 * "中", "x" * 0, "y" * -2, repr("" * 5), "-" * 10)
print("比较:", "a" < "b", "abc" < "abd", "B" < "a", "任务" == "任务", "任务 A" != "任务 B", "apple" > "app")
print("ord/chr:", ord("A"), ord("中"), chr(20013), chr(97), ord("\n"), [ord(c) for c in "任务"])
print("max/min/sorted 字符:", max("hello"), min("hello"), sorted("异步io"), "".join(sorted("banana")))
w = "协程是一种用户态的轻量级线程"
print(w[:2], w[2:3], w[-4:], w[::3], len(w))
print("字符串不可变，切片是新串:", w[:] == w, w[3:3] == "", type(w[0]).__name__)
for i, ch in enumerate("中文ab"):
    print(i, ch, end=" | ")
print()
words = "事件循环 任务 协程 未来对象".split()
print(words, [len(x) for x in words], max(words, key=len))
