# 深层调用中未捕获的 ZeroDivisionError
def average(xs):
    return sum(xs) / len(xs)
def report(groups):
    for name, xs in groups.items():
        print(f"{name}: 平均 {average(xs):.2f}")
report({"一组": [90, 85, 77], "二组": [60.5, 70], "三组": [], "四组": [1]})
