//! The virtual clock: `loop.time()` at the current step.

use yew::prelude::*;

use super::LangProps;
use crate::ui::i18n::Text;

/// The loop's virtual time; a dash before any run.
#[function_component]
pub fn Clock(props: &LangProps) -> Html {
    let lang = props.lang;
    html! {
        <div class="clock" data-testid="clock" title={lang.text(Text::ClockIdle)}>
            <span class="clock-label">{ lang.text(Text::Clock) }</span>
            <span class="clock-value">{ "—" }</span>
        </div>
    }
}
