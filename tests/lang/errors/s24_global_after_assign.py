# 赋值之后才声明 global
count = 0
def inc():
    count = 1
    global count
