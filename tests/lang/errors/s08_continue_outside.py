# 循环外的 continue
for i in range(3):
    pass
continue
