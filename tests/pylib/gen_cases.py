"""Writes the expected results of CPython 3.13 for tests/pylib/main.rs.

Run from the project root:  PYENV_VERSION=3.13.0 python3 tests/pylib/gen_cases.py [AREA...]

Each area writes tests/pylib/data/AREA.txt: one case per line, fields separated
by tabs. Text fields escape backslash, tab, newline and carriage return as
\\\\, \\t, \\n, \\r. Values carry a type letter:
  i<decimal>  int (I<decimal> when CPython's int does not fit in 64 bits)
  f<16 hex>   float, as its IEEE-754 bits
  s<text>     str
  b1 / b0     bool;  n  None
  !Kind: msg  the exception CPython raised
Everything is generated from fixed seeds, so a rerun writes the same files.
"""

import math
import os
import random
import struct
import sys

assert sys.version_info[:2] == (3, 13), "generate the expectations with CPython 3.13"

DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data")
I64 = range(-2**63, 2**63)


class Obj:
    """A value with attributes, for {0.attr}: its str and repr are fixed."""

    def __init__(self):
        self.name = "obj"
        self.size = 3

    def __format__(self, spec):
        return format(str(self), spec)

    def __str__(self):
        return "Obj"

    def __repr__(self):
        return "<Obj>"


def esc(s):
    return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def fbits(x):
    return "%016x" % struct.unpack("<Q", struct.pack("<d", x))[0]


def from_bits(b):
    return struct.unpack("<d", struct.pack("<Q", b))[0]


def enc(v):
    """A value as text: type letter and payload; containers nest, a str is
    length-prefixed so its text needs no quoting."""
    if v is None:
        return "n"
    if isinstance(v, bool):
        return "b1" if v else "b0"
    if isinstance(v, int):
        return ("i" if v in I64 else "I") + str(v)
    if isinstance(v, float):
        return "f" + fbits(v)
    if isinstance(v, complex):
        return "c"
    if isinstance(v, str):
        return "s%d:%s" % (len(v), v)
    if isinstance(v, tuple):
        return "(" + ",".join(enc(x) for x in v) + ")"
    if isinstance(v, list):
        return "[" + ",".join(enc(x) for x in v) + "]"
    if isinstance(v, dict):
        return "{" + ",".join(enc(k) + ":" + enc(x) for k, x in v.items()) + "}"
    if isinstance(v, Obj):
        return "o"
    raise TypeError(type(v))


def outcome(f):
    """enc() of f()'s result, or !Kind: message."""
    try:
        return esc(enc(f()))
    except Exception as e:  # noqa: BLE001 - every exception is an expectation
        return esc("!%s: %s" % (type(e).__name__, e))


def write(area, lines):
    os.makedirs(DATA, exist_ok=True)
    with open(os.path.join(DATA, area + ".txt"), "w", encoding="utf-8", newline="\n") as f:
        for line in lines:
            f.write(line + "\n")
    print("%s: %d cases" % (area, len(lines)))


def interesting_floats(rnd, n_random):
    """Specials, edges, ties and powers of ten, then n_random varied doubles."""
    vals = [0.0, -0.0, 1.0, -1.0, 0.5, 1.5, 2.5, -2.5, 0.125, 0.375, 2.675, 1.005, 9.995, 0.1, 0.2, 0.3,
            0.1 + 0.2, 2 / 3, -2 / 3, 1e22, 1e23, 1e16, 1e15, 9999999999999998.0, 1234567890123456.8,
            123456789012345.0, 1e-4, 1e-5, 0.00012345, 5e-324, -5e-324, 2.2250738585072014e-308,
            1.7976931348623157e308, -1.7976931348623157e308, math.inf, -math.inf, math.nan, math.pi,
            math.e, 100.0, 1234.5, -1234.5678, 999.9999, 9.5, 10.5, 0.05, 0.15, 0.25, 0.35, 1e100, 1e-100,
            123456.789, 2.0**53, 2.0**53 + 2, 2.0**63, 2.0**64, 1e300, 12345678901234567890.0]
    for _ in range(n_random):
        kind = rnd.randrange(4)
        if kind == 0:
            x = from_bits(rnd.getrandbits(64))
            if not math.isfinite(x):
                continue
        elif kind == 1:
            x = round(rnd.uniform(-1e6, 1e6), rnd.randint(0, 8))
        elif kind == 2:
            x = rnd.uniform(-1, 1) * 10.0 ** rnd.randint(-30, 30)
        else:
            x = rnd.randint(-10**6, 10**6) / 8
        vals.append(x)
    return vals


