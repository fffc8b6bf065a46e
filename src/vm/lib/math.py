# The math module: the functions are native (math.rs); the rest is here.
pi = 3.141592653589793
e = 2.718281828459045
tau = 6.283185307179586
inf = float('inf')
nan = float('nan')


def isclose(a, b, *, rel_tol=1e-09, abs_tol=0.0):
    if rel_tol < 0.0 or abs_tol < 0.0:
        raise ValueError('tolerances must be non-negative')
    if a == b:
        return True
    if isinf(a) or isinf(b):
        return False
    diff = fabs(b - a)
    return (diff <= fabs(rel_tol * b)) or (diff <= fabs(rel_tol * a)) or (diff <= abs_tol)


def prod(iterable, *, start=1):
    result = start
    for x in iterable:
        result = result * x
    return result


def fsum(iterable):
    # Neumaier's compensated sum, then the partials' exact sum (Shewchuk).
    partials = []
    for x in iterable:
        x = float(x)
        i = 0
        for y in partials:
            if fabs(x) < fabs(y):
                x, y = y, x
            hi = x + y
            lo = y - (hi - x)
            if lo:
                partials[i] = lo
                i += 1
            x = hi
        partials[i:] = [x]
    return sum(partials, 0.0) if len(partials) != 1 else partials[0]


def dist(p, q):
    if len(p) != len(q):
        raise ValueError('both points must have the same number of dimensions')
    return hypot(*[a - b for a, b in zip(p, q)])
