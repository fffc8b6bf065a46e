# The sys module, as much of it as a program in the browser can use.
argv = [_program_file()]
platform = 'linux'
maxsize = 9223372036854775807
byteorder = 'little'
version = '3.13.0'
implementation = None
modules = {}
path = []


class _VersionInfoType:
    def __init__(self):
        self.major, self.minor, self.micro, self.releaselevel, self.serial = 3, 13, 0, 'final', 0
        self._t = (3, 13, 0, 'final', 0)

    def __getitem__(self, i):
        return self._t[i]

    def __len__(self):
        return 5

    def __iter__(self):
        return iter(self._t)

    def __eq__(self, other):
        return self._t == (other._t if isinstance(other, _VersionInfoType) else other)

    def __lt__(self, other):
        return self._t < other

    def __le__(self, other):
        return self._t <= other

    def __gt__(self, other):
        return self._t > other

    def __ge__(self, other):
        return self._t >= other

    def __hash__(self):
        return hash(self._t)

    def __repr__(self):
        return "sys.version_info(major=3, minor=13, micro=0, releaselevel='final', serial=0)"


version_info = _VersionInfoType()


class _Stream:
    def __init__(self, name, shown):
        self.name = name
        self._shown = shown

    def write(self, text):
        if not isinstance(text, str):
            raise TypeError(f'write() argument must be str, not {type(text).__name__}')
        if self._shown:
            _write(text)
        return len(text)

    def writelines(self, lines):
        for line in lines:
            self.write(line)

    def flush(self):
        pass

    def isatty(self):
        return False

    def __repr__(self):
        return f"<_io.TextIOWrapper name='<{self.name}>' mode='w' encoding='utf-8'>"


stdout = _Stream('stdout', True)
stderr = _Stream('stderr', False)
__stdout__ = stdout
__stderr__ = stderr


def exit(status=None):
    raise SystemExit(status) if status is not None else SystemExit()


def getrecursionlimit():
    return 1000


def getsizeof(obj, default=None):
    _unsupported('sys.getsizeof (object sizes are CPython\'s own)')


def exception():
    # A bare raise here re-raises the exception its caller handles.
    try:
        raise
    except RuntimeError as e:
        if e.args == ('No active exception to reraise',) and e.__context__ is None:
            return None
        return e
    except BaseException as e:
        return e


def exc_info():
    e = exception()
    return (None, None, None) if e is None else (type(e), e, e.__traceback__)


def intern(string):
    if type(string) is not str:
        raise TypeError(f"intern() argument must be str, not {type(string).__name__}")
    return string


def getdefaultencoding():
    return 'utf-8'