# --- float_repr ----------------------------------------------------------------

def gen_float_repr():
    rnd = random.Random(1)
    vals = interesting_floats(rnd, 0)
    for _ in range(2500):
        x = from_bits(rnd.getrandbits(64))
        if math.isfinite(x):
            vals.append(x)
    for _ in range(300):
        vals.append(from_bits(rnd.getrandbits(52)))
        vals.append(-from_bits(rnd.getrandbits(20)))
    for e in range(-325, 309):
        x = float("1e%d" % e)
        vals += [x, math.nextafter(x, math.inf), math.nextafter(x, 0.0)]
    for _ in range(1500):
        vals.append(round(rnd.uniform(-1e6, 1e6), rnd.randint(0, 10)))
        vals.append(rnd.randint(1, 10**17) / 10 ** rnd.randint(0, 20))
    for k in range(-30, 31):
        vals += [float(2**53 + k), float(10**16 + k), float(10**17 + 10 * k), 2.0 ** k + 0.5]
    for x in [1e16, 1e-4, 1e17, 1e-5]:
        y = x
        for _ in range(5):
            y = math.nextafter(y, 0.0)
            vals.append(y)
        y = x
        for _ in range(5):
            y = math.nextafter(y, math.inf)
            vals.append(y)
    write("float_repr", ["%s\t%s" % (fbits(x), esc(repr(x))) for x in vals])


# --- format_spec ---------------------------------------------------------------

FILL_ALIGN = ["", "", "", "<", ">", "^", "=", "*<", "*>", "*^", "*=", "0<", "0>", "0=", "x^", "€>", "{<", " ^"]


def random_spec(rnd, types):
    return "".join([
        rnd.choice(FILL_ALIGN),
        rnd.choice(["", "", "", "+", "-", " "]),
        rnd.choice(["", "", "", "", "z"]),
        rnd.choice(["", "", "#"]),
        rnd.choice(["", "", "0"]),
        rnd.choice(["", "", "", "1", "5", "8", "12", "20", "31"]),
        rnd.choice(["", "", "", ",", "_"]),
        rnd.choice(["", "", "", ".0", ".1", ".2", ".3", ".6", ".10", ".17", ".25"]),
        rnd.choice(types),
    ])


FLOAT_TYPES = ["", "", "e", "E", "f", "F", "g", "G", "%", "n", "d", "x", "s", "r"]
INT_TYPES = ["", "", "b", "c", "d", "d", "o", "x", "X", "n", "e", "f", "g", "%", "s", "E", "F", "G", "r"]
STR_TYPES = ["", "", "s", "s", "d", "r"]
BAD_SPECS = ["abc", "<<<", "10.2.3f", ",,", ",_", "_,", "._", ".", "x", "0x", ">>10", "=+#0,.2", "z", "#",
             "99999999999999999999", ".99999999999999999999", "\x01", "é", " ", "  ", "+c", "#c", "=c",
             ",c", "_c", ",b", "_b", ",x", ",s", "_s", ".2d", "z d", "10,.3n", ",n", "-^10"]


def gen_format_spec():
    rnd = random.Random(2)
    lines = []

    def case(tag, value, spec):
        lines.append("%s\t%s\t%s\t%s" % (tag, esc(enc(value)), esc(spec), outcome(lambda: format(value, spec))))

    floats = interesting_floats(rnd, 400)
    ints = [0, 1, -1, 7, -7, 42, 65, 97, 255, -255, 955, 1000, -1000, 4096, 1234567, -1234567, 2**31, 2**53 + 1,
            2**63 - 1, -2**63, 0x10FFFF, 0x110000, 128512, 10**15]
    ints += [rnd.randint(-10**rnd.randint(1, 18), 10**rnd.randint(1, 18)) for _ in range(150)]
    strs = ["", "a", "abc", "hello world", "é", "日本語", "x" * 30, "{}"]
    # Rounding: every precision for every float type.
    for x in floats[:70]:
        for p in list(range(0, 21)) + [30]:
            for t in "eEfFgG%":
                case("f", x, ".%d%s" % (p, t))
            case("f", x, ".%d" % p)
    # Random doubles at random precisions.
    for x in floats[70:]:
        for t in "efg":
            case("f", x, ".%d%s" % (rnd.randint(0, 25), t))
        case("f", x, "")
    # Large precisions.
    for x in [1e22, 1e300, 5e-324, 0.1, 2.675, -1.5e-10, 1 / 3, 123.456]:
        for spec in [".50f", ".100e", ".330f", ".1100f", ".400g", ".800e", "f", "e", ",.2f", "_.3f"]:
            case("f", x, spec)
    # Random specs.
    for _ in range(6000):
        case("f", rnd.choice(floats), random_spec(rnd, FLOAT_TYPES))
    for _ in range(6000):
        case("i", rnd.choice(ints), random_spec(rnd, INT_TYPES))
    for _ in range(1500):
        case("s", rnd.choice(strs), random_spec(rnd, STR_TYPES))
    for _ in range(300):
        case("b", rnd.choice([True, False]), random_spec(rnd, INT_TYPES))
    for spec in BAD_SPECS:
        case("f", 1.5, spec)
        case("i", 42, spec)
        case("s", "ab", spec)
    for x in ints:
        for spec in ["", "d", "x", "#x", "X", "#X", "o", "#o", "b", "#b", ",", "_", "_x", "_b", "010,", "010_x",
                     "+", " ", "08,", "=12,", "c", "n", "^9", "<9", "e", ".2f", "%"]:
            case("i", x, spec)
    write("format_spec", lines)


