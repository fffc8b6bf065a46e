# random：固定种子下 Mersenne Twister 的确切序列（seed 0, 1, 42, 2024, -5, 12345）
import random

for s in [0, 1, 42, 2024, -5, 12345]:
    random.seed(s)
    r = [random.random() for _ in range(3)]
    u = [random.uniform(1, 10) for _ in range(2)]
    i = [random.randint(1, 100) for _ in range(5)]
    c = [random.choice(["甲", "乙", "丙", "丁"]) for _ in range(4)]
    print(f"seed={s}:")
    print("  random :", r)
    print("  uniform:", u)
    print("  randint:", i)
    print("  choice :", c)
random.seed(42)
a = [random.random() for _ in range(5)]
random.seed(42)
b = [random.random() for _ in range(5)]
print("同一种子可重复:", a == b)
random.seed(-5)
x = random.random()
random.seed(5)
y = random.random()
print("负种子与正种子相同（取绝对值）:", x == y, x)
random.seed(7)
print("大范围 randint:", [random.randint(-10 ** 9, 10 ** 9) for _ in range(3)], random.randint(5, 5))
print("uniform 反向区间:", random.uniform(10, 1), random.uniform(-1, 1), random.uniform(0, 0))
random.seed(2 ** 40 + 17)
print("大种子:", random.random(), random.randint(0, 2 ** 31))
random.seed(3)
print("格式化:", f"{random.random():.4f}", round(random.uniform(0.5, 1.5), 3), "%.2f" % random.random())
