//! The page-wide keyboard: Space plays or pauses, ← and → step, Home and End
//! jump, Ctrl+Enter is left to the editor. Keys typed into a text field, a
//! menu or the scrubber are theirs, not playback's.

use gloo_events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use web_sys::{Element, KeyboardEvent};
use yew::Callback;

use crate::view::Action;

/// The playback action a key asks for, if any.
pub(crate) fn action(key: &str) -> Option<Action> {
    match key {
        " " | "Spacebar" => Some(Action::TogglePlay),
        "ArrowRight" => Some(Action::Forward),
        "ArrowLeft" => Some(Action::Back),
        "Home" => Some(Action::ToStart),
        "End" => Some(Action::ToEnd),
        _ => None,
    }
}

/// Whether the element the key went to handles keys itself.
fn owns_keys(target: Option<Element>) -> bool {
    let Some(el) = target else { return false };
    if el.closest("[contenteditable=true]").ok().flatten().is_some() {
        return true;
    }
    matches!(
        el.tag_name().to_ascii_lowercase().as_str(),
        "textarea" | "input" | "select" | "button" | "a" | "summary"
    )
}

/// Listens on the document until the returned listener is dropped.
pub(crate) fn listen(on_action: Callback<Action>) -> Option<EventListener> {
    let document = web_sys::window()?.document()?;
    let options = EventListenerOptions::enable_prevent_default();
    Some(EventListener::new_with_options(&document, "keydown", options, move |event| {
        let Some(event) = event.dyn_ref::<KeyboardEvent>() else { return };
        if event.ctrl_key() || event.meta_key() || event.alt_key() || event.default_prevented() {
            return;
        }
        let target = event.target().and_then(|t| t.dyn_into::<Element>().ok());
        // A focused button takes Space as a click; arrows still step.
        let key = event.key();
        let is_button =
            target.as_ref().is_some_and(|t| t.tag_name().eq_ignore_ascii_case("button"));
        if owns_keys(target) && !(is_button && key != " ") {
            return;
        }
        if let Some(a) = action(&key) {
            event.prevent_default();
            on_action.emit(a);
        }
    }))
}
