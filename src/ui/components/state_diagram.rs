//! The state diagram: every task and the state it is in at the current step.

use yew::prelude::*;

use super::{Empty, LangProps, Panel};
use crate::view::i18n::Text;

/// The state diagram: every task and the state it is in at the current step.
#[function_component]
pub fn StateDiagram(props: &LangProps) -> Html {
    let lang = props.lang;
    html! {
        <Panel title={lang.text(Text::StateDiagram)} testid="state-diagram" area="area-diagram">
            <Empty text={lang.text(Text::StateDiagramEmpty)} />
        </Panel>
    }
}
