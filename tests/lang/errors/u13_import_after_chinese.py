# 中文注释之后再导入
import random


def 任务():
    return random.random()


import threading
