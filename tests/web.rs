//! Component tests: the app and its components mounted in a real page, in
//! headless Chromium, fed programs recorded by the real engine (compiled to
//! wasm with the test) and outputs made by CPython (`../shared/scenarios`).
//!
//! `cargo test --target wasm32-unknown-unknown --test web` (the runner is set in
//! `.cargo/config.toml`). Natively this file is empty.
#![cfg(target_arch = "wasm32")]

use std::rc::Rc;
use std::time::Duration;

use loopscope::ui::components::{Console, ConsoleProps, Editor, EditorProps};
use loopscope::ui::{panic, App, AppProps, RunRef};
use loopscope::view::code::{highlight, Marker, Problem};
use loopscope::view::i18n::Lang;
use loopscope::view::record;
use loopscope::view::settings::Settings;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{Element, HtmlElement};
use yew::{AttrValue, Callback};

wasm_bindgen_test_configure!(run_in_browser);

/// Every region's stable `data-testid`.
const REGIONS: [&str; 18] = [
    "editor", "run", "play", "step-forward", "step-back", "to-start", "to-end", "scrubber",
    "speed", "granularity", "clock", "state-diagram", "ready-queue", "timer-heap", "primitives",
    "timeline", "console", "explanation",
];

/// The transport: disabled until a run is recorded, labelled always.
const TRANSPORT: [&str; 6] = ["play", "step-forward", "to-end", "scrubber", "speed", "granularity"];

/// A CPython 3.13 scenario and its reference output.
const GATHER: &str = include_str!("../../shared/scenarios/02_gather_order.py");
const GATHER_OUT: &str = include_str!("../../shared/scenarios/02_gather_order.out");

/// The virtual time the reference run ends at: its last line's stamp.
fn final_clock() -> &'static str {
    let last = GATHER_OUT.lines().last().unwrap();
    &last[1..last.find(']').unwrap()]
}

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// Lets Yew's scheduler render (it runs from a spawned task).
async fn settle() {
    yew::platform::time::sleep(Duration::from_millis(0)).await;
}

/// Waits (up to 10 s) until `ready` holds.
async fn until(what: &str, mut ready: impl FnMut() -> bool) {
    for _ in 0..1000 {
        if ready() {
            return;
        }
        yew::platform::time::sleep(Duration::from_millis(10)).await;
    }
    panic!("timed out waiting for {what}");
}

/// Mounts the app on `source` into a fresh div.
async fn mount(lang: Lang, source: &'static str) -> Element {
    let host = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&host).unwrap();
    let props = AppProps {
        lang,
        source: AttrValue::Static(source),
        settings: Settings::default(),
        link_errors: vec![],
    };
    yew::Renderer::<App>::with_root_and_props(host.clone(), props).render();
    settle().await;
    host
}

/// Mounts the app and waits until its first run is recorded.
async fn mount_run(lang: Lang, source: &'static str) -> Element {
    let host = mount(lang, source).await;
    let h = host.clone();
    until("the run", move || by_testid(&h, "play").is_some_and(|p| !p.has_attribute("disabled")))
        .await;
    host
}

fn by_testid(host: &Element, testid: &str) -> Option<Element> {
    host.query_selector(&format!("[data-testid=\"{testid}\"]")).unwrap()
}

fn all_testid(host: &Element, testid: &str) -> Vec<String> {
    let list = host.query_selector_all(&format!("[data-testid=\"{testid}\"]")).unwrap();
    (0..list.length()).map(|i| list.item(i).unwrap().text_content().unwrap_or_default()).collect()
}

fn text(host: &Element, testid: &str) -> String {
    by_testid(host, testid)
        .unwrap_or_else(|| panic!("no [data-testid={testid}]"))
        .text_content()
        .unwrap_or_default()
}

fn click(host: &Element, testid: &str) {
    by_testid(host, testid).unwrap().unchecked_into::<HtmlElement>().click();
}

#[wasm_bindgen_test]
async fn every_region_is_there_and_the_transport_is_labelled() {
    let host = mount_run(Lang::En, GATHER).await;
    let missing: Vec<&str> =
        REGIONS.into_iter().filter(|id| by_testid(&host, id).is_none()).collect();
    assert_eq!(missing, Vec::<&str>::new(), "regions missing");
    assert!(by_testid(&host, "error").is_none());
    for id in TRANSPORT {
        let control = by_testid(&host, id).unwrap();
        assert!(!control.has_attribute("disabled"), "{id} enabled once the run is recorded");
        let named = control.get_attribute("aria-label").is_some()
            || control.closest("label").unwrap().is_some()
            || !control.text_content().unwrap_or_default().trim().is_empty();
        assert!(named, "{id} has no accessible name");
    }
    // At the start nothing goes back.
    assert!(by_testid(&host, "step-back").unwrap().has_attribute("disabled"));
    assert!(by_testid(&host, "to-start").unwrap().has_attribute("disabled"));
}

