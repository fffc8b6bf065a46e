# from 导入同样检查
from inspect import iscoroutine, signature
