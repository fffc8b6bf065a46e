# hash(range) is the hash of (len, start, step), with start and step None
# for an empty range and step None for a one-item range, as == compares them.
rs = [range(4), range(0), range(2, 2), range(5, 2), range(1, 10, 3), range(1, 11, 3),
      range(5, 6), range(5, 6, 3), range(5, 4, -1), range(-3, 3), range(10, 0, -2),
      range(0, 1), range(1)]
for r in rs:
    print(repr(r), len(r), hash(r))
print(range(0) == range(2, 2), hash(range(0)) == hash(range(2, 2)))
print(range(5, 6) == range(5, 6, 3), hash(range(5, 6)) == hash(range(5, 6, 3)))
print(range(1, 10, 3) == range(1, 11, 3), hash(range(1, 10, 3)) == hash(range(1, 11, 3)))
print(hash(range(4)) == hash((4, 0, 1)), hash(range(0)) == hash((0, None, None)))
print(hash(range(7, 8)) == hash((1, 7, None)))
d = {range(0): 'empty', range(3): 'three'}
print(d[range(5, 5)], d[range(0, 3, 1)], range(9, 9) in d, len({range(0), range(1, 1), range(4)}))
s = {range(2, 3), range(2, 3, 5)}
print(len(s), frozenset([range(3)]) == frozenset([range(0, 3)]))
print(hash(range(3)[::2]) == hash(range(0, 3, 2)), hash(range(6)[4:]) == hash(range(4, 6)))
try:
    hash(range(3)[::0])
except Exception as e:
    print(type(e).__name__, e)
