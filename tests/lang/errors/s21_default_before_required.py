# 默认参数之后的必选参数
def greet(greeting="你好", name):
    return greeting + name
