a，b = 1, 2
print（"hi"）
x = 1；y = 2
if x：
    pass
s = “hello”
x = $
y = ?
z = `
x = 1 \ 2
