//! One file per region of the page: a function component taking data props
//! and callbacks, never the app's state; the smallest regions (clock,
//! explanation, language switch, a panel's frame) are plain functions
//! returning `Html`, since each component type costs the wasm several KB.

mod clock;
mod console;
mod controls;
mod editor;
mod examples;
mod explanation;
mod inspector;
mod language_switch;
mod panel;
mod primitives;
mod ready_queue;
mod share_panel;
mod state_diagram;
mod timeline;
mod timer_heap;

pub use clock::clock;
pub use console::{Console, ConsoleProps};
pub use controls::{Controls, ControlsProps};
pub use editor::{Editor, EditorProps};
pub use examples::{ExamplesMenu, ExamplesMenuProps, Pick};
pub use explanation::explanation;
pub use inspector::{Inspector, InspectorProps};
pub use language_switch::language_switch;
pub use panel::{empty, panel};
pub use primitives::{Primitives, PrimitivesProps};
pub use ready_queue::{ReadyQueue, ReadyQueueProps};
pub use share_panel::{EmbedOptions, ShareMode, SharePanel, SharePanelProps};
pub use state_diagram::{StateDiagram, StateDiagramProps};
pub use timeline::{Timeline, TimelineProps};
pub use timer_heap::{TimerHeap, TimerHeapProps};
