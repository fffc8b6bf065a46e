# 生成器函数不在子集内
def count_up(n):
    i = 0
    while i < n:
        yield i
        i += 1
