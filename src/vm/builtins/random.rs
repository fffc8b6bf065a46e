//! The `random` module: CPython's module-level functions (the methods of one
//! hidden `Random` instance), with their argument checks and messages, over
//! [`crate::pylib::random::Random`], which has the Mersenne Twister and the
//! algorithms of `Lib/random.py`.
//!
//! Not here: the generator and its algorithms (`pylib::random`), and
//! `random.Random` instances or `SystemRandom`, which the VM does not have.

use crate::pylib;
use crate::vm::args::{exactly_one, index, no_args, Params};
use crate::vm::code::{BinOp, CmpOp};
use crate::vm::exc::ExcKind;
use crate::vm::intern::Symbol;
use crate::vm::types::type_name;
use crate::vm::value::*;
use crate::vm::{Host, PyResult, Vm};
use std::rc::Rc;

/// The `random` module: CPython's module-level functions, bound to one
/// generator (`vm.random`).
pub(super) fn install_random(vm: &mut Vm) {
    let m = Rc::new(Module { name: "random".into(), attrs: Default::default() });
    let fns: &[(&str, NativeFn)] = &[
        ("seed", r_seed),
        ("random", r_random),
        ("uniform", r_uniform),
        ("randint", r_randint),
        ("randrange", r_randrange),
        ("choice", r_choice),
        ("shuffle", r_shuffle),
        ("sample", r_sample),
        ("getrandbits", r_getrandbits),
        ("choices", r_choices),
        ("gauss", r_gauss),
        ("normalvariate", r_normalvariate),
        ("expovariate", r_expovariate),
        ("triangular", r_triangular),
    ];
    for (name, f) in fns {
        let b = Value::Builtin(Rc::new(Builtin {
            name: (*name).into(),
            qualname: format!("random.{name}").into(),
            kind: BuiltinKind::Native(*f),
            id: next_id(),
        }));
        m.attrs.borrow_mut().set(Symbol::new(name), b);
    }
    vm.modules.insert("random".into(), Value::Module(m));
}

fn to_f64(vm: &Vm, v: &Value) -> PyResult<f64> {
    match v {
        Value::Int(i) => Ok(*i as f64),
        Value::Bool(b) => Ok(*b as i64 as f64),
        Value::Float(f) => Ok(*f),
        other => Err(vm.type_error(format!("must be real number, not {}", type_name(other)))),
    }
}

fn r_seed(vm: &mut Vm, _h: &mut dyn Host, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    // `version` only matters for str and bytes seeds, which are refused.
    let [a, _version] = Params::py_method("Random.seed", ["a", "version"], 0).bind(vm, args, kw)?;
    match a {
        None | Some(Value::None) => {
            // CPython seeds from the OS; a fixed seed keeps runs reproducible.
            vm.random.seed(0);
        }
        Some(Value::Int(i)) => vm.random.seed(*i),
        Some(Value::Bool(b)) => vm.random.seed(*b as i64),
        Some(Value::Float(f)) => match pylib::hash::hash_float(*f) {
            pylib::hash::FloatHash::Value(h) => vm.random.seed(h),
            pylib::hash::FloatHash::Identity => vm.random.seed(0),
        },
        Some(other) => {
            return Err(vm.type_error(format!(
                "unsupported: random.seed() of a {} (use an int)",
                type_name(other)
            )))
        }
    }
    Ok(Value::None)
}

/// `Random.random()`, a C method that takes no arguments (`METH_NOARGS`).
fn r_random(vm: &mut Vm, _h: &mut dyn Host, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    no_args(vm, "Random.random", args, kw)?;
    Ok(Value::Float(vm.random.random()))
}

/// `uniform(a, b)`: `a + (b - a) * self.random()`, with Python's operators
/// (`b - a` fails before the generator moves).
fn r_uniform(vm: &mut Vm, host: &mut dyn Host, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let [a, b] = Params::py_method("Random.uniform", ["a", "b"], 2).bind(vm, args, kw)?;
    let (a, b) = (a.unwrap_or(&Value::None), b.unwrap_or(&Value::None));
    // Floats (and a float with an int) compute the same in f64.
    if let (Some(x), Some(y)) = (real(a), real(b)) {
        if matches!(a, Value::Float(_)) || matches!(b, Value::Float(_)) {
            return Ok(Value::Float(vm.random.uniform(x, y)));
        }
    }
    let d = vm.binary_op(host, BinOp::Sub, b.clone(), a.clone(), false)?;
    let r = Value::Float(vm.random.random());
    let t = vm.binary_op(host, BinOp::Mult, d, r, false)?;
    vm.binary_op(host, BinOp::Add, a.clone(), t, false)
}

