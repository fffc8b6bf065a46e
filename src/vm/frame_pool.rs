//! The frame pool: finished frames are kept (up to 64 of them, unless their
//! locals or value stack grew large) so that a call reuses a frame's
//! allocations instead of making new ones; a loop calling one function gets
//! its own frame back, with its code and globals already in place.
//!
//! It does not push, pop or run frames (`interp`), bind arguments (`call`),
//! or define what a frame holds (`frame`).

use super::frame::{Frame, OnReturn, Owner, Pending};
use super::value::*;
use super::Vm;
use std::rc::Rc;

impl Vm {
    /// A frame, reusing a finished one's allocations when there is one.
    pub(crate) fn new_frame(
        &mut self,
        code: Rc<super::code::Code>,
        globals: Rc<Globals>,
    ) -> Box<Frame> {
        let mut f = self.pooled_frame(&code, &globals);
        f.locals.resize(f.code.varnames.len(), Value::Undef);
        f
    }

    /// A frame with no locals yet (the caller fills every `varnames` slot),
    /// reusing a finished one's allocations when there is one.
    pub(crate) fn pooled_frame(
        &mut self,
        code: &Rc<super::code::Code>,
        globals: &Rc<Globals>,
    ) -> Box<Frame> {
        match self.frame_pool.pop() {
            Some(mut f) => {
                // A loop calling one function gets its own frame back: keep
                // the references it already holds.
                if !Rc::ptr_eq(&f.code, code) {
                    f.code = code.clone();
                }
                if !Rc::ptr_eq(&f.globals, globals) {
                    f.globals = globals.clone();
                }
                f
            }
            None => {
                let mut f = Box::new(Frame::new(code.clone(), globals.clone()));
                f.locals.clear();
                f
            }
        }
    }

    /// Keep a finished frame's allocations for the next call.
    #[inline]
    pub(crate) fn recycle(&mut self, mut f: Box<Frame>) {
        if self.frame_pool.len() >= 64 || f.locals.capacity() > 64 || f.stack.capacity() > 64 {
            return;
        }
        f.locals.clear();
        f.stack.clear();
        f.cells.clear();
        f.blocks.clear();
        f.ip = 0;
        // Most frames end as they started: skip the drops.
        if !f.handled.is_none() {
            f.handled = Value::None;
        }
        if f.ns.is_some() {
            f.ns = None;
        }
        if !matches!(f.on_return, OnReturn::Push) {
            f.on_return = OnReturn::Push;
        }
        if !matches!(f.owner, Owner::Plain) {
            f.owner = Owner::Plain;
        }
        f.pending = Pending::None;
        self.frame_pool.push(f);
    }
}

/// A pooled frame's locals: the arguments, then `Undef` for the rest.
#[inline]
pub(crate) fn fill_locals(f: &mut Frame, args: impl Iterator<Item = Value>) {
    f.locals.extend(args);
    let n = f.code.varnames.len();
    if n > f.locals.len() {
        f.locals.resize(n, Value::Undef);
    }
}
