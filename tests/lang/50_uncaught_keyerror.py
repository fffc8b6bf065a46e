# 未捕获的 KeyError：结束行是 uncaught KeyError: '键'（str 带引号）
inventory = {"苹果": 5, "香蕉": 0}
def take(item, n):
    have = inventory[item]
    if have < n:
        raise ValueError(f"{item} 库存不足")
    inventory[item] = have - n
    return inventory[item]
print("取 2 个苹果, 剩", take("苹果", 2))
try:
    take("香蕉", 1)
except ValueError as e:
    print("ValueError:", e)
print("库存:", inventory)
take("西瓜", 1)