fn r_randint(vm: &mut Vm, _h: &mut dyn Host, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let [a, b] = Params::py_method("Random.randint", ["a", "b"], 2).bind(vm, args, kw)?;
    let a = index(vm, a.unwrap_or(&Value::None))?;
    let b = index(vm, b.unwrap_or(&Value::None))?;
    vm.random.randint(a, b).map(Value::Int).map_err(|e| vm.arith_error(e))
}

/// `randrange(start, stop=None, step=1)`, converting in CPython's order:
/// `start`, then `stop` unless it is None, then `step`.
fn r_randrange(vm: &mut Vm, _h: &mut dyn Host, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let [start, stop, step] =
        Params::py_method("Random.randrange", ["start", "stop", "step"], 1).bind(vm, args, kw)?;
    let start = index(vm, start.unwrap_or(&Value::None))?;
    let stop = match stop {
        None | Some(Value::None) => None,
        Some(v) => Some(index(vm, v)?),
    };
    // Without a stop, CPython compares `step` with its default by identity
    // (`step is not _ONE`): only an omitted step or the int 1 gets through.
    let step = match (stop, step) {
        (_, None) | (None, Some(Value::Int(1))) => None,
        (None, Some(_)) => return Err(vm.type_error("Missing a non-None stop argument")),
        (Some(_), Some(v)) => Some(index(vm, v)?),
    };
    let r = vm.random.randrange(start, stop, step);
    r.map(Value::Int).map_err(|e| vm.arith_error(e))
}

fn r_choice(vm: &mut Vm, host: &mut dyn Host, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let [seq] = Params::py_method("Random.choice", ["seq"], 1).bind(vm, args, kw)?;
    let seq = seq.unwrap_or(&Value::None);
    let n = vm.len(host, seq)?;
    if n == 0 {
        return Err(vm.index_error("Cannot choose from an empty sequence"));
    }
    let i = vm.random.randbelow(n as u64) as i64;
    vm.getitem(host, seq, &Value::Int(i))
}

/// `shuffle(x)`: `x[i], x[j] = x[j], x[i]` for `i` from `len(x) - 1` down
/// to 1, `j = randbelow(i + 1)`; any object with a length and items (a
/// tuple fails at its first assignment, after one draw).
fn r_shuffle(vm: &mut Vm, host: &mut dyn Host, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let [x] = Params::py_method("Random.shuffle", ["x"], 1).bind(vm, args, kw)?;
    let x = x.unwrap_or(&Value::None);
    if let Value::List(l) = x {
        let mut items = l.0.borrow_mut();
        let n = items.len();
        for i in (1..n).rev() {
            let j = vm.random.randbelow(i as u64 + 1) as usize;
            items.swap(i, j);
        }
        return Ok(Value::None);
    }
    let n = vm.len(host, x)?;
    for i in (1..n).rev() {
        let j = vm.random.randbelow(i as u64 + 1) as i64;
        let (i, j) = (Value::Int(i), Value::Int(j));
        let xj = vm.getitem(host, x, &j)?;
        let xi = vm.getitem(host, x, &i)?;
        vm.setitem(host, x, i, xj)?;
        vm.setitem(host, x, j, xi)?;
    }
    Ok(Value::None)
}

/// `sample(population, k, *, counts=None)`; `counts` is refused. In
/// `Lib/random.py`'s order: the population must be a sequence, then `0 <= k
/// <= n` is compared with Python's operators, then `[None] * k` wants an
/// integer.
fn r_sample(vm: &mut Vm, host: &mut dyn Host, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let [pop, k, counts] = Params::py_method("Random.sample", ["population", "k", "counts"], 2)
        .positional(2)
        .bind(vm, args, kwargs)?;
    if counts.is_some() {
        return Err(vm.type_error("unsupported: random.sample(counts=...)"));
    }
    let (pop, k) = (pop.unwrap_or(&Value::None), k.unwrap_or(&Value::None));
    let items = match pop {
        Value::List(_) | Value::Tuple(_) | Value::Str(_) | Value::Range(_) | Value::Instance(_) => {
            vm.iterate(host, pop)?
        }
        _ => {
            return Err(
                vm.type_error("Population must be a sequence.  For dicts or sets, use sorted(d).")
            )
        }
    };
    let n = Value::Int(items.len() as i64);
    let low = vm.compare_op(host, CmpOp::LtE, &Value::Int(0), k)?;
    let in_range = vm.truthy(host, &low)? && {
        let high = vm.compare_op(host, CmpOp::LtE, k, &n)?;
        vm.truthy(host, &high)?
    };
    if !in_range {
        return Err(vm.value_error("Sample larger than population or is negative"));
    }
    let k = match k {
        Value::Int(_) | Value::Bool(_) => index(vm, k)?,
        other => {
            return Err(vm.type_error(format!(
                "can't multiply sequence by non-int of type '{}'",
                type_name(other)
            )))
        }
    };
    let idx = vm.random.sample(items.len(), k).map_err(|e| vm.pylib_error(e))?;
    Ok(Value::list(idx.into_iter().map(|i| items[i].clone()).collect()))
}

