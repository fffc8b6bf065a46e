//! The synchronisation primitives (locks, semaphores, events, queues, futures) and who waits on them.

use yew::prelude::*;

use super::{Empty, LangProps, Panel};
use crate::view::i18n::Text;

/// The synchronisation primitives (locks, semaphores, events, queues, futures) and who waits on them.
#[function_component]
pub fn Primitives(props: &LangProps) -> Html {
    let lang = props.lang;
    html! {
        <Panel title={lang.text(Text::Primitives)} testid="primitives" area="area-primitives">
            <Empty text={lang.text(Text::PrimitivesEmpty)} />
        </Panel>
    }
}