# --- percent -------------------------------------------------------------------

def random_percent_value(rnd, kind):
    ints = [0, 1, -1, 42, -42, 255, 65, 1234567, -2**63, 2**63 - 1, 0x110000, 233]
    floats = [0.0, -0.0, 1.5, -2.675, 1e22, 1e-5, 123.456, math.inf, -math.inf, math.nan, 0.125, 2.5, 1e100]
    strs = ["", "a", "abc", "hello", "it's", "é"]
    pick = rnd.random()
    if pick < 0.15:
        return rnd.choice([None, True, False, [1, 2], "x"])
    if kind in "sra":
        return rnd.choice([rnd.choice(ints), rnd.choice(floats), rnd.choice(strs)])
    if kind in "diuoxX":
        return rnd.choice(ints) if pick < 0.8 else rnd.choice(floats)
    if kind in "eEfFgG":
        return rnd.choice(floats) if pick < 0.8 else rnd.choice(ints)
    if kind == "c":
        return rnd.choice([65, 955, 0x110000, -1, "a", "ab", "é", 1.5])
    return rnd.choice(ints)


PERCENT_KINDS = "srasdiuoxXeEfFgGcdddfffs%qy"


def random_percent_template(rnd, keyed):
    parts, kinds, keys = [], [], []
    for _ in range(rnd.randint(0, 4)):
        if rnd.random() < 0.5:
            parts.append(rnd.choice(["", "x", "ab ", " = ", "%%", "[", "%%%%", "é"]))
        kind = rnd.choice(PERCENT_KINDS)
        conv = "%"
        if keyed or rnd.random() < 0.03:
            key = rnd.choice(["a", "b", "c", "(x)", ""])
            conv += "(" + key + ")"
            keys.append(key)
        conv += "".join(rnd.choice(["-", "+", " ", "#", "0"]) for _ in range(rnd.choice([0, 0, 1, 2])))
        conv += rnd.choice(["", "", "", "1", "5", "10", "*", "0"])
        conv += rnd.choice(["", "", "", ".0", ".2", ".5", ".*", "."])
        conv += rnd.choice(["", "", "", "", "", "", "l", "h"])
        conv += kind
        parts.append(conv)
        kinds.append((kind, conv.count("*")))
    if rnd.random() < 0.05:
        parts.append(rnd.choice(["%", "%(", "%(a", "%5", "%.", "%-", "%*"]))
    return "".join(parts), kinds, keys


