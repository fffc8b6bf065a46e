# 排序：sort/sorted 的 key、reverse、稳定性，多关键字，字符串/元组排序，sorted 不改原列表
people = [("小明", 20, 88.5), ("小红", 19, 92.0), ("小刚", 20, 75.0), ("小丽", 19, 88.5), ("小华", 21, 92.0)]
print(sorted(people, key=lambda p: p[1]))
print(sorted(people, key=lambda p: p[2], reverse=True))
print("稳定性（reverse 也保持相等元素原顺序）:", [p[0] for p in sorted(people, key=lambda p: p[2], reverse=True)])
print("多关键字:", [p[0] for p in sorted(people, key=lambda p: (-p[2], p[1]))])
byage = sorted(people, key=lambda p: p[0])
byage = sorted(byage, key=lambda p: p[1])
print("两次排序:", [p[0] for p in byage])
words = ["banana", "Apple", "cherry", "apple", "Banana", "date", "fig", "Cherry"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len), sorted(words, key=len, reverse=True))
nums = [5, -3, 2, -8, 0, 7, -1]
nums.sort()
print("sort 原地:", nums, nums.sort(reverse=True), nums)
nums.sort(key=abs)
print("key=abs:", nums)
nums.sort(key=lambda x: x % 3)
print("key=x%3:", nums)
print("sorted 各种可迭代对象:", sorted("序列sorted"), sorted({3: "c", 1: "a", 2: "b"}), sorted({5, 1, 9}), sorted((2, 1)), sorted(range(5, 0, -1)))
print("sorted dict items:", sorted({"b": 2, "a": 3, "c": 1}.items()), sorted({"b": 2, "a": 3, "c": 1}.items(), key=lambda kv: kv[1]))
print("元组比较排序:", sorted([(2, "b"), (1, "z"), (2, "a"), (1, "a")]), sorted([[3], [1, 2], [1], []]))
print("浮点排序:", sorted([0.1 + 0.2, 0.3, 1e-5, -0.0, 0.0, -1.5]))
print("max/min key:", max(words, key=len), min(words, key=len), max(people, key=lambda p: p[2])[0], min(people, key=lambda p: p[2])[0])
orig = [3, 1, 2]
new = sorted(orig)
print("sorted 不改原列表:", orig, new, sorted(orig, reverse=True), list(reversed(orig)))
try:
    sorted([1, "a", 2])
except TypeError as e:
    print("TypeError:", e)
try:
    [3, None, 1].sort()
except TypeError as e:
    print("TypeError:", e)
data = [{"name": "n%d" % i, "score": (i * 37) % 10} for i in range(12)]
data.sort(key=lambda d: d["score"])
print([d["name"] + ":" + str(d["score"]) for d in data])
stable = list(range(20))
stable.sort(key=lambda x: x // 5, reverse=True)
print("reverse 稳定:", stable)
