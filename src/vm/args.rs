//! The argument binder of the natives (builtin functions, methods of builtin
//! types, the `random` and `math` modules, and `sched`'s asyncio natives): a
//! native states its parameters as CPython declares them ([`Params`]), and
//! [`Params::bind`] matches a call's positional and keyword arguments to
//! them, or raises the `TypeError` the CPython parser behind that function
//! (Argument Clinic, or ceval for the natives that stand for Python code)
//! would raise for the call, word for word and in the same order of checks.
//! Beside it, the checks of the simpler C calling conventions (no arguments,
//! exactly one, a count of positional ones, no keywords) and the conversion
//! of index and float arguments that many natives share.
//!
//! Not here: binding a call to a function defined in the program (`call`,
//! which fills a frame's locals with defaults; it takes ceval's wording from
//! here: [`too_many_positional`], [`missing_arguments`], ...), and
//! converting the bound values (each native does, with its own messages),
//! apart from integer indices ([`index`], [`clamp_index`], [`slice_index`],
//! [`slice_bound`]) and floats ([`float_arg`]).
//! Natives whose CPython parser is neither (`enumerate`'s vectorcall) keep
//! their own checks.

use super::intern::Symbol;
use super::types::type_name;
use super::value::{Kwargs, Value};
use super::{PyResult, Vm};
use std::fmt::Display;

/// Which of CPython's argument parsers a native follows: each words its
/// errors its own way and checks in its own order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Parser {
    /// Argument Clinic's `_PyArg_UnpackKeywords` (`Python/getargs.c`), behind
    /// C functions such as `round`, `pow`, `sum`, `print`, `property` and
    /// methods such as `str.split` and `list.sort`: the total count first
    /// (`takes at most 2 arguments (3 given)`), then the positional count,
    /// then each parameter by keyword in order (`missing required argument
    /// 'exp' (pos 2)`), then a keyword that repeats a positional argument
    /// (`argument for round() given by name ('number') and position (1)`),
    /// then an unknown keyword.
    Clinic,
    /// A method defined in Python, called bound (`Lib/random.py`'s
    /// `Random.uniform`, `asyncio`'s `BaseEventLoop.call_later`, ...), as
    /// ceval's `initialize_locals` binds it: every keyword first (`got an
    /// unexpected keyword argument`, `got multiple values for argument 'a'`),
    /// then too many positional arguments, then the missing ones (`missing 2
    /// required positional arguments: 'a' and 'b'`). `self` counts among the
    /// positional arguments in the messages and is one of the names an
    /// unknown keyword may be close to.
    PyMethod,
    /// A function defined in Python (`asyncio.create_task`,
    /// `asyncio.isfuture`): [`Parser::PyMethod`] without `self`.
    PyFunction,
}

/// A native's parameters: `names` in order, the first `posonly` of them
/// positional-only, up to `positional` of them positional (the rest
/// keyword-only), the first `required` without a default; with `varargs`,
/// positional arguments beyond `positional` are the native's own
/// (`print(*objects, sep=...)`) and not counted against it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Params<'a, const N: usize> {
    /// The function as its messages name it (`round`, `split`, `Random.sample`).
    name: &'a str,
    parser: Parser,
    names: [&'a str; N],
    posonly: usize,
    positional: usize,
    required: usize,
    varargs: bool,
}