def gen_percent():
    rnd = random.Random(3)
    lines = []

    def case(template, operand):
        lines.append("%s\t%s\t%s" % (esc(template), esc(enc(operand)), outcome(lambda: template % operand)))

    for _ in range(5000):
        keyed = rnd.random() < 0.15
        template, kinds, keys = random_percent_template(rnd, keyed)
        if keyed:
            operand = {k: random_percent_value(rnd, rnd.choice("sdf")) for k in keys}
            if rnd.random() < 0.2 and operand:
                operand.pop(rnd.choice(list(operand)))
            case(template, operand)
            continue
        values = []
        for kind, stars in kinds:
            for _ in range(stars):
                values.append(rnd.choice([3, -4, 0, 12, 2]) if rnd.random() < 0.9 else "x")
            if kind != "%":
                values.append(random_percent_value(rnd, kind))
        r = rnd.random()
        if r < 0.1 and values:
            values.pop()
        elif r < 0.2:
            values.append(7)
        if len(values) == 1 and rnd.random() < 0.5 and not isinstance(values[0], (list, dict)):
            case(template, values[0])
        else:
            case(template, tuple(values))
    for template, operand in [("%s %q", ()), ("%q", 1), ("%*", (5,)), ("%", ()), ("%5%", (1,)), ("%(a)%", {"a": 1}),
                              ("abc", []), ("abc", {"a": 1}), ("%s", {"a": 1}), ("abc", 5), ("%s %s", 5),
                              ("%(a)s %s", {"a": 1}), ("%s %(a)s", ({"a": 1},)), ("%(a", {"a": 1}),
                              ("%(a)s", {}), ("%.*f", (2.0, 1.0)), ("%*d", ("a", 1)), ("%c", "ab"),
                              ("%c", 0x110000), ("%x", 3.5), ("%d", 3.7), ("%d", math.inf), ("%d", math.nan),
                              ("%-05d", -3), ("%+#010x", 255), ("%#-8o", 8), ("% 08.3f", 2.5), ("%#.0f", 2.0),
                              ("%#.3g", 1.0), ("%.0e", 12345.0), ("%(a)s%(a)r", {"a": "x"}), ("%*.*f", (8, 2, 3.14159)),
                              ("%-*d|", (-6, 5)), ("%.*s", (-1, "abc")), ("%.*f", (2**40, 1.0)), ("%.*f", (-2**40, 1.0)), ("%c", "é"), ("%5c|%-3c|", (97, "b")),
                              ("%\x01", (1,)), ("%é", (1,)), ("%i", True), ("%f", False), ("%s", None)]:
        case(template, operand)
    write("percent", lines)


# --- str_format ----------------------------------------------------------------

def gen_str_format():
    rnd = random.Random(4)
    lines = []
    names = ["", "", "", "0", "1", "2", "3", "x", "y", "w", "0[0]", "0[1]", "x[k]", "x[0]", "y[1]", "o.name",
             "o.size", "o.nope", "0[5]", "x[k][0]", "o.name[0]", " 0", "0.", "0[]", "0]", "0[0]x", "00"]
    specs = ["", "", ">5", "<4", "^7", "*^9", "+", ".2f", ".3", "d", "x", "s", ",", "08.3f", "{w}", "{}", ">{w}",
             ".{w}f", "{w}.{w}", "{x}", "{{", "e", "!r"]

    def case(template, args, kwargs):
        kwargs = dict(kwargs, o=Obj())
        lines.append("%s\t%s\t%s\t%s" % (esc(template), esc(enc(list(args))), esc(enc(kwargs)),
                                          outcome(lambda: template.format(*args, **kwargs))))

    for _ in range(4000):
        parts = []
        for _ in range(rnd.randint(0, 4)):
            if rnd.random() < 0.5:
                parts.append(rnd.choice(["", "a", "{{", "}}", " - ", "é", "}", "{"]))
            field = "{" + rnd.choice(names)
            if rnd.random() < 0.2:
                field += "!" + rnd.choice("rsarx")
            if rnd.random() < 0.5:
                field += ":" + rnd.choice(specs)
            if rnd.random() > 0.03:
                field += "}"
            parts.append(field)
        template = "".join(parts)
        args = [rnd.choice([1, -2, 3.5, "ab", [10, 20], "é", 12345, 2.675, True, None])
                for _ in range(rnd.randint(0, 4))]
        kwargs = {}
        for k in "xyw":
            if rnd.random() < 0.7:
                kwargs[k] = {"x": rnd.choice([[7, 8], "kq", 5]), "y": rnd.choice([[1, 2], "yz", 2.5]),
                             "w": rnd.choice([6, 2, 0, "3"])}[k]
        case(template, args, kwargs)
    for template in ["{0!x}", "{0:", "{0!r", "{0!", "{0", "{0!rr}", "{:{:{}}}", "{0[}", "{0]}", "{0[0]x}", "{0.}",
                     "{0[]}", "{a{}", "}", "{}{0}", "{0}{}", "{", "a{{b}}c", "{{}}", "{0:{1}}", "{:{}}",
                     "{!r}", "{:}", "{0!s:>5}", "{0!a}", "{99999999999999999999}", "{0[99999999999999999999]}",
                     "{x[k]}", "{x[0]}", "{0:{w}.{w}}", "{0:{{}}}", "{0!\x01}", "{0!é}", "{\x00}"]:
        case(template, [1, [10, 20], "é"], {"x": {"k": "v"}, "w": 4})
    write("str_format", lines)


