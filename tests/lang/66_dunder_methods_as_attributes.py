# 模糊测试发现：内置类型和 object 的特殊方法不能作为属性取用（(5).__add__(3)、'ab'.__len__()、没定义 __eq__ 的对象 .__eq__）
class Plain:
    pass


p = Plain()
print((5).__add__(3), "ab".__len__(), [1, 2].__contains__(2), (3).__eq__(3.0))
print(p.__eq__(p), p.__eq__(1))
