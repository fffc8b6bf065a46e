# if 里用了 = 而不是 ==
x = 3
if x = 3:
    print("三")
