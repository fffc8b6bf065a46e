//! The synchronisation primitives: a card per lock, semaphore, event,
//! condition and queue, with who holds it and who waits, first come first
//! served.

use yew::prelude::*;

use super::{empty, panel};
use crate::trace::PrimKind;
use crate::view::i18n::{Lang, Text};
use crate::view::panels::Primitive;

/// Properties of [`Primitives`].
#[derive(Properties, PartialEq)]
pub struct PrimitivesProps {
    pub lang: Lang,
    pub prims: Vec<Primitive>,
    #[prop_or_default]
    pub selected: Option<u32>,
    #[prop_or_default]
    pub on_select: Callback<u32>,
}

/// Tasks as chips, or a dash.
fn chips(
    tasks: &[(u32, String)],
    selected: Option<u32>,
    on_select: &Callback<u32>,
    extra: u32,
) -> Html {
    if tasks.is_empty() {
        return html! { <span class="none">{ "—" }</span> };
    }
    html! {
        <span class="chips">
            { for tasks.iter().map(|(id, name)| {
                let id = *id;
                html! {
                    <span class={classes!("chip", (selected == Some(id)).then_some("selected"))}
                          onclick={on_select.reform(move |_: MouseEvent| id)}>{ name.clone() }</span>
                }
            }) }
            if extra > 0 { <span class="chip more">{ format!("+{extra}") }</span> }
        </span>
    }
}

/// One card per primitive.
#[function_component]
pub fn Primitives(props: &PrimitivesProps) -> Html {
    let lang = props.lang;
    let row = |label: Text, content: Html| {
        html! {
            <div class="prim-row"><span class="prim-key">{ lang.text(label) }</span>{ content }</div>
        }
    };
    html! {
        { panel(lang.text(Text::Primitives), "primitives", "area-primitives", html! { <>
            if props.prims.is_empty() {
                { empty(lang.text(Text::PrimitivesEmpty)) }
            }
            <ul class="prims">
                { for props.prims.iter().map(|p| {
                    let waiting = chips(&p.waiters, props.selected, &props.on_select, p.waiters_total.saturating_sub(p.waiters.len() as u32));
                    let (status, busy) = match p.kind {
                        PrimKind::Lock => (lang.text(if p.value != 0 { Text::Locked } else { Text::Unlocked }).to_string(), p.value != 0),
                        PrimKind::Event => (lang.text(if p.value != 0 { Text::EventSet } else { Text::EventClear }).to_string(), p.value == 0),
                        PrimKind::Semaphore | PrimKind::BoundedSemaphore => (
                            format!("{} {} / {}", lang.text(Text::Permits), p.value, p.limit),
                            p.value == 0,
                        ),
                        PrimKind::Condition => (lang.text(if p.value != 0 { Text::Locked } else { Text::Unlocked }).to_string(), p.value != 0),
                        PrimKind::Queue | PrimKind::PriorityQueue | PrimKind::LifoQueue => (
                            if p.limit > 0 { format!("{} / {}", p.value, p.limit) } else { format!("{} {}", p.value, lang.text(Text::Items)) },
                            p.limit > 0 && p.value >= p.limit,
                        ),
                    };
                    html! {
                        <li key={p.id} class={classes!("prim", busy.then_some("busy"))} data-testid="primitive" data-kind={p.kind.as_str()}>
                            <div class="prim-head">
                                <span class="prim-kind">{ p.kind.as_str() }</span>
                                <strong class="prim-name">{ p.name.clone() }</strong>
                                <span class="prim-status">{ status }</span>
                            </div>
                            if matches!(p.kind, PrimKind::Semaphore | PrimKind::BoundedSemaphore) && p.limit <= 32 {
                                <div class="permits" aria-hidden="true">
                                    { for (0..p.limit.max(0)).map(|i| html! { <span class={classes!("permit", (i >= p.value).then_some("taken"))} /> }) }
                                </div>
                            }
                            if matches!(p.kind, PrimKind::Lock | PrimKind::Semaphore | PrimKind::BoundedSemaphore | PrimKind::Condition) {
                                { row(Text::Holders, chips(&p.holders, props.selected, &props.on_select, 0)) }
                            }
                            if matches!(p.kind, PrimKind::Queue | PrimKind::PriorityQueue | PrimKind::LifoQueue) {
                                { row(Text::QueueItems, if p.items.is_empty() { html! { <span class="none">{ "—" }</span> } } else { html! {
                                    <span class="chips">{ for p.items.iter().map(|i| html! { <code class="item">{ i.clone() }</code> }) }</span>
                                } }) }
                                { row(Text::Getters, waiting) }
                                { row(Text::Putters, chips(&p.putters, props.selected, &props.on_select, 0)) }
                                { row(Text::Unfinished, html! { <span>{ p.unfinished }</span> }) }
                            } else {
                                { row(Text::Waiters, waiting) }
                            }
                        </li>
                    }
                }) }
            </ul>
        </> }) }
    }
}
