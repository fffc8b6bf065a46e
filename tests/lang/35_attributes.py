# 属性访问：hasattr/getattr（默认值）/setattr/delattr、AttributeError 信息、类与实例、内置类型的属性
class Robot:
    model = "R2"
    def __init__(self, name):
        self.name = name
    def hello(self):
        return "我是 " + self.name
r = Robot("小智")
print(hasattr(r, "name"), hasattr(r, "model"), hasattr(r, "hello"), hasattr(r, "speed"), hasattr(Robot, "name"))
print(getattr(r, "name"), getattr(r, "speed", 0), getattr(Robot, "model"), getattr(r, "hello")(), getattr(r, "x", None))
setattr(r, "speed", 42)
setattr(r, "name", "阿尔法")
print(r.speed, r.name, getattr(r, "spe" + "ed"))
delattr(r, "speed")
print("delattr 后:", hasattr(r, "speed"))
for obj, attr in [(r, "speed"), (Robot, "name"), (5, "foo"), ("s", "push"), ([], "add"), (None, "x"), ({}, "append"), (3.5, "real_part")]:
    try:
        getattr(obj, attr)
    except AttributeError as e:
        print("AttributeError:", e)
try:
    r.fly()
except AttributeError as e:
    print("AttributeError:", e)
try:
    Robot.missing
except AttributeError as e:
    print("AttributeError:", e)
try:
    "abc".length
except AttributeError as e:
    print("AttributeError:", e)
try:
    (1).real = 2
except AttributeError as e:
    print("AttributeError:", e)
try:
    [].x = 1
except AttributeError as e:
    print("AttributeError:", e)
try:
    getattr(r, 5)
except TypeError as e:
    print("TypeError:", e)
class Config:
    pass
cfg = Config()
for k, v in {"host": "localhost", "port": 8080, "debug": True}.items():
    setattr(cfg, k, v)
print("动态配置:", [(k, getattr(cfg, k)) for k in ["host", "port", "debug"]])
print("方法也是属性:", getattr("abc", "upper")(), getattr([3, 1, 2], "index")(1), getattr({"k": 1}, "get")("k"))
print("数值属性:", (3).real, (3.5).imag, (5).bit_length(), (255).bit_length(), (-1).bit_length(), (0.5).as_integer_ratio())
print("类属性改变影响实例:", end=" ")
Robot.model = "R3"
print(r.model, Robot("新").model)
print("type 的名字:", type(r).__name__, type(Robot).__name__, type(3).__name__, type(None).__name__, type(len).__name__, type(r.hello).__name__, type(lambda: 0).__name__)
