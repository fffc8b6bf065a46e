return 1
# ---
class A:
    return 1
# ---
break
# ---
continue
# ---
for x in y:
    def f():
        break
# ---
for x in y:
    pass
else:
    break
# ---
await x
# ---
def f():
    await x
# ---
x = lambda: await x
# ---
async def f():
    g = lambda: await x
# ---
class A:
    await x
# ---
[await x for x in y]
# ---
def f():
    return [await x for x in y]
# ---
def f():
    async with a: pass
# ---
async with a: pass
# ---
while True:
    class A:
        break
