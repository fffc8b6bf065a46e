foo(1]
x = 1
foo([1)
x = )
y = ]
z = (1,
     2
w = {'a': 1
