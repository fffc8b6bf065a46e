//! How much heap the process holds, for `MemoryError`.
//!
//! A counting wrapper around the native allocator: the VM compares the live
//! total against `Limits::memory` every few thousand instructions and before
//! building large containers, so `while True: xs.append(xs[:])` ends in
//! `MemoryError` instead of exhausting the tab.
//!
//! The count is per thread: a program's values never leave the thread that
//! runs it (they are `Rc`s), and a process running several programs at once
//! (the test harness does) must not charge one program for another's memory.
//! Memory freed on another thread than the one that allocated it only skews
//! the counts of data that is not a program's.

use std::alloc::{GlobalAlloc, Layout};
use std::cell::Cell;

/// The allocator underneath the count: mimalloc natively (much cheaper than
/// glibc's malloc for the VM's many small, short-lived boxes), the standard
/// one on wasm.
#[cfg(not(target_arch = "wasm32"))]
static INNER: Mi = Mi;
#[cfg(target_arch = "wasm32")]
static INNER: std::alloc::System = std::alloc::System;

/// mimalloc through its plain entry points where they suffice: every block
/// `mi_malloc` hands out is 8-aligned (its size classes are whole words and
/// its pages start 16-aligned), so only layouts aligned to more than 8 take the
/// `_aligned` calls, whose extra checks cost time (the `mimalloc` crate's
/// `MiMalloc` uses them for everything: bench/tasks10k.py took 2.53 G
/// instructions that way, 2.48 G this way).
#[cfg(not(target_arch = "wasm32"))]
struct Mi;

#[cfg(not(target_arch = "wasm32"))]
const MI_PLAIN_ALIGN: usize = 8;

#[cfg(not(target_arch = "wasm32"))]
unsafe impl GlobalAlloc for Mi {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        use libmimalloc_sys as mi;
        if layout.align() <= MI_PLAIN_ALIGN {
            mi::mi_malloc(layout.size()) as *mut u8
        } else {
            mi::mi_malloc_aligned(layout.size(), layout.align()) as *mut u8
        }
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, _layout: Layout) {
        libmimalloc_sys::mi_free(ptr as *mut core::ffi::c_void);
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        use libmimalloc_sys as mi;
        if layout.align() <= MI_PLAIN_ALIGN {
            mi::mi_zalloc(layout.size()) as *mut u8
        } else {
            mi::mi_zalloc_aligned(layout.size(), layout.align()) as *mut u8
        }
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        use libmimalloc_sys as mi;
        if layout.align() <= MI_PLAIN_ALIGN {
            mi::mi_realloc(ptr as *mut core::ffi::c_void, new_size) as *mut u8
        } else {
            mi::mi_realloc_aligned(ptr as *mut core::ffi::c_void, new_size, layout.align())
                as *mut u8
        }
    }
}

pub(crate) struct Counting;

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
        let p = INNER.alloc(layout);
        if !p.is_null() {
            add(layout.size() as isize);
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        INNER.dealloc(ptr, layout);
        add(-(layout.size() as isize));
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        let p = INNER.alloc_zeroed(layout);
        if !p.is_null() {
            add(layout.size() as isize);
        }
        p
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let p = INNER.realloc(ptr, layout, new_size);
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Every layout gets memory aligned as asked, through either entry point,
    /// and the live count goes back to where it was.
    #[test]
    fn alignment_and_count() {
        let before = live();
        let mut held = Vec::new();
        for align in [1, 2, 4, 8, 16, 32, 64, 4096] {
            for size in [1, 7, 8, 12, 16, 24, 40, 48, 100, 1000, 5000, 70_000] {
                let layout = Layout::from_size_align(size, align).unwrap();
                unsafe {
                    let p = GLOBAL.alloc(layout);
                    assert!(!p.is_null());
                    assert_eq!(p as usize % align, 0, "alloc {size} aligned {align}");
                    p.write_bytes(0xab, size);
                    let z = GLOBAL.alloc_zeroed(layout);
                    assert_eq!(z as usize % align, 0, "alloc_zeroed {size} aligned {align}");
                    assert!(std::slice::from_raw_parts(z, size).iter().all(|b| *b == 0));
                    let r = GLOBAL.realloc(p, layout, size * 3);
                    assert_eq!(r as usize % align, 0, "realloc {size} aligned {align}");
                    assert!(std::slice::from_raw_parts(r, size).iter().all(|b| *b == 0xab));
                    held.push((r, Layout::from_size_align(size * 3, align).unwrap()));
                    held.push((z, layout));
                }
            }
        }
        assert!(live() >= before + 70_000 * 4);
        for (p, layout) in held {
            unsafe { GLOBAL.dealloc(p, layout) };
        }
        assert_eq!(live(), before);
    }
}
