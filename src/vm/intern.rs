//! Interned identifiers.
//!
//! Attribute names, global names, keyword-argument names and method names are
//! compared millions of times; they are interned once into a [`Symbol`] (a `u32`)
//! so those comparisons are integer compares. The names the runtime itself knows
//! (`__init__`, `append`, ...) are pre-interned in a fixed order so that they are
//! constants ([`sym`]) usable in `match` arms.

use rustc_hash::FxHashMap;
use std::cell::RefCell;
use std::rc::Rc;

/// An interned identifier.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) struct Symbol(pub u32);

struct Interner {
    names: Vec<Rc<str>>,
    index: FxHashMap<Rc<str>, u32>,
}

thread_local! {
    static INTERNER: RefCell<Interner> = RefCell::new(Interner::new());
}

impl Interner {
    fn new() -> Interner {
        let mut i = Interner { names: Vec::new(), index: FxHashMap::default() };
        for name in sym::KNOWN {
            i.intern(name);
        }
        i
    }

    fn intern(&mut self, s: &str) -> Symbol {
        if let Some(&n) = self.index.get(s) {
            return Symbol(n);
        }
        let n = self.names.len() as u32;
        let rc: Rc<str> = s.into();
        self.names.push(rc.clone());
        self.index.insert(rc, n);
        Symbol(n)
    }
}

impl Symbol {
    pub(crate) fn new(s: &str) -> Symbol {
        INTERNER.with(|i| i.borrow_mut().intern(s))
    }

    pub(crate) fn with_str<R>(self, f: impl FnOnce(&str) -> R) -> R {
        INTERNER.with(|i| f(&i.borrow().names[self.0 as usize]))
    }

    /// A special method builtin values may answer to (`(5).__add__`): the
    /// pre-interned dunders (a superset; [`crate::vm::object`] has the list per type).
    #[inline]
    pub(crate) fn maybe_value_dunder(self) -> bool {
        (sym::__init__.0..=sym::__format__.0).contains(&self.0)
            || (sym::__rsub__.0..=sym::__ior__.0).contains(&self.0)
            || self == sym::__index__
    }

    /// `__name__`-style dunder?
    pub(crate) fn is_dunder(self) -> bool {
        self.with_str(|s| s.len() > 4 && s.starts_with("__") && s.ends_with("__"))
    }
}

impl std::fmt::Display for Symbol {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.with_str(|s| f.write_str(s))
    }
}

macro_rules! known_symbols {
    ($($konst:ident = $text:literal,)*) => {
        /// Pre-interned symbols, usable as constants.
        #[allow(non_upper_case_globals, dead_code)]
        pub mod sym {
            use super::Symbol;
            pub(crate) const KNOWN: &[&str] = &[$($text,)*];
            known_symbols!(@consts 0u32; $($konst,)*);
        }
    };
    (@consts $n:expr; $first:ident, $($rest:ident,)*) => {
        pub(crate) const $first: Symbol = Symbol($n);
        known_symbols!(@consts $n + 1u32; $($rest,)*);
    };
    (@consts $n:expr;) => {};
}

