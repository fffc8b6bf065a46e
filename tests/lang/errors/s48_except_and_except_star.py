# except 和 except* 混用
try:
    pass
except* ValueError:
    pass
except TypeError:
    pass
