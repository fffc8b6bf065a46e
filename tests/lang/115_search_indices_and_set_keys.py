# str 的查找方法先转换 start/end 再看别的；startswith 的元组逐个检查；
# set.discard/remove 把 set 参数当作 frozenset 来找
# The search methods of str convert both start and end before anything
# else; startswith/endswith check a tuple's items one by one as they try
# them; set.discard and set.remove look a set up as the frozenset of it.
calls = [
    ("'ab'.rfind('', 5, ('a', 'b'))", lambda: "ab".rfind("", 5, ("a", "b"))),
    ("'ab'.count(',', 100, 'a')", lambda: "ab".count(",", 100, "a")),
    ("''.find('*', 5, '')", lambda: "".find("*", 5, "")),
    ("''.endswith('*', True, ' ')", lambda: "".endswith("*", True, " ")),
    ("'+3'.startswith(True, 5, -1)", lambda: "+3".startswith(True, 5, -1)),
    ("'ab'.endswith(100, 5)", lambda: "ab".endswith(100, 5)),
    ("'ab'.startswith(('a', 1))", lambda: "ab".startswith(("a", 1))),
    ("'ab'.startswith((1, 'a'))", lambda: "ab".startswith((1, "a"))),
    ("'ab'.endswith(('x', 'b', None))", lambda: "ab".endswith(("x", "b", None))),
    ("'ab'.endswith(('x', None))", lambda: "ab".endswith(("x", None))),
    ("'ab'.startswith((), 1)", lambda: "ab".startswith((), 1)),
    ("'ab'.startswith('', 3)", lambda: "ab".startswith("", 3)),
    ("'ab'.startswith(('', 1), 3)", lambda: "ab".startswith(("", 1), 3)),
    ("'abc'.endswith('b', 0, -1)", lambda: "abc".endswith("b", 0, -1)),
]
for text, call in calls:
    try:
        print(text, "->", repr(call()))
    except TypeError as e:
        print(f"{text:36} TypeError: {e}")

s = {1, frozenset({2, 3})}
s.discard({2, 3})
print(s)
s = {frozenset({2, 3})}
s.remove({3, 2})
print(s)
for text, call in [("remove({9})", lambda: s.remove({9})), ("remove([1])", lambda: s.remove([1])),
                   ("discard([1])", lambda: s.discard([1]))]:
    try:
        call()
    except (KeyError, TypeError) as e:
        print(text, type(e).__name__, e)
t = {1}
t.discard(t)
print(t)
