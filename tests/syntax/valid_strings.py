a = "double" 'single' """triple
quoted""" '''also
triple'''
b = r"raw \n" R'raw' u"unicode" U'unicode'
c = "escapes: \n \t \\ \' \" \a \b \f \v \r \0 \x41 \101 \u00e9 \U0001F600 \
continued"
d = "invalid escape kept: \d \q"
e = f"plain {x} and {y!r} and {z:>8} and {w:.2f} and {v!s:^10}"
f = f"nested quotes {d["key"]} and {d['key']}"
g = f"nested spec {x:{width}.{precision}f}"
h = f"debug {x=} {x = } {x=!r} {x=:>5}"
i = f"braces {{literal}} and {{{x}}}"
j = rf"raw {x} \n" fr'{x}\t' Rf"{x}" fR"{x}" F"{x}" RF"{x}"
k = "plain " f"f-string {x} " "plain again"
l = f"""triple {x}
line two {y!a}"""
m = f"{x:{'>' if right else '<'}10}"
n = f"{'a' 'b'}"
o = f"{f'{x}'}"
p = f"{x:}"
q = f"{x, y}"
r = f"{3.14:.1f}" "" f""
s = "中文字符串"
t = f"{名字} 你好"
v = '\''
w = "a\
b"
x = f"{x:%H:%M}"
y = f"{'\n'.join(lines)}"
z = f"{x!r:{w}}"
aa = f"{x:a
{w}}"
bb = f"{x:
{w}
}"
cc = f"{x:
}"
