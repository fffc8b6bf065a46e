if x
    pass
# ---
if x = 1:
    pass
# ---
while True print(x)
# ---
def f()
    pass
# ---
class A
    pass
# ---
for x in range(3)
    pass
# ---
x = 0
else if x:
    pass
# ---
if x:
    pass
else if y:
    pass
# ---
if x:
pass
# ---
def f():

x = 1
# ---
try:
    pass
x = 1
# ---
try:
    pass
else:
    pass
# ---
class A x:
    pass
# ---
def f() x:
    pass
# ---
try x:
    pass
# ---
try:
    pass
except E x:
    pass
# ---
try:
    pass
except E
    pass
# ---
try:
    pass
finally
    pass
# ---
for x in y z:
    pass
# ---
with a b:
    pass
# ---
with a
    pass
# ---
if x:
    pass
elif y
    pass
# ---
if x:
    pass
else
    pass
# ---
while x = 1:
    pass
# ---
if x  # comment
    pass
# ---
try:
    pass
except:
    pass
except ValueError:
    pass
# ---
try:
    pass
except A, B:
    pass
# ---
for x in y:
    pass
else:
    pass
else:
    pass
