# Python 2 风格的 print
print "hello"
