//! The instruction loop.
//!
//! Beside it, `frame_pool` keeps finished frames for reuse and `unwind`
//! takes a raised exception through the frames to its handler.

use super::call::Invoke;
use super::code::{BinOp, CmpOp};
use super::code::{CodeKind, Instr};
use super::exc::ExcKind;
use super::frame::{ExecStack, Frame, OnReturn, Owner, Pending};
use super::frame_pool::fill_locals;
use super::value::finalize_pending;
use super::value::*;
use super::{AwaitStart, Halt, Host, PyErr, PyResult, Resume, RunResult, Vm, RECURSION_LIMIT};
use std::rc::Rc;

/// How an out-of-line instruction ended.
enum Slow {
    Ok,
    Err(PyErr),
    Return(RunResult),
}

/// What to do after an instruction that may switch frames.
pub(super) enum Next {
    Continue,
    Err(PyErr),
    /// A driver call: suspend the stack and hand it to the driver.
    Driver(RunResult),
}

impl Vm {
    /// Run a stack until it returns, raises, suspends, or its slice's fuel
    /// (`self.fuel`) is spent.
    pub(crate) fn run(
        &mut self,
        host: &mut dyn Host,
        ex: &mut ExecStack,
        resume: Resume,
    ) -> RunResult {
        let Some(mut frame) = ex.frames.pop() else {
            return RunResult::Return(Value::None);
        };
        let base_depth = self.depth;
        self.depth += ex.frames.len() + 1;
        let mut pending: Option<PyErr> = None;
        let action = match resume {
            Resume::Start => None,
            Resume::Send(v) => Some(super::gen::ResumeAction::Send(v)),
            Resume::Throw(e) => Some(super::gen::ResumeAction::Throw(e)),
        };
        match action {
            // A task resumed at the `await` of a future (the common case).
            Some(super::gen::ResumeAction::Send(_)) if frame.pending == Pending::Await => {
                frame.pending = Pending::None;
                let obj = frame.stack.pop().unwrap_or(Value::None);
                if obj.is_none() {
                    frame.stack.push(Value::None);
                } else {
                    match host.await_resume(self, &obj) {
                        Ok(r) => frame.stack.push(r),
                        Err(e) => pending = Some(e),
                    }
                }
            }
            Some(action) => {
                if let Err(e) = self.apply_resume(host, &mut frame, action) {
                    pending = Some(e);
                }
            }
            None => {}
        }
        // Count instructions in a local: the slice's fuel, or what is left of
        // the total budget, whichever is smaller.
        let budget_left = self.limits.step_budget.saturating_sub(self.steps);
        let limit = self.fuel.min(budget_left);
        let mut left = limit;
        let mut result = self.run_loop(host, ex, &mut frame, pending, &mut left);
        let used = limit - left;
        self.steps += used;
        self.fuel = self.fuel.saturating_sub(used);
        if let RunResult::OutOfFuel = result {
            if self.steps >= self.limits.step_budget {
                result = RunResult::Raise(PyErr::Halt(Halt::StepBudget));
            }
        }
        match &result {
            RunResult::Yield(_) | RunResult::OutOfFuel | RunResult::HostCall { .. } => {
                ex.frames.push(frame);
            }
            RunResult::Return(_) | RunResult::Raise(_) => {}
        }
        self.depth = base_depth;
        result
    }

