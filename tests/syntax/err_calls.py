f(a.b=1)
# ---
f(x=1, x=2)
# ---
f(True=1)
# ---
f(x=1, 2)
# ---
f(**a, 2)
# ---
f(**a, *b)
# ---
f(x for x in y, 1)
# ---
f(1, x for x in y)
# ---
f(x for x in y,)
# ---
f(*)
# ---
f(**)
# ---
f(a b)
# ---
print("a" "b" c)
# ---
[1 2]
# ---
x = (1 2)
# ---
x = {1 2}
# ---
{1: 2, 3}
# ---
{1: }
# ---
x = [1, 2,,]
# ---
print "hello"
# ---
print x
# ---
a b
# ---
x = 1 2
# ---
class = 1
# ---
def = 5
# ---
x = 1 if y
# ---
x = a if b else c if d
# ---
x = not
# ---
x = a is not
# ---
x = 5 +
# ---
a.1
# ---
x = [i for i in]
# ---
@dec
x = 1
# ---
lambda x y: 1
