# 海象运算符不能给属性赋值
class C:
    pass
c = C()
if (c.x := 5):
    pass
