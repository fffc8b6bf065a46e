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
    clock, explanation, language_switch, Console, Controls, Editor, Inspector, Primitives,
    ReadyQueue, StateDiagram, Timeline, TimerHeap,
};
use super::components::{EmbedOptions, ExamplesMenu, Pick, ShareMode, SharePanel};
use super::keys;
use super::page;
use super::record::{self, Generation, Recorded};
use crate::trace::State;
use crate::view::code::{markers, Problem};
use crate::view::explain::explain;
use crate::view::i18n::{Lang, Text};
use crate::view::inspect::inspect;
use crate::view::outcome::ending;
use crate::view::panels::{self, Diagram, Primitive, ReadyQueue as ReadyModel, Timer};
use crate::view::playback::tick_delay;
use crate::view::settings::{Granularity, Panel, Panels, Settings, Theme};
use crate::view::share::{self, ShareError};
use crate::view::start::{example_of, is_own_work, KEY_MINE, KEY_PROGRAM, KEY_THEME};
use crate::view::{Action, Playback, Run};

/// Milliseconds after the last keystroke before an edited program re-runs.
pub(crate) const DEBOUNCE_MS: u32 = 300;

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
    /// What was wrong with the link the page was opened with.
    #[prop_or_default]
    pub link_errors: Vec<ShareError>,
}

/// A message shown under the header until dismissed.
#[derive(Clone, Debug, PartialEq)]
enum Notice {
    /// A problem with the link the page was opened with.
    Link(ShareError),
    /// One of the page's own messages.
    Page(Text),
}

impl Notice {
    fn text(&self, lang: Lang) -> String {
        match self {
            Notice::Link(e) => e.message(lang),
            Notice::Page(t) => lang.text(*t).to_string(),
        }
    }

