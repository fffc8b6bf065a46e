# 模糊测试发现：repr 对不可打印（未分配）的 Unicode 字符应转义成 \uXXXX
print(repr(chr(0x378)), repr(chr(0xd7ff)), repr("a\u0378b"))