    fn run_loop(
        &mut self,
        host: &mut dyn Host,
        ex: &mut ExecStack,
        frame: &mut Box<Frame>,
        mut pending: Option<PyErr>,
        left: &mut u64,
    ) -> RunResult {
        // The fuel count lives in a register; every exit writes it back.
        let mut fuel = *left;
        macro_rules! out {
            ($r:expr) => {{
                *left = fuel;
                return $r;
            }};
        }
        // An error leaves the inner loop for the outer one, which unwinds: the
        // hot path never looks at `pending`.
        'outer: loop {
            // Defined inside the labelled loop: labels in macros are hygienic.
            macro_rules! tri {
                ($e:expr) => {
                    match $e {
                        Ok(v) => v,
                        Err(e) => {
                            pending = Some(e);
                            continue 'outer;
                        }
                    }
                };
            }
            // After an instruction that may switch frames or need the driver.
            macro_rules! next {
                ($e:expr) => {
                    match $e {
                        Next::Continue => {}
                        Next::Err(e) => {
                            pending = Some(e);
                            continue 'outer;
                        }
                        Next::Driver(r) => out!(r),
                    }
                };
            }
            if let Some(err) = pending.take() {
                match self.unwind(ex, frame, err) {
                    None => {}
                    Some(err) => out!(RunResult::Raise(err)),
                }
            }
            loop {
                // One test on the hot path for both: out of fuel (0), and the
                // memory check every 4,096 instructions (when the count drops
                // to a multiple of 4,096).
                if fuel & 0xfff <= 1 {
                    if fuel == 0 {
                        out!(RunResult::OutOfFuel);
                    }
                    if fuel & 0xfff == 1 {
                        if let Err(e) = self.periodic_alloc_check() {
                            fuel -= 1;
                            pending = Some(e);
                            continue 'outer;
                        }
                    }
                }
                fuel -= 1;
                let ip = frame.ip as usize;
                let instr = frame.code.instrs[ip];
                frame.ip += 1;
                match instr {
                    Instr::Nop => {}
                    Instr::LoadFast2(a, b) => {
                        let (x, y) = (&frame.locals[a as usize], &frame.locals[b as usize]);
                        if x.is_undef() || y.is_undef() {
                            let slot = if x.is_undef() { a } else { b };
                            pending = Some(self.unbound_local(frame, slot));
                            continue 'outer;
                        }
                        let (x, y) = (dup(x), dup(y));
                        frame.stack.push(x);
                        frame.stack.push(y);
                        frame.ip += 1;
                    }
                    Instr::BinaryFastConst(a, c, op) => {
                        let x = &frame.locals[a as usize];
                        let y = &frame.code.consts[c as usize];
                        if let (Value::Int(p), Value::Int(q)) = (x, y) {
                            if let Some(r) = int_fast(op, *p, *q) {
                                frame.stack.push(Value::Int(r));
                                frame.ip += 2;
                                continue;
                            }
                        }
                        if x.is_undef() {
                            pending = Some(self.unbound_local(frame, a as u32));
                            continue 'outer;
                        }
                        let (x, y) = (x.clone(), y.clone());
                        frame.ip += 2;
                        let v = tri!(self.binary_op(host, op, x, y, false));
                        frame.stack.push(v);
                    }
                    // `LoadConst; Binary` and `LoadFast; Binary`: the right
                    // operand comes from the constants or the locals.
                    Instr::BinaryConst(_, op) | Instr::BinaryFast(_, op) => {
                        let b = match instr {
                            Instr::BinaryFast(i, _) => {
                                let b = &frame.locals[i as usize];
                                if b.is_undef() {
                                    pending = Some(self.unbound_local(frame, i));
                                    continue 'outer;
                                }
                                b
                            }
                            Instr::BinaryConst(c, _) => &frame.code.consts[c as usize],
                            _ => unreachable!("matched above"),
                        };
                        let a = frame.stack.pop().unwrap();
                        frame.ip += 1;
                        if let (Value::Int(x), Value::Int(y)) = (&a, b) {
                            if let Some(r) = int_fast(op, *x, *y) {
                                std::mem::forget(a); // an int: skip the out-of-line drop
                                frame.stack.push(Value::Int(r));
                                continue;
                            }
                        }
                        let b = b.clone();
                        let v = tri!(self.binary_op(host, op, a, b, false));
                        frame.stack.push(v);
                    }
                    Instr::LoadFastMethod(i, n) => {
                        let obj = &frame.locals[i as usize];
                        if obj.is_undef() {
                            pending = Some(self.unbound_local(frame, i));
                            continue 'outer;
                        }
                        let obj = obj.clone();
                        frame.ip += 1;
                        let name = frame.code.names[n as usize];
                        let (f, s) = tri!(self.load_method(host, obj, name));
                        frame.stack.push(f);
                        frame.stack.push(s);
                    }
                    Instr::ConstCompareJumpIfFalse(_, op, t) | Instr::CompareJumpIfFalse(op, t) => {
                        let b = match instr {
                            Instr::ConstCompareJumpIfFalse(c, ..) => {
                                frame.ip += 1;
                                frame.code.consts[c as usize].clone()
                            }
                            _ => frame.stack.pop().unwrap(),
                        };
                        let a = frame.stack.pop().unwrap();
                        frame.ip += 1;
                        let r = fast_compare(op, &a, &b);
                        let r = match r {
                            Some(r) => {
                                if let (Value::Int(_), Value::Int(_)) = (&a, &b) {
                                    std::mem::forget((a, b)); // ints: skip the out-of-line drops
                                }
                                r
                            }
                            None => {
                                let v = tri!(self.compare_op(host, op, &a, &b));
                                match v {
                                    Value::Bool(b) => b,
                                    other => tri!(self.truthy(host, &other)),
                                }
                            }
                        };
                        if !r {
                            frame.ip = t;
                        }
                    }
                    Instr::Pop => {
                        frame.stack.pop();
                    }
                    Instr::Dup => {
                        let v = frame.stack.last().unwrap().clone();
                        frame.stack.push(v);
                    }
                    Instr::Swap(n) => {
                        let len = frame.stack.len();
                        frame.stack.swap(len - 1, len - 1 - n as usize);
                    }
                    Instr::LoadConst(i) => {
                        let v = dup(&frame.code.consts[i as usize]);
                        frame.stack.push(v);
                    }
                    Instr::LoadFast(i) => {
                        let v = &frame.locals[i as usize];
                        if v.is_undef() {
                            pending = Some(self.unbound_local(frame, i));
                            continue 'outer;
                        }
                        let v = dup(v);
                        frame.stack.push(v);
                    }
                    Instr::StoreFast(i) => {
                        let v = frame.stack.pop().unwrap();
                        frame.locals[i as usize] = v;
                    }
                    Instr::LoadDeref(i) => {
                        let v = frame.cells[i as usize].0.borrow().clone();
                        if v.is_undef() {
                            pending = Some(self.unbound_cell(frame, i));
                            continue 'outer;
                        }
                        frame.stack.push(v);
                    }
                    Instr::StoreDeref(i) => {
                        let v = frame.stack.pop().unwrap();
                        *frame.cells[i as usize].0.borrow_mut() = v;
                    }
                    Instr::LoadGlobal(slot) => {
                        let v = frame.globals.values.borrow()[slot as usize].clone();
                        if v.is_undef() {
                            let name = frame.globals.name(slot);
                            match self.builtins.get(&name) {
                                Some(b) => frame.stack.push(b.clone()),
                                None => {
                                    pending = Some(self.name_error(name));
                                    continue 'outer;
                                }
                            }
                        } else {
                            frame.stack.push(v);
                        }
                    }
                    Instr::StoreGlobal(slot) => {
                        let v = frame.stack.pop().unwrap();
                        frame.globals.values.borrow_mut()[slot as usize] = v;
                    }
                    Instr::LoadAttr(n) => {
                        let name = frame.code.names[n as usize];
                        let obj = frame.stack.pop().unwrap();
                        let v = tri!(self.getattr(host, &obj, name));
                        frame.stack.push(v);
                    }
                    Instr::StoreAttr(n) => {
                        let name = frame.code.names[n as usize];
                        let obj = frame.stack.pop().unwrap();
                        let v = frame.stack.pop().unwrap();
                        tri!(self.setattr(host, &obj, name, v));
                    }
                    Instr::LoadMethod(n) => {
                        let name = frame.code.names[n as usize];
                        let obj = frame.stack.pop().unwrap();
                        let (f, s) = tri!(self.load_method(host, obj, name));
                        frame.stack.push(f);
                        frame.stack.push(s);
                    }
                    Instr::CallMethod(argc) | Instr::CallMethodKw(argc, _) => {
                        self.note_site(frame, ip);
                        let kwnames = match instr {
                            Instr::CallMethodKw(_, k) => {
                                Some(frame.code.consts[k as usize].clone())
                            }
                            _ => None,
                        };
                        let start = frame.stack.len() - argc as usize;
                        if kwnames.is_none() {
                            // The stack holds `callable self arg1 .. argn`; with a `self`,
                            // `self arg1 .. argn` are the arguments, in place.
                            let has_self = !frame.stack[start - 1].is_undef();
                            let first = if has_self { start - 1 } else { start };
                            match &frame.stack[start - 2] {
                                // Fast path: a builtin method on a builtin value.
                                Value::MethodName(m) if has_self => {
                                    let r = self.call_method_name(
                                        host,
                                        &frame.stack[start - 1],
                                        *m,
                                        &frame.stack[start..],
                                        &[],
                                    );
                                    frame.stack.truncate(start - 2);
                                    frame.stack.push(tri!(r));
                                    continue;
                                }
                                // Fast path: a native or host function, arguments from the stack.
                                Value::Builtin(b)
                                    if !matches!(
                                        b.kind,
                                        BuiltinKind::Driver(_) | BuiltinKind::Frame(_)
                                    ) =>
                                {
                                    let r = self
                                        .call_builtin(host, b.kind, &frame.stack[first..], &[])
                                        .map(|r| r.expect("the guard excludes driver calls"));
                                    frame.stack.truncate(start - 2);
                                    frame.stack.push(tri!(r));
                                    continue;
                                }
                                // Fast path: a Python method taking exactly these arguments.
                                Value::Function(f)
                                    if f.code.kind == CodeKind::Function
                                        && f.code
                                            .takes_exactly((frame.stack.len() - first) as u32)
                                        && f.closure.is_empty() =>
                                {
                                    let mut nf = self.pooled_frame(&f.code, &f.globals);
                                    fill_locals(&mut nf, frame.stack.drain(first..));
                                    frame.stack.truncate(start - 2);
                                    if let Next::Err(e) = self.push_frame(ex, frame, nf) {
                                        pending = Some(e);
                                        continue 'outer;
                                    }
                                    continue;
                                }
                                // Fast path: an `async def` method makes its coroutine.
                                Value::Function(f)
                                    if f.code.kind == CodeKind::AsyncFunction
                                        && f.closure.is_empty()
                                        && f.code.takes_positional(
                                            (frame.stack.len() - first) as u32,
                                            f.defaults.len(),
                                        ) =>
                                {
                                    let f = f.clone();
                                    let c = self.new_coroutine(&f, &mut frame.stack, first);
                                    frame.stack.truncate(start - 2);
                                    frame.stack.push(c);
                                    continue;
                                }
                                _ => {}
                            }
                        }
                        let self_ = frame.stack[start - 1].clone();
                        let func = frame.stack[start - 2].clone();
                        let mut args: Vec<Value> = frame.stack.drain(start..).collect();
                        frame.stack.truncate(start - 2);
                        let kwargs = split_kwargs(&mut args, kwnames.as_ref());
                        let outcome = if self_.is_undef() {
                            self.invoke(host, func, args, kwargs)
                        } else if let Value::MethodName(m) = func {
                            self.call_method_name(host, &self_, m, &args, &kwargs)
                                .map(Invoke::Value)
                        } else {
                            args.insert(0, self_);
                            self.invoke(host, func, args, kwargs)
                        };
                        next!(self.after_invoke(host, ex, frame, outcome));
                    }
                    Instr::Call(argc) => {
                        self.note_site(frame, ip);
                        let start = frame.stack.len() - argc as usize;
                        match &frame.stack[start - 1] {
                            // Fast path: a native or host builtin, arguments straight from the stack.
                            Value::Builtin(b)
                                if !matches!(
                                    b.kind,
                                    BuiltinKind::Driver(_) | BuiltinKind::Frame(_)
                                ) =>
                            {
                                let r = self
                                    .call_builtin(host, b.kind, &frame.stack[start..], &[])
                                    .map(|r| r.expect("the guard excludes driver calls"));
                                frame.stack.truncate(start - 1);
                                frame.stack.push(tri!(r));
                                continue;
                            }
                            // Fast path: a plain Python function with positional arguments.
                            Value::Function(f) if f.code.kind == CodeKind::Function => {
                                // Exactly its positional parameters and no cells: the
                                // arguments move from this stack into the new frame.
                                let nf = if f.code.takes_exactly(argc) && f.closure.is_empty() {
                                    let mut nf = self.pooled_frame(&f.code, &f.globals);
                                    fill_locals(&mut nf, frame.stack.drain(start..));
                                    nf
                                } else {
                                    let f = f.clone();
                                    let nf = tri!(self.bind_frame(&f, &frame.stack[start..], &[]));
                                    frame.stack.truncate(start);
                                    nf
                                };
                                frame.stack.pop();
                                if let Next::Err(e) = self.push_frame(ex, frame, nf) {
                                    pending = Some(e);
                                    continue 'outer;
                                }
                                continue;
                            }
                            // Fast path: calling an `async def` makes its coroutine.
                            Value::Function(f)
                                if f.code.kind == CodeKind::AsyncFunction
                                    && f.closure.is_empty()
                                    && f.code.takes_positional(argc, f.defaults.len()) =>
                            {
                                let f = f.clone();
                                let c = self.new_coroutine(&f, &mut frame.stack, start);
                                frame.stack.pop();
                                frame.stack.push(c);
                                continue;
                            }
                            _ => {}
                        }
                        let func = frame.stack[start - 1].clone();
                        let args: Vec<Value> = frame.stack.drain(start..).collect();
                        frame.stack.pop();
                        let outcome = self.invoke(host, func, args, Vec::new());
                        next!(self.after_invoke(host, ex, frame, outcome));
                    }
                    Instr::Subscr => {
                        let key = frame.stack.pop().unwrap();
                        let obj = frame.stack.pop().unwrap();
                        // Fast path: list[int].
                        if let (Value::List(l), Value::Int(i)) = (&obj, &key) {
                            let items = l.0.borrow();
                            let n = items.len() as i64;
                            let j = if *i < 0 { i + n } else { *i };
                            if j >= 0 && j < n {
                                let v = items[j as usize].clone();
                                drop(items);
                                frame.stack.push(v);
                                continue;
                            }
                        }
                        let v = tri!(self.getitem(host, &obj, &key));
                        frame.stack.push(v);
                    }
                    Instr::StoreSubscr => {
                        let key = frame.stack.pop().unwrap();
                        let obj = frame.stack.pop().unwrap();
                        let v = frame.stack.pop().unwrap();
                        // Fast path: a dict with an int key.
                        if let (Value::Dict(d), Value::Int(i)) = (&obj, &key) {
                            let h = crate::pylib::hash::hash_int(*i);
                            tri!(self.dict_store(d, h, key, v));
                            continue;
                        }
                        tri!(self.setitem(host, &obj, key, v));
                    }
                    Instr::Binary(op) | Instr::Inplace(op) => {
                        let b = frame.stack.pop().unwrap();
                        let a = frame.stack.pop().unwrap();
                        // Fast paths for ints.
                        if let (Value::Int(x), Value::Int(y)) = (&a, &b) {
                            if let Some(r) = int_fast(op, *x, *y) {
                                // Ints: skip the out-of-line drops.
                                std::mem::forget((a, b));
                                frame.stack.push(Value::Int(r));
                                continue;
                            }
                        }
                        let inplace = matches!(instr, Instr::Inplace(_));
                        let v = tri!(self.binary_op(host, op, a, b, inplace));
                        frame.stack.push(v);
                    }
                    Instr::Compare(op) => {
                        let b = frame.stack.pop().unwrap();
                        let a = frame.stack.pop().unwrap();
                        if let Some(r) = fast_compare(op, &a, &b) {
                            if let (Value::Int(_), Value::Int(_)) = (&a, &b) {
                                std::mem::forget((a, b)); // ints: skip the out-of-line drops
                            }
                            frame.stack.push(Value::Bool(r));
                            continue;
                        }
                        let v = tri!(self.compare_op(host, op, &a, &b));
                        frame.stack.push(v);
                    }
                    Instr::Not => {
                        let v = frame.stack.pop().unwrap();
                        let t = tri!(self.truthy(host, &v));
                        frame.stack.push(Value::Bool(!t));
                    }
                    Instr::Jump(t) => frame.ip = t,
                    Instr::PopJumpIfFalse(t) | Instr::PopJumpIfTrue(t) => {
                        let v = frame.stack.pop().unwrap();
                        let b = match v {
                            Value::Bool(b) => b,
                            _ => tri!(self.truthy(host, &v)),
                        };
                        if b == matches!(instr, Instr::PopJumpIfTrue(_)) {
                            frame.ip = t;
                        }
                    }
                    Instr::JumpIfFalseOrPop(t) | Instr::JumpIfTrueOrPop(t) => {
                        let v = frame.stack.last().unwrap().clone();
                        let b = tri!(self.truthy(host, &v));
                        if b == matches!(instr, Instr::JumpIfTrueOrPop(_)) {
                            frame.ip = t;
                        } else {
                            frame.stack.pop();
                        }
                    }
                    Instr::GetIter => {
                        let v = frame.stack.pop().unwrap();
                        let it = tri!(self.get_iter(host, v));
                        frame.stack.push(it);
                    }
                    // `ForIter`, the fused `ForIter; StoreFast` (a range or list
                    // item goes straight to the local; anything else runs as
                    // `ForIter` would and the `StoreFast` after it stores the
                    // item), and a loop's back edge to the latter.
                    Instr::ForIter(_) | Instr::ForIterStore(..) | Instr::JumpForIterStore(_) => {
                        let (exit, slot) = match instr {
                            Instr::ForIter(exit) => (exit, None),
                            Instr::ForIterStore(exit, slot) => (exit, Some(slot)),
                            Instr::JumpForIterStore(t) => {
                                let Instr::ForIterStore(exit, slot) = frame.code.instrs[t as usize]
                                else {
                                    unreachable!("the peephole pass points this at a ForIterStore")
                                };
                                // As if the loop head had been fetched.
                                frame.ip = t + 1;
                                (exit, Some(slot))
                            }
                            _ => unreachable!("matched above"),
                        };
                        match for_iter_fast(frame.stack.last().unwrap()) {
                            ForStep::Item(v) => match slot {
                                Some(slot) => {
                                    frame.locals[slot as usize] = v;
                                    frame.ip += 1;
                                }
                                None => frame.stack.push(v),
                            },
                            ForStep::Done => {
                                frame.stack.pop();
                                frame.ip = exit;
                            }
                            ForStep::Slow => next!(self.for_iter_slow(host, ex, frame, exit)),
                        }
                    }
                    Instr::BuildList(n) => {
                        let start = frame.stack.len() - n as usize;
                        let items: Vec<Value> = frame.stack.drain(start..).collect();
                        frame.stack.push(Value::list(items));
                    }
                    Instr::BuildTuple(n) => {
                        let start = frame.stack.len() - n as usize;
                        let items: Vec<Value> = frame.stack.drain(start..).collect();
                        frame.stack.push(Value::tuple(items));
                    }
                    Instr::ListAppend(n) => {
                        let v = frame.stack.pop().unwrap();
                        let at = frame.stack.len() - n as usize;
                        if let Value::List(l) = &frame.stack[at] {
                            l.0.borrow_mut().push(v);
                        }
                        if frame.stack.len().is_multiple_of(64) {
                            tri!(self.alloc(0));
                        }
                    }
                    Instr::UnpackSequence(n) => {
                        let v = frame.stack.pop().unwrap();
                        let items = tri!(self.unpack(host, &v, n as usize, None));
                        frame.stack.extend(items.into_iter().rev());
                    }
                    Instr::Return => {
                        let v = frame.stack.pop().unwrap_or(Value::None);
                        // Fast path: a plain call returns to its caller.
                        if let (Owner::Plain, OnReturn::Push) = (&frame.owner, &frame.on_return) {
                            if let Some(caller) = ex.frames.pop() {
                                let done = std::mem::replace(frame, caller);
                                self.recycle(done);
                                self.depth -= 1;
                                frame.stack.push(v);
                                continue;
                            }
                        }
                        match self.finish_frame(host, ex, frame, v) {
                            Ok(None) => {}
                            Ok(Some(v)) => out!(RunResult::Return(v)),
                            Err(e) => {
                                pending = Some(e);
                                continue 'outer;
                            }
                        }
                    }
                    Instr::Await => {
                        let v = frame.stack.pop().unwrap();
                        match v {
                            Value::Coroutine(c) => {
                                let mut st = c
                                    .stack
                                    .borrow_mut()
                                    .take()
                                    .expect("a created coroutine holds its frame");
                                let mut cf = st.frames.pop().expect("one frame");
                                c.state.set(CoroState::Running);
                                // A coroutine that never ran: its frame returns
                                // with `Push` and has no owner yet (no drops to run).
                                debug_assert!(
                                    matches!(cf.on_return, OnReturn::Push)
                                        && matches!(cf.owner, Owner::Plain)
                                );
                                std::mem::forget(std::mem::replace(
                                    &mut cf.owner,
                                    Owner::Coroutine(c.clone()),
                                ));
                                if let Next::Err(e) = self.push_frame(ex, frame, cf) {
                                    pending = Some(e);
                                    continue 'outer;
                                }
                            }
                            other => match self.await_other(host, ex, frame, other) {
                                Slow::Ok => {}
                                Slow::Err(e) => {
                                    pending = Some(e);
                                    continue 'outer;
                                }
                                Slow::Return(r) => out!(r),
                            },
                        }
                    }
                    Instr::PopBlock => {
                        frame.blocks.pop();
                    }
                    _ => match self.slow_instr(host, ex, frame, instr) {
                        Slow::Ok => {}
                        Slow::Err(e) => {
                            pending = Some(e);
                            continue 'outer;
                        }
                        Slow::Return(r) => out!(r),
                    },
                }
            }
        }
    }

    /// The dispatch loop's memory check (every 4,096 instructions), out of
    /// line: inlined, its loads crowd the registers the loop's head needs.
    #[cold]
    #[inline(never)]
    fn periodic_alloc_check(&mut self) -> PyResult<()> {
        self.alloc(0)
    }

    /// `ForIter` on anything but a range or list iterator: a generator's frame
    /// runs on this stack; other iterators are advanced by `next`.
    fn for_iter_slow(
        &mut self,
        host: &mut dyn Host,
        ex: &mut ExecStack,
        frame: &mut Box<Frame>,
        exit: u32,
    ) -> Next {
        let it = frame.stack.last().unwrap().clone();
        if let Value::Generator(g) = &it {
            let target = match &g.kind {
                GenKind::Generator => Some(super::gen::GenObj::Gen(g.clone())),
                GenKind::CoroWrapper(c) => Some(super::gen::GenObj::Coro(c.clone())),
                _ => None,
            };
            if let Some(target) = target {
                let req = super::gen::ResumeReq {
                    target,
                    action: super::gen::ResumeAction::Send(Value::None),
                    edge: OnReturn::ForIterGen { exit },
                };
                return self.resume_chain(host, ex, frame, req);
            }
        }
        match self.next(host, &it) {
            Ok(Some(v)) => frame.stack.push(v),
            Ok(None) => {
                frame.stack.pop();
                frame.ip = exit;
            }
            Err(e) => return Next::Err(e),
        }
        Next::Continue
    }

    /// `Await` of anything but a coroutine: a generator-like object
    /// (delegation), a host future, a plain iterator.
    #[inline(never)]
    fn await_other(
        &mut self,
        host: &mut dyn Host,
        ex: &mut ExecStack,
        frame: &mut Box<Frame>,
        v: Value,
    ) -> Slow {
        if let Value::Generator(g) = v {
            return match self.delegate(host, ex, frame, g) {
                Next::Continue => Slow::Ok,
                Next::Err(e) => Slow::Err(e),
                Next::Driver(r) => Slow::Return(r),
            };
        }
        let r = if super::gen::is_host_awaitable(&v) {
            let r = host.await_start(self, &v);
            if let Ok(AwaitStart::Suspend(_)) = &r {
                frame.stack.push(v);
                frame.pending = Pending::Await;
                // A task's stack with no generator resuming part of it (the
                // common case): the whole stack waits.
                if !super::gen::is_resumer(&frame.on_return)
                    && !ex.frames.iter().any(|f| super::gen::is_resumer(&f.on_return))
                {
                    if let Ok(AwaitStart::Suspend(y)) = r {
                        return Slow::Return(RunResult::Yield(y));
                    }
                }
            }
            r
        } else {
            // `__await__` returned a plain iterator, or `yield from` one.
            self.await_iter(host, frame, v)
        };
        match r {
            Ok(AwaitStart::Ready(r)) => {
                frame.stack.push(r);
                Slow::Ok
            }
            Ok(AwaitStart::Suspend(y)) => self.suspended(ex, frame, y),
            Err(e) => Slow::Err(e),
        }
    }

    /// A `yield` or a waiting `await` ([`Vm::suspend`]) as the loop goes on.
    #[inline(never)]
    fn suspended(&mut self, ex: &mut ExecStack, frame: &mut Box<Frame>, v: Value) -> Slow {
        match self.suspend(ex, frame, v) {
            super::gen::Suspend::Driver(y) => Slow::Return(RunResult::Yield(y)),
            super::gen::Suspend::Continue => Slow::Ok,
            super::gen::Suspend::Err(e) => Slow::Err(e),
        }
    }

    /// The less frequent instructions, out of line so that the main loop
    /// stays small (its stack frame and register use are what every
    /// instruction pays for).
    #[inline(never)]
    fn slow_instr(
        &mut self,
        host: &mut dyn Host,
        ex: &mut ExecStack,
        frame: &mut Box<Frame>,
        instr: Instr,
    ) -> Slow {
        let ip = frame.ip as usize - 1;
        macro_rules! sl {
            ($e:expr) => {
                match $e {
                    Ok(v) => v,
                    Err(e) => return Slow::Err(e),
                }
            };
        }
        match instr {
            Instr::Dup2 => {
                let n = frame.stack.len();
                let a = frame.stack[n - 2].clone();
                let b = frame.stack[n - 1].clone();
                frame.stack.push(a);
                frame.stack.push(b);
            }
            Instr::Rot3 => {
                let v = frame.stack.pop().unwrap();
                let len = frame.stack.len();
                frame.stack.insert(len - 2, v);
            }
            Instr::DeleteFast(i) => {
                if frame.locals[i as usize].is_undef() {
                    let name = frame.code.varnames[i as usize];
                    return Slow::Err(self.new_error(
                                ExcKind::UnboundLocalError,
                                format!("cannot access local variable '{name}' where it is not associated with a value"),
                            ));
                }
                frame.locals[i as usize] = Value::Undef;
            }
            Instr::DeleteDeref(i) => {
                let was =
                    std::mem::replace(&mut *frame.cells[i as usize].0.borrow_mut(), Value::Undef);
                if was.is_undef() {
                    return Slow::Err(self.unbound_cell(frame, i));
                }
            }
            Instr::LoadClosure(i) => {
                let c = frame.cells[i as usize].clone();
                frame.stack.push(Value::Cell(c));
            }
            Instr::DeleteGlobal(slot) => {
                let was = std::mem::replace(
                    &mut frame.globals.values.borrow_mut()[slot as usize],
                    Value::Undef,
                );
                if was.is_undef() {
                    return Slow::Err(self.name_error(frame.globals.name(slot)));
                }
            }
            Instr::LoadName(n) => {
                let name = frame.code.names[n as usize];
                let v = sl!(self.load_name(frame, name));
                frame.stack.push(v);
            }
            Instr::StoreName(n) => {
                let name = frame.code.names[n as usize];
                let v = frame.stack.pop().unwrap();
                match &frame.ns {
                    Some(ns) => {
                        let key = Value::Str(Rc::new(PyStr::new(name.to_string())));
                        let h = sl!(self.hash(host, &key));
                        ns.0.borrow_mut().insert(h, key, v);
                    }
                    None => frame.globals.set(name, v),
                }
            }
            Instr::DeleteName(n) => {
                let name = frame.code.names[n as usize];
                if let Some(ns) = &frame.ns {
                    let key = Value::str(name.to_string());
                    let h = sl!(self.hash(host, &key));
                    if ns.0.borrow_mut().remove(h, &key).is_none() {
                        return Slow::Err(self.name_error(name));
                    }
                }
            }
            Instr::LoadClassDeref(n, i) => {
                let name = frame.code.names[n as usize];
                let from_ns = match &frame.ns {
                    Some(ns) => {
                        let key = Value::str(name.to_string());
                        let h = sl!(self.hash(host, &key));
                        ns.0.borrow().get(h, &key).cloned()
                    }
                    None => None,
                };
                match from_ns {
                    Some(v) => frame.stack.push(v),
                    None => {
                        let v = frame.cells[i as usize].0.borrow().clone();
                        if v.is_undef() {
                            return Slow::Err(self.unbound_cell(frame, i));
                        }
                        frame.stack.push(v);
                    }
                }
            }
            Instr::DeleteAttr(n) => {
                let name = frame.code.names[n as usize];
                let obj = frame.stack.pop().unwrap();
                sl!(self.delattr(host, &obj, name));
            }
            Instr::CallKw(argc, k) => {
                self.note_site(frame, ip);
                let kwnames = frame.code.consts[k as usize].clone();
                let start = frame.stack.len() - argc as usize;
                let mut args: Vec<Value> = frame.stack.drain(start..).collect();
                let func = frame.stack.pop().unwrap();
                let kwargs = split_kwargs(&mut args, Some(&kwnames));
                let outcome = self.invoke(host, func, args, kwargs);
                match self.after_invoke(host, ex, frame, outcome) {
                    Next::Continue => {}
                    Next::Err(e) => return Slow::Err(e),
                    Next::Driver(r) => return Slow::Return(r),
                }
            }
            Instr::CallEx(has_kw) => {
                self.note_site(frame, ip);
                let kw = if has_kw == 1 { Some(frame.stack.pop().unwrap()) } else { None };
                let args = frame.stack.pop().unwrap();
                let func = frame.stack.pop().unwrap();
                let args = match args {
                    Value::Tuple(t) => t.0.clone(),
                    other => match self.iterate(host, &other) {
                        Ok(v) => v,
                        Err(e)
                            if self.err_is(&e, ExcKind::TypeError)
                                && !matches!(other, Value::Instance(_)) =>
                        {
                            let f = self.function_str(&func);
                            return Slow::Err(self.type_error(format!(
                                "{f} argument after * must be an iterable, not {}",
                                super::types::type_name(&other)
                            )));
                        }
                        Err(e) => return Slow::Err(e),
                    },
                };
                let mut kwargs = Vec::new();
                if let Some(Value::Dict(d)) = kw {
                    for e in d.0.borrow().iter() {
                        match &e.key {
                            Value::Str(s) => {
                                kwargs.push((super::intern::Symbol::new(&s.s), e.value.clone()))
                            }
                            _ => {
                                return Slow::Err(self.type_error("keywords must be strings"));
                            }
                        }
                    }
                }
                let outcome = self.invoke(host, func, args, kwargs);
                match self.after_invoke(host, ex, frame, outcome) {
                    Next::Continue => {}
                    Next::Err(e) => return Slow::Err(e),
                    Next::Driver(r) => return Slow::Return(r),
                }
            }
            Instr::DeleteSubscr => {
                let key = frame.stack.pop().unwrap();
                let obj = frame.stack.pop().unwrap();
                sl!(self.delitem(host, &obj, &key));
            }
            Instr::Neg | Instr::Pos | Instr::Invert => {
                let v = frame.stack.pop().unwrap();
                let r = sl!(self.unary_op(host, instr, v));
                frame.stack.push(r);
            }
            Instr::BuildSet(n) => {
                let start = frame.stack.len() - n as usize;
                let items: Vec<Value> = frame.stack.drain(start..).collect();
                let s = sl!(self.new_set(host, items, false));
                frame.stack.push(s);
            }
            Instr::BuildMap(n) => {
                let start = frame.stack.len() - 2 * n as usize;
                let items: Vec<Value> = frame.stack.drain(start..).collect();
                let mut d = super::dict::DictData::with_capacity(n as usize);
                let mut it = items.into_iter();
                while let (Some(k), Some(v)) = (it.next(), it.next()) {
                    let h = sl!(self.hash(host, &k));
                    d.insert(h, k, v);
                }
                frame.stack.push(Value::Dict(Rc::new(Dict(std::cell::RefCell::new(d)))));
            }
            Instr::ListExtend(n) => {
                let v = frame.stack.pop().unwrap();
                let items = sl!(self.iterate(host, &v).map_err(|e| self.star_error(e, &v, "*")));
                let at = frame.stack.len() - n as usize;
                if let Value::List(l) = &frame.stack[at] {
                    sl!(self.alloc(items.len() * 16));
                    l.0.borrow_mut().extend(items);
                }
            }
            Instr::SetAdd(n) => {
                let v = frame.stack.pop().unwrap();
                let at = frame.stack.len() - n as usize;
                let s = frame.stack[at].clone();
                sl!(self.set_add(host, &s, v));
            }
            Instr::SetUpdate(n) => {
                let v = frame.stack.pop().unwrap();
                let at = frame.stack.len() - n as usize;
                let s = frame.stack[at].clone();
                // `_PySet_Update`: CPython's `set_update_internal`.
                sl!(self.set_update_internal(host, &s, &v));
            }
            Instr::MapAdd(n) => {
                let v = frame.stack.pop().unwrap();
                let k = frame.stack.pop().unwrap();
                let at = frame.stack.len() - n as usize;
                let h = sl!(self.hash(host, &k));
                if let Value::Dict(d) = &frame.stack[at] {
                    d.0.borrow_mut().insert(h, k, v);
                }
            }
            Instr::DictUpdate(n) | Instr::DictMerge(n) => {
                let m = frame.stack.pop().unwrap();
                let at = frame.stack.len() - n as usize;
                let target = frame.stack[at].clone();
                let merge = matches!(instr, Instr::DictMerge(_));
                if let Err(e) = self.dict_update_from(host, &target, &m, merge) {
                    if merge && self.err_is(&e, ExcKind::TypeError) && at >= 2 {
                        // Name the function being called (it sits below the arguments).
                        let f = self.function_str(&frame.stack[at - 2]);
                        let msg = match &e {
                            PyErr::Exc(v) => self.str(host, v).unwrap_or_default(),
                            _ => String::new(),
                        };
                        return Slow::Err(self.type_error(format!("{f} {msg}")));
                    }
                    return Slow::Err(e);
                }
            }
            Instr::ListToTuple => {
                let v = frame.stack.pop().unwrap();
                if let Value::List(l) = v {
                    let items = std::mem::take(&mut *l.0.borrow_mut());
                    frame.stack.push(Value::tuple(items));
                }
            }
            Instr::BuildString(n) => {
                let start = frame.stack.len() - n as usize;
                let mut s = String::new();
                for v in frame.stack.drain(start..) {
                    if let Value::Str(p) = v {
                        s.push_str(&p.s);
                    }
                }
                sl!(self.alloc(s.len()));
                frame.stack.push(Value::str(s));
            }
            Instr::FormatValue(flags) => {
                let spec = if flags & 4 != 0 { Some(frame.stack.pop().unwrap()) } else { None };
                let v = frame.stack.pop().unwrap();
                let v = match flags & 3 {
                    1 => Value::str(sl!(self.str(host, &v))),
                    2 => Value::str(sl!(self.repr(host, &v))),
                    3 => Value::str(sl!(self.ascii(host, &v))),
                    _ => v,
                };
                let spec = match &spec {
                    Some(Value::Str(s)) => s.s.clone(),
                    _ => String::new(),
                };
                let s = sl!(self.format(host, &v, &spec));
                frame.stack.push(Value::str(s));
            }
            Instr::BuildSlice(n) => {
                let step = if n == 3 { frame.stack.pop().unwrap() } else { Value::None };
                let stop = frame.stack.pop().unwrap();
                let start = frame.stack.pop().unwrap();
                frame.stack.push(Value::Slice(Rc::new(SliceObj { start, stop, step })));
            }
            Instr::UnpackEx(before, after) => {
                let v = frame.stack.pop().unwrap();
                let items = sl!(self.unpack(host, &v, before as usize, Some(after as usize)));
                frame.stack.extend(items.into_iter().rev());
            }
            Instr::MakeFunction(ci, flags) => {
                let code = match &frame.code.consts[ci as usize] {
                    Value::Code(c) => c.clone(),
                    _ => unreachable!("MakeFunction needs a code constant"),
                };
                let closure = if flags & 4 != 0 {
                    match frame.stack.pop().unwrap() {
                        Value::Tuple(t) => {
                            t.0.iter()
                                .map(|c| match c {
                                    Value::Cell(c) => c.clone(),
                                    _ => unreachable!(),
                                })
                                .collect()
                        }
                        _ => unreachable!(),
                    }
                } else {
                    Vec::new()
                };
                let annotations =
                    if flags & 8 != 0 { Some(frame.stack.pop().unwrap()) } else { None };
                let kwdefaults = if flags & 2 != 0 {
                    match frame.stack.pop().unwrap() {
                        Value::Dict(d) => {
                            d.0.borrow()
                                .iter()
                                .map(|e| match &e.key {
                                    Value::Str(s) => {
                                        (super::intern::Symbol::new(&s.s), e.value.clone())
                                    }
                                    _ => unreachable!(),
                                })
                                .collect()
                        }
                        _ => unreachable!(),
                    }
                } else {
                    Vec::new()
                };
                let defaults = if flags & 1 != 0 {
                    match frame.stack.pop().unwrap() {
                        Value::Tuple(t) => t.0.clone(),
                        _ => unreachable!(),
                    }
                } else {
                    Vec::new()
                };
                let f = Function {
                    name: std::cell::RefCell::new(code.name.clone()),
                    qualname: std::cell::RefCell::new(code.qualname.clone()),
                    code,
                    globals: frame.globals.clone(),
                    defaults,
                    kwdefaults,
                    closure,
                    attrs: match annotations {
                        Some(a) => std::cell::RefCell::new(AttrMap(vec![(
                            super::intern::sym::__annotations__,
                            a,
                        )])),
                        None => Default::default(),
                    },
                    id: next_id(),
                };
                frame.stack.push(Value::Function(Rc::new(f)));
            }
            Instr::BuildClass(n) => {
                let name = match &frame.code.consts[n as usize] {
                    Value::Str(s) => Rc::<str>::from(s.s.as_str()),
                    _ => unreachable!(),
                };
                let bases = match frame.stack.pop().unwrap() {
                    Value::Tuple(t) => t.0.clone(),
                    _ => unreachable!(),
                };
                let body = match frame.stack.pop().unwrap() {
                    Value::Function(f) => f,
                    _ => unreachable!(),
                };
                let mut bf = self.new_frame(body.code.clone(), body.globals.clone());
                self.init_cells(&mut bf, &body);
                bf.ns = Some(Rc::new(Dict::default()));
                bf.on_return =
                    OnReturn::BuildClass { name, bases, qualname: body.code.qualname.clone() };
                // __module__ first, as CPython's class bodies do.
                let key = Value::str("__module__");
                let h = sl!(self.hash(host, &key));
                let module_name = Value::str(&*frame.globals.module_name);
                bf.ns.as_ref().unwrap().0.borrow_mut().insert(h, key, module_name);
                if let Next::Err(e) = self.push_frame(ex, frame, bf) {
                    return Slow::Err(e);
                }
            }
            Instr::GetAwaitable => {
                let v = frame.stack.last().unwrap().clone();
                match &v {
                    Value::Coroutine(c) => match c.state.get() {
                        CoroState::Created => {}
                        CoroState::Done => {
                            return Slow::Err(
                                self.runtime_error("cannot reuse already awaited coroutine"),
                            );
                        }
                        _ => {
                            return Slow::Err(
                                self.runtime_error("coroutine is being awaited already"),
                            );
                        }
                    },
                    Value::Instance(i) if i.class.tag == TypeTag::Host => {}
                    Value::Generator(g) if matches!(g.kind, GenKind::AgenOp { .. }) => {}
                    Value::Instance(_) => {
                        let r = sl!(self.awaitable_of(host, &v));
                        *frame.stack.last_mut().unwrap() = r;
                    }
                    _ => {
                        return Slow::Err(self.type_error(format!(
                            "object {} can't be used in 'await' expression",
                            super::types::type_name(&v)
                        )));
                    }
                }
            }
            Instr::PopIter => {
                // A loop's iterator dropped by `break` or `return`:
                // the last reference to a suspended generator
                // finalizes it (its `finally` runs now).
                frame.stack.pop();
                if finalize_pending() {
                    self.run_finalizers(host);
                }
            }
            Instr::Yield => {
                let v = frame.stack.pop().unwrap();
                if frame.code.kind == CodeKind::AsyncGenerator {
                    return match self.agen_yield(ex, frame, v) {
                        Next::Continue => Slow::Ok,
                        Next::Err(e) => Slow::Err(e),
                        Next::Driver(r) => Slow::Return(r),
                    };
                }
                frame.pending = Pending::Yield;
                return self.suspended(ex, frame, v);
            }
            Instr::GetYieldFromIter => {
                let v = frame.stack.pop().unwrap();
                let it = match &v {
                    Value::Generator(g)
                        if matches!(g.kind, GenKind::Generator | GenKind::CoroWrapper(_)) =>
                    {
                        v
                    }
                    Value::Coroutine(_) => {
                        return Slow::Err(self.type_error(
                            "cannot 'yield from' a coroutine object in a non-coroutine generator",
                        ));
                    }
                    _ => sl!(self.get_iter(host, v)),
                };
                frame.stack.push(it);
            }
            Instr::GetAIter => {
                let v = frame.stack.pop().unwrap();
                let it = sl!(self.aiter_of(host, v));
                frame.stack.push(it);
            }
            Instr::GetANext => {
                let ait = frame.stack.last().unwrap().clone();
                let aw = sl!(self.anext_awaitable(host, &ait));
                frame.stack.push(aw);
            }
            Instr::EndAsyncFor => {
                let exc = frame.stack.pop().unwrap();
                if !self.exc_is(&exc, ExcKind::StopAsyncIteration) {
                    return Slow::Err(PyErr::Exc(exc));
                }
                frame.stack.pop();
            }
            Instr::CheckEgMatch => {
                let ty = frame.stack.pop().unwrap();
                let rest = frame.stack.pop().unwrap();
                let (rest, m) = sl!(self.eg_match(host, rest, &ty));
                if !m.is_none() {
                    frame.handled = m.clone();
                }
                frame.stack.push(rest);
                frame.stack.push(m);
            }
            Instr::PrepReraiseStar => {
                let list = frame.stack.pop().unwrap();
                let orig = frame.stack.pop().unwrap();
                let r = sl!(self.prep_reraise_star(host, &orig, &list));
                frame.stack.push(r);
            }
            Instr::Raise(kind) => {
                let e = sl!(self.do_raise(frame, ex, kind));
                return Slow::Err(e);
            }
            Instr::Reraise => {
                let v = frame.stack.pop().unwrap();
                return Slow::Err(PyErr::Exc(v));
            }
            Instr::PushExcInfo => {
                let exc = frame.stack.pop().unwrap();
                let prev = std::mem::replace(&mut frame.handled, exc.clone());
                frame.stack.push(prev);
                frame.stack.push(exc);
            }
            Instr::PopExcInfo => {
                let prev = frame.stack.pop().unwrap();
                frame.handled = prev;
            }
            Instr::CheckExcMatch => {
                let ty = frame.stack.pop().unwrap();
                let exc = frame.stack.last().unwrap().clone();
                let m = sl!(self.exc_matches(&exc, &ty));
                frame.stack.push(Value::Bool(m));
            }
            Instr::BeforeWith(is_async) => {
                let mgr = frame.stack.pop().unwrap();
                let (enter, exit) = if is_async == 1 {
                    (super::intern::sym::__aenter__, super::intern::sym::__aexit__)
                } else {
                    (super::intern::sym::__enter__, super::intern::sym::__exit__)
                };
                let cls = self.class_of(&mgr);
                let (Some(_), Some(_)) = (cls.lookup(enter), cls.lookup(exit)) else {
                    let what = if is_async == 1 {
                        "asynchronous context manager protocol"
                    } else {
                        "context manager protocol"
                    };
                    // CPython 3.13: a missing __enter__/__aenter__ gives the bare message,
                    // a missing __exit__/__aexit__ adds "(missed ... method)".
                    let msg = if cls.lookup(enter).is_none() {
                        format!("'{}' object does not support the {what}", cls.name)
                    } else {
                        format!(
                            "'{}' object does not support the {what} (missed {exit} method)",
                            cls.name
                        )
                    };
                    return Slow::Err(self.type_error(msg));
                };
                let exit_fn = sl!(self.getattr(host, &mgr, exit));
                let enter_fn = sl!(self.getattr(host, &mgr, enter));
                frame.stack.push(exit_fn);
                let r = self.invoke(host, enter_fn, Vec::new(), Vec::new());
                match self.after_invoke(host, ex, frame, r) {
                    Next::Continue => {}
                    Next::Err(e) => return Slow::Err(e),
                    Next::Driver(r) => return Slow::Return(r),
                }
            }
            Instr::WithNormalExit => {
                let exit_fn = frame.stack.pop().unwrap();
                let r = self.invoke(
                    host,
                    exit_fn,
                    vec![Value::None, Value::None, Value::None],
                    Vec::new(),
                );
                match self.after_invoke(host, ex, frame, r) {
                    Next::Continue => {}
                    Next::Err(e) => return Slow::Err(e),
                    Next::Driver(r) => return Slow::Return(r),
                }
            }
            Instr::WithExcept => {
                // [exit, prev, exc]
                let n = frame.stack.len();
                let exc = frame.stack[n - 1].clone();
                let exit_fn = frame.stack[n - 3].clone();
                let ty = Value::Class(self.class_of(&exc));
                let r = self.invoke(host, exit_fn, vec![ty, exc, Value::None], Vec::new());
                match self.after_invoke(host, ex, frame, r) {
                    Next::Continue => {}
                    Next::Err(e) => return Slow::Err(e),
                    Next::Driver(r) => return Slow::Return(r),
                }
            }
            Instr::ImportName(n) => {
                let name = match &frame.code.consts[n as usize] {
                    Value::Str(s) => s.s.clone(),
                    _ => unreachable!(),
                };
                let m = sl!(self.import_module(host, &name));
                frame.stack.push(m);
            }
            Instr::ImportFrom(n) => {
                let name = frame.code.names[n as usize];
                let m = frame.stack.last().unwrap().clone();
                match self.getattr(host, &m, name) {
                    Ok(v) => frame.stack.push(v),
                    Err(_) => {
                        let mname = match &m {
                            Value::Module(m) => m.name.to_string(),
                            _ => "?".to_string(),
                        };
                        return Slow::Err(self.new_error(
                            ExcKind::ImportError,
                            format!("cannot import name '{name}' from '{mname}'"),
                        ));
                    }
                }
            }
            Instr::RaiseAssert(has_msg) => {
                let args = if has_msg == 1 { vec![frame.stack.pop().unwrap()] } else { vec![] };
                let e =
                    self.new_exc_args(self.types.exc_class(ExcKind::AssertionError).clone(), args);
                return Slow::Err(PyErr::Exc(e));
            }
            Instr::LoadSuper => {
                let obj = frame.stack.pop().unwrap();
                let cls = frame.stack.pop().unwrap();
                let v = sl!(self.make_super(cls, obj));
                frame.stack.push(v);
            }
            Instr::Setup(h) => {
                let depth = frame.stack.len() as u32;
                frame.blocks.push(super::frame::Block { handler: h, depth });
            }
            Instr::SetupUnder(h) => {
                let depth = frame.stack.len() as u32 - 1;
                frame.blocks.push(super::frame::Block { handler: h, depth });
            }
            _ => unreachable!("an instruction of the main loop reached slow_instr"),
        }
        Slow::Ok
    }

    /// How CPython names a callable in call errors (`_PyObject_FunctionStr`):
    /// `module.qualname()`, or `qualname()` for builtins.
    pub(crate) fn function_str(&self, f: &Value) -> String {
        match f {
            Value::Function(func) => {
                let m = &func.globals.module_name;
                format!("{m}.{}()", func.qualname.borrow())
            }
            Value::Builtin(b) => format!("{}()", b.qualname),
            Value::Method(m) => self.function_str(&m.func),
            Value::Class(c) => {
                if &*c.module == "builtins" {
                    format!("{}()", c.qualname)
                } else {
                    format!("{}.{}()", c.module, c.qualname)
                }
            }
            other => format!("{} object", super::types::type_name(other)),
        }
    }

    /// Remember where a call into native code is made (user code only).
    #[inline]
    fn note_site(&mut self, frame: &Frame, ip: usize) {
        if !frame.code.internal {
            self.site = frame.code.spans[ip];
            self.site_user = true;
        }
    }

    /// After a call: push the value, or enter the new frame, or report.
    #[inline(never)]
    fn after_invoke(
        &mut self,
        host: &mut dyn Host,
        ex: &mut ExecStack,
        frame: &mut Box<Frame>,
        r: PyResult<Invoke>,
    ) -> Next {
        match r {
            Ok(Invoke::Resume(req)) => self.resume_chain(host, ex, frame, req),
            Ok(Invoke::Value(v)) => {
                frame.stack.push(v);
                Next::Continue
            }
            Ok(Invoke::Frame(nf)) => self.push_frame(ex, frame, nf),
            Ok(Invoke::Driver { id, args, kwargs }) => {
                frame.pending = Pending::HostCall;
                Next::Driver(RunResult::HostCall { id, args, kwargs })
            }
            Err(e) => Next::Err(e),
        }
    }

    /// Make `nf` the running frame (its caller saved on the stack).
    pub(super) fn push_frame(
        &mut self,
        ex: &mut ExecStack,
        frame: &mut Box<Frame>,
        nf: Box<Frame>,
    ) -> Next {
        if self.depth >= RECURSION_LIMIT {
            return Next::Err(
                self.new_error(ExcKind::RecursionError, "maximum recursion depth exceeded".into()),
            );
        }
        self.depth += 1;
        let caller = std::mem::replace(frame, nf);
        ex.frames.push(caller);
        Next::Continue
    }

    /// A frame returned `v`: pop it and deliver `v` per its `on_return`.
    /// `Some(v)` when it was the outermost frame.
    fn finish_frame(
        &mut self,
        host: &mut dyn Host,
        ex: &mut ExecStack,
        frame: &mut Box<Frame>,
        v: Value,
    ) -> PyResult<Option<Value>> {
        match &frame.owner {
            Owner::Coroutine(c) => c.state.set(CoroState::Done),
            Owner::Generator(g) => g.state.set(CoroState::Done),
            Owner::Plain => {}
        }
        enum Deliver {
            Push(Value),
            ExitLoop(u32),
        }
        let on_return = std::mem::replace(&mut frame.on_return, OnReturn::Push);
        let deliver = match on_return {
            OnReturn::Push => Deliver::Push(v),
            OnReturn::ForIterGen { exit } => Deliver::ExitLoop(exit),
            edge @ (OnReturn::Resumed(_) | OnReturn::AsyncGen(_)) => {
                match self.edge_return(edge, v) {
                    Ok(v) => Deliver::Push(v),
                    Err(e) => {
                        self.pop_frame(ex, frame);
                        return Err(e);
                    }
                }
            }
            OnReturn::Init(inst) => {
                if !v.is_none() {
                    let e = self.type_error(format!(
                        "__init__() should return None, not '{}'",
                        super::types::type_name(&v)
                    ));
                    self.pop_frame(ex, frame);
                    return Err(e);
                }
                Deliver::Push(inst)
            }
            OnReturn::BuildClass { name, bases, qualname } => {
                let ns = frame.ns.take().unwrap_or_default();
                let class_cell = frame
                    .code
                    .cellvars
                    .iter()
                    .position(|(n, _)| *n == super::intern::sym::__class__)
                    .map(|i| frame.cells[i].clone());
                match self.build_class(host, &name, &qualname, &bases, &ns, &frame.globals) {
                    Ok(cls) => {
                        if let Some(cell) = class_cell {
                            *cell.0.borrow_mut() = cls.clone();
                        }
                        Deliver::Push(cls)
                    }
                    Err(e) => {
                        self.pop_frame(ex, frame);
                        return Err(e);
                    }
                }
            }
        };
        match ex.frames.pop() {
            Some(caller) => {
                let done = std::mem::replace(frame, caller);
                self.recycle(done);
                self.depth -= 1;
                if finalize_pending() {
                    self.run_finalizers(host);
                }
                match deliver {
                    Deliver::Push(v) => frame.stack.push(v),
                    Deliver::ExitLoop(exit) => {
                        // A generator driven by `for` finished: drop it, leave the loop.
                        frame.stack.pop();
                        frame.ip = exit;
                    }
                }
                Ok(None)
            }
            None => Ok(Some(match deliver {
                Deliver::Push(v) => v,
                Deliver::ExitLoop(_) => Value::None,
            })),
        }
    }

    /// Pop a frame without delivering a value (an error is on its way).
    fn pop_frame(&mut self, ex: &mut ExecStack, frame: &mut Box<Frame>) {
        if let Some(caller) = ex.frames.pop() {
            *frame = caller;
            self.depth -= 1;
        }
    }

    pub(crate) fn name_error(&self, name: super::intern::Symbol) -> PyErr {
        self.new_error(ExcKind::NameError, format!("name '{name}' is not defined"))
    }

    fn unbound_local(&self, frame: &Frame, i: u32) -> PyErr {
        let name = frame.code.varnames[i as usize];
        self.new_error(
            ExcKind::UnboundLocalError,
            format!(
                "cannot access local variable '{name}' where it is not associated with a value"
            ),
        )
    }

    fn unbound_cell(&self, frame: &Frame, i: u32) -> PyErr {
        let n = frame.code.cellvars.len();
        if (i as usize) < n {
            let name = frame.code.cellvars[i as usize].0;
            self.new_error(
                ExcKind::UnboundLocalError,
                format!(
                    "cannot access local variable '{name}' where it is not associated with a value"
                ),
            )
        } else {
            let name = frame.code.freevars[i as usize - n];
            self.new_error(
                ExcKind::NameError,
                format!("cannot access free variable '{name}' where it is not associated with a value in enclosing scope"),
            )
        }
    }

    fn load_name(&mut self, frame: &Frame, name: super::intern::Symbol) -> PyResult<Value> {
        if let Some(ns) = &frame.ns {
            let key = Value::str(name.to_string());
            let h = super::hash::str_hash(&key);
            if let Some(v) = ns.0.borrow().get(h, &key) {
                return Ok(v.clone());
            }
        }
        if let Some(v) = frame.globals.get(name) {
            return Ok(v);
        }
        match self.builtins.get(&name) {
            Some(v) => Ok(v.clone()),
            None => Err(self.name_error(name)),
        }
    }

    /// Set up a function frame's cells: new cells for its cellvars (holding
    /// the argument when the cell is a parameter), then the closure's cells.
    pub(crate) fn init_cells(&self, f: &mut Frame, func: &Function) {
        if f.code.cellvars.is_empty() && func.closure.is_empty() {
            return;
        }
        let mut cells = Vec::with_capacity(f.code.cellvars.len() + func.closure.len());
        for (_, param) in f.code.cellvars.iter() {
            let v = match param {
                Some(i) => std::mem::replace(&mut f.locals[*i as usize], Value::Undef),
                None => Value::Undef,
            };
            let cell = Rc::new(CellObj(std::cell::RefCell::new(v)));
            self.cycle_roots.borrow_mut().cell(&cell);
            cells.push(cell);
        }
        cells.extend(func.closure.iter().cloned());
        f.cells = cells;
    }
}

