# round、pow、issubclass、iter、vars、reversed 的检查顺序与原话
# The order of checks, and CPython's words, of round (the number's __round__
# first), three-argument pow (which operand's slot answers), issubclass
# (its first argument first), iter, vars and reversed.
class Money:
    def __init__(self, cents):
        self.cents = cents

    def __round__(self, ndigits=None):
        return f"round({self.cents}, {ndigits!r})"

    def __pow__(self, exp, mod=None):
        return f"pow({self.cents}, {exp!r}, {mod!r})"


class Shy:
    def __pow__(self, exp, mod=None):
        return NotImplemented


calls = [
    ("round(int, int)", lambda: round(int, int)),
    ("round('a', 1.5)", lambda: round("a", 1.5)),
    ("round(None)", lambda: round(None)),
    ("round(1.5, 1.5)", lambda: round(1.5, 1.5)),
    ("round(7, None)", lambda: round(7, None)),
    ("round(Money(5), 1.5)", lambda: round(Money(5), 1.5)),
    ("round(Money(5), None)", lambda: round(Money(5), None)),
    ("round(Money(5))", lambda: round(Money(5))),
    ("pow(2, 3, 1.5)", lambda: pow(2, 3, 1.5)),
    ("pow(2, 3, 'a')", lambda: pow(2, 3, "a")),
    ("pow(2.0, 3, 'a')", lambda: pow(2.0, 3, "a")),
    ("pow('a', 2, 3)", lambda: pow("a", 2, 3)),
    ("pow(2, 'a', 3)", lambda: pow(2, "a", 3)),
    ("pow('a', 2.0, 3)", lambda: pow("a", 2.0, 3)),
    ("pow(True, 5, 3)", lambda: pow(True, 5, 3)),
    ("pow(2, 3, None)", lambda: pow(2, 3, None)),
    ("pow(Money(2), 3, 5)", lambda: pow(Money(2), 3, 5)),
    ("pow(2, Money(3), 5)", lambda: pow(2, Money(3), 5)),
    ("pow(Shy(), 2, 3)", lambda: pow(Shy(), 2, 3)),
    ("pow(Shy(), 2.0, 3)", lambda: pow(Shy(), 2.0, 3)),
    ("issubclass(int, 2)", lambda: issubclass(int, 2)),
    ("issubclass(2, int)", lambda: issubclass(2, int)),
    ("issubclass([1], 2)", lambda: issubclass([1], 2)),
    ("issubclass(int, (int, 2))", lambda: issubclass(int, (int, 2))),
    ("issubclass(int, (2, int))", lambda: issubclass(int, (2, int))),
    ("isinstance(1, (2, int))", lambda: isinstance(1, (2, int))),
    ("isinstance(1, 2)", lambda: isinstance(1, 2)),
    ("iter()", lambda: iter()),
    ("iter(1, 2, 3)", lambda: iter(1, 2, 3)),
    ("iter([1], 2)", lambda: iter([1], 2)),
    ("iter(x=1)", lambda: iter(x=1)),
    ("vars(1)", lambda: vars(1)),
    ("vars(1, 2)", lambda: vars(1, 2)),
    ("vars(x=1)", lambda: vars(x=1)),
    ("vars(Money(3))", lambda: vars(Money(3))),
    ("reversed()", lambda: reversed()),
    ("reversed([1], 2)", lambda: reversed([1], 2)),
    ("reversed(x=1)", lambda: reversed(x=1)),
]
for text, call in calls:
    try:
        print(text, "->", repr(call()))
    except TypeError as e:
        print(f"{text:28} TypeError: {e}")