# --- int_ops -------------------------------------------------------------------

def some_ints(rnd, n):
    edges = [0, 1, -1, 2, -2, 3, 7, -7, 10, 25, -25, 35, 2**31, 2**53, 2**53 + 1, -(2**53) - 1, 2**62, 2**63 - 1,
             -2**63, -2**63 + 1, 10**18, -10**18, 123456789, 5 * 10**18, -5 * 10**18]
    return edges + [rnd.randint(-2**rnd.randint(1, 63), 2**rnd.randint(1, 63)) for _ in range(n)]


def gen_arith():
    rnd = random.Random(5)
    lines = []

    def case(op, *args):
        f = OPS[op]
        lines.append("\t".join([op] + [esc(enc(a)) for a in args] + [outcome(lambda: f(*args))]))

    ints = some_ints(rnd, 300)
    floats = interesting_floats(rnd, 300)
    small = [0, 1, -1, 2, -2, 3, -3, 5, 7, -7, 10, 13, 62, 63, 64, 100]
    for _ in range(1500):
        a, b = rnd.choice(ints), rnd.choice(ints + small)
        for op in ["floordiv", "mod", "divmod", "truediv"]:
            case(op, a, b)
    for _ in range(600):
        case("pow", rnd.choice(ints[:30] + small), rnd.choice(small + [-5, 40, 70]))
        case("lshift", rnd.choice(ints), rnd.choice(small + [-1]))
        case("rshift", rnd.choice(ints), rnd.choice(small + [-1]))
    for a in [-1, 0, 1]:
        for b in [-1, 0, 2, 2**40, 2**40 + 1, -2**40, 63, 64]:
            case("pow", a, b)
    for _ in range(1500):
        a, b = rnd.choice(floats), rnd.choice(floats + [2.0, -2.0, 0.5, 3.0, 1e-300])
        for op in ["ffloordiv", "fmod", "fdivmod", "fdiv", "mathfmod"]:
            case(op, a, b)
        case("fpow", rnd.choice(floats[:60]), rnd.choice(floats[:60] + [2.0, -2.0, 0.5, 3.0, -3.0, 1 / 3, 1e5]))
    for x in floats:
        case("int", x)
        case("round0", x)
        for n in [0, 1, 2, 3, -1, -2, -3, 5, 10, 15, 16, 17, 20, 22, 300, 323, 324, -300, -308, -309, -10]:
            case("roundn", x, n)
    for _ in range(3000):
        x = rnd.choice([rnd.randint(-10**6, 10**6) / 10**rnd.randint(0, 6), rnd.choice(floats),
                        rnd.randint(0, 10**4) + 0.5, (rnd.randint(0, 10**4) + 0.5) * 10**-rnd.randint(1, 4)])
        case("roundn", x, rnd.randint(-8, 8))
    for _ in range(300):
        a, b = rnd.choice(ints), rnd.choice(ints + small)
        for op in ["add", "sub", "mul"]:
            case(op, a, b)
    for x in ints:
        case("neg", x)
        case("abs", x)
        case("bit_length", x)
        case("bin", x)
        case("oct", x)
        case("hex", x)
        for n in [0, 1, -1, -2, -3, -5, -10, -18, -19, -20, -40]:
            case("roundint", x, n)
    for _ in range(500):
        case("roundint", rnd.randint(-10**4, 10**4) * 5, rnd.randint(-4, 0))
    for _ in range(2000):
        i = rnd.choice(ints)
        f = rnd.choice([float(i), float(i) + 1.0, math.nextafter(float(i), math.inf),
                        math.nextafter(float(i), -math.inf), rnd.choice(floats)])
        case("cmp", i, f)
    write("arith", lines)


def cmp_int_float(i, f):
    if math.isnan(f):
        return "unordered"
    return "<" if i < f else ">" if i > f else "=="


