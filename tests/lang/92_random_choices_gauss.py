import random
random.seed(7)
print(random.choices('abcde', k=5), random.choices([1, 2, 3], weights=[1, 0, 5], k=4), random.choices('xy', cum_weights=[1.5, 2]))
print(random.choices(range(10)))
print(random.gauss(), random.gauss(10, 2), random.normalvariate(), random.expovariate(2), random.triangular(), random.triangular(1, 5, 4))
for i in range(3):
    print(random.gauss(0, 1), random.expovariate(0.5), random.normalvariate(5, 1))
try:
    random.choices('ab', weights=[1], k=2)
except ValueError as e:
    print(e)
try:
    random.choices('ab', weights=[0, 0])
except ValueError as e:
    print(e)
