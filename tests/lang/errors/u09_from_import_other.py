# 从其他模块导入
from collections import deque
