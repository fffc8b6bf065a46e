//! The ready queue: the callbacks in `loop._ready`, in the order they will run.

use yew::prelude::*;

use super::{Empty, LangProps, Panel};
use crate::view::i18n::Text;

/// The ready queue: the callbacks in `loop._ready`, in the order they will run.
#[function_component]
pub fn ReadyQueue(props: &LangProps) -> Html {
    let lang = props.lang;
    html! {
        <Panel title={lang.text(Text::ReadyQueue)} testid="ready-queue" area="area-ready">
            <Empty text={lang.text(Text::ReadyQueueEmpty)} />
        </Panel>
    }
}
