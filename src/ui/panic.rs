//! A Rust panic is a bug: it is logged to the console and shown in the page's
//! error banner, never left as a blank or frozen page.
//!
//! The banner (`#loopscope-error`) is plain HTML in `index.html`, outside Yew's
//! tree, so it can be written after the app has died. Its `data-testid="error"`
//! is set only while it shows an error.

use wasm_bindgen::prelude::wasm_bindgen;
use web_sys::{Document, Element};

/// The id of the banner element in `index.html`.
pub const BANNER_ID: &str = "loopscope-error";

/// Installs the panic hook: console log with stack (console_error_panic_hook),
/// then the banner. Yew keeps a hook installed this way instead of its own.
pub(crate) fn install() {
    yew::set_custom_panic_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show_error(&info.to_string());
    }));
}

/// Shows `message` in the error banner, creating the banner at the top of
/// `<body>` if the page has none.
pub fn show_error(message: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(banner) = banner(&document) else {
        return;
    };
    let chinese = document
        .document_element()
        .and_then(|html| html.get_attribute("lang"))
        .is_some_and(|tag| tag.starts_with("zh"));
    let (title, advice) = if chinese {
        ("Loopscope 出错并已停止（这是程序缺陷）。", "请刷新页面重新开始。")
    } else {
        ("Loopscope stopped on an internal error (a bug).", "Reload the page to start again.")
    };
    banner.set_inner_html("");
    for (tag, text) in [("strong", title), ("pre", message), ("p", advice)] {
        if let Ok(child) = document.create_element(tag) {
            child.set_text_content(Some(text));
            let _ = banner.append_child(&child);
        }
    }
    let _ = banner.remove_attribute("hidden");
    let _ = banner.set_attribute("data-testid", "error");
}

fn banner(document: &Document) -> Option<Element> {
    if let Some(banner) = document.get_element_by_id(BANNER_ID) {
        return Some(banner);
    }
    let banner = document.create_element("div").ok()?;
    banner.set_id(BANNER_ID);
    banner.set_class_name("error-banner");
    banner.set_attribute("role", "alert").ok()?;
    let body = document.body()?;
    body.insert_before(&banner, body.first_child().as_ref()).ok()?;
    Some(banner)
}

/// Panics with `message`. Exported (as `window.wasmBindings.panic_for_test`)
/// only so the end-to-end test can check that a real panic reaches the banner.
#[wasm_bindgen]
pub fn panic_for_test(message: &str) {
    panic!("{message}");
}
