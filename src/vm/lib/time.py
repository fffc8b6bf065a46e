# The time module on the virtual clock. time(), monotonic(), perf_counter(),
# sleep() and time_ns() are the event loop's (the scheduler puts them here);
# the wall clock is the virtual clock too, in UTC from the epoch, as the
# reference harness runs CPython (TZ=UTC, localtime() is gmtime()).

timezone = 0
altzone = 0
daylight = 0
tzname = ('UTC', 'UTC')

_DAYS = ('Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun')
_DAY_NAMES = ('Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday')
_MONTHS = ('Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec')
_MONTH_NAMES = ('January', 'February', 'March', 'April', 'May', 'June', 'July', 'August',
                'September', 'October', 'November', 'December')
_FIELDS = ('tm_year', 'tm_mon', 'tm_mday', 'tm_hour', 'tm_min', 'tm_sec', 'tm_wday', 'tm_yday', 'tm_isdst')


def monotonic_ns():
    return int(monotonic() * 1e9)


def perf_counter_ns():
    return int(perf_counter() * 1e9)


class struct_time:
    """time.struct_time: the nine fields, by index or by name."""

    def __init__(self, fields, zone='UTC', gmtoff=0):
        fields = tuple(fields)
        if len(fields) != 9:
            raise TypeError(f'time.struct_time() takes a 9-sequence ({len(fields)}-sequence given)')
        self._f = fields
        self.tm_zone = zone
        self.tm_gmtoff = gmtoff

    def __getattr__(self, name):
        if name in _FIELDS:
            return self._f[_FIELDS.index(name)]
        raise AttributeError(f"'time.struct_time' object has no attribute '{name}'")

    def __getitem__(self, i):
        return self._f[i]

    def __len__(self):
        return 9

    def __iter__(self):
        return iter(self._f)

    def __eq__(self, other):
        if isinstance(other, struct_time):
            return self._f == other._f
        return self._f == other

    def __repr__(self):
        parts = ', '.join(f'{n}={v}' for n, v in zip(_FIELDS, self._f))
        return f'time.struct_time({parts})'


def _is_leap(y):
    return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)


def _civil(days):
    # Days since 1970-01-01 to (year, month, day) (Howard Hinnant's algorithm).
    z = days + 719468
    era = (z if z >= 0 else z - 146096) // 146097
    doe = z - era * 146097
    yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
    y = yoe + era * 400
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    mp = (5 * doy + 2) // 153
    d = doy - (153 * mp + 2) // 5 + 1
    m = mp + 3 if mp < 10 else mp - 9
    return (y + 1 if m <= 2 else y), m, d


def _days_from_civil(y, m, d):
    y = y - 1 if m <= 2 else y
    era = (y if y >= 0 else y - 399) // 400
    yoe = y - era * 400
    mp = m - 3 if m > 2 else m + 9
    doy = (153 * mp + 2) // 5 + d - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return era * 146097 + doe - 719468


def _yday(y, m, d):
    return _days_from_civil(y, m, d) - _days_from_civil(y, 1, 1) + 1


