//! The `random` module: CPython's module-level functions (the methods of one
//! hidden `Random` instance), with their argument checks and messages, over
//! [`crate::pylib::random::Random`], which has the Mersenne Twister and the
//! algorithms of `Lib/random.py`.
//!
//! Not here: the generator and its algorithms (`pylib::random`), and
//! `random.Random` instances or `SystemRandom`, which the VM does not have.

use crate::pylib;
use crate::vm::args::{index, kwarg};
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

fn r_seed(vm: &mut Vm, _h: &mut dyn Host, args: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    match args.first() {
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

fn r_random(vm: &mut Vm, _h: &mut dyn Host, _args: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    Ok(Value::Float(vm.random.random()))
}

fn r_uniform(vm: &mut Vm, _h: &mut dyn Host, args: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    if args.len() != 2 {
        return Err(vm.type_error(format!(
            "Random.uniform() missing {} required positional argument{}",
            2 - args.len().min(2),
            if args.len() == 1 { "" } else { "s" }
        )));
    }
    let a = to_f64(vm, &args[0])?;
    let b = to_f64(vm, &args[1])?;
    Ok(Value::Float(vm.random.uniform(a, b)))
}

fn r_randint(vm: &mut Vm, _h: &mut dyn Host, args: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    if args.len() != 2 {
        return Err(vm.type_error("Random.randint() takes 3 positional arguments"));
    }
    let a = index(vm, &args[0])?;
    let b = index(vm, &args[1])?;
    vm.random.randint(a, b).map(Value::Int).map_err(|e| vm.arith_error(e))
}

fn r_randrange(vm: &mut Vm, _h: &mut dyn Host, args: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    let ints: Vec<i64> = args.iter().map(|a| index(vm, a)).collect::<PyResult<_>>()?;
    let r = match ints.as_slice() {
        [stop] => vm.random.randrange(*stop, None, None),
        [start, stop] => vm.random.randrange(*start, Some(*stop), None),
        [start, stop, step] => vm.random.randrange(*start, Some(*stop), Some(*step)),
        _ => return Err(vm.type_error("randrange expected 1 to 3 arguments")),
    };
    r.map(Value::Int).map_err(|e| vm.arith_error(e))
}

fn r_choice(vm: &mut Vm, host: &mut dyn Host, args: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    if args.len() != 1 {
        return Err(vm.type_error("Random.choice() takes 2 positional arguments"));
    }
    let n = vm.len(host, &args[0])?;
    if n == 0 {
        return Err(vm.index_error("Cannot choose from an empty sequence"));
    }
    let i = vm.random.randbelow(n as u64) as i64;
    vm.getitem(host, &args[0], &Value::Int(i))
}

fn r_shuffle(vm: &mut Vm, _h: &mut dyn Host, args: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    let Some(Value::List(l)) = args.first() else {
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

fn r_sample(vm: &mut Vm, host: &mut dyn Host, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    // `Random.sample(self, population, k, *, counts=None)`, a Python method.
    if args.len() > 2 {
        return Err(vm.type_error(format!(
            "Random.sample() takes 3 positional arguments but {} were given",
            args.len() + 1
        )));
    }
    for (k, _) in kwargs {
        if !k.with_str(|k| k == "population" || k == "k") {
            if k.with_str(|k| k == "counts") {
                return Err(vm.type_error("unsupported: random.sample(counts=...)"));
            }
            let msg = k.with_str(|k| {
                pylib::suggest::unexpected_keyword(
                    "Random.sample",
                    k,
                    &["self", "population", "k", "counts"],
                )
            });
            return Err(vm.type_error(msg));
        }
    }
    let pop = args.first().or(kwarg(kwargs, "population")).cloned();
    let k = args.get(1).or(kwarg(kwargs, "k")).cloned();
    if !args.is_empty() && kwarg(kwargs, "population").is_some() {
        return Err(vm.type_error("Random.sample() got multiple values for argument 'population'"));
    }
    if args.get(1).is_some() && kwarg(kwargs, "k").is_some() {
        return Err(vm.type_error("Random.sample() got multiple values for argument 'k'"));
    }
    let (pop, k) = match (pop, k) {
        (Some(p), Some(k)) => (p, k),
        (None, None) => {
            return Err(vm.type_error(
                "Random.sample() missing 2 required positional arguments: 'population' and 'k'",
            ))
        }
        (None, Some(_)) => {
            return Err(vm.type_error(
                "Random.sample() missing 1 required positional argument: 'population'",
            ))
        }
        (Some(_), None) => {
            return Err(vm.type_error("Random.sample() missing 1 required positional argument: 'k'"))
        }
    };
    let k = index(vm, &k)?;
    let items = match &pop {
        Value::Set(_) | Value::Dict(_) => {
            return Err(
                vm.type_error("Population must be a sequence.  For dicts or sets, use sorted(d).")
            )
        }
        _ => vm.iterate(host, &pop)?,
    };
    let idx = vm.random.sample(items.len(), k).map_err(|e| vm.pylib_error(e))?;
    Ok(Value::list(idx.into_iter().map(|i| items[i].clone()).collect()))
}

/// The float arguments of a random.py method with defaults, by position or keyword.
fn float_args<const N: usize>(
    vm: &mut Vm,
    method: &str,
    names: [&str; N],
    defaults: [Option<f64>; N],
    args: &[Value],
    kwargs: &Kwargs,
) -> PyResult<[Option<f64>; N]> {
    if args.len() > N {
        return Err(vm.type_error(format!(
            "Random.{method}() takes from 1 to {} positional arguments but {} were given",
            N + 1,
            args.len() + 1
        )));
    }
    let mut out = defaults;
    for (i, a) in args.iter().enumerate() {
        out[i] = if matches!(a, Value::None) { None } else { Some(to_f64(vm, a)?) };
    }
    for (k, v) in kwargs {
        let Some(i) = names.iter().position(|n| k.with_str(|k| k == *n)) else {
            let msg = k.with_str(|k| {
                format!("Random.{method}() got an unexpected keyword argument '{k}'")
            });
            return Err(vm.type_error(msg));
        };
        out[i] = if matches!(v, Value::None) { None } else { Some(to_f64(vm, v)?) };
    }
    Ok(out)
}

fn r_gauss(vm: &mut Vm, _h: &mut dyn Host, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let [mu, sigma] = float_args(vm, "gauss", ["mu", "sigma"], [Some(0.0), Some(1.0)], args, kw)?;
    Ok(Value::Float(vm.random.gauss(mu.unwrap_or(0.0), sigma.unwrap_or(1.0))))
}

fn r_normalvariate(vm: &mut Vm, _h: &mut dyn Host, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let [mu, sigma] =
        float_args(vm, "normalvariate", ["mu", "sigma"], [Some(0.0), Some(1.0)], args, kw)?;
    Ok(Value::Float(vm.random.normalvariate(mu.unwrap_or(0.0), sigma.unwrap_or(1.0))))
}

fn r_expovariate(vm: &mut Vm, _h: &mut dyn Host, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let [lambd] = float_args(vm, "expovariate", ["lambd"], [Some(1.0)], args, kw)?;
    let lambd = lambd.unwrap_or(1.0);
    if lambd == 0.0 {
        vm.random.random();
        return Err(vm.new_error(ExcKind::ZeroDivisionError, "float division by zero".into()));
    }
    Ok(Value::Float(vm.random.expovariate(lambd)))
}

fn r_triangular(vm: &mut Vm, _h: &mut dyn Host, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let [low, high, mode] = float_args(
        vm,
        "triangular",
        ["low", "high", "mode"],
        [Some(0.0), Some(1.0), None],
        args,
        kw,
    )?;
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
    if args.len() > 2 {
        return Err(vm.type_error(format!(
            "Random.choices() takes from 2 to 3 positional arguments but {} were given",
            args.len() + 1
        )));
    }
    let mut weights = args.get(1).cloned().unwrap_or(Value::None);
    let (mut cum, mut k, mut pop) = (Value::None, 1i64, args.first().cloned());
    for (name, v) in kwargs {
        match name.to_string().as_str() {
            "population" if pop.is_none() => pop = Some(v.clone()),
            "weights" if args.len() < 2 => weights = v.clone(),
            "cum_weights" => cum = v.clone(),
            "k" => k = index(vm, v)?,
            other => {
                return Err(vm.type_error(format!(
                    "Random.choices() got an unexpected keyword argument '{other}'"
                )))
            }
        }
    }
    let Some(pop) = pop else {
        return Err(
            vm.type_error("Random.choices() missing 1 required positional argument: 'population'")
        );
    };
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

fn r_getrandbits(vm: &mut Vm, _h: &mut dyn Host, args: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    let k = index(vm, args.first().unwrap_or(&Value::Int(0)))?;
    let r = vm.random.getrandbits(k).map_err(|e| vm.arith_error(e))?;
    i64::try_from(r).map(Value::Int).map_err(|_| vm.overflow())
}
