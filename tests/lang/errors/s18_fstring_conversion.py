# f-string 中无效的转换字符
x = 1
print(f"{x!z}")
