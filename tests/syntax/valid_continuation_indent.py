def f():
    x = 1
\
    return x


if True:
    y = \
        2
    z = [1,
\
  2]
print(f(), y, z)
