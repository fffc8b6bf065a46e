//! The state diagram: the course's seven task states as boxes, the
//! transitions the loop makes as arrows, and every task as a token in the
//! state it is in. A token that changes state glides along its arrow (a CSS
//! transition on its position, instant under prefers-reduced-motion); the
//! arrow just taken is highlighted and labelled with its cause.

use yew::prelude::*;

use super::panel;
use crate::trace::TaskState;
use crate::view::i18n::{cause, Lang, Text};
use crate::view::panels::{
    arrows, node_at, Diagram, Token, DIAGRAM_H, DIAGRAM_W, NODE_H, NODE_W, SLOTS, TOKEN_H, TOKEN_W,
};

/// Properties of [`StateDiagram`].
#[derive(Properties, PartialEq)]
pub struct StateDiagramProps {
    pub lang: Lang,
    pub diagram: Diagram,
    /// The newest transition's label (`await asyncio.sleep(0.5)`).
    pub label: Option<String>,
    /// The task the inspector shows.
    #[prop_or_default]
    pub selected: Option<u32>,
    #[prop_or_default]
    pub on_select: Callback<u32>,
}

/// Token text short enough for its pill.
fn short(name: &str) -> String {
    let width: usize = name.chars().map(|c| if c.is_ascii() { 1 } else { 2 }).sum();
    if width <= 11 {
        return name.to_string();
    }
    let mut out = String::new();
    let mut w = 0;
    for c in name.chars() {
        w += if c.is_ascii() { 1 } else { 2 };
        if w > 9 {
            break;
        }
        out.push(c);
    }
    out.push('…');
    out
}

/// The state diagram with every task's token.
#[function_component]
pub fn StateDiagram(props: &StateDiagramProps) -> Html {
    let lang = props.lang;
    let d = &props.diagram;
    let newest = d.taken.last();
    let view_box = format!("0 0 {DIAGRAM_W} {DIAGRAM_H}");
    html! {
        { panel(lang.text(Text::StateDiagram), "state-diagram", "area-diagram", html! { <>
            <svg class="diagram" viewBox={view_box} role="img" aria-label={lang.text(Text::DiagramLabel)}
                 preserveAspectRatio="xMidYMid meet">
                <defs>
                    <marker id="arrowhead" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
                        <path d="M0 0L10 5L0 10z" class="arrowhead" />
                    </marker>
                    <marker id="arrowhead-taken" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
                        <path d="M0 0L10 5L0 10z" class="arrowhead taken" />
                    </marker>
                </defs>
                { for arrows().into_iter().map(|a| {
                    let taken = d.taken.iter().any(|t| t.from == a.from && t.to == a.to);
                    let newest_here = newest.is_some_and(|t| t.from == a.from && t.to == a.to);
                    html! {
                        <line class={classes!("arrow", taken.then_some("taken"), newest_here.then_some("newest"))}
                              x1={a.a.0.to_string()} y1={a.a.1.to_string()} x2={a.b.0.to_string()} y2={a.b.1.to_string()}
                              marker-end={if taken { "url(#arrowhead-taken)" } else { "url(#arrowhead)" }} />
                    }
                }) }
                { for d.nodes.iter().map(|n| {
                    let (x, y) = node_at(n.state);
                    let class = format!("node state-{}", n.state.as_str());
                    html! {
                        <g class={class} data-state={n.state.as_str()}>
                            <rect x={x.to_string()} y={y.to_string()} width={NODE_W.to_string()} height={NODE_H.to_string()} rx="10" />
                            <text class="node-label" x={(x + 10.0).to_string()} y={(y + 19.0).to_string()}>
                                { n.state.label(lang) }
                                if lang.is_zh() {
                                    <tspan class="node-label-en">{ format!(" {}", n.state.label(Lang::En)) }</tspan>
                                }
                            </text>
                            <text class="node-count" x={(x + NODE_W - 10.0).to_string()} y={(y + 19.0).to_string()} text-anchor="end">
                                { n.count }
                            </text>
                            if n.hidden > 0 {
                                <g class="pile" transform={format!("translate({} {})", x + 6.0 + (TOKEN_W + 4.0), y + 30.0 + (TOKEN_H + 4.0))}>
                                    <rect width={TOKEN_W.to_string()} height={TOKEN_H.to_string()} rx="11" />
                                    <rect class="pile-shadow" x="3" y="-3" width={TOKEN_W.to_string()} height={TOKEN_H.to_string()} rx="11" />
                                    <text x={(TOKEN_W / 2.0).to_string()} y="15" text-anchor="middle">{ format!("+{}", n.hidden) }</text>
                                </g>
                            }
                        </g>
                    }
                }) }
                if let (Some(t), Some(label)) = (newest, props.label.as_ref()) {
                    { cause_tag(arrows().iter().find(|a| a.from == t.from && a.to == t.to).map(|a| a.a).zip(
                        arrows().iter().find(|a| a.from == t.from && a.to == t.to).map(|a| a.b)), &cause(lang, label)) }
                }
                { for d.tokens.iter().map(|t| html! {
                    <TokenView key={t.task} token={t.clone()} {lang} selected={props.selected == Some(t.task)} on_select={props.on_select.clone()} />
                }) }
            </svg>
            <p class="visually-hidden" aria-live="polite">
                { STATE_ORDER.iter().filter_map(|s| d.nodes.iter().find(|n| n.state == *s && n.count > 0))
                    .map(|n| format!("{}: {}", n.state.label(lang), n.count)).collect::<Vec<_>>().join(", ") }
            </p>
        </> }) }
    }
}

