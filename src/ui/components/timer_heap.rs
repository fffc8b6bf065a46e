//! The timer heap: `loop._scheduled`, a binary min-heap on deadlines, drawn
//! as a tree (the first levels, nodes gliding to their new places as a push
//! or pop sifts them) and as the array it is. A cancelled timer stays, greyed
//! and struck through, until the loop pops it from the top and drops it.

use yew::prelude::*;

use super::panel;
use crate::view::i18n::{Lang, Text};
use crate::view::panels::{tree_position, Timer};

/// Properties of [`TimerHeap`].
#[derive(Properties, PartialEq)]
pub struct TimerHeapProps {
    pub lang: Lang,
    /// The first entries of the heap's array ([`crate::view::panels::SHOWN`] at most).
    pub timers: Vec<Timer>,
    /// How many entries follow them.
    #[prop_or_default]
    pub more: usize,
    #[prop_or_default]
    pub selected: Option<u32>,
    #[prop_or_default]
    pub on_select: Callback<u32>,
}

/// Levels of the tree drawn (7 timers); the array shows them all.
const TREE_LEVELS: u32 = 3;
const TREE_W: f32 = 280.0;
const LEVEL_H: f32 = 34.0;
const NODE_W: f32 = 52.0;

/// The owner's name in a label `callback(Task-2)`.
fn owner(label: &str) -> &str {
    label.rsplit_once('(').map_or(label, |(_, o)| o.trim_end_matches(')'))
}

/// The heap as a tree and as its array.
#[function_component]
pub fn TimerHeap(props: &TimerHeapProps) -> Html {
    let lang = props.lang;
    let shown: Vec<&Timer> =
        props.timers.iter().filter(|t| tree_position(t.index, TREE_W).1 < TREE_LEVELS).collect();
    let levels = shown.iter().map(|t| tree_position(t.index, TREE_W).1 + 1).max().unwrap_or(0);
    let height = levels as f32 * LEVEL_H + 4.0;
    let at = |i: usize| {
        let (x, level) = tree_position(i, TREE_W);
        (x, level as f32 * LEVEL_H + 4.0)
    };
    let select = |task: Option<u32>| match task {
        Some(t) => props.on_select.reform(move |_: MouseEvent| t),
        None => Callback::noop(),
    };
    html! {
        { panel(lang.text(Text::TimerHeap), "timer-heap", "area-timers", html! { <>
            if props.timers.is_empty() {
                <p class="empty">{ lang.text(Text::TimerHeapEmpty) }</p>
            } else {
                <svg class="heap-tree" viewBox={format!("0 0 {TREE_W} {height}")} aria-hidden="true"
                     style={format!("max-height: {}px", height * 1.1)}>
                    { for shown.iter().filter(|t| t.index > 0).map(|t| {
                        let (x1, y1) = at((t.index - 1) / 2);
                        let (x2, y2) = at(t.index);
                        html! { <line class="heap-edge" x1={x1.to_string()} y1={(y1 + 11.0).to_string()} x2={x2.to_string()} y2={(y2 + 11.0).to_string()} /> }
                    }) }
                    { for shown.iter().map(|t| {
                        let (x, y) = at(t.index);
                        let selected = props.selected.is_some() && props.selected == t.task;
                        html! {
                            <g key={t.handle} class={classes!("heap-node", t.cancelled.then_some("cancelled"), selected.then_some("selected"))}
                               style={format!("transform: translate({}px, {}px)", x - NODE_W / 2.0, y)}>
                                <rect width={NODE_W.to_string()} height="24" rx="5" />
                                <text x={(NODE_W / 2.0).to_string()} y="10" text-anchor="middle" class="heap-when">{ format!("{:.3}", t.when) }</text>
                                <text x={(NODE_W / 2.0).to_string()} y="20" text-anchor="middle" class="heap-owner">{ owner(&t.label) }</text>
                            </g>
                        }
                    }) }
                </svg>
                <ol class="heap-array" aria-label={lang.text(Text::HeapArray)}>
                    { for props.timers.iter().map(|t| {
                        let selected = props.selected.is_some() && props.selected == t.task;
                        html! {
                            <li key={t.handle} class={classes!("timer", t.cancelled.then_some("cancelled"), selected.then_some("selected"))}
                                data-testid="timer" data-when={t.when.to_string()} data-label={t.reference.clone()}
                                data-cancelled={t.cancelled.then_some("true")}
                                title={if t.cancelled { lang.text(Text::CancelledTimer) } else { "" }}
                                onclick={select(t.task)}>
                                <span class="heap-index">{ t.index }</span>
                                <span class="heap-when">{ format!("{:.3}", t.when) }</span>
                                <span class="heap-owner">{ owner(&t.label) }</span>
                                <span class="heap-label">{ t.label.split('(').next().unwrap_or_default() }</span>
                            </li>
                        }
                    }) }
                    if props.more > 0 {
                        <li class="timer more" data-testid="timers-more">{ format!("+{}", props.more) }</li>
                    }
                </ol>
            }
        </> }) }
    }
}
