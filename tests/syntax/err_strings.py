x = "abc
y = 'abc
z = "\x4"
w = "\U00110000"
v = "\N"
u = "\u12"
t = 1
s = """never
closed
