# comment at the top

x = 1  # trailing comment
if x:  # comment after colon
    # comment inside block
    y = 2

        # an indented comment does not matter
    z = 3
def f(): return 1
class A: pass
while False: pass
for i in []: continue
if x: a = 1; b = 2
else: a = 2
try: pass
except Exception: pass
with a: pass
x = [1,
  2,
        3]
total = 1 + \
        2 + \
        3
s = """
  not indentation
"""
def g(
    a,
    b,
):
    pass
# last line is a comment