#[wasm_bindgen_test]
async fn a_program_plays_to_cpythons_output() {
    let host = mount_run(Lang::En, GATHER).await;
    assert!(all_testid(&host, "console-line").is_empty(), "nothing printed at step 0");
    click(&host, "to-end");
    settle().await;
    let lines = all_testid(&host, "console-line");
    let want: Vec<&str> = GATHER_OUT.lines().collect();
    assert_eq!(lines, want);
    assert!(text(&host, "clock").contains(final_clock()), "{}", text(&host, "clock"));
}

#[wasm_bindgen_test]
async fn stepping_moves_the_clock_and_comes_back() {
    let host = mount_run(Lang::En, GATHER).await;
    let scrubber =
        || by_testid(&host, "scrubber").unwrap().unchecked_into::<web_sys::HtmlInputElement>();
    assert_eq!(scrubber().value(), "0");
    let mut seen = Vec::new();
    for _ in 0..5000 {
        if by_testid(&host, "step-forward").unwrap().has_attribute("disabled") {
            break;
        }
        click(&host, "step-forward");
        settle().await;
        seen.push(scrubber().value().parse::<usize>().unwrap());
    }
    assert!(seen.windows(2).all(|w| w[0] < w[1]), "forward only: {seen:?}");
    assert_eq!(scrubber().value(), scrubber().max());
    assert!(text(&host, "clock").contains(final_clock()));
    click(&host, "step-back");
    settle().await;
    assert_eq!(scrubber().value().parse::<usize>().unwrap(), seen[seen.len() - 2]);
    click(&host, "to-start");
    settle().await;
    assert!(text(&host, "clock").contains("0.000"));
}

#[wasm_bindgen_test]
async fn playing_advances_on_its_own_and_pauses() {
    let host = mount_run(Lang::En, GATHER).await;
    let speed = by_testid(&host, "speed").unwrap().unchecked_into::<web_sys::HtmlSelectElement>();
    speed.set_value("8");
    speed.dispatch_event(&web_sys::Event::new("change").unwrap()).unwrap();
    click(&host, "play");
    settle().await;
    let play = by_testid(&host, "play").unwrap();
    assert_eq!(play.get_attribute("aria-pressed").as_deref(), Some("true"));
    let h = host.clone();
    until("a printed line", move || !all_testid(&h, "console-line").is_empty()).await;
    click(&host, "play");
    settle().await;
    assert_eq!(
        by_testid(&host, "play").unwrap().get_attribute("aria-pressed").as_deref(),
        Some("false")
    );
}

#[wasm_bindgen_test]
async fn a_refused_program_says_where_and_why() {
    let host = mount(Lang::En, "import asyncio\nprint（1）\n").await;
    let h = host.clone();
    until("the error", move || by_testid(&h, "error").is_some()).await;
    let error = text(&host, "error");
    assert!(error.contains("2:6: SyntaxError: invalid character '（' (U+FF08)"), "{error}");
    assert!(error.contains("Did you mean '('?"), "{error}");
    let underlined = host.query_selector(".code-layer .problem").unwrap().unwrap();
    assert_eq!(underlined.text_content().as_deref(), Some("（"));
}

#[wasm_bindgen_test]
async fn chinese_page_speaks_chinese() {
    let host = mount_run(Lang::Zh, GATHER).await;
    assert_eq!(text(&host, "run").trim(), "运行");
    assert!(text(&host, "ready-queue").contains("就绪队列"));
    assert!(text(&host, "explanation").contains("程序还没有开始运行"));
    let html_lang = document().document_element().unwrap().get_attribute("lang");
    assert_eq!(html_lang.as_deref(), Some("zh-CN"));
}

#[wasm_bindgen_test]
async fn language_switch_changes_every_text() {
    let host = mount_run(Lang::En, GATHER).await;
    let switch = by_testid(&host, "language").unwrap();
    assert_eq!(switch.text_content().as_deref(), Some("中文"));
    switch.unchecked_into::<HtmlElement>().click();
    settle().await;
    assert_eq!(text(&host, "run").trim(), "运行");
    assert_eq!(text(&host, "language"), "English");
}

#[wasm_bindgen_test]
fn language_from_browser_tags() {
    for tag in ["zh-CN", "zh", "zh-TW", "zh_Hans", "ZH-cn"] {
        assert_eq!(Lang::from_tag(tag), Lang::Zh, "{tag}");
    }
    for tag in ["en-US", "en", "", "fr-FR", "zu"] {
        assert_eq!(Lang::from_tag(tag), Lang::En, "{tag}");
    }
}

/// Mounts one component with `props` into a fresh div.
async fn mount_component<C: yew::BaseComponent>(props: C::Properties) -> Element {
    let host = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&host).unwrap();
    yew::Renderer::<C>::with_root_and_props(host.clone(), props).render();
    settle().await;
    host
}

