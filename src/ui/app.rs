//! The root component: the page's layout and its state (the program, the
//! last run recorded from it, and playback), wired to the components.
//!
//! The flow is one way: an edit (debounced) or Run records the program in
//! slices (`record`); a finished run replaces the shown one and playback
//! keeps its step where the new run still has it; the components draw the
//! state at the current step, worked out by `view` from the trace alone.

use std::rc::Rc;

use gloo_timers::callback::Timeout;
use yew::prelude::*;

use super::components::{
    Clock, Console, Controls, Editor, Explanation, Inspector, LanguageSwitch, Primitives, ReadyQueue, StateDiagram, Timeline,
    TimerHeap,
};
use super::keys;
use super::record::{self, Generation, Recorded};
use crate::share::{Granularity, Settings};
use crate::trace::State;
use crate::view::code::{markers, Problem};
use crate::view::explain::explain;
use crate::view::inspect::inspect;
use crate::view::outcome::ending;
use crate::view::i18n::{Lang, Text};
use crate::view::panels::{self, Diagram, Primitive, ReadyQueue as ReadyModel, Timer};
use crate::view::playback::tick_delay;
use crate::view::{Action, Playback, Run};

/// Milliseconds after the last keystroke before an edited program re-runs.
pub const DEBOUNCE_MS: u32 = 300;

/// The root component's properties: how the page opens.
#[derive(Properties, PartialEq)]
pub struct AppProps {
    /// The language to start in; the header's switch changes it.
    pub lang: Lang,
    /// The program in the editor at first.
    pub source: AttrValue,
    /// Step, speed, granularity and the rest, from the link.
    #[prop_or_default]
    pub settings: Settings,
}

/// A shared run, compared by identity: a run is recorded once and never changes.
#[derive(Clone)]
pub struct RunRef(pub Rc<Run>);

impl PartialEq for RunRef {
    fn eq(&self, other: &RunRef) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl std::ops::Deref for RunRef {
    type Target = Run;
    fn deref(&self) -> &Run {
        &self.0
    }
}

/// What the panels show at one step, worked out once per step.
struct StepView {
    state: Rc<State>,
    diagram: Diagram,
    /// The newest transition's label.
    label: Option<String>,
    ready: ReadyModel,
    timers: Vec<Timer>,
    prims: Vec<Primitive>,
}

impl StepView {
    fn new(run: &Run, step: usize, g: Granularity) -> StepView {
        let state = run.state(step);
        // The step just taken: from the stop before this one.
        let from = if step == 0 { 0 } else { run.steps.prev(step, g) };
        let before = run.state(from);
        let diagram = panels::diagram(&run.trace, &before, &state, &run.trace.events[from..step]);
        let label = diagram.taken.last().map(|t| panels::cause_label(&run.trace, &state, t));
        let ready = panels::ready_queue(&run.trace, &state);
        let timers = panels::timer_heap(&run.trace, &state);
        let prims = panels::primitives(&run.trace, &state, &run.prim_names);
        StepView { state: Rc::new(state), diagram, label, ready, timers, prims }
    }
}

/// [`Playback`] as Yew's reducer.
#[derive(PartialEq, Default)]
struct PlaybackState(Playback);

impl Reducible for PlaybackState {
    type Action = Action;
    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let next = self.0.reduce(action);
        if next == self.0 {
            self
        } else {
            Rc::new(PlaybackState(next))
        }
    }
}