    /// Problems (shown as errors) as opposed to information.
    fn is_error(&self) -> bool {
        !matches!(self, Notice::Page(Text::KeptMine))
    }
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
    /// Timers past the ones described.
    timers_more: usize,
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
        let ready = panels::ready_queue(&run.trace, &state, panels::SHOWN);
        let timers = panels::timer_heap(&run.trace, &state, panels::SHOWN);
        let timers_more = state.heap.len().saturating_sub(panels::SHOWN);
        let prims = panels::primitives(&run.trace, &state, &run.prim_names);
        StepView { state: Rc::new(state), diagram, label, ready, timers, timers_more, prims }
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
        PlaybackState(
            empty
                .reduce(Action::SetSpeed(props.settings.speed))
                .reduce(Action::SetGranularity(props.settings.granularity)),
        )
    });
    let generation = use_memo((), |_| Generation::default());
    // Run presses (and Ctrl+Enter): a new value re-records at once.
    let run_nonce = use_state_eq(|| 0u32);
    let last_nonce = use_mut_ref(|| None::<u32>);
    // The link's step applies to the first run only.
    let first_step = use_mut_ref(|| Some(props.settings.step));
    let embed = props.settings.embed;
    // The theme chosen here or by the link (`None`: the system's).
    let theme = use_state_eq(|| {
        props.settings.theme.or_else(|| {
            if embed {
                None
            } else {
                page::load(KEY_THEME).and_then(|t| Theme::parse(&t))
            }
        })
    });
    // The learner's program set aside when an example or a file replaced it.
    let mine =
        use_state_eq(|| if embed { None } else { page::load(KEY_MINE).map(AttrValue::from) });
    let notices =
        use_state_eq(|| props.link_errors.iter().cloned().map(Notice::Link).collect::<Vec<_>>());
    let share_mode = use_state_eq(|| None::<ShareMode>);
    let copied = use_state_eq(|| None::<bool>);
    let embed_options = use_state_eq(|| EmbedOptions {
        editor: true,
        autoplay: false,
        panels: Panels::EMBED_DEFAULT,
    });
    let menu_open = use_state_eq(|| false);
    let editor_open = use_state_eq(|| props.settings.editor);

    // The learner's program survives a reload (where the browser keeps storage).
    use_effect_with((*source).clone(), move |text| {
        if !embed {
            page::save(KEY_PROGRAM, Some(text));
        }
    });
    use_effect_with(*theme, |theme| {
        let theme = *theme;
        page::apply_theme(theme);
        // Following the system: follow it when it changes, too.
        let listener = if theme.is_none() {
            page::on_system_theme(move || page::apply_theme(None))
        } else {
            None
        };
        move || drop(listener)
    });
    // Information (not problems) goes away by itself after a while.
    {
        let notices = notices.clone();
        use_effect_with((*notices).clone(), move |list| {
            let timer = (!list.is_empty() && !list.iter().any(Notice::is_error))
                .then(|| Timeout::new(6000, move || notices.set(Vec::new())));
            move || drop(timer)
        });
    }
    // An embed posts its height to the course page as its layout changes.
    use_effect_with((), move |_| {
        let watch = if embed { page::post_height() } else { None };
        move || drop(watch)
    });

    use_effect_with(*lang_state, |lang| {
        if let Some(html) =
            web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element())
        {
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
            let (run, problems, recording, playback) =
                (run.clone(), problems.clone(), recording.clone(), playback.clone());
            let first_step = first_step.clone();
            let runs = runs.clone();
            let autoplay = props.settings.autoplay;
            Callback::from(move |done: Recorded| {
                recording.set(None);
                runs.set(*runs + 1);
                match done {
                    Recorded::Done(r) => {
                        problems.set(Rc::new(Vec::new()));
                        playback.dispatch(Action::Load(r.steps.clone()));
                        if let Some(step) = first_step.borrow_mut().take() {
                            playback.dispatch(Action::Seek(step));
                            if autoplay {
                                playback.dispatch(Action::Play);
                            }
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
                    let delay =
                        tick_delay(*speed, run.clock(next) - run.clock(*step)).min(i32::MAX as u32);
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
        (*use_memo((run, pb.step, pb.granularity), |(run, step, g)| {
            run.as_ref().map(|r| Rc::new(StepView::new(r, *step, *g)))
        }))
        .clone()
    };
    let state: Option<Rc<State>> = view.as_ref().map(|v| v.state.clone());
    let selected = use_state_eq(|| None::<u32>);
    let on_select = {
        let selected = selected.clone();
        Callback::from(move |t: u32| {
            selected.set(if *selected == Some(t) { None } else { Some(t) })
        })
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
    let effective_theme = theme.unwrap_or_else(page::system_theme);
    let on_theme = {
        let theme = theme.clone();
        Callback::from(move |_: MouseEvent| {
            let next = match theme.unwrap_or_else(page::system_theme) {
                Theme::Light => Theme::Dark,
                Theme::Dark => Theme::Light,
            };
            theme.set(Some(next));
            if !embed {
                page::save(KEY_THEME, Some(next.as_str()));
            }
        })
    };
    // Another program in the editor (an example, a file, the learner's own
    // back): the one there is set aside first if it is the learner's work.
    let replace = {
        let (source, mine, notices, run_nonce) =
            (source.clone(), mine.clone(), notices.clone(), run_nonce.clone());
        Callback::from(move |text: AttrValue| {
            if *text == **source {
                return;
            }
            if is_own_work(&source) && mine.as_deref() != Some(source.as_str()) {
                page::save(KEY_MINE, Some(&source));
                mine.set(Some((*source).clone()));
                let mut list = (*notices).clone();
                list.retain(|n| *n != Notice::Page(Text::KeptMine));
                list.push(Notice::Page(Text::KeptMine));
                notices.set(list);
            }
            source.set(text);
            run_nonce.set(run_nonce.wrapping_add(1));
        })
    };
    let on_pick = {
        let (replace, mine, menu_open) = (replace.clone(), mine.clone(), menu_open.clone());
        Callback::from(move |pick: Pick| {
            menu_open.set(false);
            match pick {
                Pick::Example(slug) => {
                    if let Some(e) = crate::view::gallery::find(slug) {
                        replace.emit(AttrValue::Static(e.source));
                    }
                }
                Pick::Mine => {
                    if let Some(m) = (*mine).clone() {
                        replace.emit(m);
                    }
                }
            }
        })
    };
    let on_file = {
        let (replace, notices) = (replace.clone(), notices.clone());
        Callback::from(move |file: web_sys::File| {
            let (replace, notices) = (replace.clone(), notices.clone());
            yew::platform::spawn_local(async move {
                match page::read_file(file).await {
                    Ok(text) => replace.emit(AttrValue::from(text)),
                    Err(e) => {
                        let t = match e {
                            page::FileError::TooLarge => Text::FileTooLarge,
                            page::FileError::NotText => Text::NotTextFile,
                        };
                        let mut list = (*notices).clone();
                        list.push(Notice::Page(t));
                        notices.set(list);
                    }
                }
            });
        })
    };
    let on_drop = {
        let on_file = on_file.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            if let Some(file) = e.data_transfer().and_then(|d| d.files()).and_then(|f| f.get(0)) {
                on_file.emit(file);
            }
        })
    };
    let on_dragover = Callback::from(|e: DragEvent| e.prevent_default());
    // The link to this view: program, step, speed, granularity, language, theme.
    let view_settings = Settings {
        step: pb.step,
        speed: pb.speed,
        granularity: pb.granularity,
        lang: Some(lang),
        theme: Some(effective_theme),
        ..Settings::default()
    };
    // Made only while a panel (or an embed's link to the full app) shows it.
    let share_url = if share_mode.is_some() || embed {
        share::share_url(&page::base_url(), &source, &view_settings).map_err(|e| e.message(lang))
    } else {
        Err(String::new())
    };
    let embed_settings = Settings {
        embed: true,
        editor: embed_options.editor,
        autoplay: embed_options.autoplay,
        panels: Some(embed_options.panels),
        step: 0,
        ..view_settings
    };
    let snippet = if *share_mode == Some(ShareMode::Embed) {
        share::embed_snippet(&page::base_url(), &source, &embed_settings)
            .map_err(|e| e.message(lang))
    } else {
        Err(String::new())
    };
    let open_share = |mode: ShareMode| {
        let (share_mode, copied, menu_open) =
            (share_mode.clone(), copied.clone(), menu_open.clone());
        let text = source.clone();
        Callback::from(move |_: MouseEvent| {
            let url = share::share_url(&page::base_url(), &text, &view_settings);
            menu_open.set(false);
            if *share_mode == Some(mode) {
                share_mode.set(None);
                return;
            }
            share_mode.set(Some(mode));
            copied.set(None);
            if let (ShareMode::Share, Ok(url)) = (mode, url.clone()) {
                let copied = copied.clone();
                yew::platform::spawn_local(async move {
                    // The field is drawn by now; select-and-copy needs it.
                    gloo_timers::future::TimeoutFuture::new(0).await;
                    let field = web_sys::window()
                        .and_then(|w| w.document())
                        .and_then(|d| d.query_selector("[data-testid=share-url]").ok().flatten())
                        .and_then(|e| {
                            wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlInputElement>(e).ok()
                        });
                    copied.set(Some(page::copy(&url, field).await));
                });
            }
        })
    };
    let on_share = open_share(ShareMode::Share);
    let on_embed = open_share(ShareMode::Embed);
    let on_copy = {
        let (copied, url) = (copied.clone(), share_url.clone());
        Callback::from(move |field: Option<web_sys::HtmlInputElement>| {
            let Ok(url) = url.clone() else { return };
            let copied = copied.clone();
            yew::platform::spawn_local(
                async move { copied.set(Some(page::copy(&url, field).await)) },
            );
        })
    };
    let on_download = {
        let source = source.clone();
        Callback::from(move |_| page::download("loopscope.py", &source))
    };
    let on_options = {
        let embed_options = embed_options.clone();
        Callback::from(move |o: EmbedOptions| embed_options.set(o))
    };
    let on_close_share = {
        let share_mode = share_mode.clone();
        Callback::from(move |_| share_mode.set(None))
    };
    let on_menu = {
        let (menu_open, share_mode) = (menu_open.clone(), share_mode.clone());
        Callback::from(move |_: MouseEvent| {
            share_mode.set(None);
            menu_open.set(!*menu_open);
        })
    };
    let on_close_menu = {
        let menu_open = menu_open.clone();
        Callback::from(move |_| menu_open.set(false))
    };
    let on_dismiss = {
        let notices = notices.clone();
        Callback::from(move |_: MouseEvent| notices.set(Vec::new()))
    };

    let markers = match (run.as_ref(), state.as_ref()) {
        (Some(r), Some(s)) if problems.is_empty() => markers(&r.trace, &r.index, s),
        _ => Vec::new(),
    };
    let (shown, ended) = match run.as_ref() {
        Some(r) => (r.lines(pb.step).len(), r.outcome_line(pb.step).is_some()),
        None => (0, false),
    };
    let explanation_text = match (run.as_ref(), state.as_ref()) {
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
    let task_names: Vec<(u32, String)> = match (run.as_ref(), state.as_ref()) {
        (Some(r), Some(s)) => s
            .tasks
            .iter()
            .filter(|t| t.id != 0)
            .take(300)
            .map(|t| (t.id, r.trace.str(t.name).to_string()))
            .collect(),
        _ => Vec::new(),
    };
    let stale = !problems.is_empty() && run.is_some();
    let clock_now = state.as_ref().map(|s| (s.clock, s.iteration, s.frozen));

    let shown_panels = props.settings.shown_panels();
    let show = |p: Panel| shown_panels.contains(p);
    let run_state = if recording.is_some() {
        "recording"
    } else if !problems.is_empty() {
        "refused"
    } else if run.is_some() {
        "ready"
    } else {
        "idle"
    };
    let current_example = example_of(&source).map(|e| e.slug);
    let full_link = share_url.clone().ok();
    let icon_theme = match effective_theme {
        Theme::Light => "M12 3a9 9 0 1 0 9 9 7 7 0 0 1-9-9z",
        Theme::Dark => "M12 7a5 5 0 1 0 0 10 5 5 0 0 0 0-10zM11 1h2v3h-2zm0 19h2v3h-2zM1 11h3v2H1zm19 0h3v2h-3z",
    };
    let theme_label = lang.text(match effective_theme {
        Theme::Light => Text::ThemeDark,
        Theme::Dark => Text::ThemeLight,
    });
    let editor = html! {
        <Editor {lang} source={(*source).clone()} problems={(*problems).clone()} {markers}
                crash={ending.as_ref().filter(|_| ended && problems.is_empty()).and_then(|e| e.crash.clone())}
                on_input={on_source} on_run={on_run.clone()} on_select={on_select.clone()} read_only={embed} />
    };

    html! {
        <div class={classes!("shell", stale.then_some("stale"), embed.then_some("embed"), (embed && !(props.settings.editor && *editor_open)).then_some("no-editor"))}
             data-runs={runs.to_string()}
             data-last-event={state.as_ref().and_then(|s| s.last).map(|e| e.name())}
             data-run-state={run_state}
             ondragover={on_dragover} ondrop={on_drop}>
            <header class="topbar">
                <div class="brand">
                    <svg class="logo" viewBox="0 0 32 32" aria-hidden="true">
                        <circle cx="16" cy="16" r="11" />
                        <path d="M16 5a11 11 0 0 1 11 11" class="logo-arc" />
                        <circle cx="27" cy="16" r="3" class="logo-dot" />
                    </svg>
                    if embed {
                        <h1><a href={full_link.clone().unwrap_or_default()} target="_blank" rel="noopener" class="open-full"
                               title={lang.text(Text::OpenFull)}>{ "Loopscope ↗" }</a></h1>
                    } else {
                        <h1>{ "Loopscope" }</h1>
                        <p class="tagline">{ lang.text(Text::Tagline) }</p>
                    }
                </div>
                if !embed {
                    <div class="toolbar">
                        <button type="button" class="tool-button" data-testid="examples" aria-expanded={menu_open.to_string()}
                                aria-haspopup="true" onclick={on_menu}>{ lang.text(Text::Examples) }{ " ▾" }</button>
                        <button type="button" class="tool-button" data-testid="share" aria-expanded={(*share_mode == Some(ShareMode::Share)).to_string()}
                                onclick={on_share}>{ lang.text(Text::Share) }</button>
                        <button type="button" class="tool-button" data-testid="embed" aria-expanded={(*share_mode == Some(ShareMode::Embed)).to_string()}
                                onclick={on_embed}>{ lang.text(Text::Embed) }</button>
                    </div>
                }
                { clock(lang, clock_now) }
                <button type="button" class="tool-button icon-only" data-testid="theme" aria-label={theme_label} title={theme_label} onclick={on_theme}>
                    <svg class="icon" viewBox="0 0 24 24" aria-hidden="true"><path d={icon_theme} /></svg>
                </button>
                { language_switch(lang, &on_switch) }
            </header>
            if *menu_open {
                <ExamplesMenu {lang} current={current_example} has_mine={mine.as_ref().is_some_and(|m| **m != **source)}
                              on_pick={on_pick} on_close={on_close_menu} />
            }
            if let Some(mode) = *share_mode {
                <SharePanel {lang} {mode} url={share_url.clone()} copied={*copied} options={*embed_options}
                            snippet={snippet.clone()} {on_copy} {on_download} on_open_file={on_file.clone()}
                            {on_options} on_close={on_close_share} />
            }
            if !notices.is_empty() {
                <div class={classes!("notices", notices.iter().any(Notice::is_error).then_some("error"))}
                     data-testid={notices.iter().any(Notice::is_error).then_some("error")} role="alert">
                    <div class="notice-text">{ for notices.iter().map(|n| html! { <p>{ n.text(lang) }</p> }) }</div>
                    <button type="button" class="button" onclick={on_dismiss}>{ lang.text(Text::Dismiss) }</button>
                </div>
            }
            if embed {
                if props.settings.editor {
                    <details class="embed-editor" open={*editor_open}
                             ontoggle={{ let editor_open = editor_open.clone(); Callback::from(move |e: Event| editor_open.set(e.target_unchecked_into::<web_sys::HtmlDetailsElement>().open())) }}>
                        <summary>{ lang.text(Text::ShowProgram) }</summary>
                        { editor }
                    </details>
                }
            } else {
                { editor }
            }
            <div class="stage">
                <Controls {lang} playback={pb.clone()} ready={run.is_some()} recording={*recording}
                          {on_action} {on_run} />
                { explanation(lang, &explanation_text) }
            </div>
            if show(Panel::Diagram) {
                <StateDiagram {lang} diagram={view.as_ref().map(|v| v.diagram.clone()).unwrap_or_default()}
                              label={view.as_ref().and_then(|v| v.label.clone())}
                              selected={*selected} on_select={on_select.clone()} />
            }
            if show(Panel::Ready) || show(Panel::Timers) || show(Panel::Primitives) {
                <aside class="side">
                    if show(Panel::Ready) {
                        <ReadyQueue {lang} queue={view.as_ref().map(|v| v.ready.clone()).unwrap_or_default()}
                                    selected={*selected} on_select={on_select.clone()} />
                    }
                    if show(Panel::Timers) {
                        <TimerHeap {lang} timers={view.as_ref().map(|v| v.timers.clone()).unwrap_or_default()}
                                   more={view.as_ref().map_or(0, |v| v.timers_more)}
                                   selected={*selected} on_select={on_select.clone()} />
                    }
                    if show(Panel::Primitives) {
                        <Primitives {lang} prims={view.as_ref().map(|v| v.prims.clone()).unwrap_or_default()}
                                    selected={*selected} on_select={on_select.clone()} />
                    }
                </aside>
            }
            if show(Panel::Timeline) || show(Panel::Inspector) {
                <div class="lower">
                    if show(Panel::Timeline) {
                        <Timeline {lang} run={(*run).clone()} step={pb.step} selected={*selected}
                                  on_seek={on_seek} on_select={on_select.clone()} />
                    }
                    if show(Panel::Inspector) {
                        <Inspector {lang} task={inspected} on_close={on_close} tasks={task_names}
                                   on_select={{ let selected = selected.clone(); Callback::from(move |t: u32| selected.set((t != 0).then_some(t))) }} />
                    }
                </div>
            }
            if show(Panel::Console) {
                <Console {lang} run={(*run).clone()} shown={shown} ended={ended} ending={ending.clone()} />
            }
        </div>
    }
}
