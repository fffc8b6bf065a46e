# random 模块函数的参数：按关键字传参、缺少或多余的参数、意外的关键字（CPython 的原话）
# Arguments of the random module's functions: by keyword, missing, extra, unknown.
import random

random.seed(a=2024)
print(random.random(), random.uniform(a=1, b=2), random.randint(a=1, b=6))
print(random.randrange(start=10), random.randrange(0, stop=10, step=2), random.randrange(5, None))
deck = ["A", "K", "Q", "J", "10"]
random.shuffle(x=deck)
print(random.choice(seq=deck), deck)
print(random.sample(population=range(20), k=3), random.choices(population="abc", k=4))
print(random.gauss(mu=10, sigma=0.5), random.expovariate(lambd=2), random.triangular(low=1, high=3, mode=2))
print(random.getrandbits(8), random.normalvariate(sigma=2))

calls = [
    ("random(1)", lambda: random.random(1)),
    ("random(1, 2)", lambda: random.random(1, 2)),
    ("random(x=1)", lambda: random.random(x=1)),
    ("seed(1, 2, 3)", lambda: random.seed(1, 2, 3)),
    ("seed(x=3)", lambda: random.seed(x=3)),
    ("seed(versio=2)", lambda: random.seed(versio=2)),
    ("uniform()", lambda: random.uniform()),
    ("uniform(1)", lambda: random.uniform(1)),
    ("uniform(1, 2, 3)", lambda: random.uniform(1, 2, 3)),
    ("uniform(1, c=2)", lambda: random.uniform(1, c=2)),
    ("uniform(1, 2, 3, c=4)", lambda: random.uniform(1, 2, 3, c=4)),
    ("uniform(1, a=2)", lambda: random.uniform(1, a=2)),
    ("randint()", lambda: random.randint()),
    ("randint(1)", lambda: random.randint(1)),
    ("randint(1, 2, 3)", lambda: random.randint(1, 2, 3)),
    ("randint(1, x=2)", lambda: random.randint(1, x=2)),
    ("randint(1, 2.5)", lambda: random.randint(1, 2.5)),
    ("randrange()", lambda: random.randrange()),
    ("randrange(1, 2, 3, 4)", lambda: random.randrange(1, 2, 3, 4)),
    ("randrange(stop=5)", lambda: random.randrange(stop=5)),
    ("randrange(1, 2, 3, start=1)", lambda: random.randrange(1, 2, 3, start=1)),
    ("randrange(5, None, 2)", lambda: random.randrange(5, None, 2)),
    ("randrange(1, 5, None)", lambda: random.randrange(1, 5, None)),
    ("randrange(0)", lambda: random.randrange(0)),
    ("choice()", lambda: random.choice()),
    ("choice([1], 2)", lambda: random.choice([1], 2)),
    ("choice([1], seq=[2])", lambda: random.choice([1], seq=[2])),
    ("choice(x=[1])", lambda: random.choice(x=[1])),
    ("shuffle()", lambda: random.shuffle()),
    ("shuffle([1], 2)", lambda: random.shuffle([1], 2)),
    ("shuffle([1], y=2)", lambda: random.shuffle([1], y=2)),
    ("shuffle([1, 2], x=[1])", lambda: random.shuffle([1, 2], x=[1])),
    ("getrandbits()", lambda: random.getrandbits()),
    ("getrandbits(1, 2)", lambda: random.getrandbits(1, 2)),
    ("getrandbits(k=3)", lambda: random.getrandbits(k=3)),
    ("sample()", lambda: random.sample()),
    ("sample([1])", lambda: random.sample([1])),
    ("sample(k=1)", lambda: random.sample(k=1)),
    ("sample([1], 1, 2)", lambda: random.sample([1], 1, 2)),
    ("sample(populatio=[1], k=1)", lambda: random.sample(populatio=[1], k=1)),
    ("sample([1], 1, population=[2])", lambda: random.sample([1], 1, population=[2])),
    ("choices()", lambda: random.choices()),
    ("choices(k=2)", lambda: random.choices(k=2)),
    ("choices([1], [1], [1])", lambda: random.choices([1], [1], [1])),
    ("choices([1], [1], [1], k=2)", lambda: random.choices([1], [1], [1], k=2)),
    ("choices([1], [1], weights=[1])", lambda: random.choices([1], [1], weights=[1])),
    ("choices([1], kk=2)", lambda: random.choices([1], kk=2)),
    ("gauss(1, 2, 3)", lambda: random.gauss(1, 2, 3)),
    ("gauss(sigmaa=1)", lambda: random.gauss(sigmaa=1)),
    ("gauss(1, mu=2)", lambda: random.gauss(1, mu=2)),
    ("normalvariate(1, 2, 3)", lambda: random.normalvariate(1, 2, 3)),
    ("expovariate(1, 2)", lambda: random.expovariate(1, 2)),
    ("expovariate(lamda=1)", lambda: random.expovariate(lamda=1)),
    ("triangular(1, 2, 3, 4)", lambda: random.triangular(1, 2, 3, 4)),
    ("triangular(1, 2, 3, 4, mode=2)", lambda: random.triangular(1, 2, 3, 4, mode=2)),
    ("uniform(1, 2, self=3)", lambda: random.uniform(1, 2, self=3)),
]
for text, call in calls:
    try:
        print(text, "->", call())
    except (TypeError, ValueError) as e:
        print(f"{text:32} {type(e).__name__}: {e}")
