# 缺少冒号
x = 3
if x > 1
    print("大")
