x = f"{y
