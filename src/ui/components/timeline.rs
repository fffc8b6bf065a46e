//! The timeline: one lane per task over virtual time.

use yew::prelude::*;

use super::{Empty, LangProps, Panel};
use crate::view::i18n::Text;

/// The timeline: one lane per task over virtual time.
#[function_component]
pub fn Timeline(props: &LangProps) -> Html {
    let lang = props.lang;
    html! {
        <Panel title={lang.text(Text::Timeline)} testid="timeline" area="area-timeline">
            <Empty text={lang.text(Text::TimelineEmpty)} />
        </Panel>
    }
}