impl Vm {
    /// The coroutine of a call of `f` (an `async def` whose parameters
    /// `takes_positional` binds, with no closure) with the arguments
    /// `stack[first..]`, defaults filling the
    /// missing last parameters: `bind_frame` + `frame_to_invoke` without
    /// collecting the arguments first. Out of line: the dispatch loop's code
    /// stays as compact as it was.
    #[inline(never)]
    fn new_coroutine(
        &mut self,
        f: &Rc<super::value::Function>,
        stack: &mut Vec<Value>,
        first: usize,
    ) -> Value {
        let mut nf = self.pooled_frame(&f.code, &f.globals);
        let argc = stack.len() - first;
        nf.locals.extend(stack.drain(first..));
        let npos = f.code.params.positional as usize;
        if argc < npos {
            nf.locals.extend(f.defaults[f.defaults.len() - (npos - argc)..].iter().cloned());
        }
        let n = f.code.varnames.len();
        if n > nf.locals.len() {
            nf.locals.resize(n, Value::Undef);
        }
        super::call::coroutine_of(f, nf)
    }
}

/// A comparison that needs no method call: two ints, two floats, an int and
/// a float (when the int converts to a float exactly; IEEE rules give
/// Python's answers for NaN), and `is` / `is not`. `None` for the rest.
#[inline(always)]
fn fast_compare(op: CmpOp, a: &Value, b: &Value) -> Option<bool> {
    const EXACT: i64 = 1 << 53;
    match op {
        CmpOp::Is => return Some(a.is(b)),
        CmpOp::IsNot => return Some(!a.is(b)),
        CmpOp::In | CmpOp::NotIn => return None,
        _ => {}
    }
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => order(op, x, y),
        (Value::Float(x), Value::Float(y)) => order(op, x, y),
        (Value::Float(x), Value::Int(y)) if (-EXACT..=EXACT).contains(y) => {
            order(op, *x, *y as f64)
        }
        (Value::Int(x), Value::Float(y)) if (-EXACT..=EXACT).contains(x) => {
            order(op, *x as f64, *y)
        }
        _ => None,
    }
}

