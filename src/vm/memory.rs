//! How much heap the process holds, for `MemoryError`.
//!
//! A counting wrapper around the system allocator: the VM compares the live
//! total against `Limits::memory` every few thousand instructions and before
//! building large containers, so `while True: xs.append(xs[:])` ends in
//! `MemoryError` instead of exhausting the tab.
//!
//! The count is per thread: a program's values never leave the thread that
//! runs it (they are `Rc`s), and a process running several programs at once
//! (the test harness does) must not charge one program for another's memory.
//! Memory freed on another thread than the one that allocated it only skews
//! the counts of data that is not a program's.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

pub struct Counting;

thread_local! {
    // Const-initialised and without a destructor: using it from the allocator
    // never allocates and never fails, even while the thread is exiting.
    static LIVE: Cell<isize> = const { Cell::new(0) };
}

fn add(delta: isize) {
    let _ = LIVE.try_with(|l| l.set(l.get().wrapping_add(delta)));
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = System.alloc(layout);
        if !p.is_null() {
            add(layout.size() as isize);
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        System.dealloc(ptr, layout);
        add(-(layout.size() as isize));
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        let p = System.alloc_zeroed(layout);
        if !p.is_null() {
            add(layout.size() as isize);
        }
        p
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let p = System.realloc(ptr, layout, new_size);
        if !p.is_null() {
            add(new_size as isize - layout.size() as isize);
        }
        p
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// Bytes currently allocated by this thread (net of what it freed).
pub fn live() -> usize {
    LIVE.try_with(|l| l.get().max(0) as usize).unwrap_or(0)
}
