# 模糊测试发现：zip() 的参数不可迭代时，CPython 3.13 的消息是 "'int' object is not iterable"
try:
    zip([1, 2], 5)
except TypeError as e:
    print(e)
