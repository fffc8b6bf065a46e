# 大小写、填充、去空白：upper/lower/title/capitalize/swapcase/casefold、center/ljust/rjust/zfill、strip 家族
s = "hello wORLD, it's 2024 asyncio-loop"
print(s.upper(), "|", s.lower(), "|", s.title(), "|", s.capitalize(), "|", s.swapcase())
print("中文不变:", "你好abc".upper(), "ÄÖü".lower(), "ß".upper(), "straße".casefold(), "hello world".title(), "o'neil mc-do 3rd".title())
print("capitalize:", "aBC DEF".capitalize(), "123abc".capitalize(), "".capitalize(), "中文a".capitalize())
print(f"[{'ab'.center(6)}] [{'ab'.center(7)}] [{'abc'.center(6)}] [{'ab'.center(7, '*')}] [{'ab'.center(1)}] [{'中'.center(5, '=')}]")
print(f"[{'ab'.ljust(5)}] [{'ab'.rjust(5)}] [{'ab'.ljust(5, '.')}] [{'ab'.rjust(5, '0')}] [{'abcdef'.ljust(3)}]")
print(f"[{'42'.zfill(5)}] [{'-42'.zfill(5)}] [{'+42'.zfill(5)}] [{'abc'.zfill(5)}] [{'12345'.zfill(3)}] [{''.zfill(2)}] [{'-'.zfill(3)}]")
t = "  \t 协程 \n "
print(repr(t.strip()), repr(t.lstrip()), repr(t.rstrip()), repr("xxhixyx".strip("xy")), repr("www.example.com".lstrip("w.")), repr("data.txt.txt".rstrip(".txt")))
print(repr("  ".strip()), repr("abc".strip("")), repr("aaa".strip("a")), repr("**标题**".strip("*")), repr("0012300".strip("0")))
print("removeprefix/suffix:", "TaskGroup".removeprefix("Task"), "test_x.py".removesuffix(".py"), "abc".removeprefix("x"))
print("is 系列:")
samples = ["123", "12.5", "abc", "abc123", "ABC", "Abc", "   ", "", "中文", "Hello World", "½", "²", "\t\n", "a b", "Ab Cd"]
for x in samples:
    flags = [x.isdigit(), x.isdecimal(), x.isnumeric(), x.isalpha(), x.isalnum(), x.isspace(), x.isupper(), x.islower(), x.istitle()]
    print(f"  {x!r:>14}:", "".join("T" if f else "." for f in flags))
print("isidentifier:", "task_1".isidentifier(), "1task".isidentifier(), "任务".isidentifier(), "a-b".isidentifier())
print("expandtabs:", repr("a\tb\tc".expandtabs(4)), repr("12345\t6".expandtabs(4)))
