# The json module: dumps/loads (and dump/load refused: no files), with
# CPython's formatting and error messages.


class JSONDecodeError(ValueError):
    def __init__(self, msg, doc, pos):
        lineno = doc.count('\n', 0, pos) + 1
        colno = pos - doc.rfind('\n', 0, pos)
        super().__init__(f'{msg}: line {lineno} column {colno} (char {pos})')
        self.msg = msg
        self.doc = doc
        self.pos = pos
        self.lineno = lineno
        self.colno = colno


def _float_str(o, allow_nan):
    if o != o:
        text = 'NaN'
    elif o == float('inf'):
        text = 'Infinity'
    elif o == -float('inf'):
        text = '-Infinity'
    else:
        return repr(o)
    if not allow_nan:
        raise ValueError('Out of range float values are not JSON compliant: ' + repr(o))
    return text


class JSONEncoder:
    item_separator = ', '
    key_separator = ': '

    def __init__(self, *, skipkeys=False, ensure_ascii=True, check_circular=True, allow_nan=True,
                 sort_keys=False, indent=None, separators=None, default=None):
        self.skipkeys = skipkeys
        self.ensure_ascii = ensure_ascii
        self.allow_nan = allow_nan
        self.sort_keys = sort_keys
        if indent is not None and not isinstance(indent, str):
            indent = ' ' * indent
        self.indent = indent
        if separators is not None:
            self.item_separator, self.key_separator = separators
        elif indent is not None:
            self.item_separator = ','
        if default is not None:
            self.default = default

    def default(self, o):
        raise TypeError(f'Object of type {o.__class__.__name__} is not JSON serializable')

    def encode(self, o):
        return ''.join(self.iterencode(o))

    def iterencode(self, o):
        out = []
        self._encode(o, out, 0, [])
        return out

    def _key(self, k):
        if isinstance(k, str):
            return k
        if isinstance(k, bool):
            return 'true' if k else 'false'
        if k is None:
            return 'null'
        if isinstance(k, float):
            return _float_str(k, self.allow_nan)
        if isinstance(k, int):
            return str(k)
        if self.skipkeys:
            return None
        raise TypeError(f'keys must be str, int, float, bool or None, not {k.__class__.__name__}')

    def _encode(self, o, out, level, seen):
        if isinstance(o, str):
            out.append(_encode_str(o, self.ensure_ascii))
        elif o is None:
            out.append('null')
        elif o is True:
            out.append('true')
        elif o is False:
            out.append('false')
        elif isinstance(o, int):
            out.append(str(o))
        elif isinstance(o, float):
            out.append(_float_str(o, self.allow_nan))
        elif isinstance(o, (list, tuple)):
            self._encode_list(o, out, level, seen)
        elif isinstance(o, dict):
            self._encode_dict(o, out, level, seen)
        else:
            for s in seen:
                if s is o:
                    raise ValueError('Circular reference detected')
            seen.append(o)
            self._encode(self.default(o), out, level, seen)
            seen.pop()

    def _newline(self, level):
        return '\n' + self.indent * level

    def _encode_list(self, o, out, level, seen):
        if not o:
            out.append('[]')
            return
        for s in seen:
            if s is o:
                raise ValueError('Circular reference detected')
        seen.append(o)
        out.append('[')
        if self.indent is not None:
            level += 1
            sep = self.item_separator + self._newline(level)
            out.append(self._newline(level))
        else:
            sep = self.item_separator
        first = True
        for v in o:
            if not first:
                out.append(sep)
            first = False
            self._encode(v, out, level, seen)
        if self.indent is not None:
            level -= 1
            out.append(self._newline(level))
        out.append(']')
        seen.pop()

    def _encode_dict(self, o, out, level, seen):
        if not o:
            out.append('{}')
            return
        for s in seen:
            if s is o:
                raise ValueError('Circular reference detected')
        seen.append(o)
        out.append('{')
        if self.indent is not None:
            level += 1
            sep = self.item_separator + self._newline(level)
            out.append(self._newline(level))
        else:
            sep = self.item_separator
        items = sorted(o.items()) if self.sort_keys else o.items()
        first = True
        for k, v in items:
            key = self._key(k)
            if key is None:
                continue
            if not first:
                out.append(sep)
            first = False
            out.append(_encode_str(key, self.ensure_ascii))
            out.append(self.key_separator)
            self._encode(v, out, level, seen)
        if self.indent is not None:
            level -= 1
            out.append(self._newline(level))
        out.append('}')
        seen.pop()


def dumps(obj, *, skipkeys=False, ensure_ascii=True, check_circular=True, allow_nan=True, cls=None,
          indent=None, separators=None, default=None, sort_keys=False, **kw):
    if cls is None:
        cls = JSONEncoder
    return cls(skipkeys=skipkeys, ensure_ascii=ensure_ascii, check_circular=check_circular,
               allow_nan=allow_nan, indent=indent, separators=separators, default=default,
               sort_keys=sort_keys, **kw).encode(obj)


_WS = ' \t\n\r'
_ESCAPES = {'"': '"', '\\': '\\', '/': '/', 'b': '\b', 'f': '\f', 'n': '\n', 'r': '\r', 't': '\t'}
_NUMBER_CHARS = '0123456789+-.eE'