impl<'a, const N: usize> Params<'a, N> {
    /// An Argument Clinic function whose parameters are all
    /// positional-or-keyword, the first `required` of them required.
    pub(crate) fn clinic(name: &'a str, names: [&'a str; N], required: usize) -> Self {
        Params {
            name,
            parser: Parser::Clinic,
            names,
            posonly: 0,
            positional: N,
            required,
            varargs: false,
        }
    }

    /// A method of `Lib/random.py`-style Python code, its parameters after
    /// `self` positional-or-keyword, the first `required` of them required.
    pub(crate) fn py_method(name: &'a str, names: [&'a str; N], required: usize) -> Self {
        Params { parser: Parser::PyMethod, ..Params::clinic(name, names, required) }
    }

    /// A function defined in Python, its parameters positional-or-keyword,
    /// the first `required` of them required.
    pub(crate) fn py_function(name: &'a str, names: [&'a str; N], required: usize) -> Self {
        Params { parser: Parser::PyFunction, ..Params::clinic(name, names, required) }
    }

    /// Only the first `n` names may be passed by position; the rest are
    /// keyword-only (after a `*` in the signature).
    pub(crate) fn positional(self, n: usize) -> Self {
        Params { positional: n, ..self }
    }

    /// The first `n` names are positional-only (before a `/`); Argument
    /// Clinic's functions only.
    pub(crate) fn posonly(self, n: usize) -> Self {
        Params { posonly: n, ..self }
    }

    /// Positional arguments beyond the first `positional` are the native's
    /// (`*args` in the signature: first in `print(*objects, sep=...)`, after
    /// `callback` in `call_soon(callback, *args, context=None)`), not counted
    /// against it; [`Params::extra`] gives them.
    pub(crate) fn varargs(self) -> Self {
        Params { varargs: true, ..self }
    }

    /// The positional arguments of a call that [`Params::varargs`] leaves to
    /// the native: those beyond the first `positional`.
    pub(crate) fn extra<'v>(&self, args: &'v [Value]) -> &'v [Value] {
        args.get(self.positional..).unwrap_or(&[])
    }

    /// The call's arguments bound to `names`: slot `i` holds the value given
    /// for `names[i]`, by position or by keyword, or `None` when the call
    /// gave none (the native applies its default). Or CPython's `TypeError`.
    #[inline(always)]
    pub(crate) fn bind<'v>(
        &self,
        vm: &Vm,
        args: &'v [Value],
        kwargs: &'v Kwargs,
    ) -> PyResult<[Option<&'v Value>; N]> {
        // The common call, positional arguments only and as many as the
        // function takes, binds at once (both parsers have this fast path),
        // inline in the native, where the parameters are constants
        // (`call_soon`, `random.uniform` run 170,000 times in
        // bench/tasks10k.py).
        let n = args.len();
        if kwargs.is_empty() && n >= self.required && (n <= self.positional || self.varargs) {
            return Ok(self.by_position(args));
        }
        self.bind_slow(vm, args, kwargs)
    }

    /// [`Params::bind`] past its fast path: keywords, or a count to check.
    #[inline(never)]
    fn bind_slow<'v>(
        &self,
        vm: &Vm,
        args: &'v [Value],
        kwargs: &'v Kwargs,
    ) -> PyResult<[Option<&'v Value>; N]> {
        // Names are interned only when a keyword has to be looked up.
        let syms: Option<[Symbol; N]> = (!kwargs.is_empty()).then(|| self.names.map(Symbol::new));
        let find = |i: usize| -> Option<&'v Value> {
            let s = syms.as_ref()?[i];
            kwargs.iter().find(|(k, _)| *k == s).map(|(_, v)| v)
        };
        match self.parser {
            Parser::Clinic => self.bind_clinic(vm, args, kwargs, find),
            Parser::PyMethod | Parser::PyFunction => self.bind_py(vm, args, kwargs, syms),
        }
    }

    /// The first `positional` slots filled from `args` (as many as there
    /// are), the others empty.
    #[inline(always)]
    fn by_position<'v>(&self, args: &'v [Value]) -> [Option<&'v Value>; N] {
        let mut out: [Option<&'v Value>; N] = [None; N];
        for (slot, a) in out[..self.positional].iter_mut().zip(args) {
            *slot = Some(a);
        }
        out
    }

    fn bind_clinic<'v>(
        &self,
        vm: &Vm,
        args: &'v [Value],
        kwargs: &'v Kwargs,
        find: impl Fn(usize) -> Option<&'v Value>,
    ) -> PyResult<[Option<&'v Value>; N]> {
        let name = self.name;
        let (nargs, nkwargs) = (args.len(), kwargs.len());
        if !self.varargs {
            if nargs + nkwargs > N {
                // "keyword" when nargs == 0 (bpo-31229).
                return Err(vm.type_error(format!(
                    "{name}() takes at most {N} {}argument{} ({} given)",
                    if nargs == 0 { "keyword " } else { "" },
                    if N == 1 { "" } else { "s" },
                    nargs + nkwargs
                )));
            }
            if nargs > self.positional {
                return Err(vm.type_error(if self.positional == 0 {
                    format!("{name}() takes no positional arguments")
                } else {
                    format!(
                        "{name}() takes {} {} positional argument{} ({nargs} given)",
                        if self.required < self.positional { "at most" } else { "exactly" },
                        self.positional,
                        if self.positional == 1 { "" } else { "s" }
                    )
                }));
            }
        }
        let min_posonly = self.posonly.min(self.required);
        if nargs < min_posonly {
            return Err(vm.type_error(format!(
                "{name}() takes {} {min_posonly} positional argument{} ({nargs} given)",
                if min_posonly < self.positional { "at least" } else { "exactly" },
                if min_posonly == 1 { "" } else { "s" }
            )));
        }
        let bound = nargs.min(self.positional);
        let mut out = self.by_position(args);
        let mut left = nkwargs;
        for (i, slot) in out.iter_mut().enumerate().skip(bound.max(self.posonly)) {
            let v = if left > 0 { find(i) } else { None };
            if v.is_some() {
                left -= 1;
            } else if i < self.required {
                return Err(vm.type_error(format!(
                    "{name}() missing required argument '{}' (pos {})",
                    self.names[i],
                    i + 1
                )));
            }
            *slot = v;
        }
        if left > 0 {
            for i in self.posonly..bound {
                if find(i).is_some() {
                    return Err(vm.type_error(format!(
                        "argument for {name}() given by name ('{}') and position ({})",
                        self.names[i],
                        i + 1
                    )));
                }
            }
            let known = &self.names[self.posonly..];
            for (k, _) in kwargs {
                if !k.with_str(|k| known.contains(&k)) {
                    let msg =
                        k.with_str(|k| crate::pylib::suggest::unexpected_keyword(name, k, known));
                    return Err(vm.type_error(msg));
                }
            }
        }
        Ok(out)
    }

    /// ceval's `initialize_locals` for a function of these parameters (the
    /// same order of checks as `call`'s binding of the program's functions).
    fn bind_py<'v>(
        &self,
        vm: &Vm,
        args: &'v [Value],
        kwargs: &'v Kwargs,
        syms: Option<[Symbol; N]>,
    ) -> PyResult<[Option<&'v Value>; N]> {
        let name = self.name;
        let npos = self.positional;
        // `self`, for a method: positional parameter 0 of the Python code.
        let selfs = usize::from(self.parser == Parser::PyMethod);
        let mut out = self.by_position(args);
        for (k, v) in kwargs {
            match syms.as_ref().and_then(|s| s.iter().position(|s| s == k)) {
                Some(i) if out[i].is_none() => out[i] = Some(v),
                Some(i) => return Err(vm.type_error(multiple_values(name, self.names[i]))),
                None if selfs == 1 && k.with_str(|k| k == "self") => {
                    return Err(vm.type_error(multiple_values(name, "self")))
                }
                None => {
                    let mut known = Vec::with_capacity(N + 1);
                    if selfs == 1 {
                        known.push("self");
                    }
                    known.extend_from_slice(&self.names);
                    let msg =
                        k.with_str(|k| crate::pylib::suggest::unexpected_keyword(name, k, &known));
                    return Err(vm.type_error(msg));
                }
            }
        }
        if args.len() > npos && !self.varargs {
            let kwonly_given = out[npos..].iter().filter(|v| v.is_some()).count();
            return Err(vm.type_error(too_many_positional(
                name,
                npos + selfs,
                npos.saturating_sub(self.required),
                args.len() + selfs,
                kwonly_given,
            )));
        }
        let required = self.required.min(npos);
        let missing: Vec<&str> =
            (0..required).filter(|&i| out[i].is_none()).map(|i| self.names[i]).collect();
        if !missing.is_empty() {
            return Err(vm.type_error(missing_arguments(name, "positional", &missing)));
        }
        let missing: Vec<&str> =
            (npos..self.required).filter(|&i| out[i].is_none()).map(|i| self.names[i]).collect();
        if !missing.is_empty() {
            return Err(vm.type_error(missing_arguments(name, "keyword-only", &missing)));
        }
        Ok(out)
    }
}

