//! The console: what the program printed, up to the current step.

use yew::prelude::*;

use super::{Empty, LangProps, Panel};
use crate::ui::i18n::Text;

/// The console: what the program printed, up to the current step.
#[function_component]
pub fn Console(props: &LangProps) -> Html {
    let lang = props.lang;
    html! {
        <Panel title={lang.text(Text::Console)} testid="console" area="area-console">
            <Empty text={lang.text(Text::ConsoleEmpty)} />
        </Panel>
    }
}
