//! The timeline: a lane per task over virtual time (or over steps when no
//! virtual time passes), each stretch coloured and patterned by state, a
//! cursor at the current step; a click seeks there.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::HtmlElement;
use yew::prelude::*;

use super::{empty, panel};
use crate::ui::app::RunRef;
use crate::view::i18n::{Lang, Text};
use crate::view::timeline::{lanes, Lane};

/// Lanes kept at most (the first tasks created).
const MAX_LANES: usize = 100_000;
/// A lane's height with its gap, in pixels (as in the stylesheet).
const LANE_H: f64 = 19.0;
/// About a screenful of lanes.
const VIEW_LANES: usize = 24;

/// Properties of [`Timeline`].
#[derive(Properties, PartialEq)]
pub struct TimelineProps {
    pub lang: Lang,
    pub run: Option<RunRef>,
    pub step: usize,
    #[prop_or_default]
    pub selected: Option<u32>,
    /// Seek to a step.
    pub on_seek: Callback<usize>,
    #[prop_or_default]
    pub on_select: Callback<u32>,
}

/// The lanes of a run, worked out once per run.
struct Lanes {
    lanes: Vec<Lane>,
    end_time: f64,
    end_step: usize,
}

impl Lanes {
    /// Over time, unless the run takes none.
    fn by_time(&self) -> bool {
        self.end_time > 0.0
    }

    /// Where a segment's bounds fall, as fractions of the track.
    fn x(&self, t: f64, s: usize) -> f64 {
        if self.by_time() {
            t / self.end_time
        } else {
            s as f64 / self.end_step.max(1) as f64
        }
    }
}

/// A lane per task, a cursor, click to seek.
#[function_component]
pub fn Timeline(props: &TimelineProps) -> Html {
    let lang = props.lang;
    let data = use_memo(props.run.clone(), |run| {
        run.as_ref().map(|r| {
            let (lanes, _, end_time, end_step) = lanes(&r.trace, MAX_LANES);
            Rc::new(Lanes { lanes, end_time, end_step })
        })
    });
    let scroll = use_state_eq(|| 0i32);
    let Some(run) = props.run.clone() else {
        return html! {
            { panel(lang.text(Text::Timeline), "timeline", "area-timeline", html! { <>
                { empty(lang.text(Text::TimelineEmpty)) }
            </> }) }
        };
    };
    let Some(d) = (*data).clone() else { return html! {} };
    let cursor = d.x(run.clock(props.step), props.step).clamp(0.0, 1.0);
    let onclick = {
        let (d, run, on_seek) = (d.clone(), run.clone(), props.on_seek.clone());
        Callback::from(move |e: MouseEvent| {
            let Some(track) = e.current_target().and_then(|t| t.dyn_into::<HtmlElement>().ok())
            else {
                return;
            };
            let rect = track.get_bounding_client_rect();
            let f = ((e.client_x() as f64 - rect.left()) / rect.width().max(1.0)).clamp(0.0, 1.0);
            let step = if d.by_time() {
                run.step_at_time(f * d.end_time)
            } else {
                (f * d.end_step as f64).round() as usize
            };
            on_seek.emit(step);
        })
    };
    // Only the lanes in view (and a screenful around them) are in the page.
    let first = ((*scroll as f64 / LANE_H) as usize).saturating_sub(VIEW_LANES);
    let last = (first + 3 * VIEW_LANES).min(d.lanes.len());
    let onscroll = {
        let scroll = scroll.clone();
        Callback::from(move |e: Event| {
            let el: HtmlElement = e.target_unchecked_into();
            scroll.set(el.scroll_top());
        })
    };
    let height = d.lanes.len() as f64 * LANE_H;
    html! {
        { panel(lang.text(Text::Timeline), "timeline", "area-timeline", html! { <>
            if d.lanes.is_empty() {
                { empty(lang.text(Text::TimelineEmpty)) }
            } else {
                <div class="tl">
                    <div class="tl-axis">
                        <span class="tl-name" />
                        <span class="tl-axis-label">
                            <span>{ "0" }</span>
                            <span>{ lang.text(if d.by_time() { Text::TimelineAxisTime } else { Text::TimelineAxisSteps }) }</span>
                            <span>{ if d.by_time() { format!("{:.3}", d.end_time) } else { d.end_step.to_string() } }</span>
                        </span>
                    </div>
                    <div class="tl-body" {onscroll}>
                        <div class="tl-rows" style={format!("height: {height}px")}>
                            <div class="tl-names">
                                { for d.lanes[first..last].iter().enumerate().map(|(k, l)| {
                                    let id = l.task;
                                    html! {
                                        <button key={id} type="button" tabindex="-1" class={classes!("tl-name", (props.selected == Some(id)).then_some("selected"))}
                                                style={format!("top: {}px", (first + k) as f64 * LANE_H)}
                                                title={l.name.clone()} onclick={props.on_select.reform(move |_: MouseEvent| id)}>{ l.name.clone() }</button>
                                    }
                                }) }
                            </div>
                            <div class="tl-tracks" {onclick} title={lang.text(Text::TimelineSeek)}>
                                <LaneTracks lanes={d.clone()} first={first} last={last} />
                                <div class="tl-cursor" style={format!("left: {:.4}%", cursor * 100.0)} />
                            </div>
                        </div>
                    </div>
                </div>
            }
        </> }) }
    }
}

#[derive(Properties)]
struct LaneTracksProps {
    lanes: Rc<Lanes>,
    first: usize,
    last: usize,
}

impl PartialEq for LaneTracksProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.lanes, &other.lanes)
            && self.first == other.first
            && self.last == other.last
    }
}

/// The lanes in view: drawn again only when the run or the scroll changes,
/// not at every step.
#[function_component]
fn LaneTracks(props: &LaneTracksProps) -> Html {
    let d = &props.lanes;
    html! {
        { for d.lanes[props.first..props.last].iter().enumerate().map(|(k, l)| html! {
            <div class="tl-lane" key={l.task} style={format!("top: {}px", (props.first + k) as f64 * LANE_H)}>
                { for l.segments.iter().map(|s| {
                    let (a, b) = (d.x(s.t0, s.s0), d.x(s.t1, s.s1));
                    let style = format!("left: {:.4}%; width: {:.4}%", a * 100.0, (b - a).max(0.0) * 100.0);
                    let title = if d.by_time() { format!("{}: {:.3}–{:.3} s", s.state.as_str(), s.t0, s.t1) } else { format!("{}: {}–{}", s.state.as_str(), s.s0, s.s1) };
                    html! { <span class={classes!("tl-seg", format!("state-{}", s.state.as_str()))} {style} {title} /> }
                }) }
            </div>
        }) }
    }
}
