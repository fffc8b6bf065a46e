# 模糊测试发现：自定义异常的 __str__/__repr__ 里调用 super().__str__() / super().__repr__()（到达 BaseException 的实现）
class InsufficientFunds(Exception):
    def __init__(self, need):
        super().__init__(f"还差 {need} 元")
        self.need = need

    def __str__(self):
        return "余额不足: " + super().__str__()

    def __repr__(self):
        return "<" + super().__repr__() + ">"


try:
    raise InsufficientFunds(30)
except InsufficientFunds as e:
    print(e, repr(e), e.need)
