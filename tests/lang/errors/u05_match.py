# match 语句
cmd = "开始"
match cmd:
    case "开始":
        print("go")
