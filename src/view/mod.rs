//! What the page shows, worked out from a recorded run, natively.
//!
//! This layer sits between `trace` and `ui`: it reads a finished [`Trace`]
//! and turns it into plain values the page draws (the steps playback rests
//! at, the console's lines, the editor's highlighting and marks, each
//! panel's contents, the sentences that explain a step), in both languages.
//! It never imports yew or web-sys, so every rule the page follows is tested
//! with `cargo test`; the `ui` components only lay these values out.
//!
//! [`Trace`]: crate::trace::Trace

pub mod code;
pub mod explain;
pub mod gallery;
pub mod i18n;
pub mod inspect;
pub mod outcome;
pub mod panels;
pub mod playback;
pub mod run;
pub mod settings;
pub mod share;
pub mod start;
pub mod steps;
pub mod timeline;

pub use playback::{Action, Playback};
pub use run::{record, Run};
pub use steps::Steps;