OPS = {
    "add": lambda a, b: a + b,
    "sub": lambda a, b: a - b,
    "mul": lambda a, b: a * b,
    "neg": lambda a: -a,
    "abs": abs,
    "bit_length": int.bit_length,
    "floordiv": lambda a, b: a // b,
    "mod": lambda a, b: a % b,
    "divmod": divmod,
    "truediv": lambda a, b: a / b,
    "pow": lambda a, b: a ** b,
    "lshift": lambda a, b: a << b,
    "rshift": lambda a, b: a >> b,
    "ffloordiv": lambda a, b: a // b,
    "fmod": lambda a, b: a % b,
    "fdivmod": divmod,
    "fdiv": lambda a, b: a / b,
    "mathfmod": math.fmod,
    "fpow": lambda a, b: a ** b,
    "int": int,
    "round0": round,
    "roundn": round,
    "roundint": round,
    "bin": bin,
    "oct": oct,
    "hex": hex,
    "cmp": cmp_int_float,
}


def gen_parse():
    rnd = random.Random(6)
    lines = []

    def case(kind, text, base=10):
        if kind == "int":
            got = outcome(lambda: int(text, base))
        else:
            got = outcome(lambda: float(text))
        lines.append("%s\t%d\t%s\t%s" % (kind, base, esc(text), got))

    ints = ["0", "-0", "+7", "  42  ", "\t-17\n", "1_000", "1__000", "_1", "1_", "0x1f", "0X1F", "0o17", "0b101",
            "0x_1f", "0x__1f", "0_0", "00", "007", "0_7", "9223372036854775807", "-9223372036854775808",
            "9223372036854775808", "99999999999999999999999", "99999999999999999999999x", "", " ", "+", "-",
            "abc", "1.5", "1e5", "0x", "0b", "1 2", "١٢", "\u00a012\u2003", "\x1c5", "5\x00", "z", "Z", "zz",
            "-0b_1", "0B1", "0O7", "1" * 250, "\u3000-5\u3000", "--5", "+-5", "0x0", "0b", "0o8", "8", "9"]
    for text in ints:
        for base in [10, 0, 16, 8, 2, 36, 7]:
            case("int", text, base)
    for base in [-1, 1, 37, 100]:
        case("int", "5", base)
    digits36 = "0123456789abcdefghijklmnopqrstuvwxyz"
    for _ in range(1500):
        base = rnd.choice([0, 2, 8, 10, 16, 36, rnd.randint(2, 36)])
        ndig = rnd.randint(1, 20)
        body = "".join(rnd.choice(digits36[:max(base, 10)] + "_ ") for _ in range(ndig))
        prefix = rnd.choice(["", "", "-", "+", " ", "0x", "0o", "0b", "-0x"])
        case("int", prefix + body, base)
        case("int", str(rnd.randint(-2**63, 2**63 - 1)), 10)
    floats = ["1", "1.", ".5", "-.5", "+1.5e3", "1e", "1e+", "e5", ".", "-", "", " ", "1_000.5", " 1_000.5 ",
              "1_000._5", "1._5", "1_e5", "1e_5", "1e5_0", "_1", "1_", "inf", "-Infinity", "+INF", "nan", "-nan",
              "NaN", "infinit", "infinityx", "in f", "0x10", "1e400", "-1e400", "1e-400", "4.9e-324", "2.5e-324",
              "1.7976931348623157e308", "1.7976931348623159e308", "0.1", "  \t0.25\n ", "1,5", "1.5.2", "++1",
              "١.٥", "\u20031.5\u2003", "\x1c1.5", "1.5\x00", "0000.0001", "1E5", "1.e-5", "12_34.56_78e1_0",
              "3.14abc", "abc", "'1'", "1" * 400, "0." + "0" * 400 + "1", "9" * 30 + "e-30",
              "2.2250738585072011e-308", "0.1e1_0"]
    for text in floats:
        case("float", text)
    for x in interesting_floats(rnd, 1500):
        case("float", rnd.choice([repr(x), "%.17g" % x, "%.20e" % x, "%.3f" % x]))
    write("parse", lines)


# --- hash ----------------------------------------------------------------------

def gen_hash():
    rnd = random.Random(7)
    lines = []

    def case(value):
        h = "identity" if isinstance(value, float) and math.isnan(value) else str(hash(value))
        lines.append("%s\t%s" % (esc(enc(value)), h))

    for x in some_ints(rnd, 1500) + [2**61 - 1, 2**61, 2**61 - 2, -(2**61 - 1), -(2**61), 2**62 - 2]:
        case(x)
    for x in interesting_floats(rnd, 2000) + [float(2**61 - 1), float(2**62), -0.5, 2.0**-1074, 2.0**1000]:
        case(x)
    case(True)
    case(False)
    case(None)
    leaves = [0, 1, -1, -2, 2**62, 1.5, -0.0, math.inf, "", "a"]
    for _ in range(1500):
        items = tuple(rnd.choice(leaves[:8] + [rnd.randint(-10**12, 10**12)]) for _ in range(rnd.randint(0, 6)))
        if rnd.random() < 0.2:
            items = items + (tuple(rnd.choice(leaves[:8]) for _ in range(rnd.randint(0, 3))),)
        case(items)
    for _ in range(500):
        members = frozenset(rnd.randint(-50, 2**62) for _ in range(rnd.randint(0, 10)))
        lines.append("F%s\t%d" % (",".join(str(m) for m in members), hash(members)))
    write("hash", lines)