class JSONDecoder:
    def __init__(self, *, object_hook=None, parse_float=None, parse_int=None, parse_constant=None,
                 strict=True, object_pairs_hook=None):
        self.object_hook = object_hook
        self.object_pairs_hook = object_pairs_hook
        self.parse_float = parse_float or float
        self.parse_int = parse_int or int
        self.strict = strict

    def decode(self, s):
        i = self._skip(s, 0)
        value, i = self._value(s, i)
        i = self._skip(s, i)
        if i != len(s):
            raise JSONDecodeError('Extra data', s, i)
        return value

    def _skip(self, s, i):
        n = len(s)
        while i < n and s[i] in _WS:
            i += 1
        return i

    def _value(self, s, i):
        if i >= len(s):
            raise JSONDecodeError('Expecting value', s, i)
        c = s[i]
        if c == '"':
            return self._string(s, i + 1)
        if c == '{':
            return self._object(s, i + 1)
        if c == '[':
            return self._array(s, i + 1)
        if s.startswith('null', i):
            return None, i + 4
        if s.startswith('true', i):
            return True, i + 4
        if s.startswith('false', i):
            return False, i + 5
        if s.startswith('NaN', i):
            return float('nan'), i + 3
        if s.startswith('Infinity', i):
            return float('inf'), i + 8
        if s.startswith('-Infinity', i):
            return float('-inf'), i + 9
        if c == '-' or c.isdigit():
            j = i + 1
            while j < len(s) and s[j] in _NUMBER_CHARS:
                j += 1
            text = s[i:j]
            try:
                if '.' in text or 'e' in text or 'E' in text:
                    return self.parse_float(text), j
                return self.parse_int(text), j
            except ValueError:
                raise JSONDecodeError('Expecting value', s, i) from None
        raise JSONDecodeError('Expecting value', s, i)

    def _string(self, s, i):
        start = i - 1
        parts = []
        n = len(s)
        while True:
            j = i
            while j < n and s[j] != '"' and s[j] != '\\' and (s[j] >= ' ' or not self.strict):
                j += 1
            parts.append(s[i:j])
            if j >= n:
                raise JSONDecodeError('Unterminated string starting at', s, start)
            c = s[j]
            if c == '"':
                return ''.join(parts), j + 1
            if c != '\\':
                raise JSONDecodeError('Invalid control character at', s, j)
            if j + 1 >= n:
                raise JSONDecodeError('Unterminated string starting at', s, start)
            e = s[j + 1]
            if e == 'u':
                code = s[j + 2:j + 6]
                if len(code) != 4:
                    raise JSONDecodeError('Invalid \\uXXXX escape', s, j + 1)
                try:
                    cp = int(code, 16)
                except ValueError:
                    raise JSONDecodeError('Invalid \\uXXXX escape', s, j + 1) from None
                i = j + 6
                if 0xd800 <= cp <= 0xdbff and s[i:i + 2] == '\\u':
                    low = int(s[i + 2:i + 6], 16)
                    if 0xdc00 <= low <= 0xdfff:
                        cp = 0x10000 + ((cp - 0xd800) << 10) + (low - 0xdc00)
                        i += 6
                parts.append(chr(cp))
                continue
            if e not in _ESCAPES:
                raise JSONDecodeError('Invalid \\escape', s, j)
            parts.append(_ESCAPES[e])
            i = j + 2

    def _object(self, s, i):
        pairs = []
        i = self._skip(s, i)
        if i < len(s) and s[i] == '}':
            return self._finish_object(pairs), i + 1
        while True:
            if i >= len(s) or s[i] != '"':
                raise JSONDecodeError('Expecting property name enclosed in double quotes', s, i)
            key, i = self._string(s, i + 1)
            i = self._skip(s, i)
            if i >= len(s) or s[i] != ':':
                raise JSONDecodeError("Expecting ':' delimiter", s, i)
            i = self._skip(s, i + 1)
            value, i = self._value(s, i)
            pairs.append((key, value))
            i = self._skip(s, i)
            if i < len(s) and s[i] == '}':
                return self._finish_object(pairs), i + 1
            if i >= len(s) or s[i] != ',':
                raise JSONDecodeError("Expecting ',' delimiter", s, i)
            i = self._skip(s, i + 1)

    def _finish_object(self, pairs):
        if self.object_pairs_hook is not None:
            return self.object_pairs_hook(pairs)
        d = dict(pairs)
        if self.object_hook is not None:
            return self.object_hook(d)
        return d

    def _array(self, s, i):
        values = []
        i = self._skip(s, i)
        if i < len(s) and s[i] == ']':
            return values, i + 1
        while True:
            value, i = self._value(s, i)
            values.append(value)
            i = self._skip(s, i)
            if i < len(s) and s[i] == ']':
                return values, i + 1
            if i >= len(s) or s[i] != ',':
                raise JSONDecodeError("Expecting ',' delimiter", s, i)
            i = self._skip(s, i + 1)


def loads(s, *, cls=None, object_hook=None, parse_float=None, parse_int=None, parse_constant=None,
          object_pairs_hook=None, **kw):
    if not isinstance(s, str):
        raise TypeError(f'the JSON object must be str, bytes or bytearray, not {s.__class__.__name__}')
    if cls is None:
        cls = JSONDecoder
    return cls(object_hook=object_hook, parse_float=parse_float, parse_int=parse_int,
               object_pairs_hook=object_pairs_hook, **kw).decode(s)


def dump(obj, fp, **kw):
    fp.write(dumps(obj, **kw))


def load(fp, **kw):
    return loads(fp.read(), **kw)
