# rb 前缀的 bytes
x = 1
pattern = rb"\d+"
