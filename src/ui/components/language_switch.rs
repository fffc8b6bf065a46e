//! The header's switch between English and Chinese.

use yew::prelude::*;

use crate::view::i18n::{Lang, Text};

/// Properties of [`LanguageSwitch`].
#[derive(Properties, PartialEq)]
pub struct LanguageSwitchProps {
    /// The language spoken now.
    pub lang: Lang,
    /// Called with the language to switch to.
    pub on_switch: Callback<Lang>,
}

/// A button naming the other language, in that language.
#[function_component]
pub fn LanguageSwitch(props: &LanguageSwitchProps) -> Html {
    let other = props.lang.other();
    let onclick = props.on_switch.reform(move |_: MouseEvent| other);
    html! {
        <button type="button" class="lang-switch" data-testid="language"
                lang={other.tag()} aria-label={props.lang.text(Text::SwitchLanguage)} {onclick}>
            { other.text(Text::LanguageName) }
        </button>
    }
}