// ---- ceval's wording, shared with `call`'s binding of the program's functions

/// ceval's `got multiple values for argument` message.
pub(crate) fn multiple_values(name: &str, arg: impl Display) -> String {
    format!("{name}() got multiple values for argument '{arg}'")
}

/// ceval's `too_many_positional`: the function takes `npos` positional
/// arguments, `defaults` of them with defaults, and was given `given` and
/// `kwonly_given` keyword-only ones.
pub(crate) fn too_many_positional(
    name: &str,
    npos: usize,
    defaults: usize,
    given: usize,
    kwonly_given: usize,
) -> String {
    let (sig, plural) = if defaults > 0 {
        (format!("from {} to {npos}", npos - defaults), true)
    } else {
        (npos.to_string(), npos != 1)
    };
    let kwonly_sig = if kwonly_given > 0 {
        format!(
            " positional argument{} (and {kwonly_given} keyword-only argument{})",
            if given != 1 { "s" } else { "" },
            if kwonly_given != 1 { "s" } else { "" }
        )
    } else {
        String::new()
    };
    let was = if given == 1 && kwonly_given == 0 { "was" } else { "were" };
    format!(
        "{name}() takes {sig} positional argument{} but {given}{kwonly_sig} {was} given",
        if plural { "s" } else { "" }
    )
}

