# random：shuffle、randrange、sample、choice 的序列，以及错误
import random

random.seed(2024)
deck = list(range(1, 11))
random.shuffle(deck)
print("shuffle:", deck)
random.shuffle(deck)
print("再 shuffle:", deck)
names = ["小明", "小红", "小刚", "小丽", "小华"]
random.shuffle(names)
print("名字:", names)
print("randrange:", [random.randrange(10) for _ in range(6)], [random.randrange(5, 50, 5) for _ in range(4)], [random.randrange(10, 0, -2) for _ in range(4)])
print("sample:", random.sample(range(100), 5), random.sample(["a", "b", "c", "d"], 2), random.sample("异步编程语言", 3), random.sample([1, 2, 3], 3))
print("choice 字符串/元组/range:", random.choice("abcdef"), random.choice((10, 20, 30)), random.choice(range(1000)))
random.seed(1)
hand = random.sample(range(52), 5)
rest = [c for c in range(52) if c not in hand]
random.shuffle(rest)
print("发牌:", hand, rest[:5])
random.seed(0)
counts = [0] * 6
for _ in range(600):
    counts[random.randint(1, 6) - 1] += 1
print("掷骰子 600 次:", counts, sum(counts))
random.seed(99)
walk = [0]
for _ in range(20):
    walk.append(walk[-1] + random.choice([-1, 1]))
print("随机游走:", walk)
random.seed(12345)
mixed = [random.random(), random.randint(1, 3), random.uniform(2, 3), random.choice("xy"), random.randrange(7)]
lst = [1, 2, 3, 4]
random.shuffle(lst)
mixed.append(lst)
mixed.append(random.random())
print("混合调用后的状态:", mixed)
for bad in [lambda: random.choice([]), lambda: random.randint(5, 1), lambda: random.randrange(0), lambda: random.sample([1, 2], 3)]:
    try:
        bad()
    except (IndexError, ValueError) as e:
        print(f"{type(e).__name__}: {e}")
