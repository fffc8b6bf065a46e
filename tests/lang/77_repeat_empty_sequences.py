# Repeating an empty sequence gives an empty one at once, whatever the count
# (found by the VM fuzzer: `x = 2**63 - 1; x *= ()` used to loop that many times).
big = 9223372036854775807
x = big
x *= ()
print(x, () * big, big * (), [] * big, big * [], repr('' * big), repr(big * ''))
l = []
l *= big
print(l, len(l))
t = ()
t *= big
print(t)
print([] * (-big), () * 0, [1, 2] * 0, (1,) * -3, 'ab' * -1)
print([[]] * 3, ((),) * 2, [None] * 4)
try:
    print(len([0] * big))
except MemoryError:
    print("MemoryError")
