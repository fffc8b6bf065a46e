//! The timer heap: the timers in `loop._scheduled`, earliest first.

use yew::prelude::*;

use super::{Empty, LangProps, Panel};
use crate::view::i18n::Text;

/// The timer heap: the timers in `loop._scheduled`, earliest first.
#[function_component]
pub fn TimerHeap(props: &LangProps) -> Html {
    let lang = props.lang;
    html! {
        <Panel title={lang.text(Text::TimerHeap)} testid="timer-heap" area="area-timers">
            <Empty text={lang.text(Text::TimerHeapEmpty)} />
        </Panel>
    }
}
