# 字符串 repr：引号选择、转义、换行、制表、中文、反斜杠、控制字符
cases = ["plain", "it's", 'say "hi"', "both ' and \"", "a\nb", "tab\there", "back\\slash", "中文",
         "", "\r\n", "\x00\x07\x1b", "\x7f", "é", "🙂", "\u200b", "'", '"', "\\n", "日本語 'quote'", "a\u3000b"]
for c in cases:
    print(repr(c), len(c))
print([c for c in cases[:5]])
print(("元组", "tuple"), {"键": "值", "k'": 'v"'}, {"a\nb": ["\t"]})
print("str 与 repr:", str("x\ny"), "|", repr("x\ny"))
print("原始字符串:", r"C:\new\table", repr(r"\d+"), len(r"\n"))
print("三引号:", """多
行""", repr('''a
b'''))
print("隐式拼接:", "abc" "def", ("一" "二"
                                 "三"))
print("转义:", "A\tB", "\u4e2d\u6587", "\x41", "\101", "a\
b")
print(repr("%s" % "x'y"), repr(f"{'q'}"), repr(str(["'"])))
