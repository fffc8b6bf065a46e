#![recursion_limit = "512"]
// Most items are `pub(crate)` so the compiler finds dead code; the docs are
// built with `--document-private-items`, where links to them resolve.
#![allow(rustdoc::private_intra_doc_links)]
//! Loopscope: Python asyncio's event loop, rebuilt as a visible cooperative scheduler.
//!
//! A program goes one way through the crate: [`syntax`] (text → AST, spans,
//! diagnostics) → [`compile`] (AST → code objects) → [`vm`] (suspendable
//! frames) → [`sched`] (CPython's event loop) → [`trace`] (recorded events and
//! snapshots) → [`view`] (what the page shows, natively) → `ui` (Yew, wasm
//! only). [`pylib`], CPython's pure runtime rules, sits below them all.
//! `tests/tidy.rs` holds the imports to that order (ARCHITECTURE.md draws it).
//! Everything but `ui` builds and tests natively.

pub mod compile;
pub mod pylib;
pub mod sched;
pub mod syntax;
pub mod trace;
pub mod view;
pub mod vm;

#[cfg(target_arch = "wasm32")]
pub mod ui;
