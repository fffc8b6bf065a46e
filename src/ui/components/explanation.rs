//! The explanation line: what the loop does at this step, in plain words.

use yew::prelude::*;

use crate::view::i18n::{Lang, Text};

/// One or two sentences on the current step, read out politely.
pub fn explanation(lang: Lang, text: &str) -> Html {
    html! {
        <p class="explanation" data-testid="explanation" aria-live="polite">
            <span class="visually-hidden">{ lang.text(Text::Explanation) }{ ": " }</span>
            { text.to_string() }
        </p>
    }
}
