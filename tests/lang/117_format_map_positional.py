# str.format_map has no positional arguments: a positional field is a
# ValueError, raised when the field is reached (text before it is checked first).
class Missing:
    def __init__(self, **kw):
        self.kw = kw
    def __getitem__(self, key):
        return self.kw.get(key, '<' + key + '>')

cases = ['{}', '{0}', '{1}', '{0.real}', '{[0]}', '{a}{}', '{a}{0}', '{a}', '{a!r:>6}',
         '{x} and {y}', '{', '}', '{a}{', '{}{a}', '{:{}}', '{a:{}}', '{a:{b}}', 'plain',
         '{0[1]}', '{a[0]}', '{a.real}']
for t in cases:
    for m in ({}, {'a': 5, 'b': 3}, Missing(a='A')):
        try:
            print(repr(t), repr(t.format_map(m)))
        except Exception as e:
            print(repr(t), type(e).__name__, e)
try:
    print('{}'.format_map(None))
except Exception as e:
    print(type(e).__name__, e)
try:
    print('{a}'.format_map([1]))
except Exception as e:
    print(type(e).__name__, e)
print('{}'.format(1), '{0}{a}'.format(2, a=3))
