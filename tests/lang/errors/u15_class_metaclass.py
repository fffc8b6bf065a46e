# 类的关键字参数
class Meta(type):
    pass

class A(metaclass=Meta):
    pass
