# 参数类型不对时 CPython 的原话：Argument Clinic 把 None 叫作 None，其他转换器各有说法
# CPython's words for an argument of the wrong type: Argument Clinic names
# None "None" (other converters name its type), strip/center have their own
# wording, list.pop converts its index before looking at the list, and str()
# checks encoding and errors before it would decode.
calls = [
    ("'ab'.strip(1)", lambda: "ab".strip(1)),
    ("'ab'.rstrip([])", lambda: "ab".rstrip([])),
    ("'ab'.find(1)", lambda: "ab".find(1)),
    ("'ab'.rfind(None)", lambda: "ab".rfind(None)),
    ("'ab'.index(None, None)", lambda: "ab".index(None, None)),
    ("'ab'.count([])", lambda: "ab".count([])),
    ("'ab'.replace('a', None)", lambda: "ab".replace("a", None)),
    ("'ab'.replace(None, 1)", lambda: "ab".replace(None, 1)),
    ("'ab'.removeprefix(None)", lambda: "ab".removeprefix(None)),
    ("'ab'.removesuffix(1)", lambda: "ab".removesuffix(1)),
    ("'ab'.center(5, None)", lambda: "ab".center(5, None)),
    ("'ab'.ljust(5, 1)", lambda: "ab".ljust(5, 1)),
    ("'ab'.rjust(5, 'xy')", lambda: "ab".rjust(5, "xy")),
    ("'{0}'.format_map(x=1)", lambda: "{0}".format_map(x=1)),
    ("'{0}'.format_map({}, x=1)", lambda: "{0}".format_map({}, x=1)),
    ("[].pop(None)", lambda: [].pop(None)),
    ("[].pop('a')", lambda: [].pop("a")),
    ("[].pop(5)", lambda: [].pop(5)),
    ("format(1, None)", lambda: format(1, None)),
    ("format(1, 5)", lambda: format(1, 5)),
    ("BaseExceptionGroup(None, [])", lambda: BaseExceptionGroup(None, [])),
    ("ExceptionGroup(1, [ValueError()])", lambda: ExceptionGroup(1, [ValueError()])),
    ("str(None, None)", lambda: str(None, None)),
    ("str(1, 'utf-8')", lambda: str(1, "utf-8")),
    ("str('a', 'utf-8')", lambda: str("a", "utf-8")),
    ("str('a', None)", lambda: str("a", None)),
    ("str(1, 'utf-8', 3)", lambda: str(1, "utf-8", 3)),
    ("str(1, encoding=2)", lambda: str(1, encoding=2)),
    ("str(1, errors=3)", lambda: str(1, errors=3)),
    ("str(1, errors='x')", lambda: str(1, errors="x")),
    ("str(encoding='x')", lambda: str(encoding="x")),
    ("str(encoding=None)", lambda: str(encoding=None)),
    ("str(errors=None, encoding=1)", lambda: str(errors=None, encoding=1)),
    ("str(object=1)", lambda: str(object=1)),
    ("str(1, object=2)", lambda: str(1, object=2)),
    ("str(1, 'a', encoding='b')", lambda: str(1, "a", encoding="b")),
    ("str(1, 2, 3, 4)", lambda: str(1, 2, 3, 4)),
    ("str(1, 2, 3, x=4)", lambda: str(1, 2, 3, x=4)),
    ("str(x=1)", lambda: str(x=1)),
]
for text, call in calls:
    try:
        print(text, "->", repr(call()))
    except (TypeError, ValueError, IndexError) as e:
        print(f"{text:34} {type(e).__name__}: {e}")
