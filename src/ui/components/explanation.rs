//! The explanation line: what the loop does at this step, in plain words.

use yew::prelude::*;

use crate::view::i18n::{Lang, Text};

/// Properties of [`Explanation`].
#[derive(Properties, PartialEq)]
pub struct ExplanationProps {
    pub lang: Lang,
    /// One or two sentences about the current step.
    pub text: AttrValue,
}

/// One or two sentences on the current step, read out politely.
#[function_component]
pub fn Explanation(props: &ExplanationProps) -> Html {
    html! {
        <p class="explanation" data-testid="explanation" aria-live="polite">
            <span class="visually-hidden">{ props.lang.text(Text::Explanation) }{ ": " }</span>
            { props.text.clone() }
        </p>
    }
}
