# print(file=...) 逐段调用 write（每个对象、每个分隔符、结尾），flush=True 时调用 flush()；
# 换掉 sys.stdout 之后 print 写到新的对象
# print to a file object: one write() call a piece (each object's str, each
# separator, the end), the method looked up before the object is converted,
# and file.flush() when flush is true; print() without file= writes to
# whatever the program has put in sys.stdout.
import sys


class Log:
    def __init__(self, name):
        self.name = name

    def write(self, s):
        print(self.name, "write", repr(s))
        return len(s)

    def flush(self):
        print(self.name, "flush")


class Shout:
    def __str__(self):
        print("  str(Shout)")
        return "SHOUT"


class Truthy:
    def __bool__(self):
        print("  bool(Truthy)")
        return True


class Bad:
    def __str__(self):
        raise ValueError("no str")


class NoFlush:
    def write(self, s):
        print("nf write", repr(s))


print(1, Shout(), 2.5, sep="--", end="!\n", file=Log("a"))
print(file=Log("b"))
print("x", "y", file=Log("c"), flush=True)
print("x", file=Log("d"), flush=0)
print("x", file=Log("e"), flush=Truthy())
print("x", flush=True)
print("y", file=sys.stdout, flush=True)
print("z", file=None, flush=True)
for text, call in [
    ("no flush method", lambda: print(1, file=NoFlush(), flush=True)),
    ("no write method", lambda: print(1, file=object())),
    ("str fails after a write", lambda: print(1, Bad(), file=Log("f"))),
    ("write looked up first", lambda: print(Bad(), file=3)),
    ("bad sep before writing", lambda: print(1, 2, sep=3, file=Log("g"))),
]:
    try:
        call()
    except Exception as e:
        print(text, "->", type(e).__name__, e)



class Record:
    def __init__(self):
        self.parts = []

    def write(self, s):
        self.parts.append(s)

    def flush(self):
        self.parts.append("<flush>")


saved = sys.stdout
record = Record()
sys.stdout = record
print("to the record", 7, flush=True)
sys.stdout = None
print("nowhere")
sys.stdout = saved
print("back", record.parts)
