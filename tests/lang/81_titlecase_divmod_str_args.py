# Corners the VM fuzzer found: str.title / istitle with titlecase letters
# (ǅ, ᾈ) and letters whose titlecase is not their uppercase (ß, ﬁ, Georgian),
# divmod's own TypeError wording, and str() with too many arguments.
for t in ['ǅA', 'ǆa', 'ǅ', 'hello ǈjudi', 'ᾈa', 'ᾀb', 'ǅa B', 'ǅA b', 'straße', 'ﬁsh ﬂour', 'ქართული ენა', 'ŉa']:
    print(repr(t), repr(t.title()), t.istitle(), t.title().istitle(), repr(t.capitalize()))
for a, b in [('a', 1), (1, 'a'), ([1], 2), (None, 1.5)]:
    try:
        divmod(a, b)
    except TypeError as e:
        print("TypeError:", e)
print(divmod(7, 2), divmod(-7.5, 2), divmod(True, 3))
for args in [(1, 2, 3, 4), (1, 'utf-8'), ('x', 'utf-8')]:
    try:
        str(*args)
    except TypeError as e:
        print("TypeError:", e)
print(repr(str()), str(5), str(object='对象'), repr(str(encoding='utf-8')))
