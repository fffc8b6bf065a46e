//! One function component per file, one per region of the page. Each takes data
//! props (and callbacks) only; none holds the app's state.

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
mod share_panel;
mod ready_queue;
mod state_diagram;
mod timeline;
mod timer_heap;

pub use clock::Clock;
pub use console::{Console, ConsoleProps};
pub use controls::{Controls, ControlsProps};
pub use editor::{Editor, EditorProps};
pub use examples::{ExamplesMenu, ExamplesMenuProps, Pick};
pub use explanation::Explanation;
pub use inspector::{Inspector, InspectorProps};
pub use language_switch::LanguageSwitch;
pub use panel::{Empty, Panel};
pub use primitives::{Primitives, PrimitivesProps};
pub use share_panel::{EmbedOptions, SharePanel, SharePanelProps, ShareMode};
pub use ready_queue::{ReadyQueue, ReadyQueueProps};
pub use state_diagram::{StateDiagram, StateDiagramProps};
pub use timeline::{Timeline, TimelineProps};
pub use timer_heap::{TimerHeap, TimerHeapProps};

use crate::view::i18n::Lang;
use yew::Properties;

/// Properties of a region that shows only words so far: its language.
#[derive(Properties, PartialEq, Clone, Copy)]
pub struct LangProps {
    /// The language to speak.
    pub lang: Lang,
}
