# except* 语法
try:
    pass
except* ValueError:
    pass
