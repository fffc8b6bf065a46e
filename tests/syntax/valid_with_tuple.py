with (a, *b):
    pass
with (*a, b) as c:
    pass
