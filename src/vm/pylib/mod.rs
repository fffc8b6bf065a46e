//! Python's runtime library for numbers, text formatting, hashing, set order and
//! `random`, as pure functions on plain Rust values.
//!
//! Every function here reproduces what CPython 3.13 does, character for character,
//! and its doc comment names the CPython rule (and the C or Python source it lives
//! in) that it follows. Nothing here knows the VM's value type: the VM converts its
//! values to `i64`, `f64`, `&str` or hashes, calls in, and wraps the results. Where
//! CPython interleaves its own work with calls back into the object model (`%`
//! formatting, `str.format`, a set's `__eq__`), the module takes a small trait or a
//! callback so that the order of those calls, and so of the errors, is CPython's.
//!
//! Errors CPython raises come back as [`PyError`] values (a class name and the exact
//! message). A result that CPython would give as an int wider than 64 bits is not an
//! error in Python, only a limit of this runtime: [`int_ops`] reports it as
//! [`int_ops::ArithError::Overflow`] so the VM can refuse it clearly instead of
//! wrapping.
//!
//! Modules:
//! - [`float_repr`] — `repr(float)` and CPython's `PyOS_double_to_string`.
//! - [`format_spec`] — `format(x, spec)` for int, bool, float and str.
//! - [`percent`] — `str % args`.
//! - [`str_format`] — `str.format`.
//! - [`int_ops`] — int and float arithmetic, conversions, `round`, parsing.
//! - [`hash`] — `hash()` of int, float, bool, None, tuple, frozenset.
//! - [`settable`] — CPython's set hash table, so sets iterate in CPython's order.
//! - [`random`] — the `random` module on CPython's Mersenne Twister.
//! - [`text`] — `str.isspace`, Unicode decimal digits, `repr(str)` for messages.
//!
//! Where the VM calls in:
//! - `repr`/`str`/`print` of a float: [`float_repr::repr`].
//! - `format(x, spec)`, f-string fields `{x:spec}`, and the fields of
//!   `str.format`: [`format_spec::format_int`], `format_bool`, `format_float`,
//!   `format_str`, and `format_object` for types without their own `__format__`.
//! - `str % args`: [`percent::format`], the VM implementing
//!   [`percent::PercentArgs`]; `str.format`: [`str_format::format`] with
//!   [`str_format::FormatArgs`]. `tests/pylib/main.rs` has a reference
//!   implementation of both traits (`PercentVm`, `FormatVm`).
//! - `+ - * // % divmod / ** << >> abs round int() float()`, and `==`/`<` between
//!   int and float: [`int_ops`].
//! - `hash()`, and the hashes a set or dict needs: [`hash`].
//! - set objects: [`settable::SetTable`]. A set display of three or more
//!   constants is [`settable::SetTable::from_constant_display`]; a constant set
//!   display after `in` or as a `for` iterable is
//!   [`settable::SetTable::frozenset_constant`]; any other display adds its
//!   elements in order.
//! - the `random` module: one [`random::Random`] behind the module functions.
//!   CPython seeds it from the OS at import; the VM must choose a seed for
//!   programs that never call `random.seed`.

pub mod float_repr;
mod fmath;
pub mod format_spec;
pub mod hash;
pub mod int_ops;
pub mod percent;
pub mod random;
pub mod settable;
pub mod str_format;
pub mod text;

/// A Python exception raised by one of these functions: the class name
/// (`"ValueError"`, `"TypeError"`, `"ZeroDivisionError"`, `"OverflowError"`,
/// `"IndexError"`, `"KeyError"`) and the message exactly as CPython words it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PyError {
    pub kind: &'static str,
    pub message: String,
}

/// The formatting functions' name for [`PyError`].
pub type FmtError = PyError;

impl PyError {
    pub fn new(kind: &'static str, message: impl Into<String>) -> PyError {
        PyError { kind, message: message.into() }
    }

    pub fn value_error(message: impl Into<String>) -> PyError {
        PyError::new("ValueError", message)
    }

    pub fn type_error(message: impl Into<String>) -> PyError {
        PyError::new("TypeError", message)
    }

    pub fn overflow_error(message: impl Into<String>) -> PyError {
        PyError::new("OverflowError", message)
    }

    pub fn zero_division(message: impl Into<String>) -> PyError {
        PyError::new("ZeroDivisionError", message)
    }
}

/// The longest padding or digit run the formatting functions build: 16 Mi
/// characters. CPython goes on until memory runs out (`f"{x:2000000000}"`); in a
/// browser tab that would abort the app, so a width or precision beyond this
/// raises `MemoryError` instead.
pub const MAX_TEXT_LEN: usize = 1 << 24;

/// `MemoryError` (message empty, as CPython's) when `n > MAX_TEXT_LEN`.
pub(crate) fn check_text_len(n: usize) -> Result<(), PyError> {
    if n > MAX_TEXT_LEN {
        Err(PyError::new("MemoryError", ""))
    } else {
        Ok(())
    }
}

impl std::fmt::Display for PyError {
    /// `Kind: message`, as a traceback's last line shows it.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.kind, self.message)
    }
}