/// An int, bool or float as the f64 Python's arithmetic would make of it.
fn real(v: &Value) -> Option<f64> {
    match v {
        Value::Int(i) => Some(*i as f64),
        Value::Bool(b) => Some(*b as i64 as f64),
        Value::Float(f) => Some(*f),
        _ => None,
    }
}

/// `mu + z * sigma`, the last line of `gauss` and `normalvariate`, with
/// Python's operators: any `mu` and `sigma` the operators take, and their
/// errors (`gauss(None)`), after the generator has moved.
fn mu_plus_z_sigma(
    vm: &mut Vm,
    host: &mut dyn Host,
    mu: Option<&Value>,
    z: f64,
    sigma: Option<&Value>,
) -> PyResult<Value> {
    let mu = mu.cloned().unwrap_or(Value::Float(0.0));
    let sigma = sigma.cloned().unwrap_or(Value::Float(1.0));
    if let (Some(m), Some(s)) = (real(&mu), real(&sigma)) {
        return Ok(Value::Float(m + z * s));
    }
    let zs = vm.binary_op(host, BinOp::Mult, Value::Float(z), sigma, false)?;
    vm.binary_op(host, BinOp::Add, mu, zs, false)
}

/// `gauss(mu=0.0, sigma=1.0)`. `-0.0 + z * 1.0` is `z` exactly, sign and
/// all, so the generator gives its `z` through `pylib`'s `gauss`.
fn r_gauss(vm: &mut Vm, host: &mut dyn Host, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let [mu, sigma] = Params::py_method("Random.gauss", ["mu", "sigma"], 0).bind(vm, args, kw)?;
    let z = vm.random.gauss(-0.0, 1.0);
    mu_plus_z_sigma(vm, host, mu, z, sigma)
}

fn r_normalvariate(
    vm: &mut Vm,
    host: &mut dyn Host,
    args: &[Value],
    kw: &Kwargs,
) -> PyResult<Value> {
    let [mu, sigma] =
        Params::py_method("Random.normalvariate", ["mu", "sigma"], 0).bind(vm, args, kw)?;
    let z = vm.random.normalvariate(-0.0, 1.0);
    mu_plus_z_sigma(vm, host, mu, z, sigma)
}

/// `expovariate(lambd=1.0)`: `-_log(1.0 - self.random()) / lambd`, the
/// division Python's (`float division by zero`, `expovariate(None)`).
fn r_expovariate(vm: &mut Vm, host: &mut dyn Host, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let [lambd] = Params::py_method("Random.expovariate", ["lambd"], 0).bind(vm, args, kw)?;
    let x = Value::Float(vm.random.expovariate(1.0));
    let lambd = lambd.cloned().unwrap_or(Value::Float(1.0));
    vm.binary_op(host, BinOp::Div, x, lambd, false)
}

/// `triangular(low=0.0, high=1.0, mode=None)`, step for step as
/// `Lib/random.py` with Python's operators: `u` drawn first, `c` is `0.5`
/// or `(mode - low) / (high - low)` (a ZeroDivisionError returns `low` as
/// it is), and `low + (high - low) * _sqrt(u * c)`, the ends swapped when
/// `u > c`.
fn r_triangular(vm: &mut Vm, host: &mut dyn Host, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let [low, high, mode] =
        Params::py_method("Random.triangular", ["low", "high", "mode"], 0).bind(vm, args, kw)?;
    let mut low = low.cloned().unwrap_or(Value::Float(0.0));
    let mut high = high.cloned().unwrap_or(Value::Float(1.0));
    let mut u = vm.random.random();
    let mut c = match mode {
        None | Some(Value::None) => Value::Float(0.5),
        Some(mode) => {
            let num = vm.binary_op(host, BinOp::Sub, mode.clone(), low.clone(), false)?;
            let den = vm.binary_op(host, BinOp::Sub, high.clone(), low.clone(), false)?;
            match vm.binary_op(host, BinOp::Div, num, den, false) {
                Ok(c) => c,
                Err(e) if vm.err_is(&e, ExcKind::ZeroDivisionError) => return Ok(low),
                Err(e) => return Err(e),
            }
        }
    };
    let above = vm.compare_op(host, CmpOp::Gt, &Value::Float(u), &c)?;
    if vm.truthy(host, &above)? {
        u = 1.0 - u;
        c = vm.binary_op(host, BinOp::Sub, Value::Float(1.0), c, false)?;
        std::mem::swap(&mut low, &mut high);
    }
    let uc = vm.binary_op(host, BinOp::Mult, Value::Float(u), c, false)?;
    let uc = to_f64(vm, &uc)?;
    if uc < 0.0 {
        return Err(vm.value_error("math domain error"));
    }
    let span = vm.binary_op(host, BinOp::Sub, high, low.clone(), false)?;
    let t = vm.binary_op(host, BinOp::Mult, span, Value::Float(uc.sqrt()), false)?;
    vm.binary_op(host, BinOp::Add, low, t, false)
}

