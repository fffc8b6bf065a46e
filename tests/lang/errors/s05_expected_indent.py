# 函数体没有缩进
def f():
return 1