/// The states in reading order, for the screen reader's summary.
const STATE_ORDER: [TaskState; 7] = crate::view::panels::STATES;

const _: () = assert!(SLOTS >= 2);

/// The newest transition's cause, on its arrow.
fn cause_tag(ends: Option<((f32, f32), (f32, f32))>, text: &str) -> Html {
    let Some((a, b)) = ends else { return html! {} };
    let (mx, my) = ((a.0 + b.0) / 2.0, (a.1 + b.1) / 2.0);
    let width = text.chars().map(|c| if c.is_ascii() { 6.6 } else { 12.0 }).sum::<f32>() + 14.0;
    // Beside a vertical arrow, on it otherwise.
    let x = if (a.0 - b.0).abs() < 1.0 { mx + 8.0 } else { mx - width / 2.0 };
    let x = x.clamp(2.0, DIAGRAM_W - width - 2.0);
    let y = (my - 11.0).clamp(2.0, DIAGRAM_H - 24.0);
    html! {
        <g class="cause-tag" transform={format!("translate({x} {y})")}>
            <rect width={width.to_string()} height="22" rx="6" />
            <text x="7" y="15">{ text }</text>
        </g>
    }
}

#[derive(Properties, PartialEq)]
struct TokenProps {
    token: Token,
    lang: Lang,
    selected: bool,
    on_select: Callback<u32>,
}

/// One task's token: its own component, so a step redraws only the tokens
/// that moved (a 200-task diagram stays within a frame).
#[function_component]
fn TokenView(props: &TokenProps) -> Html {
    let t = &props.token;
    let class = classes!(
        "token",
        format!("state-{}", t.state.as_str()),
        t.piled.then_some("piled"),
        props.selected.then_some("selected")
    );
    let style = format!("transform: translate({}px, {}px)", t.x, t.y);
    let onclick = props.on_select.reform({
        let id = t.task;
        move |_: MouseEvent| id
    });
    html! {
        <g class={class} style={style} data-testid="task" data-task={t.name.clone()} data-state={t.state.as_str()} {onclick}>
            <title>{ format!("{}: {}", t.name, t.state.label(props.lang)) }</title>
            <rect width={TOKEN_W.to_string()} height={TOKEN_H.to_string()} rx="11" />
            <text x={(TOKEN_W / 2.0).to_string()} y="15" text-anchor="middle">{ short(&t.name) }</text>
        </g>
    }
}