/// ceval's `missing_arguments`: `kind` is `positional` or `keyword-only`,
/// `names` the parameters not given (at least one), in order.
pub(crate) fn missing_arguments(name: &str, kind: &str, names: &[impl Display]) -> String {
    format!(
        "{name}() missing {} required {kind} argument{}: {}",
        names.len(),
        if names.len() == 1 { "" } else { "s" },
        name_list(names)
    )
}

/// ceval's `positional_only_passed_as_keyword`: `names`, the
/// positional-only parameters the call named as keywords, in the
/// parameters' order. (3.13 says `arguments` even for one.)
pub(crate) fn positional_only_as_keyword(name: &str, names: &[impl Display]) -> String {
    let names: Vec<String> = names.iter().map(|n| n.to_string()).collect();
    format!(
        "{name}() got some positional-only arguments passed as keyword arguments: '{}'",
        names.join(", ")
    )
}

/// `'a'`, `'a' and 'b'`, `'a', 'b', and 'c'`: how ceval lists missing names.
pub(crate) fn name_list(names: &[impl Display]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
    match quoted.as_slice() {
        [one] => one.clone(),
        [a, b] => format!("{a} and {b}"),
        [rest @ .., last] => format!("{}, and {last}", rest.join(", ")),
        [] => String::new(),
    }
}

// ---- the simpler calling conventions

/// Refuse keyword arguments other than `allowed`: `takes no keyword
/// arguments` when none is, else the first unknown one with CPython 3.13's
/// suggestion.
pub(crate) fn only_keywords(
    vm: &Vm,
    fname: &str,
    kwargs: &Kwargs,
    allowed: &[&str],
) -> PyResult<()> {
    for (k, _) in kwargs {
        if !k.with_str(|s| allowed.contains(&s)) {
            if allowed.is_empty() {
                return Err(vm.type_error(format!("{fname}() takes no keyword arguments")));
            }
            let msg = k.with_str(|k| crate::pylib::suggest::unexpected_keyword(fname, k, allowed));
            return Err(vm.type_error(msg));
        }
    }
    Ok(())
}

/// `METH_NOARGS`: no keyword arguments, then no positional ones.
pub(crate) fn no_args(vm: &Vm, fname: &str, args: &[Value], kwargs: &Kwargs) -> PyResult<()> {
    only_keywords(vm, fname, kwargs, &[])?;
    if !args.is_empty() {
        return Err(vm.type_error(format!("{fname}() takes no arguments ({} given)", args.len())));
    }
    Ok(())
}

/// `METH_O`: no keyword arguments, then exactly one positional one.
pub(crate) fn exactly_one(vm: &Vm, fname: &str, args: &[Value], kwargs: &Kwargs) -> PyResult<()> {
    only_keywords(vm, fname, kwargs, &[])?;
    if args.len() != 1 {
        return Err(
            vm.type_error(format!("{fname}() takes exactly one argument ({} given)", args.len()))
        );
    }
    Ok(())
}

/// `_PyArg_CheckPositional`: from `min` to `max` positional arguments
/// (`isinstance expected 2 arguments, got 1`, `getattr expected at least 2
/// arguments, got 1`; no `()` after the name).
pub(crate) fn count(vm: &Vm, fname: &str, args: &[Value], min: usize, max: usize) -> PyResult<()> {
    let n = args.len();
    let (bound, which) = if n < min {
        (min, "at least ")
    } else if n > max {
        (max, "at most ")
    } else {
        return Ok(());
    };
    Err(vm.type_error(format!(
        "{fname} expected {}{bound} argument{}, got {n}",
        if min == max { "" } else { which },
        if bound == 1 { "" } else { "s" }
    )))
}

/// `METH_FASTCALL` without keywords: no keyword arguments (`math.pow()
/// takes no keyword arguments`, the function as `fname` names it), then
/// from `min` to `max` positional ones by [`count`], under the bare name
/// `_PyArg_CheckPositional` is given (`pow expected 2 arguments, got 1`).
pub(crate) fn fastcall(
    vm: &Vm,
    fname: &str,
    args: &[Value],
    kwargs: &Kwargs,
    min: usize,
    max: usize,
) -> PyResult<()> {
    only_keywords(vm, fname, kwargs, &[])?;
    let bare = fname.rsplit('.').next().unwrap_or(fname);
    count(vm, bare, args, min, max)
}

