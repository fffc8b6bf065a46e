# 程序以未捕获的自定义异常结束：之前的输出都保留，finally 仍会运行
class OrderError(Exception):
    def __init__(self, order_id, reason):
        super().__init__(order_id, reason)
        self.order_id = order_id
        self.reason = reason

def process(order):
    if order["qty"] <= 0:
        raise OrderError(order["id"], "数量必须为正")
    return order["qty"] * order["price"]

orders = [{"id": 1, "qty": 2, "price": 9.9}, {"id": 2, "qty": 1, "price": 100}, {"id": 3, "qty": 0, "price": 5}]
total = 0.0
try:
    for o in orders:
        amount = process(o)
        total += amount
        print(f"订单 {o['id']}: {amount:.2f}")
finally:
    print("finally: 已处理金额", round(total, 2))
print("不会打印")