def gmtime(secs=None):
    if secs is None:
        secs = time()
    secs = int(secs // 1)
    days, rem = divmod(secs, 86400)
    y, m, d = _civil(days)
    wday = (days + 3) % 7
    return struct_time((y, m, d, rem // 3600, rem % 3600 // 60, rem % 60, wday, _yday(y, m, d), 0))


def localtime(secs=None):
    return gmtime(secs)


def mktime(t):
    y, m, d, hh, mm, ss = t[0], t[1], t[2], t[3], t[4], t[5]
    return float(_days_from_civil(y, m, d) * 86400 + hh * 3600 + mm * 60 + ss)


def asctime(t=None):
    if t is None:
        t = localtime()
    return f'{_DAYS[t[6]]} {_MONTHS[t[1] - 1]} {t[2]:2d} {t[3]:02d}:{t[4]:02d}:{t[5]:02d} {t[0]}'


def ctime(secs=None):
    return asctime(localtime(secs))


def _week_number(t, first):
    # %U (weeks starting Sunday, first=6) and %W (starting Monday, first=0).
    wday = (t[6] - first) % 7
    return (t[7] - 1 + 7 - wday) // 7


def _iso(t):
    # The ISO year and week: those of this week's Thursday.
    days = _days_from_civil(t[0], t[1], t[2])
    thursday = days - t[6] + 3
    year = _civil(thursday)[0]
    return year, (thursday - _days_from_civil(year, 1, 1)) // 7 + 1


def strftime(format, t=None):
    if t is None:
        t = localtime()
    out = []
    i = 0
    n = len(format)
    while i < n:
        c = format[i]
        if c != '%' or i + 1 == n:
            out.append(c)
            i += 1
            continue
        f = format[i + 1]
        i += 2
        if f == 'Y':
            out.append(str(t[0]))
        elif f == 'm':
            out.append(f'{t[1]:02d}')
        elif f == 'd':
            out.append(f'{t[2]:02d}')
        elif f == 'e':
            out.append(f'{t[2]:2d}')
        elif f == 'H':
            out.append(f'{t[3]:02d}')
        elif f == 'M':
            out.append(f'{t[4]:02d}')
        elif f == 'S':
            out.append(f'{t[5]:02d}')
        elif f == 'y':
            out.append(f'{t[0] % 100:02d}')
        elif f == 'C':
            out.append(f'{t[0] // 100:02d}')
        elif f == 'b' or f == 'h':
            out.append(_MONTHS[t[1] - 1])
        elif f == 'B':
            out.append(_MONTH_NAMES[t[1] - 1])
        elif f == 'a':
            out.append(_DAYS[t[6]])
        elif f == 'A':
            out.append(_DAY_NAMES[t[6]])
        elif f == 'j':
            out.append(f'{t[7]:03d}')
        elif f == 'I':
            out.append(f'{(t[3] - 1) % 12 + 1:02d}')
        elif f == 'l':
            out.append(f'{(t[3] - 1) % 12 + 1:2d}')
        elif f == 'p':
            out.append('AM' if t[3] < 12 else 'PM')
        elif f == 'w':
            out.append(str((t[6] + 1) % 7))
        elif f == 'u':
            out.append(str(t[6] + 1))
        elif f == 'U':
            out.append(f'{_week_number(t, 6):02d}')
        elif f == 'W':
            out.append(f'{_week_number(t, 0):02d}')
        elif f == 'G':
            out.append(str(_iso(t)[0]))
        elif f == 'V':
            out.append(f'{_iso(t)[1]:02d}')
        elif f == 'c':
            out.append(asctime(t))
        elif f == 'x':
            out.append(f'{t[1]:02d}/{t[2]:02d}/{t[0] % 100:02d}')
        elif f == 'X' or f == 'T':
            out.append(f'{t[3]:02d}:{t[4]:02d}:{t[5]:02d}')
        elif f == 'R':
            out.append(f'{t[3]:02d}:{t[4]:02d}')
        elif f == 'D':
            out.append(f'{t[1]:02d}/{t[2]:02d}/{t[0] % 100:02d}')
        elif f == 'F':
            out.append(f'{t[0]}-{t[1]:02d}-{t[2]:02d}')
        elif f == 'r':
            out.append(f'{(t[3] - 1) % 12 + 1:02d}:{t[4]:02d}:{t[5]:02d} ' + ('AM' if t[3] < 12 else 'PM'))
        elif f == 'Z':
            out.append('UTC')
        elif f == 'z':
            out.append('+0000')
        elif f == 's':
            out.append(str(int(mktime(t))))
        elif f == 'n':
            out.append('\n')
        elif f == 't':
            out.append('\t')
        elif f == '%':
            out.append('%')
        else:
            out.append('%' + f)
    return ''.join(out)
