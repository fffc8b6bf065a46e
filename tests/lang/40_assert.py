# assert：带消息、不带消息、消息为非字符串、消息只在失败时求值、断言元组总是为真
def check(x):
    assert x > 0, f"x 必须为正，实际是 {x}"
    return x * 2
print(check(5))
for v in [0, -3]:
    try:
        check(v)
    except AssertionError as e:
        print("AssertionError:", e, e.args)
try:
    assert 1 == 2
except AssertionError as e:
    print("无消息:", repr(e), e.args, str(e) == "")
try:
    assert [], ["消息", "可以是列表"]
except AssertionError as e:
    print("非字符串消息:", e, e.args)
evaluated = []
def msg():
    evaluated.append(1)
    return "消息被求值"
assert True, msg()
print("成功时消息不求值:", evaluated)
try:
    assert False, msg()
except AssertionError as e:
    print("失败时求值:", e, evaluated)
try:
    assert None
except AssertionError:
    print("None 为假")
assert "非空字符串"
assert [0]
assert 0.1
print("真值断言通过")
def validate(order):
    assert isinstance(order, dict), "订单必须是字典"
    assert "id" in order, "缺少 id"
    assert order.get("qty", 0) > 0, ("数量无效", order.get("qty"))
    return "有效"
for o in [{"id": 1, "qty": 2}, [], {"qty": 1}, {"id": 2, "qty": 0}]:
    try:
        print(validate(o))
    except AssertionError as e:
        print("无效:", e)
print("AssertionError 是 Exception:", issubclass(AssertionError, Exception))
assert 2 + 2 == 5, "最后一个断言失败，程序以未捕获异常结束"
print("不会打印")
