# split / rsplit / splitlines / partition / rpartition / join
s = "  苹果, 香蕉,,西瓜 ,  "
print(s.split(","), s.split(", "), s.split(",", 1), s.split(",", maxsplit=2), s.split(",", -1), s.split(",", 0))
print(s.split(), "a  b\t c\n d".split(), "".split(), "   ".split(), "".split(","), "x".split(","))
print("a b c d".split(None, 2), "a b c d".rsplit(None, 2), "a,b,c,d".rsplit(",", 1), "a,b,c".rsplit(","), "  a b  ".rsplit(maxsplit=1))
print("1::2::3".split("::"), "aaa".split("a"), "abcabc".split("bc"), "k=v=w".split("=", 1), "k=v=w".rsplit("=", 1))
try:
    "a b".split("")
except ValueError as e:
    print("ValueError:", e)
text = "第一行\n第二行\r\n第三行\r\n\n最后"
print(text.splitlines(), text.splitlines(True), "".splitlines(), "a\n".splitlines(), "a\n\nb\n".split("\n"))
print("partition:", "key=value=x".partition("="), "novalue".partition("="), "a-b-c".rpartition("-"), "abc".rpartition("-"))
print("join:", ", ".join(["a", "b", "c"]), "".join(["x", "y"]), "-".join("abc"), " ".join([]), "+".join(("只有一个",)), "、".join({"k1": 1, "k2": 2}))
print("join 生成器:", "|".join(str(i * i) for i in range(5)), "".join(reversed("abc")), ",".join(map(str, [1.5, 2, None])))
for bad in [[1, 2], ["a", 3], ["a", None]]:
    try:
        print("-".join(bad))
    except TypeError as e:
        print("TypeError:", e)
try:
    print(", ".join(5))
except TypeError as e:
    print("TypeError:", e)
line = "name: 小王 ; age: 21 ; city: 北京"
record = {}
for part in line.split(";"):
    k, v = part.split(":")
    record[k.strip()] = v.strip()
print(record)
csv = "id,名称,价格\n1,笔,2.5\n2,本子,6.0\n"
rows = [r.split(",") for r in csv.strip().split("\n")]
header, data = rows[0], rows[1:]
print(header, data, sum(float(r[2]) for r in data))
