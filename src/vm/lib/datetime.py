# The datetime module (after CPython's pure-Python _pydatetime, for the
# subset): date, time, datetime, timedelta, timezone. The clock is the
# virtual one; local time is UTC, as the reference harness runs CPython.
import time as _time
import math as _math

MINYEAR = 1
MAXYEAR = 9999
_DAYS_IN_MONTH = [-1, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
_DAYS_BEFORE_MONTH = [-1]
_dbm = 0
for _dim in _DAYS_IN_MONTH[1:]:
    _DAYS_BEFORE_MONTH.append(_dbm)
    _dbm += _dim
del _dbm, _dim


def _is_leap(year):
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def _days_before_year(year):
    y = year - 1
    return y * 365 + y // 4 - y // 100 + y // 400


def _days_in_month(year, month):
    if month == 2 and _is_leap(year):
        return 29
    return _DAYS_IN_MONTH[month]


def _days_before_month(year, month):
    return _DAYS_BEFORE_MONTH[month] + (month > 2 and _is_leap(year))


def _ymd2ord(year, month, day):
    return _days_before_year(year) + _days_before_month(year, month) + day


def _ord2ymd(n):
    # (year, month, day) of proleptic Gregorian ordinal n (1 is 0001-01-01).
    n -= 1
    n400, n = divmod(n, 146097)
    year = n400 * 400 + 1
    n100, n = divmod(n, 36524)
    n4, n = divmod(n, 1461)
    n1, n = divmod(n, 365)
    year += n100 * 100 + n4 * 4 + n1
    if n1 == 4 or n100 == 4:
        return year - 1, 12, 31
    leapyear = n1 == 3 and (n4 != 24 or n100 == 3)
    month = (n + 50) >> 5
    preceding = _DAYS_BEFORE_MONTH[month] + (month > 2 and leapyear)
    if preceding > n:
        month -= 1
        preceding -= _DAYS_IN_MONTH[month] + (month == 2 and leapyear)
    n -= preceding
    return year, month, n + 1


def _check_int(name, value):
    if isinstance(value, float):
        raise TypeError("'float' object cannot be interpreted as an integer")
    if not isinstance(value, int):
        raise TypeError(f"'{type(value).__name__}' object cannot be interpreted as an integer")


def _check_date_fields(year, month, day):
    for v in (year, month, day):
        _check_int('', v)
    if not MINYEAR <= year <= MAXYEAR:
        raise ValueError(f'year {year} is out of range')
    if not 1 <= month <= 12:
        raise ValueError('month must be in 1..12')
    dim = _days_in_month(year, month)
    if not 1 <= day <= dim:
        raise ValueError(f'day is out of range for month')


def _check_time_fields(hour, minute, second, microsecond):
    for v in (hour, minute, second, microsecond):
        _check_int('', v)
    if not 0 <= hour <= 23:
        raise ValueError('hour must be in 0..23')
    if not 0 <= minute <= 59:
        raise ValueError('minute must be in 0..59')
    if not 0 <= second <= 59:
        raise ValueError('second must be in 0..59')
    if not 0 <= microsecond <= 999999:
        raise ValueError('microsecond must be in 0..999999')


def _cmp(x, y):
    return 0 if x == y else 1 if x > y else -1


def _format_time(hh, mm, ss, us, timespec='auto'):
    if timespec == 'auto':
        timespec = 'microseconds' if us else 'seconds'
    if timespec == 'hours':
        return f'{hh:02d}'
    if timespec == 'minutes':
        return f'{hh:02d}:{mm:02d}'
    if timespec == 'seconds':
        return f'{hh:02d}:{mm:02d}:{ss:02d}'
    if timespec == 'milliseconds':
        return f'{hh:02d}:{mm:02d}:{ss:02d}.{us // 1000:03d}'
    if timespec == 'microseconds':
        return f'{hh:02d}:{mm:02d}:{ss:02d}.{us:06d}'
    raise ValueError('Unknown timespec value')


def _format_offset(off, sep=':'):
    if off is None:
        return ''
    s = ''
    if off.days < 0:
        sign = '-'
        off = -off
    else:
        sign = '+'
    hh, mm = divmod(off, timedelta(hours=1))
    mm, ss = divmod(mm, timedelta(minutes=1))
    s = f'{sign}{hh:02d}{sep}{mm:02d}'
    if ss or ss.microseconds:
        s += f'{sep}{ss.seconds:02d}'
        if ss.microseconds:
            s += f'.{ss.microseconds:06d}'
    return s


def _wrap_strftime(obj, fmt, timetuple):
    # %f, %z and %Z here; the rest is time.strftime's.
    out = []
    i = 0
    n = len(fmt)
    while i < n:
        ch = fmt[i]
        i += 1
        if ch == '%' and i < n:
            ch = fmt[i]
            i += 1
            if ch == 'f':
                out.append(f"{getattr(obj, 'microsecond', 0):06d}")
            elif ch == 'z':
                off = obj.utcoffset() if hasattr(obj, 'utcoffset') else None
                out.append(_format_offset(off, '') if off is not None else '')
            elif ch == 'Z':
                name = obj.tzname() if hasattr(obj, 'tzname') else None
                out.append(name or '')
            else:
                out.append('%' + ch)
        else:
            out.append(ch)
    return _time.strftime(''.join(out), timetuple)


class timedelta:
    """A duration: days, seconds (under a day) and microseconds (under a second)."""

    def __init__(self, days=0, seconds=0, microseconds=0, milliseconds=0, minutes=0, hours=0, weeks=0):
        # Whole days apart: their microseconds would pass 64 bits.
        d = days + weeks * 7
        s = hours * 3600 + minutes * 60 + seconds
        if isinstance(d, float):
            whole = _math.floor(d)
            s += (d - whole) * 86400
            d = int(whole)
        total = s * 1000000 + milliseconds * 1000 + microseconds
        if isinstance(total, float):
            total = round(total)
        dd, rem = divmod(total, 86400000000)
        d += dd
        s, us = divmod(rem, 1000000)
        if not -999999999 <= d <= 999999999:
            raise OverflowError(f'days={d}; must have magnitude <= 999999999')
        self._days = d
        self._seconds = s
        self._microseconds = us

    @property
    def days(self):
        return self._days

    @property
    def seconds(self):
        return self._seconds

    @property
    def microseconds(self):
        return self._microseconds

    def _key(self):
        return (self._days, self._seconds, self._microseconds)

    def _to_us(self):
        return (self._days * 86400 + self._seconds) * 1000000 + self._microseconds

    def total_seconds(self):
        if -100000 < self._days < 100000:
            return self._to_us() / 10 ** 6
        return (self._days * 86400 + self._seconds) + self._microseconds / 10 ** 6

    def __repr__(self):
        args = []
        if self._days:
            args.append(f'days={self._days}')
        if self._seconds:
            args.append(f'seconds={self._seconds}')
        if self._microseconds:
            args.append(f'microseconds={self._microseconds}')
        if not args:
            args.append('0')
        return f"datetime.timedelta({', '.join(args)})"

    def __str__(self):
        mm, ss = divmod(self._seconds, 60)
        hh, mm = divmod(mm, 60)
        s = f'{hh}:{mm:02d}:{ss:02d}'
        if self._days:
            plural = 's' if abs(self._days) != 1 else ''
            s = f'{self._days} day{plural}, ' + s
        if self._microseconds:
            s = s + f'.{self._microseconds:06d}'
        return s

    def __add__(self, other):
        if isinstance(other, timedelta):
            return timedelta(microseconds=self._to_us() + other._to_us())
        return NotImplemented

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return timedelta(microseconds=self._to_us() - other._to_us())
        return NotImplemented

    def __neg__(self):
        return timedelta(microseconds=-self._to_us())

    def __pos__(self):
        return self

    def __abs__(self):
        return -self if self._days < 0 else self

    def __mul__(self, other):
        if isinstance(other, int):
            return timedelta(microseconds=self._to_us() * other)
        if isinstance(other, float):
            return timedelta(microseconds=round(self._to_us() * other))
        return NotImplemented

    __rmul__ = __mul__

    def __truediv__(self, other):
        if isinstance(other, timedelta):
            return self._to_us() / other._to_us()
        if isinstance(other, (int, float)):
            return timedelta(microseconds=round(self._to_us() / other))
        return NotImplemented

    def __floordiv__(self, other):
        if isinstance(other, timedelta):
            return self._to_us() // other._to_us()
        if isinstance(other, int):
            return timedelta(microseconds=self._to_us() // other)
        return NotImplemented

    def __mod__(self, other):
        if isinstance(other, timedelta):
            return timedelta(microseconds=self._to_us() % other._to_us())
        return NotImplemented

    def __divmod__(self, other):
        if isinstance(other, timedelta):
            q, r = divmod(self._to_us(), other._to_us())
            return q, timedelta(microseconds=r)
        return NotImplemented

    def __eq__(self, other):
        if isinstance(other, timedelta):
            return self._key() == other._key()
        return NotImplemented

    def __lt__(self, other):
        if isinstance(other, timedelta):
            return self._key() < other._key()
        return NotImplemented

    def __le__(self, other):
        if isinstance(other, timedelta):
            return self._key() <= other._key()
        return NotImplemented

    def __gt__(self, other):
        if isinstance(other, timedelta):
            return self._key() > other._key()
        return NotImplemented

    def __ge__(self, other):
        if isinstance(other, timedelta):
            return self._key() >= other._key()
        return NotImplemented

    def __hash__(self):
        return hash(self._key())

    def __bool__(self):
        return self._key() != (0, 0, 0)


timedelta.min = timedelta(-999999999)
timedelta.max = timedelta(days=999999999, hours=23, minutes=59, seconds=59, microseconds=999999)
timedelta.resolution = timedelta(microseconds=1)


class tzinfo:
    def utcoffset(self, dt):
        raise NotImplementedError('tzinfo subclass must override utcoffset()')

    def tzname(self, dt):
        raise NotImplementedError('tzinfo subclass must override tzname()')

    def dst(self, dt):
        raise NotImplementedError('tzinfo subclass must override dst()')


class timezone(tzinfo):
    def __init__(self, offset, name=None):
        if not isinstance(offset, timedelta):
            raise TypeError('offset must be a timedelta')
        self._offset = offset
        self._name = name

    def utcoffset(self, dt):
        return self._offset

    def dst(self, dt):
        return None

    def tzname(self, dt):
        if self._name is not None:
            return self._name
        if not self._offset:
            return 'UTC'
        return 'UTC' + _format_offset(self._offset)

    def __eq__(self, other):
        return isinstance(other, timezone) and self._offset == other._offset

    def __hash__(self):
        return hash(self._offset)

    def __repr__(self):
        if self is timezone.utc:
            return 'datetime.timezone.utc'
        if self._name is None:
            return f'datetime.timezone({self._offset!r})'
        return f'datetime.timezone({self._offset!r}, {self._name!r})'

    def __str__(self):
        return self.tzname(None)


timezone.utc = timezone(timedelta(0))
UTC = timezone.utc


class date:
    """A date of the proleptic Gregorian calendar."""

    def __init__(self, year, month, day):
        _check_date_fields(year, month, day)
        self._year = year
        self._month = month
        self._day = day

    @property
    def year(self):
        return self._year

    @property
    def month(self):
        return self._month

    @property
    def day(self):
        return self._day

    @classmethod
    def today(cls):
        return cls.fromtimestamp(_time.time())

    @classmethod
    def fromtimestamp(cls, t):
        y, m, d = _time.localtime(t)[:3]
        return cls(y, m, d)

    @classmethod
    def fromordinal(cls, n):
        y, m, d = _ord2ymd(n)
        return cls(y, m, d)

    @classmethod
    def fromisoformat(cls, s):
        try:
            y, m, d = s[:10].split('-')
            return cls(int(y), int(m), int(d))
        except Exception:
            raise ValueError(f'Invalid isoformat string: {s!r}') from None

    def toordinal(self):
        return _ymd2ord(self._year, self._month, self._day)

    def weekday(self):
        return (self.toordinal() + 6) % 7

    def isoweekday(self):
        return self.toordinal() % 7 or 7

    def isocalendar(self):
        year = self._year
        week1 = _isoweek1monday(year)
        today = _ymd2ord(self._year, self._month, self._day)
        week, day = divmod(today - week1, 7)
        if week < 0:
            year -= 1
            week1 = _isoweek1monday(year)
            week, day = divmod(today - week1, 7)
        elif week >= 52:
            if today >= _isoweek1monday(year + 1):
                year += 1
                week = 0
        return (year, week + 1, day + 1)

    def timetuple(self):
        yday = _days_before_month(self._year, self._month) + self._day
        return _time.struct_time((self._year, self._month, self._day, 0, 0, 0, self.weekday(), yday, -1))

    def replace(self, year=None, month=None, day=None):
        return type(self)(self._year if year is None else year, self._month if month is None else month,
                          self._day if day is None else day)

    def isoformat(self):
        return f'{self._year:04d}-{self._month:02d}-{self._day:02d}'

    __str__ = isoformat

    def strftime(self, fmt):
        return _wrap_strftime(self, fmt, self.timetuple())

    def __format__(self, spec):
        return self.strftime(spec) if spec else str(self)

    def ctime(self):
        return _time.asctime(self.timetuple())

    def __repr__(self):
        return f'datetime.{type(self).__name__}({self._year}, {self._month}, {self._day})'

    def _key(self):
        return (self._year, self._month, self._day)

    def __eq__(self, other):
        if isinstance(other, date) and not isinstance(other, datetime) and not isinstance(self, datetime):
            return self._key() == other._key()
        return NotImplemented

    def __lt__(self, other):
        if isinstance(other, date) and not isinstance(other, datetime):
            return self._key() < other._key()
        return NotImplemented

    def __le__(self, other):
        if isinstance(other, date) and not isinstance(other, datetime):
            return self._key() <= other._key()
        return NotImplemented

    def __gt__(self, other):
        if isinstance(other, date) and not isinstance(other, datetime):
            return self._key() > other._key()
        return NotImplemented

    def __ge__(self, other):
        if isinstance(other, date) and not isinstance(other, datetime):
            return self._key() >= other._key()
        return NotImplemented

    def __hash__(self):
        return hash(self._key())

    def __add__(self, other):
        if isinstance(other, timedelta):
            return type(self).fromordinal(self.toordinal() + other.days)
        return NotImplemented

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return self + timedelta(-other.days)
        if isinstance(other, date):
            return timedelta(self.toordinal() - other.toordinal())
        return NotImplemented


def _isoweek1monday(year):
    firstday = _ymd2ord(year, 1, 1)
    firstweekday = (firstday + 6) % 7
    week1monday = firstday - firstweekday
    if firstweekday > 3:
        week1monday += 7
    return week1monday


class time:
    """A time of day."""

    def __init__(self, hour=0, minute=0, second=0, microsecond=0, tzinfo=None):
        _check_time_fields(hour, minute, second, microsecond)
        self._hour = hour
        self._minute = minute
        self._second = second
        self._microsecond = microsecond
        self._tzinfo = tzinfo

    hour = property(lambda self: self._hour)
    minute = property(lambda self: self._minute)
    second = property(lambda self: self._second)
    microsecond = property(lambda self: self._microsecond)
    tzinfo = property(lambda self: self._tzinfo)

    def utcoffset(self):
        return None if self._tzinfo is None else self._tzinfo.utcoffset(None)

    def tzname(self):
        return None if self._tzinfo is None else self._tzinfo.tzname(None)

    def isoformat(self, timespec='auto'):
        s = _format_time(self._hour, self._minute, self._second, self._microsecond, timespec)
        off = self.utcoffset()
        return s + (_format_offset(off) if off is not None else '')

    __str__ = isoformat

    def strftime(self, fmt):
        return _wrap_strftime(self, fmt, (1900, 1, 1, self._hour, self._minute, self._second, 0, 1, -1))

    def __format__(self, spec):
        return self.strftime(spec) if spec else str(self)

    def __repr__(self):
        if self._microsecond:
            s = f'{self._hour}, {self._minute}, {self._second}, {self._microsecond}'
        elif self._second:
            s = f'{self._hour}, {self._minute}, {self._second}'
        else:
            s = f'{self._hour}, {self._minute}'
        if self._tzinfo is not None:
            s += f', tzinfo={self._tzinfo!r}'
        return f'datetime.{type(self).__name__}({s})'

    def _key(self):
        return (self._hour, self._minute, self._second, self._microsecond)

    def __eq__(self, other):
        return isinstance(other, time) and self._key() == other._key()

    def __lt__(self, other):
        return self._key() < other._key()

    def __le__(self, other):
        return self._key() <= other._key()

    def __gt__(self, other):
        return self._key() > other._key()

    def __ge__(self, other):
        return self._key() >= other._key()

    def __hash__(self):
        return hash(self._key())

    def replace(self, hour=None, minute=None, second=None, microsecond=None, tzinfo=True):
        return time(self._hour if hour is None else hour, self._minute if minute is None else minute,
                    self._second if second is None else second,
                    self._microsecond if microsecond is None else microsecond,
                    self._tzinfo if tzinfo is True else tzinfo)


class datetime(date):
    """A date and a time of day."""

    def __init__(self, year, month, day, hour=0, minute=0, second=0, microsecond=0, tzinfo=None):
        _check_date_fields(year, month, day)
        _check_time_fields(hour, minute, second, microsecond)
        self._year = year
        self._month = month
        self._day = day
        self._hour = hour
        self._minute = minute
        self._second = second
        self._microsecond = microsecond
        self._tzinfo = tzinfo

    hour = property(lambda self: self._hour)
    minute = property(lambda self: self._minute)
    second = property(lambda self: self._second)
    microsecond = property(lambda self: self._microsecond)
    tzinfo = property(lambda self: self._tzinfo)

    @classmethod
    def _fromtimestamp(cls, t, utc, tz):
        frac, t = _math.modf(t)
        us = round(frac * 1e6)
        if us >= 1000000:
            t += 1
            us -= 1000000
        elif us < 0:
            t -= 1
            us += 1000000
        y, m, d, hh, mm, ss = _time.gmtime(t)[:6]
        result = cls(y, m, d, hh, mm, ss, us, tz)
        if tz is not None and tz.utcoffset(None):
            result = result + tz.utcoffset(None)
        return result

    @classmethod
    def fromtimestamp(cls, t, tz=None):
        return cls._fromtimestamp(t, tz is not None, tz)

    @classmethod
    def utcfromtimestamp(cls, t):
        return cls._fromtimestamp(t, True, None)

    @classmethod
    def now(cls, tz=None):
        return cls.fromtimestamp(_time.time(), tz)

    @classmethod
    def utcnow(cls):
        return cls.utcfromtimestamp(_time.time())

    @classmethod
    def today(cls):
        return cls.fromtimestamp(_time.time())

    @classmethod
    def combine(cls, date, time, tzinfo=True):
        if tzinfo is True:
            tzinfo = time.tzinfo
        return cls(date.year, date.month, date.day, time.hour, time.minute, time.second, time.microsecond, tzinfo)

    @classmethod
    def fromisoformat(cls, s):
        try:
            d = date.fromisoformat(s[:10])
            rest = s[11:]
            hh = mm = ss = us = 0
            if rest:
                parts = rest.split(':')
                hh = int(parts[0])
                mm = int(parts[1]) if len(parts) > 1 else 0
                if len(parts) > 2:
                    sec = parts[2]
                    if '.' in sec:
                        sec, frac = sec.split('.')
                        us = int((frac + '000000')[:6])
                    ss = int(sec)
            return cls(d.year, d.month, d.day, hh, mm, ss, us)
        except Exception:
            raise ValueError(f'Invalid isoformat string: {s!r}') from None

    @classmethod
    def strptime(cls, s, fmt):
        return _strptime(cls, s, fmt)

    def date(self):
        return date(self._year, self._month, self._day)

    def time(self):
        return time(self._hour, self._minute, self._second, self._microsecond)

    def timetz(self):
        return time(self._hour, self._minute, self._second, self._microsecond, self._tzinfo)

    def utcoffset(self):
        return None if self._tzinfo is None else self._tzinfo.utcoffset(self)

    def tzname(self):
        return None if self._tzinfo is None else self._tzinfo.tzname(self)

    def timetuple(self):
        yday = _days_before_month(self._year, self._month) + self._day
        return _time.struct_time((self._year, self._month, self._day, self._hour, self._minute, self._second,
                                  self.weekday(), yday, -1))

    def timestamp(self):
        days = self.toordinal() - _ymd2ord(1970, 1, 1)
        t = days * 86400 + self._hour * 3600 + self._minute * 60 + self._second
        off = self.utcoffset()
        if off is not None:
            t -= off.days * 86400 + off.seconds
        return t + self._microsecond / 1e6

    def astimezone(self, tz=None):
        if tz is None:
            tz = timezone.utc
        off = self.utcoffset() or timedelta(0)
        utc = (self - off).replace(tzinfo=None)
        return (utc + (tz.utcoffset(None) or timedelta(0))).replace(tzinfo=tz)

    def replace(self, year=None, month=None, day=None, hour=None, minute=None, second=None, microsecond=None,
                tzinfo=True):
        return type(self)(self._year if year is None else year, self._month if month is None else month,
                          self._day if day is None else day, self._hour if hour is None else hour,
                          self._minute if minute is None else minute, self._second if second is None else second,
                          self._microsecond if microsecond is None else microsecond,
                          self._tzinfo if tzinfo is True else tzinfo)

    def isoformat(self, sep='T', timespec='auto'):
        s = (f'{self._year:04d}-{self._month:02d}-{self._day:02d}{sep}'
             + _format_time(self._hour, self._minute, self._second, self._microsecond, timespec))
        off = self.utcoffset()
        return s + (_format_offset(off) if off is not None else '')

    def __str__(self):
        return self.isoformat(sep=' ')

    def ctime(self):
        return _time.asctime(self.timetuple())

    def __repr__(self):
        fields = [self._year, self._month, self._day, self._hour, self._minute, self._second, self._microsecond]
        if fields[-1] == 0:
            del fields[-1]
        if fields[-1] == 0:
            del fields[-1]
        s = f"datetime.{type(self).__name__}({', '.join(map(str, fields))}"
        if self._tzinfo is not None:
            s += f', tzinfo={self._tzinfo!r}'
        return s + ')'

    def _us(self):
        off = self.utcoffset()
        t = ((self.toordinal() * 86400 + self._hour * 3600 + self._minute * 60 + self._second) * 1000000
             + self._microsecond)
        if off is not None:
            t -= off._to_us()
        return t

    def _check_compare(self, other):
        if (self._tzinfo is None) != (other._tzinfo is None):
            raise TypeError("can't compare offset-naive and offset-aware datetimes")

    def __eq__(self, other):
        if isinstance(other, datetime):
            if (self._tzinfo is None) != (other._tzinfo is None):
                return False
            return self._us() == other._us()
        return NotImplemented

    def __lt__(self, other):
        if isinstance(other, datetime):
            self._check_compare(other)
            return self._us() < other._us()
        return NotImplemented

    def __le__(self, other):
        if isinstance(other, datetime):
            self._check_compare(other)
            return self._us() <= other._us()
        return NotImplemented

    def __gt__(self, other):
        if isinstance(other, datetime):
            self._check_compare(other)
            return self._us() > other._us()
        return NotImplemented

    def __ge__(self, other):
        if isinstance(other, datetime):
            self._check_compare(other)
            return self._us() >= other._us()
        return NotImplemented

    def __hash__(self):
        return hash(self._us())

    def __add__(self, other):
        if not isinstance(other, timedelta):
            return NotImplemented
        us = ((self.toordinal() * 86400 + self._hour * 3600 + self._minute * 60 + self._second) * 1000000
              + self._microsecond + other._to_us())
        secs, us = divmod(us, 1000000)
        days, secs = divmod(secs, 86400)
        y, m, d = _ord2ymd(days)
        if not MINYEAR <= y <= MAXYEAR:
            raise OverflowError('date value out of range')
        return type(self)(y, m, d, secs // 3600, secs % 3600 // 60, secs % 60, us, self._tzinfo)

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return self + -other
        if isinstance(other, datetime):
            if (self._tzinfo is None) != (other._tzinfo is None):
                raise TypeError("can't subtract offset-naive and offset-aware datetimes")
            return timedelta(microseconds=self._us() - other._us())
        return NotImplemented


datetime.min = datetime(1, 1, 1)
datetime.max = datetime(9999, 12, 31, 23, 59, 59, 999999)
date.min = date(1, 1, 1)
date.max = date(9999, 12, 31)


def _strptime(cls, s, fmt):
    # The numeric directives (%Y %m %d %H %M %S %f %y %j) and literal text.
    vals = {'Y': 1900, 'm': 1, 'd': 1, 'H': 0, 'M': 0, 'S': 0, 'f': 0}
    i = 0
    j = 0
    widths = {'Y': 4, 'm': 2, 'd': 2, 'H': 2, 'M': 2, 'S': 2, 'f': 6, 'y': 2, 'j': 3}
    while j < len(fmt):
        c = fmt[j]
        if c == '%' and j + 1 < len(fmt):
            f = fmt[j + 1]
            j += 2
            if f == '%':
                if i >= len(s) or s[i] != '%':
                    raise ValueError(f"time data {s!r} does not match format {fmt!r}")
                i += 1
                continue
            if f not in widths:
                raise ValueError(f"'{f}' is a bad directive in format '%{f}'")
            k = i
            while k < len(s) and k - i < widths[f] and s[k].isdigit():
                k += 1
            if k == i:
                raise ValueError(f"time data {s!r} does not match format {fmt!r}")
            text = s[i:k]
            i = k
            if f == 'f':
                vals['f'] = int((text + '000000')[:6])
            elif f == 'y':
                y = int(text)
                vals['Y'] = y + (2000 if y < 69 else 1900)
            else:
                vals[f] = int(text)
        else:
            if i >= len(s) or s[i] != c:
                raise ValueError(f"time data {s!r} does not match format {fmt!r}")
            i += 1
            j += 1
    if i != len(s):
        raise ValueError(f'unconverted data remains: {s[i:]}')
    return cls(vals['Y'], vals['m'], vals['d'], vals['H'], vals['M'], vals['S'], vals['f'])
