# 文件结束时字典还没闭合
config = {
    "host": "localhost",
    "port": 8080,
