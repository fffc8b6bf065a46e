//! Share and Embed: a link to this view (copied), the program as a `.py`
//! file, a `.py` file opened from disk, and the `<iframe>` snippet for a
//! course page with its options.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::view::i18n::{Lang, Text};
use crate::view::settings::{Panel, Panels};

/// What the panel shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ShareMode {
    Share,
    Embed,
}

/// An embed's options, as the panel edits them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EmbedOptions {
    pub(crate) editor: bool,
    pub(crate) autoplay: bool,
    pub(crate) panels: Panels,
}

/// Properties of [`SharePanel`].
#[derive(Properties, PartialEq)]
pub struct SharePanelProps {
    pub(crate) lang: Lang,
    pub(crate) mode: ShareMode,
    /// The link (or the reason there is none).
    pub(crate) url: Result<String, String>,
    /// Share: the link was copied (`Some(false)`: copy it by hand).
    pub(crate) copied: Option<bool>,
    pub(crate) options: EmbedOptions,
    /// The embed snippet, in embed mode.
    pub(crate) snippet: Result<String, String>,
    pub(crate) on_copy: Callback<Option<HtmlInputElement>>,
    pub(crate) on_download: Callback<()>,
    pub(crate) on_open_file: Callback<web_sys::File>,
    pub(crate) on_options: Callback<EmbedOptions>,
    pub(crate) on_close: Callback<()>,
}

fn panel_name(lang: Lang, p: Panel) -> &'static str {
    lang.text(match p {
        Panel::Diagram => Text::StateDiagram,
        Panel::Ready => Text::ReadyQueue,
        Panel::Timers => Text::TimerHeap,
        Panel::Primitives => Text::Primitives,
        Panel::Timeline => Text::Timeline,
        Panel::Console => Text::Console,
        Panel::Inspector => Text::Inspector,
    })
}

/// The share or embed panel, under the header.
#[function_component]
pub fn SharePanel(props: &SharePanelProps) -> Html {
    let lang = props.lang;
    let field = use_node_ref();
    let on_copy = {
        let (field, cb) = (field.clone(), props.on_copy.clone());
        Callback::from(move |_: MouseEvent| cb.emit(field.cast::<HtmlInputElement>()))
    };
    let on_file = props.on_open_file.reform(|e: Event| {
        let input: HtmlInputElement = e.target_unchecked_into();
        let file = input.files().and_then(|f| f.get(0));
        input.set_value("");
        file.expect("a file was picked")
    });
    let o = props.options;
    let toggle =
        |f: fn(EmbedOptions) -> EmbedOptions| props.on_options.reform(move |_: Event| f(o));
    html! {
        <section class="share-panel" data-testid="share-panel" aria-label={lang.text(if props.mode == ShareMode::Share { Text::Share } else { Text::Embed })}>
            <button type="button" class="share-close" aria-label={lang.text(Text::Close)} title={lang.text(Text::Close)}
                    onclick={props.on_close.reform(|_: MouseEvent| ())}>{ "×" }</button>
            if props.mode == ShareMode::Share {
                <h2>{ lang.text(Text::ShareTitle) }</h2>
                { match &props.url {
                    Ok(url) => html! {
                        <div class="share-row">
                            <input ref={field.clone()} class="share-url" data-testid="share-url" readonly=true value={url.clone()}
                                   aria-label={lang.text(Text::ShareLink)} onfocus={Callback::from(|e: FocusEvent| e.target_unchecked_into::<HtmlInputElement>().select())} />
                            <button type="button" class="button" data-testid="copy" onclick={on_copy}>{ lang.text(Text::Copy) }</button>
                        </div>
                    },
                    Err(why) => html! { <p class="share-refused" data-testid="share-refused" role="alert">{ why.clone() }</p> },
                } }
                <p class="share-status" aria-live="polite">
                    { match props.copied {
                        Some(true) => lang.text(Text::Copied),
                        Some(false) => lang.text(Text::CopyByHand),
                        None => lang.text(Text::ShareHint),
                    } }
                </p>
                <div class="share-row">
                    <button type="button" class="button" data-testid="download" onclick={props.on_download.reform(|_: MouseEvent| ())}>
                        { lang.text(Text::DownloadPy) }
                    </button>
                    <label class="button file-button">
                        { lang.text(Text::OpenPy) }
                        <input type="file" accept=".py,text/x-python,text/plain" data-testid="open-file" class="visually-hidden" onchange={on_file} />
                    </label>
                    <span class="share-hint">{ lang.text(Text::DropHint) }</span>
                </div>
            } else {
                <h2>{ lang.text(Text::EmbedTitle) }</h2>
                <div class="embed-options">
                    <label><input type="checkbox" checked={o.editor} onchange={toggle(|o| EmbedOptions { editor: !o.editor, ..o })} />{ lang.text(Text::EmbedEditor) }</label>
                    <label><input type="checkbox" checked={o.autoplay} onchange={toggle(|o| EmbedOptions { autoplay: !o.autoplay, ..o })} />{ lang.text(Text::EmbedAutoplay) }</label>
                    { for Panel::ALL.iter().map(|&p| {
                        let on = o.panels.contains(p);
                        let onchange = props.on_options.reform(move |_: Event| EmbedOptions { panels: if on { o.panels.without(p) } else { o.panels.with(p) }, ..o });
                        html! { <label><input type="checkbox" checked={on} {onchange} />{ panel_name(lang, p) }</label> }
                    }) }
                </div>
                { match &props.snippet {
                    Ok(s) => html! {
                        <textarea class="embed-snippet" data-testid="embed-snippet" readonly=true rows="4" value={s.clone()}
                                  aria-label={lang.text(Text::EmbedTitle)}
                                  onfocus={Callback::from(|e: FocusEvent| e.target_unchecked_into::<web_sys::HtmlTextAreaElement>().select())} />
                    },
                    Err(why) => html! { <p class="share-refused" role="alert">{ why.clone() }</p> },
                } }
                <p class="share-hint">{ lang.text(Text::EmbedHint) }</p>
            }
        </section>
    }
}