/// Argument Clinic's check for a method whose only parameter is its
/// defining class (`Future.exception`, `Future.get_loop`): any argument,
/// positional or keyword, is `exception() takes no arguments`, uncounted.
pub(crate) fn defining_class_only(
    vm: &Vm,
    fname: &str,
    args: &[Value],
    kwargs: &Kwargs,
) -> PyResult<()> {
    if args.is_empty() && kwargs.is_empty() {
        return Ok(());
    }
    Err(vm.type_error(format!("{fname}() takes no arguments")))
}

/// A float argument (`PyFloat_AsDouble`, what Argument Clinic's `double`
/// converter and `math`'s functions call): an int, a bool or a float, else
/// `must be real number, not str`.
pub(crate) fn float_arg(vm: &Vm, v: &Value) -> PyResult<f64> {
    match v {
        Value::Int(i) => Ok(*i as f64),
        Value::Bool(b) => Ok(f64::from(u8::from(*b))),
        Value::Float(f) => Ok(*f),
        other => Err(vm.type_error(format!("must be real number, not {}", type_name(other)))),
    }
}

/// An integer argument (`PyNumber_Index`): an int or a bool, else
/// `'float' object cannot be interpreted as an integer`.
pub(crate) fn index(vm: &Vm, v: &Value) -> PyResult<i64> {
    match v {
        Value::Int(i) => Ok(*i),
        Value::Bool(b) => Ok(*b as i64),
        other => Err(vm.type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            type_name(other)
        ))),
    }
}

/// A position in a sequence of `len` items as slices clamp it
/// (`PySlice_AdjustIndices`, `list.insert`): counted from the end when
/// negative, then kept within `0..=len`.
pub(crate) fn clamp_index(i: i64, len: i64) -> i64 {
    if i < 0 {
        (i + len).max(0)
    } else {
        i.min(len)
    }
}

/// A `start` or `end` argument of the `str` methods that search
/// (`_PyEval_SliceIndex`): `None` when not given or None, else an int, not
/// clamped yet.
pub(crate) fn slice_index(vm: &Vm, v: Option<&Value>) -> PyResult<Option<i64>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(v @ (Value::Int(_) | Value::Bool(_))) => index(vm, v).map(Some),
        Some(_) => {
            Err(vm.type_error("slice indices must be integers or None or have an __index__ method"))
        }
    }
}

/// The `start` or `stop` of `list.index`/`tuple.index`
/// (`_PyEval_SliceIndexNotNone`): `default` when not given, else an int
/// clamped by [`clamp_index`].
pub(crate) fn slice_bound(vm: &Vm, v: Option<&Value>, default: i64, len: i64) -> PyResult<i64> {
    match v {
        None => Ok(default),
        Some(v @ (Value::Int(_) | Value::Bool(_))) => Ok(clamp_index(index(vm, v)?, len)),
        Some(_) => Err(vm.type_error("slice indices must be integers or have an __index__ method")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // Expected values are CPython 3.13's.
    #[test]
    fn ceval_wording() {
        assert_eq!(name_list(&["a"]), "'a'");
        assert_eq!(name_list(&["a", "b"]), "'a' and 'b'");
        assert_eq!(name_list(&["a", "b", "c"]), "'a', 'b', and 'c'");
        assert_eq!(
            too_many_positional("Random.uniform", 3, 0, 4, 0),
            "Random.uniform() takes 3 positional arguments but 4 were given"
        );
        assert_eq!(
            too_many_positional("Random.choices", 3, 1, 4, 1),
            "Random.choices() takes from 2 to 3 positional arguments but 4 positional \
             arguments (and 1 keyword-only argument) were given"
        );
        assert_eq!(
            too_many_positional("f", 0, 0, 1, 0),
            "f() takes 0 positional arguments but 1 was given"
        );
        assert_eq!(
            missing_arguments("f", "keyword-only", &["k"]),
            "f() missing 1 required keyword-only argument: 'k'"
        );
        assert_eq!(
            positional_only_as_keyword("f", &["a", "b"]),
            "f() got some positional-only arguments passed as keyword arguments: 'a, b'"
        );
    }

    #[test]
    fn indices_clamp_as_slices_do() {
        assert_eq!([-10, -1, 0, 2, 10].map(|i| clamp_index(i, 3)), [0, 2, 0, 2, 3]);
    }
}