known_symbols! {
    __init__ = "__init__",
    __repr__ = "__repr__",
    __str__ = "__str__",
    __eq__ = "__eq__",
    __ne__ = "__ne__",
    __lt__ = "__lt__",
    __le__ = "__le__",
    __gt__ = "__gt__",
    __ge__ = "__ge__",
    __hash__ = "__hash__",
    __len__ = "__len__",
    __bool__ = "__bool__",
    __iter__ = "__iter__",
    __next__ = "__next__",
    __contains__ = "__contains__",
    __getitem__ = "__getitem__",
    __setitem__ = "__setitem__",
    __delitem__ = "__delitem__",
    __call__ = "__call__",
    __enter__ = "__enter__",
    __exit__ = "__exit__",
    __aenter__ = "__aenter__",
    __aexit__ = "__aexit__",
    __await__ = "__await__",
    __add__ = "__add__",
    __sub__ = "__sub__",
    __mul__ = "__mul__",
    __truediv__ = "__truediv__",
    __floordiv__ = "__floordiv__",
    __mod__ = "__mod__",
    __pow__ = "__pow__",
    __neg__ = "__neg__",
    __radd__ = "__radd__",
    __name__ = "__name__",
    __qualname__ = "__qualname__",
    __module__ = "__module__",
    __class__ = "__class__",
    __dict__ = "__dict__",
    __doc__ = "__doc__",
    __cause__ = "__cause__",
    __context__ = "__context__",
    __traceback__ = "__traceback__",
    __suppress_context__ = "__suppress_context__",
    __file__ = "__file__",
    __getattr__ = "__getattr__",
    __slots__ = "__slots__",
    __mro__ = "__mro__",
    __bases__ = "__bases__",
    __self__ = "__self__",
    __func__ = "__func__",
    __format__ = "__format__",
    args = "args",
    exceptions = "exceptions",
    message = "message",
    value = "value",
    code = "code",
    self_ = "self",
    key = "key",
    reverse = "reverse",
    sep = "sep",
    end = "end",
    file = "file",
    flush = "flush",
    default = "default",
    start = "start",
    name = "name",
    msg = "msg",
    // list
    append = "append",
    extend = "extend",
    insert = "insert",
    pop = "pop",
    remove = "remove",
    index = "index",
    count = "count",
    sort = "sort",
    clear = "clear",
    copy = "copy",
    // str
    join = "join",
    split = "split",
    rsplit = "rsplit",
    splitlines = "splitlines",
    strip = "strip",
    lstrip = "lstrip",
    rstrip = "rstrip",
    upper = "upper",
    lower = "lower",
    title = "title",
    capitalize = "capitalize",
    swapcase = "swapcase",
    casefold = "casefold",
    replace = "replace",
    startswith = "startswith",
    endswith = "endswith",
    find = "find",
    rfind = "rfind",
    rindex = "rindex",
    format = "format",
    format_map = "format_map",
    isdigit = "isdigit",
    isnumeric = "isnumeric",
    isdecimal = "isdecimal",
    isalpha = "isalpha",
    isalnum = "isalnum",
    isspace = "isspace",
    isprintable = "isprintable",
    isupper = "isupper",
    islower = "islower",
    isidentifier = "isidentifier",
    istitle = "istitle",
    center = "center",
    ljust = "ljust",
    rjust = "rjust",
    zfill = "zfill",
    partition = "partition",
    rpartition = "rpartition",
    encode = "encode",
    expandtabs = "expandtabs",
    removeprefix = "removeprefix",
    removesuffix = "removesuffix",
    // dict
    get = "get",
    items = "items",
    keys = "keys",
    values = "values",
    setdefault = "setdefault",
    update = "update",
    popitem = "popitem",
    fromkeys = "fromkeys",
    // set
    add = "add",
    discard = "discard",
    union = "union",
    intersection = "intersection",
    difference = "difference",
    symmetric_difference = "symmetric_difference",
    issubset = "issubset",
    issuperset = "issuperset",
    isdisjoint = "isdisjoint",
    intersection_update = "intersection_update",
    difference_update = "difference_update",
    symmetric_difference_update = "symmetric_difference_update",
    // numbers
    real = "real",
    imag = "imag",
    conjugate = "conjugate",
    bit_length = "bit_length",
    is_integer = "is_integer",
    as_integer_ratio = "as_integer_ratio",
    hex = "hex",
    // misc
    with_traceback = "with_traceback",
    add_note = "add_note",
    __notes__ = "__notes__",
    send = "send",
    throw = "throw",
    close = "close",
    cr_frame = "cr_frame",
    __main__ = "__main__",
    super_ = "super",
    __builtins__ = "__builtins__",
    mro = "mro",
    __init_subclass__ = "__init_subclass__",
    __abstractmethods__ = "__abstractmethods__",
    __annotations__ = "__annotations__",
    __set_name__ = "__set_name__",
    fget = "fget",
    setter = "setter",
    getter = "getter",
    deleter = "deleter",
    __isabstractmethod__ = "__isabstractmethod__",
    __code__ = "__code__",
    __defaults__ = "__defaults__",
    __wrapped__ = "__wrapped__",
    cell_contents = "cell_contents",
    stop = "stop",
    step = "step",
    __index__ = "__index__",
    __setattr__ = "__setattr__",
    __delattr__ = "__delattr__",
    __new__ = "__new__",
    __rsub__ = "__rsub__",
    __rmul__ = "__rmul__",
    __rtruediv__ = "__rtruediv__",
    __rfloordiv__ = "__rfloordiv__",
    __rmod__ = "__rmod__",
    __rpow__ = "__rpow__",
    __and__ = "__and__",
    __rand__ = "__rand__",
    __or__ = "__or__",
    __ror__ = "__ror__",
    __xor__ = "__xor__",
    __rxor__ = "__rxor__",
    __lshift__ = "__lshift__",
    __rlshift__ = "__rlshift__",
    __rshift__ = "__rshift__",
    __rrshift__ = "__rrshift__",
    __pos__ = "__pos__",
    __abs__ = "__abs__",
    __invert__ = "__invert__",
    __int__ = "__int__",
    __float__ = "__float__",
    __iadd__ = "__iadd__",
    __imul__ = "__imul__",
    __ior__ = "__ior__",
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_symbols_are_constants() {
        assert_eq!(Symbol::new("__init__"), sym::__init__);
        assert_eq!(Symbol::new("append"), sym::append);
        assert_eq!(sym::index.to_string(), "index");
        let fresh = Symbol::new("some_new_name");
        assert_eq!(fresh, Symbol::new("some_new_name"));
        assert_ne!(fresh, sym::append);
    }
}
