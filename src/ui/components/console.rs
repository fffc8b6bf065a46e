//! The console: what the program printed up to the current step, each line
//! stamped with the virtual time as the headless runner prints it, then the
//! outcome once the run has reached it.

use yew::prelude::*;

use super::{empty, panel};
use crate::trace::console::stamp;
use crate::ui::app::RunRef;
use crate::view::i18n::{Lang, Text};
use crate::view::outcome::Ending;

/// Properties of [`Console`].
#[derive(Properties, PartialEq)]
pub struct ConsoleProps {
    pub lang: Lang,
    pub run: Option<RunRef>,
    /// How many printed lines the current step shows.
    pub shown: usize,
    /// The step has reached the outcome.
    pub ended: bool,
    /// How the run ended, explained (shown once it has).
    #[prop_or_default]
    pub ending: Option<Ending>,
}

/// The printed lines so far, the newest highlighted and scrolled into view.
#[function_component]
pub fn Console(props: &ConsoleProps) -> Html {
    let lang = props.lang;
    let list = use_node_ref();
    let (lines, outcome) = match &props.run {
        Some(r) => (
            &r.all_lines()[..props.shown],
            if props.ended { r.outcome_line(r.len()) } else { None },
        ),
        None => (&[][..], None),
    };
    // Scroll to the newest line, or to the ending's words, as they appear.
    {
        let list = list.clone();
        use_effect_with((lines.len(), outcome.is_some()), move |_| {
            if let Some(el) = list.cast::<web_sys::Element>() {
                el.set_scroll_top(el.scroll_height());
            }
        });
    }
    let newest = if outcome.is_some() { None } else { lines.len().checked_sub(1) };
    html! {
        { panel(lang.text(Text::Console), "console", "area-console", html! { <>
            if lines.is_empty() && outcome.is_none() {
                { empty(lang.text(Text::ConsoleEmpty)) }
            }
            <ol class="console-lines" ref={list}>
                { for lines.iter().enumerate().map(|(i, l)| html! {
                    <li class={classes!("console-line", (Some(i) == newest).then_some("newest"))} data-testid="console-line">
                        <span class="stamp">{ stamp(l.at) }</span>{ " " }<span class="text">{ l.text.clone() }</span>
                    </li>
                }) }
                if let Some(o) = outcome {
                    <li class="console-line outcome" data-testid="console-line">{ o }</li>
                }
                if let (Some(e), true) = (props.ending.as_ref(), outcome.is_some()) {
                    if let Some(tb) = &e.traceback {
                        <li class="console-note traceback" data-testid="console-note"><pre>{ tb.clone() }</pre></li>
                    }
                    { for e.words.iter().map(|w| html! { <li class="console-note" data-testid="console-note">{ w.clone() }</li> }) }
                }
            </ol>
        </> }) }
    }
}
