# 函数内部导入其他模块
def f():
    import json
    return json
