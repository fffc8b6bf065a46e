del f()
# ---
del (a, 1)
# ---
del a + b
# ---
for f() in x: pass
# ---
for 1 in x: pass
# ---
with a as f(): pass
# ---
with a as 1: pass
# ---
[x for 1 in y]
# ---
(f() := 1)
# ---
(a.b := 1)
# ---
x := 1
# ---
assert x := 1
