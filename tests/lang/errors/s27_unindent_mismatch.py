# 缩进对不齐
if True:
        x = 1
    y = 2
