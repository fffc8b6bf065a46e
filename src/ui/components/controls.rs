//! The playback controls: Run, the transport buttons, the scrubber, the
//! step counter, the speed and the granularity.

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::view::i18n::{Lang, Text};
use crate::view::settings::{Granularity, Speed};
use crate::view::{Action, Playback};

/// SVG paths (24×24 view box) of the transport icons.
const ICON_RUN: &str = "M7 4.5v15l12.5-7.5z";
const ICON_TO_START: &str = "M5 5h2.5v14H5zM19 5v14L8.5 12z";
const ICON_STEP_BACK: &str = "M16.5 5H19v14h-2.5zM14.5 5v14L4 12z";
const ICON_PLAY: &str = "M8 5v14l11-7z";
const ICON_PAUSE: &str = "M7 5h3.5v14H7zM13.5 5H17v14h-3.5z";
const ICON_STEP_FORWARD: &str = "M5 5h2.5v14H5zM9.5 5v14L20 12z";
const ICON_TO_END: &str = "M16.5 5H19v14h-2.5zM5 5v14l10.5-7z";

fn icon(path: &'static str) -> Html {
    html! {
        <svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path d={path} />
        </svg>
    }
}

/// Properties of [`Controls`].
#[derive(Properties, PartialEq)]
pub struct ControlsProps {
    pub(crate) lang: Lang,
    pub(crate) playback: Playback,
    /// A run has been recorded: the transport works.
    pub(crate) ready: bool,
    /// Events recorded so far while the program runs.
    pub(crate) recording: Option<usize>,
    pub(crate) on_action: Callback<Action>,
    pub(crate) on_run: Callback<()>,
}

/// The menu's label for a speed.
fn speed_label(lang: Lang, s: Speed) -> String {
    match s {
        Speed::RealTime => lang.text(Text::RealTime).to_string(),
        s => format!("{}×", s.as_str()),
    }
}

fn granularity_label(lang: Lang, g: Granularity) -> &'static str {
    lang.text(match g {
        Granularity::Callback => Text::GranCallback,
        Granularity::Iteration => Text::GranIteration,
        Granularity::Print => Text::GranPrint,
        Granularity::Event => Text::GranEvent,
    })
}

/// Run, the transport buttons, the scrubber, speed and granularity.
#[function_component]
pub fn Controls(props: &ControlsProps) -> Html {
    let lang = props.lang;
    let pb = &props.playback;
    let off = !props.ready;
    let button =
        |testid: &'static str, label: Text, path: &'static str, action: Action, disabled: bool| {
            let onclick = props.on_action.reform(move |_: MouseEvent| action.clone());
            let label = lang.text(label);
            html! {
                <button type="button" class="icon-button" data-testid={testid}
                        aria-label={label} title={label} {disabled} {onclick}>
                    { icon(path) }
                </button>
            }
        };
    let play_label = lang.text(if pb.playing { Text::Pause } else { Text::Play });
    let on_play = props.on_action.reform(|_: MouseEvent| Action::TogglePlay);
    let on_scrub = props.on_action.reform(|e: InputEvent| {
        let v = e.target_unchecked_into::<HtmlInputElement>().value();
        Action::Seek(v.parse().unwrap_or(0))
    });
    let on_speed = props.on_action.reform(|e: Event| {
        let v = e.target_unchecked_into::<HtmlSelectElement>().value();
        Action::SetSpeed(Speed::parse(&v).unwrap_or_default())
    });
    let on_gran = props.on_action.reform(|e: Event| {
        let v = e.target_unchecked_into::<HtmlSelectElement>().value();
        Action::SetGranularity(Granularity::parse(&v).unwrap_or_default())
    });
    let on_run = props.on_run.reform(|_: MouseEvent| ());
    let g = pb.granularity;
    let counter = if props.ready {
        format!(
            "{} {} / {}",
            lang.text(Text::Step),
            pb.steps.ordinal(pb.step, g),
            pb.steps.count(g)
        )
    } else {
        String::new()
    };
    html! {
        <div class="controls" role="group" aria-label={lang.text(Text::Controls)}>
            <button type="button" class="run-button" data-testid="run" title={lang.text(Text::RunTitle)} onclick={on_run}>
                { icon(ICON_RUN) }
                <span>{ lang.text(Text::Run) }</span>
            </button>
            <div class="transport">
                { button("to-start", Text::ToStart, ICON_TO_START, Action::ToStart, off || pb.at_start()) }
                { button("step-back", Text::StepBack, ICON_STEP_BACK, Action::Back, off || pb.at_start()) }
                <button type="button" class={classes!("icon-button", "play-button", pb.playing.then_some("playing"))}
                        data-testid="play" aria-pressed={pb.playing.to_string()}
                        aria-label={play_label} title={play_label} disabled={off} onclick={on_play}>
                    { icon(if pb.playing { ICON_PAUSE } else { ICON_PLAY }) }
                </button>
                { button("step-forward", Text::StepForward, ICON_STEP_FORWARD, Action::Forward, off || pb.at_end()) }
                { button("to-end", Text::ToEnd, ICON_TO_END, Action::ToEnd, off || pb.at_end()) }
            </div>
            <input type="range" class="scrubber" data-testid="scrubber"
                   min="0" max={pb.len().to_string()} step="1" value={pb.step.to_string()}
                   aria-label={lang.text(Text::Scrubber)} aria-valuetext={counter.clone()}
                   disabled={off} oninput={on_scrub} />
            <span class="step-counter" data-testid="step-counter" aria-live="off">
                { match props.recording {
                    Some(n) => html! { <span class="recording">
                        <span class="spinner" aria-hidden="true"></span>
                        { format!("{} {n} {}", lang.text(Text::Recording), lang.text(Text::RecordingEvents)) }
                    </span> },
                    None => html! { counter },
                } }
            </span>
            <select class="speed" data-testid="speed" aria-label={lang.text(Text::Speed)}
                    title={lang.text(Text::Speed)} onchange={on_speed}>
                { for Speed::ALL.iter().map(|s| html! {
                    <option value={s.as_str()} selected={*s == pb.speed}>{ speed_label(lang, *s) }</option>
                }) }
            </select>
            <label class="granularity">
                <span class="granularity-label">{ lang.text(Text::Granularity) }</span>
                <select data-testid="granularity" onchange={on_gran}>
                    { for Granularity::ALL.iter().map(|x| html! {
                        <option value={x.as_str()} selected={*x == g}>{ granularity_label(lang, *x) }</option>
                    }) }
                </select>
            </label>
        </div>
    }
}
