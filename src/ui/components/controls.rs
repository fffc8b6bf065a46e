//! The playback controls. There is no engine yet, so every control is present
//! and disabled, with a tooltip saying why.

use yew::prelude::*;

use super::LangProps;
use crate::ui::i18n::{Lang, Text};

/// SVG paths (24×24 view box) of the transport icons.
const ICON_RUN: &str = "M7 4.5v15l12.5-7.5z";
const ICON_TO_START: &str = "M5 5h2.5v14H5zM19 5v14L8.5 12z";
const ICON_STEP_BACK: &str = "M16.5 5H19v14h-2.5zM14.5 5v14L4 12z";
const ICON_PLAY: &str = "M8 5v14l11-7z";
const ICON_STEP_FORWARD: &str = "M5 5h2.5v14H5zM9.5 5v14L20 12z";
const ICON_TO_END: &str = "M16.5 5H19v14h-2.5zM5 5v14l10.5-7z";

/// The speeds offered, as multiples of real time; the second is the default.
const SPEEDS: [&str; 4] = ["0.5", "1", "2", "4"];

fn icon(path: &'static str) -> Html {
    html! {
        <svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path d={path} />
        </svg>
    }
}

fn transport(lang: Lang, testid: &'static str, label: Text, path: &'static str) -> Html {
    html! {
        <button type="button" class="icon-button" data-testid={testid}
                aria-label={lang.text(label)} title={lang.text(Text::NotYet)} disabled=true>
            { icon(path) }
        </button>
    }
}

/// Run, the transport buttons, the scrubber and the speed.
#[function_component]
pub fn Controls(props: &LangProps) -> Html {
    let lang = props.lang;
    let not_yet = lang.text(Text::NotYet);
    html! {
        <div class="controls" role="group" aria-label={lang.text(Text::Controls)}>
            <button type="button" class="run-button" data-testid="run" title={not_yet} disabled=true>
                { icon(ICON_RUN) }
                <span>{ lang.text(Text::Run) }</span>
            </button>
            <div class="transport">
                { transport(lang, "to-start", Text::ToStart, ICON_TO_START) }
                { transport(lang, "step-back", Text::StepBack, ICON_STEP_BACK) }
                { transport(lang, "play", Text::Play, ICON_PLAY) }
                { transport(lang, "step-forward", Text::StepForward, ICON_STEP_FORWARD) }
                { transport(lang, "to-end", Text::ToEnd, ICON_TO_END) }
            </div>
            <input type="range" class="scrubber" data-testid="scrubber"
                   min="0" max="0" step="1" value="0"
                   aria-label={lang.text(Text::Scrubber)} title={not_yet} disabled=true />
            <select class="speed" data-testid="speed"
                    aria-label={lang.text(Text::Speed)} title={not_yet} disabled=true>
                { for SPEEDS.iter().map(|speed| html! {
                    <option value={*speed} selected={*speed == SPEEDS[1]}>{ format!("{speed}×") }</option>
                }) }
            </select>
        </div>
    }
}