# --- sets ----------------------------------------------------------------------

def gen_sets():
    rnd = random.Random(8)
    lines = []
    pools = [
        list(range(-3, 40)),
        [k * 8 for k in range(-4, 30)] + [k * 32 + 1 for k in range(20)],
        [k * 1024 for k in range(40)] + [-1, -2, 2**61 - 1, 2**61, 2**62, -2**63, 2**63 - 1],
        [rnd.randint(-10**9, 10**9) for _ in range(60)],
        list(range(0, 5000, 7)),
        [0.5, 1.5, 2.0, 3.0, -0.0, 1e100] + list(range(0, 12)),
    ]

    def show(s):
        return esc(repr(list(s)))

    for case_id in range(450):
        pool = rnd.choice(pools)
        sets = {"a": set(), "b": set()}
        steps = []

        def key():
            return rnd.choice(pool)

        def items(n):
            return [key() for _ in range(n)]

        for _ in range(rnd.randint(5, 60)):
            op = rnd.choice(["add"] * 8 + ["discard"] * 3 + ["pop", "clear", "fromlist", "display", "for",
                                                               "ior", "isub", "iand", "ixor", "or", "and",
                                                               "sub", "xor", "copy", "fromdict"])
            t = rnd.choice("ab")
            other = "b" if t == "a" else "a"
            s = sets[t]
            if op == "add":
                k = key()
                s.add(k)
                steps.append(("add", t, repr(k), show(s)))
            elif op == "discard":
                k = key() if rnd.random() < 0.5 or not s else rnd.choice(list(s))
                s.discard(k)
                steps.append(("discard", t, repr(k), show(s)))
            elif op == "pop":
                got = repr(s.pop()) if s else "KeyError"
                steps.append(("pop", t, "", got + " " + show(s)))
            elif op == "clear":
                s.clear()
                steps.append(("clear", t, "", show(s)))
            elif op in ("fromlist", "display", "for", "fromdict"):
                elems = items(rnd.choice([0, 1, 2, 3, 4, 5, 6, 9, 15, 30, 60]))
                src = "{" + ", ".join(repr(k) for k in elems) + "}" if elems else "set()"
                if op == "fromlist":
                    sets[t] = set(elems)
                    steps.append((op, t, ",".join(repr(k) for k in elems), show(sets[t])))
                elif op == "fromdict":
                    sets[t] = set(dict.fromkeys(elems))
                    steps.append((op, t, ",".join(repr(k) for k in elems), show(sets[t])))
                elif op == "display" and elems:
                    sets[t] = eval(src)
                    steps.append((op, t, ",".join(repr(k) for k in elems), show(sets[t])))
                elif op == "for" and elems:
                    scope = {}
                    exec("out = []\nfor x in %s:\n    out.append(x)\n" % src, scope)
                    steps.append((op, t, ",".join(repr(k) for k in elems), esc(repr(scope["out"]))))
            elif op in ("ior", "isub", "iand", "ixor"):
                o = sets[other] if rnd.random() < 0.9 else s
                if op == "ior":
                    s |= o
                elif op == "isub":
                    s -= o
                elif op == "iand":
                    s &= o
                else:
                    s ^= o
                steps.append((op, t, other if o is not s else t, show(s)))
            elif op in ("or", "and", "sub", "xor"):
                o = sets[other]
                r = {"or": s | o, "and": s & o, "sub": s - o, "xor": s ^ o}[op]
                steps.append((op, t, other, show(r)))
                if rnd.random() < 0.5:
                    sets[t] = r
                    steps.append(("keep", t, "", show(r)))
            elif op == "copy":
                sets[t] = s.copy()
                steps.append(("copy", t, "", show(sets[t])))
        for step in steps:
            lines.append("%d\t%s" % (case_id, "\t".join(step)))
    write("sets", lines)


# --- random --------------------------------------------------------------------