/// `choices(population, weights=None, *, cum_weights=None, k=1)`.
fn r_choices(vm: &mut Vm, host: &mut dyn Host, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let [pop, weights, cum, k] =
        Params::py_method("Random.choices", ["population", "weights", "cum_weights", "k"], 1)
            .positional(2)
            .bind(vm, args, kwargs)?;
    let k = match k {
        Some(k) => index(vm, k)?,
        None => 1,
    };
    let pop = pop.cloned().unwrap_or(Value::None);
    let weights = weights.cloned().unwrap_or(Value::None);
    let mut cum = cum.cloned().unwrap_or(Value::None);
    let items = match &pop {
        Value::Set(_) | Value::Dict(_) => {
            return Err(vm.type_error(format!("'{}' object is not subscriptable", type_name(&pop))))
        }
        _ => vm.iterate(host, &pop)?,
    };
    let n = items.len();
    let k = k.max(0) as usize;
    vm.alloc(k * std::mem::size_of::<Value>())?;
    if matches!(cum, Value::None) {
        if matches!(weights, Value::None) {
            let mut out = Vec::with_capacity(k);
            for _ in 0..k {
                let i = vm.random.choices_index(n);
                match items.get(i) {
                    Some(v) => out.push(v.clone()),
                    None => {
                        return Err(
                            vm.new_error(ExcKind::IndexError, "list index out of range".into())
                        )
                    }
                }
            }
            return Ok(Value::list(out));
        }
        let mut total = Value::Int(0);
        let mut acc = Vec::new();
        for w in vm.iterate(host, &weights)? {
            total = vm.binary_op(host, crate::vm::code::BinOp::Add, total, w, false)?;
            acc.push(total.clone());
        }
        cum = Value::list(acc);
    } else if !matches!(weights, Value::None) {
        return Err(vm.type_error("Cannot specify both weights and cumulative weights"));
    }
    let cum: Vec<f64> =
        vm.iterate(host, &cum)?.iter().map(|w| to_f64(vm, w)).collect::<PyResult<_>>()?;
    if cum.len() != n {
        return Err(vm.new_error(
            ExcKind::ValueError,
            "The number of weights does not match the population".into(),
        ));
    }
    let total = cum.last().copied().unwrap_or(0.0);
    if total <= 0.0 {
        return Err(
            vm.new_error(ExcKind::ValueError, "Total of weights must be greater than zero".into())
        );
    }
    if !total.is_finite() {
        return Err(vm.new_error(ExcKind::ValueError, "Total of weights must be finite".into()));
    }
    let hi = n - 1;
    let mut out = Vec::with_capacity(k);
    for _ in 0..k {
        let x = vm.random.random() * total;
        // bisect_right(cum, x, 0, hi)
        let (mut lo, mut h) = (0usize, hi);
        while lo < h {
            let mid = (lo + h) / 2;
            if x < cum[mid] {
                h = mid;
            } else {
                lo = mid + 1;
            }
        }
        out.push(items[lo].clone());
    }
    Ok(Value::list(out))
}

/// `Random.getrandbits(k, /)`, a C method of one argument (`METH_O`).
fn r_getrandbits(vm: &mut Vm, _h: &mut dyn Host, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    exactly_one(vm, "Random.getrandbits", args, kw)?;
    let k = index(vm, &args[0])?;
    let r = vm.random.getrandbits(k).map_err(|e| vm.arith_error(e))?;
    i64::try_from(r).map(Value::Int).map_err(|_| vm.overflow())
}
