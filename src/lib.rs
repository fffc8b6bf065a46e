//! Loopscope: Python asyncio's event loop, rebuilt as a visible cooperative scheduler.
//!
//! The pipeline runs one way: [`syntax`] (text → AST, spans, diagnostics) →
//! `compile` (AST → code objects) → `vm` (suspendable frames) → `sched` (CPython's
//! event loop) → `trace` (recorded events and snapshots) → `ui` (Yew, wasm only).
//! Everything but `ui` builds and tests natively.

pub mod syntax;
pub mod vm;

#[cfg(target_arch = "wasm32")]
pub mod ui;
