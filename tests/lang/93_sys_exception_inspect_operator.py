import sys, inspect, operator
def f():
    try:
        1 / 0
    except ZeroDivisionError:
        print(sys.exception(), sys.exc_info()[0], sys.exc_info()[1])
        g()
    print(sys.exception())
def g():
    print('in g', repr(sys.exception()))
f()
try:
    raise KeyError('k')
except KeyError:
    print(repr(sys.exception()))
print(sys.exc_info(), sys.intern('a'), sys.getdefaultencoding())
def h():
    """  Doc.
       more
    """
print(repr(inspect.cleandoc(h.__doc__)), repr(inspect.getdoc(h)), inspect.getmro(bool))
print(operator.iadd([1], [2]), operator.ior({1}, {2}), operator.call(max, 1, 5), operator.length_hint([1, 2]), operator.length_hint(iter([])), operator.abs(-3))
