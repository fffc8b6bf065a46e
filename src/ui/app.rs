//! The root component: the shell's layout and the little state it has so far
//! (the language and the editor's text).

use yew::prelude::*;

use super::components::{
    Clock, Console, Controls, Editor, Explanation, LanguageSwitch, Primitives, ReadyQueue,
    StateDiagram, Timeline, TimerHeap,
};
use super::i18n::{Lang, Text};

/// The program in the editor when the page opens: two tasks and a gather, the
/// course's first example of concurrency.
pub const EXAMPLE: &str = include_str!("example.py");

/// The root component's properties.
#[derive(Properties, PartialEq)]
pub struct AppProps {
    /// The language to start in; the header's switch changes it.
    pub lang: Lang,
}

/// The whole page: header, editor, controls and the visualizer's regions.
#[function_component]
pub fn App(props: &AppProps) -> Html {
    let lang = use_state_eq(|| props.lang);
    let source = use_state_eq(|| AttrValue::Static(EXAMPLE));

    use_effect_with(*lang, |lang| {
        if let Some(html) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
        {
            let _ = html.set_attribute("lang", lang.tag());
        }
    });
    use_effect_with((), |_| super::on_first_render());

    let on_source = {
        let source = source.clone();
        Callback::from(move |text: String| source.set(AttrValue::from(text)))
    };
    let on_switch = {
        let lang = lang.clone();
        Callback::from(move |next: Lang| lang.set(next))
    };
    let lang = *lang;

    html! {
        <div class="shell">
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
                <Clock {lang} />
                <LanguageSwitch {lang} on_switch={on_switch} />
            </header>
            <Editor {lang} source={(*source).clone()} on_input={on_source} />
            <div class="stage">
                <Controls {lang} />
                <Explanation {lang} />
            </div>
            <StateDiagram {lang} />
            <aside class="side">
                <ReadyQueue {lang} />
                <TimerHeap {lang} />
                <Primitives {lang} />
            </aside>
            <Timeline {lang} />
            <Console {lang} />
        </div>
    }
}