#[wasm_bindgen_test]
async fn console_shows_the_lines_printed_so_far_then_the_outcome() {
    let run = RunRef(Rc::new(record(GATHER).unwrap()));
    let all = run.all_lines().len();
    let host = mount_component::<Console>(ConsoleProps {
        lang: Lang::En,
        run: Some(run.clone()),
        shown: 2,
        ended: false,
        ending: None,
    })
    .await;
    let lines = all_testid(&host, "console-line");
    assert_eq!(lines, GATHER_OUT.lines().take(2).collect::<Vec<_>>());
    assert!(host
        .query_selector(".console-line.newest")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap()
        .ends_with(&lines[1][8..]));
    let host = mount_component::<Console>(ConsoleProps {
        lang: Lang::En,
        run: Some(run),
        shown: all,
        ended: true,
        ending: None,
    })
    .await;
    assert_eq!(all_testid(&host, "console-line"), GATHER_OUT.lines().collect::<Vec<_>>());
}

#[wasm_bindgen_test]
async fn editor_marks_tasks_and_problems_in_place() {
    let source = "import asyncio\nasync def f():\n    await asyncio.sleep(1)\nprint（1）\n";
    let problems = match record(source) {
        Err(p) => p,
        Ok(_) => panic!("accepted"),
    };
    let markers = vec![Marker {
        line: 3,
        task: 2,
        name: "Task-2".into(),
        running: true,
        more: 1,
        names: "Task-2, Task-3".into(),
    }];
    let props = EditorProps {
        lang: Lang::En,
        source: AttrValue::Static(source),
        problems: Rc::new(problems.clone()),
        crash: None,
        markers,
        on_input: Callback::noop(),
        on_run: Callback::noop(),
        on_select: Callback::noop(),
        read_only: false,
    };
    let host = mount_component::<Editor>(props).await;
    let lines = host.query_selector_all(".code-line").unwrap().length();
    assert_eq!(lines as usize, highlight(source, None).len());
    let mark = host.query_selector(".task-mark.running").unwrap().unwrap();
    assert_eq!(mark.get_attribute("data-task").as_deref(), Some("Task-2"));
    assert!(mark.text_content().unwrap().contains("+1"));
    assert!(mark.get_attribute("title").unwrap().contains("Task-3"));
    let gutter_line = mark.closest(".gutter-line").unwrap().unwrap();
    assert_eq!(
        gutter_line.query_selector(".ln").unwrap().unwrap().text_content().as_deref(),
        Some("3")
    );
    let p: &Problem = &problems[0];
    assert!(text(&host, "error").contains(&p.located()));
    assert!(host
        .query_selector(".problem-note")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap()
        .contains("SyntaxError"));
}

#[wasm_bindgen_test]
fn error_banner_shows_the_message() {
    document().document_element().unwrap().set_attribute("lang", "en").unwrap();
    panic::show_error("panicked at src/ui/app.rs:1:1:\nboom");
    let banner = document().get_element_by_id(panic::BANNER_ID).unwrap();
    assert!(!banner.has_attribute("hidden"));
    assert_eq!(banner.get_attribute("data-testid").as_deref(), Some("error"));
    assert_eq!(banner.get_attribute("role").as_deref(), Some("alert"));
    let shown = banner.text_content().unwrap_or_default();
    assert!(shown.contains("boom") && shown.contains("a bug"), "{shown}");
    banner.remove();
}

/// The first step of `run` after which `pred` holds for its state.
fn first_step(
    run: &loopscope::view::Run,
    pred: impl Fn(&loopscope::trace::State) -> bool,
) -> usize {
    (0..=run.len()).find(|&s| pred(&run.state(s))).expect("such a step")
}

#[wasm_bindgen_test]
async fn state_diagram_draws_every_task_and_the_transition_taken() {
    use loopscope::trace::TaskState;
    use loopscope::ui::components::{StateDiagram, StateDiagramProps};
    use loopscope::view::panels::{cause_label, diagram};
    let run = record(GATHER).unwrap();
    // The first time a task suspends on a sleep.
    let step =
        first_step(&run, |s| s.tasks.iter().any(|t| t.state == TaskState::Suspended && t.id > 1));
    let (before, after) = (run.state(step - 1), run.state(step));
    let d = diagram(&run.trace, &before, &after, &run.trace.events[step - 1..step]);
    let label = d.taken.last().map(|t| cause_label(&run.trace, &after, t));
    assert_eq!(label.as_deref(), Some("await asyncio.sleep(1)"));
    let host = mount_component::<StateDiagram>(StateDiagramProps {
        lang: Lang::En,
        diagram: d.clone(),
        label,
        selected: None,
        on_select: Callback::noop(),
    })
    .await;
    let tokens = host.query_selector_all("[data-testid=task]").unwrap();
    assert_eq!(tokens.length() as usize, after.tasks.len());
    for i in 0..tokens.length() {
        let el = tokens.item(i).unwrap().unchecked_into::<Element>();
        let name = el.get_attribute("data-task").unwrap();
        let t = after.tasks.iter().find(|t| run.trace.str(t.name) == name).unwrap();
        assert_eq!(el.get_attribute("data-state").as_deref(), Some(t.state.as_str()), "{name}");
    }
    assert_eq!(host.query_selector_all(".arrow.taken").unwrap().length(), 1);
    assert!(host
        .query_selector(".cause-tag")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap()
        .contains("await asyncio.sleep(1)"));
}