/// An ordering or equality comparison of two numbers of one type.
#[inline(always)]
fn order<T: PartialOrd>(op: CmpOp, x: T, y: T) -> Option<bool> {
    match op {
        CmpOp::Lt => Some(x < y),
        CmpOp::LtE => Some(x <= y),
        CmpOp::Gt => Some(x > y),
        CmpOp::GtE => Some(x >= y),
        CmpOp::Eq => Some(x == y),
        CmpOp::NotEq => Some(x != y),
        _ => None,
    }
}

/// `v.clone()` with ints copied inline: the loads of locals and constants
/// that most instructions start with are mostly ints.
#[inline(always)]
fn dup(v: &Value) -> Value {
    match v {
        Value::Int(i) => Value::Int(*i),
        _ => v.clone(),
    }
}

/// One step of a `for` loop that needs no call: the next item of a range or
/// list iterator, or the end of it (CPython's `FOR_ITER_RANGE` and
/// `FOR_ITER_LIST` specialisations).
enum ForStep {
    Item(Value),
    Done,
    /// Another kind of iterable: see `Vm::for_iter_slow`.
    Slow,
}

#[inline(always)]
fn for_iter_fast(it: &Value) -> ForStep {
    let Value::Iter(obj) = it else {
        return ForStep::Slow;
    };
    let mut k = obj.kind.borrow_mut();
    match &mut *k {
        IterKind::Range { next, stop, step } => {
            if (*step > 0 && *next < *stop) || (*step < 0 && *next > *stop) {
                let v = *next;
                *next = next.wrapping_add(*step);
                ForStep::Item(Value::Int(v))
            } else {
                ForStep::Done
            }
        }
        IterKind::Seq { seq: Value::List(l), index } => {
            let items = l.0.borrow();
            if *index < items.len() {
                let v = items[*index].clone();
                *index += 1;
                ForStep::Item(v)
            } else {
                drop(items);
                *k = IterKind::Exhausted(IterType::List);
                ForStep::Done
            }
        }
        _ => ForStep::Slow,
    }
}

