# 从其他模块导入
from os import path
