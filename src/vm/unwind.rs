//! Exceptions on their way through the frames: `raise` (an instance or a
//! class, `from` a cause), implicit chaining (`__context__`: the exception
//! being handled where the new one is raised), unwinding (each frame the
//! exception passes adds a traceback entry; the innermost `try` block's
//! handler takes it, with the value stack cut back to the block's depth; a
//! coroutine or generator frame it leaves is done, and PEP 479 turns a
//! `StopIteration` leaving one into `RuntimeError`), and the match of an
//! `except` clause.
//!
//! It does not lay out the blocks (`compile` lowers `try`, `with` and
//! `finally` to handler addresses), run the handlers (the dispatch loop,
//! `interp`), make exception objects or their messages (`exc`), or print a
//! traceback (the scheduler's driver, from the entries made here); a
//! generator's `close()` or `athrow()` taking back the exception it threw is
//! `gen`'s (`edge_absorbs`).

use super::exc::{with_exc, ExcKind};
use super::frame::{ExecStack, Frame, OnReturn, Owner, Pending};
use super::value::*;
use super::{PyErr, PyResult, Vm};

impl Vm {
    /// Find a handler for `err`, popping frames as needed. `None` when handled
    /// (execution continues in `frame`), or the error when it escaped the stack.
    pub(crate) fn unwind(
        &mut self,
        ex: &mut ExecStack,
        frame: &mut Box<Frame>,
        err: PyErr,
    ) -> Option<PyErr> {
        let exc = match err {
            PyErr::Halt(_) => return Some(err),
            PyErr::Exc(v) => v,
        };
        self.set_context(ex, frame, &exc);
        self.unwind_in(ex, frame, exc)
    }

    fn unwind_in(
        &mut self,
        ex: &mut ExecStack,
        frame: &mut Box<Frame>,
        mut exc: Value,
    ) -> Option<PyErr> {
        loop {
            self.add_traceback(frame, &exc);
            if let Some(b) = frame.blocks.pop() {
                frame.stack.truncate(b.depth as usize);
                frame.stack.push(exc);
                frame.ip = b.handler;
                frame.pending = Pending::None;
                return None;
            }
            match &frame.owner {
                Owner::Coroutine(c) => c.state.set(CoroState::Done),
                Owner::Generator(g) => g.state.set(CoroState::Done),
                Owner::Plain => {}
            }
            exc = self.convert_stop_iteration(frame, exc);
            let absorbed = match frame.on_return {
                OnReturn::Resumed(_) | OnReturn::AsyncGen(_) => {
                    self.edge_absorbs(&frame.on_return, &exc)
                }
                _ => None,
            };
            match ex.frames.pop() {
                Some(caller) => {
                    *frame = caller;
                    self.depth -= 1;
                    if let Some(v) = absorbed {
                        // `close()` / `aclose()` and the GeneratorExit it threw.
                        frame.stack.push(v);
                        return None;
                    }
                }
                None => return Some(PyErr::Exc(exc)),
            }
        }
    }

    /// PEP 479: a `StopIteration` escaping a coroutine or generator frame
    /// becomes `RuntimeError`.
    fn convert_stop_iteration(&mut self, frame: &Frame, exc: Value) -> Value {
        let what = match &frame.owner {
            Owner::Coroutine(_) => "coroutine",
            Owner::Generator(g) if g.is_async_gen() => "async generator",
            Owner::Generator(_) => "generator",
            Owner::Plain => return exc,
        };
        let msg = if self.exc_is(&exc, ExcKind::StopIteration) {
            format!("{what} raised StopIteration")
        } else if what == "async generator" && self.exc_is(&exc, ExcKind::StopAsyncIteration) {
            "async generator raised StopAsyncIteration".to_string()
        } else {
            return exc;
        };
        let new = self.new_exc(ExcKind::RuntimeError, msg);
        with_exc(&new, |d| {
            d.cause = exc.clone();
            d.context = exc.clone();
            d.suppress_context = true;
        });
        new
    }

    fn add_traceback(&mut self, frame: &Frame, exc: &Value) {
        let span = frame.current_span();
        let line = self.line_of(span);
        let name = frame.code.name.clone();
        let internal = frame.code.internal;
        with_exc(exc, |d| d.traceback.push(TbEntry { name, line, start: span.start, internal }));
    }

    /// The exception being handled where `frame` runs (its own, or a caller's).
    pub(crate) fn handled_exception(&self, ex: &ExecStack, frame: &Frame) -> Value {
        if !frame.handled.is_none() {
            return frame.handled.clone();
        }
        for f in ex.frames.iter().rev() {
            if !f.handled.is_none() {
                return f.handled.clone();
            }
        }
        Value::None
    }

    /// Implicit chaining: a new exception raised while another is handled gets
    /// it as `__context__`.
    fn set_context(&mut self, ex: &ExecStack, frame: &Frame, exc: &Value) {
        let handled = self.handled_exception(ex, frame);
        if handled.is_none() || handled.is(exc) {
            return;
        }
        let has = with_exc(exc, |d| !d.context.is_none()).unwrap_or(true);
        if !has {
            // Avoid cycles: do not chain if exc is already in handled's context chain.
            let mut cur = handled.clone();
            let mut steps = 0;
            while !cur.is_none() && steps < 100 {
                if cur.is(exc) {
                    return;
                }
                cur = with_exc(&cur, |d| d.context.clone()).unwrap_or(Value::None);
                steps += 1;
            }
            with_exc(exc, |d| d.context = handled);
        }
    }

    pub(crate) fn do_raise(
        &mut self,
        frame: &mut Frame,
        ex: &ExecStack,
        kind: u32,
    ) -> PyResult<PyErr> {
        if kind == 0 {
            let h = self.handled_exception(ex, frame);
            if h.is_none() {
                return Ok(self.runtime_error("No active exception to reraise"));
            }
            return Ok(PyErr::Exc(h));
        }
        let cause = if kind == 2 { Some(frame.stack.pop().unwrap()) } else { None };
        let e = frame.stack.pop().unwrap();
        let exc = self.make_exception(e)?;
        if let Some(c) = cause {
            let c = match c {
                Value::None => Value::None,
                other => match self.make_exception(other) {
                    Ok(v) => v,
                    Err(_) => {
                        return Ok(
                            self.type_error("exception causes must derive from BaseException")
                        );
                    }
                },
            };
            with_exc(&exc, |d| {
                d.cause = c;
                d.suppress_context = true;
            });
        }
        Ok(PyErr::Exc(exc))
    }

    /// `raise X`: X may be an exception instance or class.
    pub(crate) fn make_exception(&mut self, v: Value) -> PyResult<Value> {
        match &v {
            Value::Instance(_) if super::exc::is_exception(&v) => Ok(v),
            Value::Class(c) if c.is_exception_class() => {
                let inst = self.instantiate_simple(c.clone())?;
                Ok(inst)
            }
            _ => Err(self.type_error("exceptions must derive from BaseException")),
        }
    }

    pub(crate) fn exc_matches(&mut self, exc: &Value, ty: &Value) -> PyResult<bool> {
        let cls = self.class_of(exc);
        match ty {
            Value::Class(c) if c.is_exception_class() => Ok(cls.is_subclass(c)),
            Value::Tuple(t) => {
                for item in &t.0 {
                    if self.exc_matches(exc, item)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            _ => Err(self.type_error(
                "catching classes that do not inherit from BaseException is not allowed",
            )),
        }
    }
}
