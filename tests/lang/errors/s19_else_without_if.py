# 没有 if 的 else
x = 1
else:
    pass
