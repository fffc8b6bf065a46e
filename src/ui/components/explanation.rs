//! The explanation line: one sentence on what the loop does at this step.

use yew::prelude::*;

use super::LangProps;
use crate::ui::i18n::Text;

/// One sentence on the current step; before any run, what the page can do now.
#[function_component]
pub fn Explanation(props: &LangProps) -> Html {
    html! {
        <p class="explanation" data-testid="explanation" aria-live="polite">
            { props.lang.text(Text::Explanation) }
        </p>
    }
}
