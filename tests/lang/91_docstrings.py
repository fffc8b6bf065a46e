def f():
    """  First line.

        Indented more.
    Back.
    
    """
print(repr(f.__doc__))
def g():
    '''x'''
    return 1
print(repr(g.__doc__))
class C:
	"""tab
	  doc"""
print(repr(C.__doc__))
class D: pass
print(repr(D.__doc__), repr(D().__doc__))
import functools
def deco(f):
    @functools.wraps(f)
    def w(*a):
        return f(*a)
    return w
@deco
def h():
    """Wrapped doc."""
print(h.__doc__, h.__name__, h.__wrapped__ is not None)
async def co():
    "co doc"
print(co.__doc__)
