//! The editor: a plain textarea holding the program's source.

use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use super::Panel;
use crate::ui::i18n::{Lang, Text};

/// Properties of [`Editor`].
#[derive(Properties, PartialEq)]
pub struct EditorProps {
    /// The language to speak.
    pub lang: Lang,
    /// The source text shown.
    pub source: AttrValue,
    /// Called with the whole new text on every edit.
    pub on_input: Callback<String>,
}

/// The program's source, editable.
#[function_component]
pub fn Editor(props: &EditorProps) -> Html {
    let lang = props.lang;
    let on_input = props
        .on_input
        .reform(|event: InputEvent| event.target_unchecked_into::<HtmlTextAreaElement>().value());
    html! {
        <Panel title={lang.text(Text::Editor)} testid="editor-panel" area="area-editor">
            <textarea class="editor"
                      data-testid="editor"
                      aria-label={lang.text(Text::EditorLabel)}
                      spellcheck="false"
                      autocapitalize="off"
                      autocomplete="off"
                      wrap="off"
                      value={props.source.clone()}
                      oninput={on_input} />
        </Panel>
    }
}
