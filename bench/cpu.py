# CPU-bound interpreter benchmark: arithmetic, list/dict operations, function calls.
def step(x, y):
    return (x * 31 + y) % 1000003


def work(n):
    total = 0
    items = []
    counts = {}
    for i in range(n):
        total = step(total, i)
        if i % 3 == 0:
            items.append(i)
        key = i % 17
        counts[key] = counts.get(key, 0) + 1
    evens = [v for v in items if v % 2 == 0]
    return total, len(items), len(evens), counts[5]


print(work(1000000))
