# bytes 字面量
data = b"hello"
