# yield from
def chain(a, b):
    yield from a
