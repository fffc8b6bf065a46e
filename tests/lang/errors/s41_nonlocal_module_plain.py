# 模块级的 nonlocal（之前没有赋值）
nonlocal total