/// `x op y` for ints when it needs no care (no overflow, no zero divisor,
/// non-negative operands for `//` and `%`); `None` sends it the slow way.
#[inline]
fn int_fast(op: BinOp, x: i64, y: i64) -> Option<i64> {
    match op {
        BinOp::Add => x.checked_add(y),
        BinOp::Sub => x.checked_sub(y),
        BinOp::Mult => x.checked_mul(y),
        BinOp::Mod if x >= 0 && y > 0 => Some(x % y),
        BinOp::FloorDiv if x >= 0 && y > 0 => Some(x / y),
        BinOp::BitAnd => Some(x & y),
        BinOp::BitOr => Some(x | y),
        BinOp::BitXor => Some(x ^ y),
        _ => None,
    }
}

/// Split the last `len(kwnames)` arguments off as keyword arguments.
fn split_kwargs(
    args: &mut Vec<Value>,
    kwnames: Option<&Value>,
) -> Vec<(super::intern::Symbol, Value)> {
    let Some(Value::Tuple(names)) = kwnames else { return Vec::new() };
    let k = names.0.len();
    let vals = args.split_off(args.len() - k);
    names
        .0
        .iter()
        .zip(vals)
        .map(|(n, v)| match n {
            Value::Str(s) => (super::intern::Symbol::new(&s.s), v),
            _ => unreachable!(),
        })
        .collect()
}
