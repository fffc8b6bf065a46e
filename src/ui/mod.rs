//! The web app (wasm32 only): Yew components that lay out what `view`
//! works out from a recorded run.
//!
//! [`start`] is the whole entry point: it installs the panic banner, reads
//! the link (program, step, speed, language), and mounts [`App`] into `#app`
//! of `index.html`. The components under `components/` are one per region,
//! each taking data props and callbacks only.

mod app;
pub mod components;
mod keys;
pub mod page;
pub mod panic;
mod record;

pub use app::{App, AppProps, RunRef};

use crate::view::i18n::Lang;

/// The element in `index.html` that the app renders into.
pub(crate) const ROOT_ID: &str = "app";
/// The loading indicator in `index.html`, removed once the app has rendered.
pub(crate) const LOADING_ID: &str = "loopscope-loading";
/// Performance mark set when the wasm module starts running.
pub(crate) const MARK_START: &str = "loopscope:start";
/// Performance mark set each time a newly recorded run is in the DOM.
pub(crate) const MARK_RUN_SHOWN: &str = "loopscope:run-shown";
/// Performance mark set when the first render is in the DOM.
pub(crate) const MARK_FIRST_RENDER: &str = "loopscope:first-render";

/// Starts the web app; called by `main` on wasm32.
pub fn start() {
    panic::install();
    mark(MARK_START);
    let window = web_sys::window().expect("Loopscope runs in a browser page");
    let document = window.document().expect("Loopscope runs in a browser page");
    let root = document
        .get_element_by_id(ROOT_ID)
        .or_else(|| document.body().map(Into::into))
        .expect("the page has a body");
    let location = window.location();
    let link = crate::view::share::parse(
        &location.search().unwrap_or_default(),
        &location.hash().unwrap_or_default(),
    );
    let lang = link
        .settings
        .lang
        .unwrap_or_else(|| Lang::from_tag(&window.navigator().language().unwrap_or_default()));
    let settings = link.settings;
    let saved = page::load(crate::view::start::KEY_PROGRAM);
    let open = crate::view::start::opening(link, saved, settings.embed);
    let props = AppProps { lang, source: open.source.into(), settings, link_errors: open.errors };
    yew::Renderer::<App>::with_root_and_props(root, props).render();
}

/// Called once the first render is in the DOM: drops the loading indicator and
/// sets [`MARK_FIRST_RENDER`] for `scripts/measure.mjs`.
fn on_first_render() {
    if let Some(loading) =
        web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(LOADING_ID))
    {
        loading.remove();
    }
    mark(MARK_FIRST_RENDER);
}

/// Sets a Performance mark (for `scripts/measure.mjs` and the e2e tests).
pub(crate) fn mark(name: &str) {
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.mark(name);
    }
}
