#![recursion_limit = "512"]
//! Loopscope: Python asyncio's event loop, rebuilt as a visible cooperative scheduler.
//!
//! The pipeline runs one way: [`syntax`] (text → AST, spans, diagnostics) →
//! `compile` (AST → code objects) → `vm` (suspendable frames) → `sched` (CPython's
//! event loop) → `trace` (recorded events and snapshots) → `ui` (Yew, wasm only).
//! Beside the pipeline, [`gallery`] holds the course's example programs and
//! [`share`] the share-link and embed-parameter formats.
//! Between `trace` and `ui`, [`view`] works out what the page shows, natively.
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
