//! Component tests: the shell mounted in a real page, in headless Chromium.
//!
//! `cargo test --target wasm32-unknown-unknown --test web` (the runner is set in
//! `.cargo/config.toml`). Natively this file is empty.
#![cfg(target_arch = "wasm32")]

use std::time::Duration;

use loopscope::ui::i18n::Lang;
use loopscope::ui::{panic, App, AppProps};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

/// Every region's stable `data-testid` (the visualizer keeps them).
const REGIONS: [&str; 17] = [
    "editor",
    "run",
    "play",
    "step-forward",
    "step-back",
    "to-start",
    "to-end",
    "scrubber",
    "speed",
    "clock",
    "state-diagram",
    "ready-queue",
    "timer-heap",
    "primitives",
    "timeline",
    "console",
    "explanation",
];

/// Controls that need the engine, and so are disabled for now.
const ENGINE_CONTROLS: [&str; 8] = [
    "run",
    "play",
    "step-forward",
    "step-back",
    "to-start",
    "to-end",
    "scrubber",
    "speed",
];

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// Lets Yew's scheduler render (it runs from a spawned task).
async fn settle() {
    yew::platform::time::sleep(Duration::from_millis(0)).await;
}

/// Mounts the app into a fresh div and waits for it to render.
async fn mount(lang: Lang) -> Element {
    let host = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&host).unwrap();
    yew::Renderer::<App>::with_root_and_props(host.clone(), AppProps { lang }).render();
    settle().await;
    host
}

fn by_testid(host: &Element, testid: &str) -> Option<Element> {
    host.query_selector(&format!("[data-testid=\"{testid}\"]"))
        .unwrap()
}

fn text(host: &Element, testid: &str) -> String {
    by_testid(host, testid)
        .unwrap_or_else(|| panic!("no [data-testid={testid}]"))
        .text_content()
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn shell_has_every_region_and_no_error() {
    let host = mount(Lang::En).await;
    let missing: Vec<&str> = REGIONS
        .into_iter()
        .filter(|id| by_testid(&host, id).is_none())
        .collect();
    assert_eq!(
        missing,
        Vec::<&str>::new(),
        "regions missing from the shell"
    );
    assert!(by_testid(&host, "error").is_none());
}

#[wasm_bindgen_test]
async fn editor_holds_the_example_and_is_editable() {
    let host = mount(Lang::En).await;
    let editor = by_testid(&host, "editor").unwrap();
    assert_eq!(editor.tag_name(), "TEXTAREA");
    let source = editor.unchecked_into::<web_sys::HtmlTextAreaElement>();
    assert!(
        source.value().contains("asyncio.run(main())"),
        "{}",
        source.value()
    );
    assert!(!source.disabled());
}

#[wasm_bindgen_test]
async fn engine_controls_are_disabled_and_labelled() {
    let host = mount(Lang::En).await;
    for id in ENGINE_CONTROLS {
        let control = by_testid(&host, id).unwrap();
        assert!(control.has_attribute("disabled"), "{id} should be disabled");
        let named = control.get_attribute("aria-label").is_some()
            || !control.text_content().unwrap_or_default().trim().is_empty();
        assert!(named, "{id} has no accessible name");
    }
    let scrubber = by_testid(&host, "scrubber").unwrap();
    assert_eq!(scrubber.get_attribute("type").as_deref(), Some("range"));
}

#[wasm_bindgen_test]
async fn empty_states_are_honest() {
    let host = mount(Lang::En).await;
    assert_eq!(text(&host, "run").trim(), "Run");
    assert!(text(&host, "console").contains("No program run yet"));
    assert!(text(&host, "explanation").contains("No program run yet"));
    assert!(text(&host, "clock").contains('—'));
}

#[wasm_bindgen_test]
async fn chinese_shell_speaks_chinese() {
    let host = mount(Lang::ZhCn).await;
    assert_eq!(text(&host, "run").trim(), "运行");
    assert!(text(&host, "explanation").contains("尚未运行程序"));
    assert!(text(&host, "ready-queue").contains("就绪队列"));
    let html_lang = document().document_element().unwrap().get_attribute("lang");
    assert_eq!(html_lang.as_deref(), Some("zh-CN"));
}

#[wasm_bindgen_test]
async fn language_switch_changes_every_text() {
    let host = mount(Lang::En).await;
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
        assert_eq!(Lang::from_tag(tag), Lang::ZhCn, "{tag}");
    }
    for tag in ["en-US", "en", "", "fr-FR", "zu"] {
        assert_eq!(Lang::from_tag(tag), Lang::En, "{tag}");
    }
}

#[wasm_bindgen_test]
fn error_banner_shows_the_message() {
    document()
        .document_element()
        .unwrap()
        .set_attribute("lang", "en")
        .unwrap();
    panic::show_error("panicked at src/ui/app.rs:1:1:\nboom");
    let banner = document().get_element_by_id(panic::BANNER_ID).unwrap();
    assert!(!banner.has_attribute("hidden"));
    assert_eq!(
        banner.get_attribute("data-testid").as_deref(),
        Some("error")
    );
    assert_eq!(banner.get_attribute("role").as_deref(), Some("alert"));
    let shown = banner.text_content().unwrap_or_default();
    assert!(shown.contains("boom") && shown.contains("a bug"), "{shown}");
    banner.remove();
}
