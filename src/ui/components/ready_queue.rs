//! The ready queue: `loop._ready`, the handles the loop will call, head
//! first. Handles enter at the right (the tail) and leave at the left into
//! "running now", where the loop calls them.

use yew::prelude::*;

use super::panel;
use crate::view::i18n::{Lang, Text};
use crate::view::panels::ReadyQueue as Model;

/// Properties of [`ReadyQueue`].
#[derive(Properties, PartialEq)]
pub struct ReadyQueueProps {
    pub lang: Lang,
    pub queue: Model,
    #[prop_or_default]
    pub selected: Option<u32>,
    #[prop_or_default]
    pub on_select: Callback<u32>,
}

/// The handles in `loop._ready`, and the one running.
#[function_component]
pub fn ReadyQueue(props: &ReadyQueueProps) -> Html {
    let lang = props.lang;
    let q = &props.queue;
    let select = |task: Option<u32>| match task {
        Some(t) => props.on_select.reform(move |_: MouseEvent| t),
        None => Callback::noop(),
    };
    html! {
        { panel(lang.text(Text::ReadyQueue), "ready-queue", "area-ready", html! { <>
            <div class="rq">
                <div class="rq-now">
                    <span class="rq-caption">{ lang.text(Text::RunningNow) }</span>
                    { match &q.running {
                        Some(h) => html! {
                            <span key={h.handle} class={classes!("handle", "running", (props.selected.is_some() && props.selected == h.task).then_some("selected"))}
                                  data-testid="ready-running" onclick={select(h.task)}>{ h.label.clone() }</span>
                        },
                        None => html! { <span class="rq-idle">{ "—" }</span> },
                    } }
                </div>
                if q.items.is_empty() {
                    <p class="empty">{ lang.text(Text::ReadyQueueEmpty) }</p>
                } else {
                    <div class="rq-caption rq-ends"><span>{ "← " }{ lang.text(Text::RunsNext) }</span><span>{ lang.text(Text::QueueTail) }{ " ←" }</span></div>
                }
                <ol class="rq-items">
                    { for q.items.iter().map(|h| {
                        let selected = props.selected.is_some() && props.selected == h.task;
                        html! {
                            <li key={h.handle} class={classes!("handle", "ready-item", h.cancelled.then_some("cancelled"), selected.then_some("selected"))}
                                data-testid="ready-item" data-cancelled={h.cancelled.then_some("true")}
                                title={if h.cancelled { lang.text(Text::CancelledHandle) } else { "" }}
                                onclick={select(h.task)}>
                                { h.label.clone() }
                            </li>
                        }
                    }) }
                    if q.more > 0 {
                        <li class="handle more" data-testid="ready-more">{ format!("+{}", q.more) }</li>
                    }
                </ol>
            </div>
        </> }) }
    }
}
