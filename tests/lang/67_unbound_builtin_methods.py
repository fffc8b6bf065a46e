# 模糊测试发现：通过类型调用内置方法且带两个以上参数（str.join(sep, xs)、list.append(lst, x)、dict.get(d, k)）
words = ["b", "a"]
print(str.join("-", words))
lst = []
list.append(lst, 3)
print(lst, dict.get({"k": 1}, "k"), str.replace("a-b", "-", "+"))
