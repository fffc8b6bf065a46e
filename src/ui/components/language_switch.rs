//! The header's switch between English and Chinese.

use yew::prelude::*;

use crate::view::i18n::{Lang, Text};

/// A button naming the other language, in that language; `on_switch` gets
/// the language to switch to.
pub fn language_switch(lang: Lang, on_switch: &Callback<Lang>) -> Html {
    let other = lang.other();
    let onclick = on_switch.reform(move |_: MouseEvent| other);
    html! {
        <button type="button" class="lang-switch" data-testid="language"
                lang={other.tag()} aria-label={lang.text(Text::SwitchLanguage)} {onclick}>
            { other.text(Text::LanguageName) }
        </button>
    }
}