#[wasm_bindgen_test]
async fn ready_queue_and_timer_heap_show_the_loops_state() {
    use loopscope::trace::Event;
    use loopscope::ui::components::{ReadyQueue, ReadyQueueProps, TimerHeap, TimerHeapProps};
    use loopscope::view::panels::{ready_queue, timer_heap};
    let run = record(GATHER).unwrap();
    // An iteration with a timer on the heap and a handle ready.
    let step = (1..=run.len())
        .find(|&s| {
            matches!(run.trace.events[s - 1], Event::IterRun) && {
                let st = run.state(s);
                !st.heap.is_empty() && !st.ready.is_empty()
            }
        })
        .expect("such an iteration");
    let st = run.state(step);
    let q = ready_queue(&run.trace, &st, 300);
    let host = mount_component::<ReadyQueue>(ReadyQueueProps {
        lang: Lang::En,
        queue: q.clone(),
        selected: None,
        on_select: Callback::noop(),
    })
    .await;
    assert_eq!(
        all_testid(&host, "ready-item"),
        q.items.iter().map(|h| h.label.clone()).collect::<Vec<_>>()
    );
    let timers = timer_heap(&run.trace, &st, 300);
    let host = mount_component::<TimerHeap>(TimerHeapProps {
        lang: Lang::En,
        timers: timers.clone(),
        more: 0,
        selected: None,
        on_select: Callback::noop(),
    })
    .await;
    let cells = host.query_selector_all("[data-testid=timer]").unwrap();
    assert_eq!(cells.length() as usize, timers.len());
    let whens: Vec<f64> = (0..cells.length())
        .map(|i| {
            cells
                .item(i)
                .unwrap()
                .unchecked_into::<Element>()
                .get_attribute("data-when")
                .unwrap()
                .parse()
                .unwrap()
        })
        .collect();
    assert_eq!(whens, timers.iter().map(|t| t.when).collect::<Vec<_>>());
    // heapq's invariant, as drawn: no child is due before its parent.
    for i in 1..whens.len() {
        assert!(whens[(i - 1) / 2] <= whens[i]);
    }
}

#[wasm_bindgen_test]
async fn primitives_and_timeline_draw_a_semaphore_run() {
    use loopscope::ui::components::{Primitives, PrimitivesProps, Timeline, TimelineProps};
    use loopscope::view::panels::primitives;
    let src = "import asyncio\n\nsem = asyncio.Semaphore(1)\n\nasync def worker():\n    async with sem:\n        await asyncio.sleep(1)\n\nasync def main():\n    await asyncio.gather(worker(), worker(), worker())\n\nasyncio.run(main())\n";
    let run = RunRef(Rc::new(record(src).unwrap()));
    let step = first_step(&run, |s| {
        primitives(&run.trace, s, &run.prim_names).first().is_some_and(|p| p.waiters.len() == 2)
    });
    let prims = primitives(&run.trace, &run.state(step), &run.prim_names);
    let host = mount_component::<Primitives>(PrimitivesProps {
        lang: Lang::En,
        prims,
        selected: None,
        on_select: Callback::noop(),
    })
    .await;
    let card = text(&host, "primitive");
    assert!(card.contains("sem") && card.contains("0 / 1"), "{card}");
    assert!(
        card.contains("Task-2") && card.contains("Task-3") && card.contains("Task-4"),
        "{card}"
    );
    let host = mount_component::<Timeline>(TimelineProps {
        lang: Lang::En,
        run: Some(run.clone()),
        step,
        selected: None,
        on_seek: Callback::noop(),
        on_select: Callback::noop(),
    })
    .await;
    let names = host.query_selector_all(".tl-name[title]").unwrap().length();
    assert_eq!(names as usize, run.state(run.len()).tasks.len());
    assert!(host.query_selector(".tl-seg.state-suspended").unwrap().is_some());
    let cursor =
        host.query_selector(".tl-cursor").unwrap().unwrap().get_attribute("style").unwrap();
    assert!(cursor.starts_with("left: 0.0000%"), "{cursor}");
}
