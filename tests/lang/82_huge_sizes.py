# Sizes too large to build: str.zfill / center / expandtabs / repeat and list
# repeat with huge counts end in CPython's MemoryError or OverflowError (the
# VM fuzzer found zfill and expandtabs aborting the process instead).
fs = [
    ("'x'.zfill(2**62)", lambda: 'x'.zfill(2**62)),
    ("'x'.center(2**62)", lambda: 'x'.center(2**62)),
    ("'\\tx'.expandtabs(2**62)", lambda: '\tx'.expandtabs(2**62)),
    ("'\\tx'.expandtabs(-2**40)", lambda: '\tx'.expandtabs(-2**40)),
    ("'ab' * 2**62", lambda: 'ab' * 2**62),
    ("[0] * 2**62", lambda: [0] * 2**62),
    ("'-5'.zfill(2**62)", lambda: '-5'.zfill(2**62)),
]
for t, fn in fs:
    try:
        r = fn()
        print(t, 'ok', len(r))
    except Exception as e:
        print(t, type(e).__name__, e)
print(repr('\ta\tb'.expandtabs(4)), repr('-42'.zfill(6)), repr('+x'.zfill(4)))