/// The whole page: header, editor, controls and the visualizer's panels.
#[function_component]
pub fn App(props: &AppProps) -> Html {
    let lang_state = use_state_eq(|| props.lang);
    let source = use_state_eq(|| props.source.clone());
    let run = use_state_eq(|| None::<RunRef>);
    let problems = use_state_eq(|| Rc::new(Vec::<Problem>::new()));
    // Events recorded so far while a recording is under way.
    let recording = use_state_eq(|| None::<usize>);
    // Recordings finished so far (for tests and tools: `data-runs` on the page).
    let runs = use_state_eq(|| 0u32);
    let playback = use_reducer_eq(|| {
        let empty = Playback::default();
        PlaybackState(empty.reduce(Action::SetSpeed(props.settings.speed)).reduce(Action::SetGranularity(props.settings.granularity)))
    });
    let generation = use_memo((), |_| Generation::default());
    // Run presses (and Ctrl+Enter): a new value re-records at once.
    let run_nonce = use_state_eq(|| 0u32);
    let last_nonce = use_mut_ref(|| None::<u32>);
    // The link's step applies to the first run only.
    let first_step = use_mut_ref(|| Some(props.settings.step));

    use_effect_with(*lang_state, |lang| {
        if let Some(html) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
            let _ = html.set_attribute("lang", lang.tag());
        }
    });
    use_effect_with((), |_| super::on_first_render());
    use_effect_with((*run).clone(), |run| {
        if run.is_some() {
            super::mark(super::MARK_RUN_SHOWN);
        }
    });

    // Record the program: at once for the first run and for Run, after a
    // pause in typing for an edit.
    {
        let on_progress = {
            let recording = recording.clone();
            Callback::from(move |n: usize| recording.set(Some(n)))
        };
        let on_done = {
            let (run, problems, recording, playback) = (run.clone(), problems.clone(), recording.clone(), playback.clone());
            let first_step = first_step.clone();
            let runs = runs.clone();
            Callback::from(move |done: Recorded| {
                recording.set(None);
                runs.set(*runs + 1);
                match done {
                    Recorded::Done(r) => {
                        problems.set(Rc::new(Vec::new()));
                        playback.dispatch(Action::Load(r.steps.clone()));
                        if let Some(step) = first_step.borrow_mut().take() {
                            playback.dispatch(Action::Seek(step));
                        }
                        run.set(Some(RunRef(r)));
                    }
                    Recorded::Refused(p) => problems.set(p),
                }
            })
        };
        let generation = (*generation).clone();
        let recording = recording.clone();
        use_effect_with(((*source).clone(), *run_nonce), move |(text, nonce)| {
            let immediate = last_nonce.borrow().is_none_or(|n| n != *nonce);
            *last_nonce.borrow_mut() = Some(*nonce);
            let text: Rc<str> = text.as_str().into();
            let begin = move || {
                recording.set(Some(0));
                record::start(text, generation, on_progress, on_done);
            };
            let timer = if immediate {
                begin();
                None
            } else {
                Some(Timeout::new(DEBOUNCE_MS, begin))
            };
            move || drop(timer)
        });
    }

    // While playing, one owned timer at a time sends the next tick.
    {
        let pb = &playback.0;
        let run_ref = (*run).clone();
        let deps = (pb.playing, pb.step, pb.speed, pb.granularity, run_ref.clone());
        let dispatcher = playback.dispatcher();
        use_effect_with(deps, move |(playing, step, speed, granularity, run)| {
            let timer = match run {
                Some(run) if *playing => {
                    let next = run.steps.next(*step, *granularity);
                    let delay = tick_delay(*speed, run.clock(next) - run.clock(*step)).min(i32::MAX as u32);
                    Some(Timeout::new(delay, move || dispatcher.dispatch(Action::Tick)))
                }
                _ => None,
            };
            move || drop(timer)
        });
    }

    // The keyboard: Space, arrows, Home and End anywhere but in a text field.
    {
        let dispatcher = playback.dispatcher();
        use_effect_with((), move |_| {
            let listener = keys::listen(Callback::from(move |a: Action| dispatcher.dispatch(a)));
            move || drop(listener)
        });
    }

    let lang = *lang_state;
    let pb = playback.0.clone();
    let view = {
        let run = (*run).clone();
        (*use_memo((run, pb.step, pb.granularity), |(run, step, g)| run.as_ref().map(|r| Rc::new(StepView::new(r, *step, *g)))))
            .clone()
    };
    let state: Option<Rc<State>> = view.as_ref().map(|v| v.state.clone());
    let selected = use_state_eq(|| None::<u32>);
    let on_select = {
        let selected = selected.clone();
        Callback::from(move |t: u32| selected.set(if *selected == Some(t) { None } else { Some(t) }))
    };

    let on_source = {
        let source = source.clone();
        Callback::from(move |text: String| source.set(AttrValue::from(text)))
    };
    let on_run = {
        let run_nonce = run_nonce.clone();
        Callback::from(move |_| run_nonce.set(run_nonce.wrapping_add(1)))
    };
    let on_action = {
        let dispatcher = playback.dispatcher();
        Callback::from(move |a: Action| dispatcher.dispatch(a))
    };
    let on_seek = {
        let dispatcher = playback.dispatcher();
        Callback::from(move |s: usize| dispatcher.dispatch(Action::Seek(s)))
    };
    let on_switch = {
        let lang_state = lang_state.clone();
        Callback::from(move |l: Lang| lang_state.set(l))
    };

    let markers = match (run.as_ref(), state.as_ref()) {
        (Some(r), Some(s)) if problems.is_empty() => markers(&r.trace, &r.index, s),
        _ => Vec::new(),
    };
    let (shown, ended) = match run.as_ref() {
        Some(r) => (r.lines(pb.step).len(), r.outcome_line(pb.step).is_some()),
        None => (0, false),
    };
    let explanation = match (run.as_ref(), state.as_ref()) {
        (Some(r), Some(s)) => AttrValue::from(explain(r, pb.step, s, lang)),
        _ => AttrValue::Static(lang.text(Text::Recording)),
    };
    let ending = {
        let run = (*run).clone();
        (*use_memo((run, lang), |(run, lang)| run.as_ref().map(|r| ending(r, *lang)))).clone()
    };
    let inspected = match (run.as_ref(), state.as_ref(), *selected) {
        (Some(r), Some(s), Some(t)) => inspect(&r.trace, &r.index, s, t, lang),
        _ => None,
    };
    let on_close = {
        let selected = selected.clone();
        Callback::from(move |_| selected.set(None))
    };
    let stale = !problems.is_empty() && run.is_some();
    let clock = state.as_ref().map(|s| (s.clock, s.iteration, s.frozen));

    html! {
        <div class={classes!("shell", stale.then_some("stale"))} data-runs={runs.to_string()}
             data-last-event={state.as_ref().and_then(|s| s.last).map(|e| e.name())}
             data-run-state={if recording.is_some() { "recording" } else if !problems.is_empty() { "refused" } else if run.is_some() { "ready" } else { "idle" }}>
            <header class="topbar">
                <div class="brand">
                    <svg class="logo" viewBox="0 0 32 32" aria-hidden="true">
                        <circle cx="16" cy="16" r="11" />
                        <path d="M16 5a11 11 0 0 1 11 11" class="logo-arc" />
                        <circle cx="27" cy="16" r="3" class="logo-dot" />
                    </svg>
                    <h1>{ "Loopscope" }</h1>
                    <p class="tagline">{ lang.text(Text::Tagline) }</p>
                </div>
                <Clock {lang} {clock} />
                <LanguageSwitch {lang} {on_switch} />
            </header>
            <Editor {lang} source={(*source).clone()} problems={(*problems).clone()} {markers}
                    crash={ending.as_ref().filter(|_| ended && problems.is_empty()).and_then(|e| e.crash.clone())}
                    on_input={on_source} on_run={on_run.clone()} on_select={on_select.clone()} />
            <div class="stage">
                <Controls {lang} playback={pb.clone()} ready={run.is_some()} recording={*recording}
                          {on_action} {on_run} />
                <Explanation {lang} text={explanation} />
            </div>
            <StateDiagram {lang} diagram={view.as_ref().map(|v| v.diagram.clone()).unwrap_or_default()}
                          label={view.as_ref().and_then(|v| v.label.clone())}
                          selected={*selected} on_select={on_select.clone()} />
            <aside class="side">
                <ReadyQueue {lang} queue={view.as_ref().map(|v| v.ready.clone()).unwrap_or_default()}
                            selected={*selected} on_select={on_select.clone()} />
                <TimerHeap {lang} timers={view.as_ref().map(|v| v.timers.clone()).unwrap_or_default()}
                           selected={*selected} on_select={on_select.clone()} />
                <Primitives {lang} prims={view.as_ref().map(|v| v.prims.clone()).unwrap_or_default()}
                            selected={*selected} on_select={on_select.clone()} />
            </aside>
            <div class="lower">
                <Timeline {lang} run={(*run).clone()} step={pb.step} selected={*selected}
                          on_seek={on_seek} on_select={on_select.clone()} />
                <Inspector {lang} task={inspected} on_close={on_close} />
            </div>
            <Console {lang} run={(*run).clone()} shown={shown} ended={ended} ending={ending.clone()} />
        </div>
    }
}
