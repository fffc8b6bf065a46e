x = 1
    y = 2
z = 3
if x:
        a = 1
    b = 2
c = 4
if x:
    pass
  y = 1
