# 模块级代码与 if __name__ == '__main__':，模块级变量、函数先定义后调用、全局状态
print("模块开始执行, __name__ =", __name__)
CONFIG = {"retries": 3, "name": "loopscope"}
history = []

def helper(x):
    history.append(x)
    return x * 2

def main():
    print("main() 运行")
    results = [helper(i) for i in range(CONFIG["retries"])]
    print("结果:", results, "历史:", history)
    return len(results)

print("定义完函数, 还没调用 main, history =", history)

if __name__ == '__main__':
    code = main()
    print("main 返回", code)
else:
    print("作为模块导入时才会打印")

if __name__ != "__main__":
    print("不会打印")
elif CONFIG["name"].startswith("loop"):
    print("elif 分支")
print("模块末尾:", CONFIG["name"], len(history), callable(main))
