# 函数外的 return
x = 5
if x:
    return x
