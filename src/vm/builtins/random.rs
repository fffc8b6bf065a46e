//! The `random` module: CPython's module-level functions (the methods of one
//! hidden `Random` instance), with their argument checks and messages, over
//! [`crate::pylib::random::Random`], which has the Mersenne Twister and the
//! algorithms of `Lib/random.py`.
//!
//! Not here: the generator and its algorithms (`pylib::random`), and
//! `random.Random` instances or `SystemRandom`, which the VM does not have.

use crate::pylib;
use crate::vm::args::{exactly_one, index, no_args, Params};
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

fn r_uniform(vm: &mut Vm, _h: &mut dyn Host, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let [a, b] = Params::py_method("Random.uniform", ["a", "b"], 2).bind(vm, args, kw)?;
    let (a, b) = (to_f64(vm, a.unwrap_or(&Value::None))?, to_f64(vm, b.unwrap_or(&Value::None))?);
    Ok(Value::Float(vm.random.uniform(a, b)))
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

fn r_shuffle(vm: &mut Vm, _h: &mut dyn Host, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let [x] = Params::py_method("Random.shuffle", ["x"], 1).bind(vm, args, kw)?;
    let Some(Value::List(l)) = x else {
        return Err(vm.type_error("unsupported: random.shuffle() of anything but a list"));
    };
    let mut items = l.0.borrow_mut();
    let n = items.len();
    for i in (1..n).rev() {
        let j = vm.random.randbelow(i as u64 + 1) as usize;
        items.swap(i, j);
    }
    Ok(Value::None)
}

/// `sample(population, k, *, counts=None)`; `counts` is refused.
fn r_sample(vm: &mut Vm, host: &mut dyn Host, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let [pop, k, counts] = Params::py_method("Random.sample", ["population", "k", "counts"], 2)
        .positional(2)
        .bind(vm, args, kwargs)?;
    if counts.is_some() {
        return Err(vm.type_error("unsupported: random.sample(counts=...)"));
    }
    let (pop, k) = (pop.unwrap_or(&Value::None), k.unwrap_or(&Value::None));
    let k = index(vm, k)?;
    let items = match pop {
        Value::Set(_) | Value::Dict(_) => {
            return Err(
                vm.type_error("Population must be a sequence.  For dicts or sets, use sorted(d).")
            )
        }
        _ => vm.iterate(host, pop)?,
    };
    let idx = vm.random.sample(items.len(), k).map_err(|e| vm.pylib_error(e))?;
    Ok(Value::list(idx.into_iter().map(|i| items[i].clone()).collect()))
}

/// A float argument of a `Lib/random.py` method with a default: `default`
/// when not given, `None` when given as None (the caller's default again,
/// or `triangular`'s midpoint), else the number as a float.
fn real_or(vm: &Vm, v: Option<&Value>, default: Option<f64>) -> PyResult<Option<f64>> {
    match v {
        None => Ok(default),
        Some(Value::None) => Ok(None),
        Some(v) => to_f64(vm, v).map(Some),
    }
}

fn r_gauss(vm: &mut Vm, _h: &mut dyn Host, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let [mu, sigma] = Params::py_method("Random.gauss", ["mu", "sigma"], 0).bind(vm, args, kw)?;
    let (mu, sigma) = (real_or(vm, mu, Some(0.0))?, real_or(vm, sigma, Some(1.0))?);
    Ok(Value::Float(vm.random.gauss(mu.unwrap_or(0.0), sigma.unwrap_or(1.0))))
}

fn r_normalvariate(vm: &mut Vm, _h: &mut dyn Host, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let [mu, sigma] =
        Params::py_method("Random.normalvariate", ["mu", "sigma"], 0).bind(vm, args, kw)?;
    let (mu, sigma) = (real_or(vm, mu, Some(0.0))?, real_or(vm, sigma, Some(1.0))?);
    Ok(Value::Float(vm.random.normalvariate(mu.unwrap_or(0.0), sigma.unwrap_or(1.0))))
}

fn r_expovariate(vm: &mut Vm, _h: &mut dyn Host, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let [lambd] = Params::py_method("Random.expovariate", ["lambd"], 0).bind(vm, args, kw)?;
    let lambd = real_or(vm, lambd, Some(1.0))?.unwrap_or(1.0);
    if lambd == 0.0 {
        vm.random.random();
        return Err(vm.new_error(ExcKind::ZeroDivisionError, "float division by zero".into()));
    }
    Ok(Value::Float(vm.random.expovariate(lambd)))
}

fn r_triangular(vm: &mut Vm, _h: &mut dyn Host, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let [low, high, mode] =
        Params::py_method("Random.triangular", ["low", "high", "mode"], 0).bind(vm, args, kw)?;
    let (low, high) = (real_or(vm, low, Some(0.0))?, real_or(vm, high, Some(1.0))?);
    let mode = real_or(vm, mode, None)?;
    let (mut low, mut high) = (low.unwrap_or(0.0), high.unwrap_or(1.0));
    let mut u = vm.random.random();
    if high == low {
        return Ok(Value::Float(low));
    }
    let mut c = match mode {
        None => 0.5,
        Some(m) => (m - low) / (high - low),
    };
    if u > c {
        u = 1.0 - u;
        c = 1.0 - c;
        std::mem::swap(&mut low, &mut high);
    }
    Ok(Value::Float(low + (high - low) * (u * c).sqrt()))
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
