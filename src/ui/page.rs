//! The page's browser services, each failing quietly where the browser
//! refuses (a sandboxed iframe has no storage and no clipboard; a file may
//! not be text): local storage, the clipboard, downloads, dropped or picked
//! files, the theme, and the height an embed posts to its parent.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{HtmlAnchorElement, HtmlInputElement, Storage};

fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

/// Local storage, where the browser allows it (not in a sandboxed iframe,
/// not with storage blocked): `None` otherwise, never an exception.
fn storage() -> Option<Storage> {
    window()?.local_storage().ok().flatten()
}

/// The value kept under `key`.
pub(crate) fn load(key: &str) -> Option<String> {
    storage()?.get_item(key).ok().flatten()
}

/// Keeps `value` under `key` (`None` removes it); nothing where storage is
/// refused or full.
pub(crate) fn save(key: &str, value: Option<&str>) {
    if let Some(s) = storage() {
        let _ = match value {
            Some(v) => s.set_item(key, v),
            None => s.remove_item(key),
        };
    }
}

#[wasm_bindgen]
extern "C" {
    /// `navigator.clipboard.writeText(text)`; throws where there is no clipboard.
    #[wasm_bindgen(js_namespace = ["navigator", "clipboard"], js_name = writeText, catch)]
    fn clipboard_write_text(text: &str) -> Result<js_sys::Promise, JsValue>;
}

/// Copies `text` with the Clipboard API; where it is missing or refused, selects
/// `field` and copies with the older `execCommand("copy")`. True when copied.
pub(crate) async fn copy(text: &str, field: Option<HtmlInputElement>) -> bool {
    if let Ok(promise) = clipboard_write_text(text) {
        if wasm_bindgen_futures::JsFuture::from(promise).await.is_ok() {
            return true;
        }
    }
    let Some(field) = field else { return false };
    let _ = field.focus();
    field.select();
    let doc = window()
        .and_then(|w| w.document())
        .and_then(|d| d.dyn_into::<web_sys::HtmlDocument>().ok());
    doc.is_some_and(|d| d.exec_command("copy").unwrap_or(false))
}

/// Offers `text` as a file named `name` to download.
pub(crate) fn download(name: &str, text: &str) {
    let Some(document) = window().and_then(|w| w.document()) else { return };
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("text/x-python;charset=utf-8");
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else { return };
    if let Ok(a) = document
        .create_element("a")
        .and_then(|a| a.dyn_into::<HtmlAnchorElement>().map_err(Into::into))
    {
        a.set_href(&url);
        a.set_download(name);
        if let Some(body) = document.body() {
            let _ = body.append_child(&a);
            a.click();
            a.remove();
        }
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

/// Longest program file read (as a link may carry).
pub(crate) const MAX_FILE_BYTES: f64 = crate::view::share::MAX_PROGRAM_BYTES as f64;

/// Why a file could not be opened.
pub(crate) enum FileError {
    TooLarge,
    NotText,
}

/// The text of a picked or dropped file.
pub(crate) async fn read_file(file: web_sys::File) -> Result<String, FileError> {
    if file.size() > MAX_FILE_BYTES {
        return Err(FileError::TooLarge);
    }
    let text =
        wasm_bindgen_futures::JsFuture::from(file.text()).await.map_err(|_| FileError::NotText)?;
    let text = text.as_string().ok_or(FileError::NotText)?;
    if text.contains('\u{0}') || text.contains('\u{FFFD}') {
        return Err(FileError::NotText);
    }
    Ok(text)
}

/// Sets `data-theme` on `<html>` (`None`: the system's).
pub(crate) fn apply_theme(theme: Option<crate::view::settings::Theme>) {
    if let Some(html) = window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
        let _ = html.set_attribute("data-theme", theme.unwrap_or_else(system_theme).as_str());
    }
}

/// Calls `changed` whenever the system's light/dark preference changes,
/// until the returned listener is dropped.
pub(crate) fn on_system_theme(changed: impl Fn() + 'static) -> Option<gloo_events::EventListener> {
    let query = window()?.match_media("(prefers-color-scheme: dark)").ok().flatten()?;
    Some(gloo_events::EventListener::new(&query, "change", move |_| changed()))
}

/// The theme the system prefers.
pub(crate) fn system_theme() -> crate::view::settings::Theme {
    let dark = window()
        .and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten())
        .is_some_and(|m| m.matches());
    if dark {
        crate::view::settings::Theme::Dark
    } else {
        crate::view::settings::Theme::Light
    }
}

/// The page's address without its query and fragment (a share link's base).
pub(crate) fn base_url() -> String {
    window().and_then(|w| w.location().href().ok()).unwrap_or_default()
}

/// Posts the page's content height to the parent window whenever it changes
/// (an embed's iframe sizes itself by it). The returned observer keeps doing
/// so until dropped.
pub(crate) fn post_height() -> Option<ResizeWatch> {
    let window = window()?;
    let parent = window.parent().ok().flatten()?;
    let document = window.document()?;
    let root = document.document_element()?;
    let last = std::rc::Rc::new(std::cell::Cell::new(-1.0f64));
    let post = {
        let root = root.clone();
        move || {
            let h = root.scroll_height() as f64;
            let body_h = root.get_bounding_client_rect().height().ceil();
            let h = h.max(body_h);
            if h != last.get() {
                last.set(h);
                let msg = js_sys::Object::new();
                let _ = js_sys::Reflect::set(&msg, &"type".into(), &"loopscope:resize".into());
                let _ = js_sys::Reflect::set(&msg, &"height".into(), &h.into());
                let _ = parent.post_message(&msg, "*");
            }
        }
    };
    post();
    let callback = Closure::<dyn FnMut()>::new(post);
    let observer = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()).ok()?;
    observer.observe(&root);
    if let Some(body) = document.body() {
        observer.observe(&body);
    }
    Some(ResizeWatch { observer, _callback: callback })
}

/// A resize observer and its callback; dropping it stops both.
pub(crate) struct ResizeWatch {
    observer: web_sys::ResizeObserver,
    _callback: Closure<dyn FnMut()>,
}

impl Drop for ResizeWatch {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}
