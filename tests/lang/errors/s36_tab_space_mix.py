# 混用制表符与空格
if True:
	x = 1
        y = 2
