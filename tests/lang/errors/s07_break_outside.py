# 循环外的 break
def f():
    if True:
        break
