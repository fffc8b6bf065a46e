//! The task inspector: the selected task's coroutine chain, each awaiting
//! function at its line, down to what it waits on; or its result.

use yew::prelude::*;

use super::{Empty, Panel};
use crate::view::i18n::{cause, Lang, Text};
use crate::view::inspect::Inspect;

/// Properties of [`Inspector`].
#[derive(Properties, PartialEq)]
pub struct InspectorProps {
    pub lang: Lang,
    /// The selected task at the current step; `None`: nothing selected.
    pub task: Option<Inspect>,
    /// Close the inspector (deselect).
    #[prop_or_default]
    pub on_close: Callback<()>,
}

/// One task, in detail.
#[function_component]
pub fn Inspector(props: &InspectorProps) -> Html {
    let lang = props.lang;
    html! {
        <Panel title={lang.text(Text::Inspector)} testid="inspector" area="area-inspector">
            { match &props.task {
                None => html! { <Empty text={lang.text(Text::InspectorEmpty)} /> },
                Some(t) => html! {
                    <div class="inspect" data-task={t.name.clone()}>
                        <div class="inspect-head">
                            <strong class="inspect-name">{ t.name.clone() }</strong>
                            <span class="inspect-coro">{ format!("{}()", t.coro) }</span>
                            <span class={classes!("state-badge", format!("state-{}", t.state.as_str()))}>{ t.state.label(lang) }</span>
                            <button type="button" class="inspect-close" aria-label={lang.text(Text::Close)} title={lang.text(Text::Close)}
                                    onclick={props.on_close.reform(|_: MouseEvent| ())}>{ "×" }</button>
                        </div>
                        <p class="inspect-cause">
                            { lang.text(Text::Because) }{ " " }<code>{ cause(lang, &t.cause) }</code>
                            { format!(" · t={:.3}", t.since) }
                        </p>
                        if !t.chain.is_empty() {
                            <ol class="inspect-chain" aria-label={lang.text(Text::Chain)}>
                                { for t.chain.iter().map(|f| html! {
                                    <li><code>{ format!("{}()", f.name) }</code><span class="inspect-at">{ format!(" {} {}:{}", lang.text(Text::AtLine), f.line, f.col) }</span></li>
                                }) }
                                { for t.waits_on.iter().map(|w| html! { <li class="inspect-wait">{ w.clone() }</li> }) }
                            </ol>
                        }
                        if let Some(r) = &t.result {
                            <p class="inspect-result">
                                { lang.text(if t.state == crate::trace::TaskState::Completed { Text::Result } else { Text::Ended }) }
                                { " " }<code>{ r.clone() }</code>
                            </p>
                        }
                    </div>
                },
            } }
        </Panel>
    }
}
