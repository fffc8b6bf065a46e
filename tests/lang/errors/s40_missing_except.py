# try 没有 except 或 finally
try:
    x = 1
print(x)
