//! The task inspector: the selected task's coroutine chain, each awaiting
//! function at its line, down to what it waits on; or its result.

use yew::prelude::*;

use super::{empty, panel};
use crate::view::i18n::{cause, Lang, Text};
use crate::view::inspect::Inspect;

/// Properties of [`Inspector`].
#[derive(Properties, PartialEq)]
pub struct InspectorProps {
    pub(crate) lang: Lang,
    /// The selected task at the current step; `None`: nothing selected.
    pub(crate) task: Option<Inspect>,
    /// Close the inspector (deselect).
    #[prop_or_default]
    pub(crate) on_close: Callback<()>,
    /// Every task so far (number, name), for choosing one by keyboard.
    #[prop_or_default]
    pub(crate) tasks: Vec<(u32, String)>,
    #[prop_or_default]
    pub(crate) on_select: Callback<u32>,
}

/// One task, in detail.
#[function_component]
pub fn Inspector(props: &InspectorProps) -> Html {
    let lang = props.lang;
    let selected = props.task.as_ref().map(|t| t.task);
    let on_choose = props.on_select.reform(|e: Event| {
        e.target_unchecked_into::<web_sys::HtmlSelectElement>().value().parse().unwrap_or(0)
    });
    html! {
        { panel(lang.text(Text::Inspector), "inspector", "area-inspector", html! { <>
            if !props.tasks.is_empty() {
                <select class="inspect-choose" data-testid="inspect-task" aria-label={lang.text(Text::ChooseTask)} onchange={on_choose}>
                    <option value="0" selected={selected.is_none()}>{ lang.text(Text::ChooseTask) }</option>
                    { for props.tasks.iter().take(300).map(|(id, name)| html! {
                        <option value={id.to_string()} selected={selected == Some(*id)}>{ name.clone() }</option>
                    }) }
                </select>
            }
            { match &props.task {
                None => html! { { empty(lang.text(Text::InspectorEmpty)) } },
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
        </> }) }
    }
}
