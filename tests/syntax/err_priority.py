print(fWorker {x} 秒)")
# ---
foo(a b
# ---
return 1; x = = 2
# ---
print（"hi"）
# ---
x = = "abc
# ---
def f x:
    pass
# ---
async def g:
    pass
# ---
x = a[1:2]return (f(a, b)
