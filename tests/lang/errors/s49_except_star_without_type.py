# except* 后面没有类型
try:
    pass
except*:
    pass
