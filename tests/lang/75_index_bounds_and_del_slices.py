# list.index / tuple.index: start and stop clamped like slices, their argument
# errors; del of slices on a long list.
xs = [5, 1, 5, 2, 5]
print(xs.index(5), xs.index(5, 1), xs.index(5, -2), xs.index(5, 1, 3), xs.index(2, -100, 100))
t = (5, 1, 5)
print(t.index(5, 1), t.index(1, -5))
for args in [(), (5, 1, 2, 3), (5, 'a'), (7,), (5, 3, 4)]:
    try:
        print(xs.index(*args))
    except Exception as e:
        print(type(e).__name__, e)
    try:
        print(t.index(*args))
    except Exception as e:
        print(type(e).__name__, e)


class A:
    pass


for start in [A(), True, 2.0, None]:
    try:
        print(xs.index(5, start))
    except Exception as e:
        print(type(e).__name__, e)
big = list(range(10000))
del big[:4000]
del big[::3]
del big[-5:]
print(len(big), big[:4], big[-3:], big.index(9990), big.index(4004, 0, 5))
xs = list(range(20))
del xs[::-3]
print(xs)
ys = list(range(10))
del ys[8:2:-2]
print(ys)
zs = [1, 2]
del zs[5:]
del zs[:]
print(zs)
