# 字符串没有结束
name = "小明
print(name)
