# 调用程序自己定义的函数时传错参数：CPython 依次检查关键字、多余的位置参数、缺少的参数，第一个错误的原话
# Calling the program's own functions wrongly: CPython checks every keyword in turn, then too many
# positional arguments, then the missing positional ones, then the missing keyword-only ones.


def one(a):
    return a


def two(a, b=2):
    return a, b


def kw(a, *, k):
    return a, k


def mixed(a, b=1, *, k=2, m):
    return a, b, k, m


def posonly(a, b, /, c):
    return a, b, c


def posonly_kw(a, /, **rest):
    return a, rest


def star(a, *args, k):
    return a, args, k


def four(a, b, c, d):
    return a, b, c, d


def spell(value, *, label=None):
    return value, label


class Account:
    def __init__(self, owner, balance=0):
        self.owner = owner
        self.balance = balance

    def deposit(self, amount):
        self.balance += amount
        return self.balance


def outer():
    def inner(x, y):
        return x + y

    return inner


async def fetch(url, *, timeout):
    return url


def count_up(n):
    yield n


calls = [
    # 多余的位置参数 / too many positional arguments
    ("one(1, 2)", lambda: one(1, 2)),
    ("one(1, 2, 3)", lambda: one(1, 2, 3)),
    ("two(1, 2, 3)", lambda: two(1, 2, 3)),
    ("kw(1, 2)", lambda: kw(1, 2)),
    ("kw(1, 2, k=3)", lambda: kw(1, 2, k=3)),
    ("mixed(1, 2, 3, k=4, m=5)", lambda: mixed(1, 2, 3, k=4, m=5)),
    ("mixed(1, 2, 3, m=5)", lambda: mixed(1, 2, 3, m=5)),
    ("(lambda: 0)(1)", lambda: (lambda: 0)(1)),
    ("(lambda x=1: x)(1, 2)", lambda: (lambda x=1: x)(1, 2)),
    # 关键字先于位置参数的个数 / keywords come before the positional count
    ("one(1, 2, b=3)", lambda: one(1, 2, b=3)),
    ("one(1, 2, a=3)", lambda: one(1, 2, a=3)),
    ("two(1, 2, 3, b=4)", lambda: two(1, 2, 3, b=4)),
    ("two(1, 2, 3, c=4)", lambda: two(1, 2, 3, c=4)),
    ("kw(1, 2, z=3)", lambda: kw(1, 2, z=3)),
    ("posonly(1, 2, 3, 4, a=5)", lambda: posonly(1, 2, 3, 4, a=5)),
    # 关键字按顺序检查 / keywords are checked in the order given
    ("one(1, a=2, b=3)", lambda: one(1, a=2, b=3)),
    ("one(1, b=3, a=2)", lambda: one(1, b=3, a=2)),
    ("one(b=1)", lambda: one(b=1)),
    ("one(a=1, b=2)", lambda: one(a=1, b=2)),
    ("kw(1, k=2, z=3)", lambda: kw(1, k=2, z=3)),
    ("kw(1, a=2, k=3)", lambda: kw(1, a=2, k=3)),
    # 建议的拼写 / suggested spellings
    ("spell(valeu=1)", lambda: spell(valeu=1)),
    ("spell(1, lable=2)", lambda: spell(1, lable=2)),
    ("kw(1, kk=2)", lambda: kw(1, kk=2)),
    # 仅限位置的参数 / positional-only parameters
    ("posonly(a=1, b=2, c=3)", lambda: posonly(a=1, b=2, c=3)),
    ("posonly(b=1, a=2, c=3)", lambda: posonly(b=1, a=2, c=3)),
    ("posonly(1, b=2, c=3)", lambda: posonly(1, b=2, c=3)),
    ("posonly(1, 2, c=3, d=4)", lambda: posonly(1, 2, c=3, d=4)),
    ("posonly(1, 2, 3, c=4)", lambda: posonly(1, 2, 3, c=4)),
    ("posonly(1, 2, c=3, a=4)", lambda: posonly(1, 2, c=3, a=4)),
    ("posonly(1, 2, 3, c=4, a=5)", lambda: posonly(1, 2, 3, c=4, a=5)),
    ("posonly(1, x=2, a=3)", lambda: posonly(1, x=2, a=3)),
    ("posonly(1, c=3)", lambda: posonly(1, c=3)),
    ("posonly_kw(1, a=2)", lambda: posonly_kw(1, a=2)),
    ("posonly_kw(a=1)", lambda: posonly_kw(a=1)),
    # 缺少的参数 / missing arguments
    ("one()", lambda: one()),
    ("two()", lambda: two()),
    ("two(b=1)", lambda: two(b=1)),
    ("four()", lambda: four()),
    ("four(1)", lambda: four(1)),
    ("four(1, 2)", lambda: four(1, 2)),
    ("four(1, c=3)", lambda: four(1, c=3)),
    ("four(d=4)", lambda: four(d=4)),
    ("kw(1)", lambda: kw(1)),
    ("kw()", lambda: kw()),
    ("kw(k=1)", lambda: kw(k=1)),
    ("mixed()", lambda: mixed()),
    ("mixed(1)", lambda: mixed(1)),
    ("mixed(1, 2, k=3)", lambda: mixed(1, 2, k=3)),
    ("star()", lambda: star()),
    ("star(1, 2, 3)", lambda: star(1, 2, 3)),
    ("star(1, 2, a=3)", lambda: star(1, 2, a=3)),
    ("star(1, 2, k=3)", lambda: star(1, 2, k=3)),
    # 解包的参数 / unpacked arguments
    ("one(*[1, 2])", lambda: one(*[1, 2])),
    ("one(**{'a': 1, 'b': 2})", lambda: one(**{"a": 1, "b": 2})),
    ("one(*[1, 2], **{'a': 3})", lambda: one(*[1, 2], **{"a": 3})),
    ("two(*(1,), **{'b': 2, 'c': 3})", lambda: two(*(1,), **{"b": 2, "c": 3})),
    # 方法与类 / methods and classes
    ("Account()", lambda: Account()),
    ("Account('ann', 1, 2)", lambda: Account("ann", 1, 2)),
    ("Account('ann', owner='bob')", lambda: Account("ann", owner="bob")),
    ("Account('ann', self=1)", lambda: Account("ann", self=1)),
    ("Account('ann').deposit()", lambda: Account("ann").deposit()),
    ("Account('ann').deposit(1, 2)", lambda: Account("ann").deposit(1, 2)),
    ("Account('ann').deposit(1, 2, amount=3)", lambda: Account("ann").deposit(1, 2, amount=3)),
    ("Account('ann').deposit(1, self=2)", lambda: Account("ann").deposit(1, self=2)),
    ("Account.deposit(amount=1)", lambda: Account.deposit(amount=1)),
    ("Account.deposit()", lambda: Account.deposit()),
    # 嵌套函数、协程函数、生成器函数 / nested, async and generator functions
    ("outer()(1)", lambda: outer()(1)),
    ("outer()(1, 2, 3)", lambda: outer()(1, 2, 3)),
    ("outer()(1, z=2)", lambda: outer()(1, z=2)),
    ("fetch('u')", lambda: fetch("u")),
    ("fetch('u', 1)", lambda: fetch("u", 1)),
    ("fetch('u', 1, timeout=2)", lambda: fetch("u", 1, timeout=2)),
    ("count_up()", lambda: count_up()),
    ("count_up(1, n=2)", lambda: count_up(1, n=2)),
]

for text, call in calls:
    try:
        result = call()
        print(text, "->", type(result).__name__)
        if type(result).__name__ == "coroutine":
            result.close()
    except TypeError as e:
        print(text, "->", type(e).__name__, e)

# 正确的调用 / calls that bind
print(one(a=1), two(1), two(b=3, a=4), kw(1, k=2), mixed(1, m=2), mixed(1, 2, m=3, k=4))
print(posonly(1, 2, c=3), posonly_kw(1, a=2, b=3), star(1, 2, 3, k=4), spell(value=5, label="x"))
