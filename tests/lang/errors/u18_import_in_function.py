# 函数内部导入其他模块
def f():
    import socket
    return socket