def gen_random():
    rnd = random.Random(9)
    lines = []
    seeds = [0, 1, 42, 2024, 12345, -5, 2**40, 2**32, 2**32 - 1, -2**63, 2**63 - 1, 987654321987]
    for seed in seeds + [rnd.randint(-2**63, 2**63 - 1) for _ in range(8)]:
        r = random.Random(seed)
        steps = []

        def step(call, f):
            steps.append("%d\t%s\t%s" % (seed, call, outcome(f)))

        for _ in range(150):
            kind = rnd.choice(["random", "getrandbits", "randrange1", "randrange2", "randrange3", "randint",
                               "choice", "shuffle", "sample", "uniform", "gauss", "normalvariate", "expovariate",
                               "choices"])
            if kind == "random":
                step("random", r.random)
            elif kind == "getrandbits":
                k = rnd.choice([0, 1, 5, 31, 32, 33, 40, 53, 63, 64, -1])
                step("getrandbits %d" % k, lambda: r.getrandbits(k))
            elif kind == "randrange1":
                a = rnd.choice([1, 2, 3, 10, 100, 2**31, 2**32, 2**33 + 5, 10**15, 2**62 + 3, 0, -4])
                step("randrange %d" % a, lambda: r.randrange(a))
            elif kind == "randrange2":
                a, b = rnd.randint(-1000, 1000), rnd.randint(-1000, 1000)
                step("randrange %d %d" % (a, b), lambda: r.randrange(a, b))
            elif kind == "randrange3":
                a, b = rnd.randint(-1000, 1000), rnd.randint(-1000, 1000)
                c = rnd.choice([1, 2, 3, -1, -2, -7, 0, 10, 400])
                step("randrange %d %d %d" % (a, b, c), lambda: r.randrange(a, b, c))
            elif kind == "randint":
                a = rnd.randint(-100, 100)
                b = a + rnd.choice([0, 1, 5, 99, 10**6, 2**40, -1])
                step("randint %d %d" % (a, b), lambda: r.randint(a, b))
            elif kind == "choice":
                n = rnd.choice([0, 1, 2, 7, 100, 1000])
                step("choice %d" % n, lambda: r.choice(range(n)))
            elif kind == "shuffle":
                n = rnd.choice([0, 1, 2, 5, 10, 52])

                def shuffled():
                    x = list(range(n))
                    r.shuffle(x)
                    return x
                step("shuffle %d" % n, shuffled)
            elif kind == "sample":
                n = rnd.choice([0, 5, 10, 21, 22, 30, 100, 1000, 10**6])
                k = rnd.choice([0, 1, 3, 5, 6, 10, 20, -1] + ([n, n + 1] if n <= 1000 else []))
                step("sample %d %d" % (n, k), lambda: r.sample(range(n), k))
            elif kind == "uniform":
                a, b = rnd.uniform(-10, 10), rnd.uniform(-10, 10)
                step("uniform %s %s" % (fbits(a), fbits(b)), lambda: r.uniform(a, b))
            elif kind == "gauss":
                step("gauss", lambda: r.gauss(1.5, 2.0))
            elif kind == "normalvariate":
                step("normalvariate", lambda: r.normalvariate(1.5, 2.0))
            elif kind == "expovariate":
                step("expovariate", lambda: r.expovariate(0.5))
            else:
                n = rnd.choice([1, 3, 10, 1000])
                step("choices %d" % n, lambda: r.choices(range(n), k=3))
        lines += steps
    for seed in [0, 1, 42, 2024, 12345, -5, 2**40]:
        r = random.Random(seed)
        lines.append("%d\tsequence 1000\t%s" % (seed, enc([r.random() for _ in range(1000)])))
        lines.append("%d\tbits32 700\t%s" % (seed, enc([r.getrandbits(32) for _ in range(700)])))
    for x in [1.5, -2.25, True, 0.0]:
        r = random.Random(x)
        lines.append("h%s\tsequence 20\t%s" % (enc(x), enc([r.random() for _ in range(20)])))
    write("random", lines)


AREAS = {
    "float_repr": gen_float_repr,
    "format_spec": gen_format_spec,
    "percent": gen_percent,
    "str_format": gen_str_format,
    "arith": gen_arith,
    "parse": gen_parse,
    "hash": gen_hash,
    "sets": gen_sets,
    "random": gen_random,
}

if __name__ == "__main__":
    for name in sys.argv[1:] or AREAS:
        AREAS[name]()
