# 未捕获的链式异常：结束行只显示最外层异常的类型和消息
def parse_port(text):
    try:
        return int(text)
    except ValueError as e:
        raise RuntimeError(f"端口配置错误: {text!r}") from e
for t in ["8080", "443"]:
    print("端口", parse_port(t))
def outer():
    try:
        parse_port("http")
    finally:
        print("outer 的 finally")
outer()
