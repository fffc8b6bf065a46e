//! The examples menu: the course's scenarios by chapter, each with one line
//! about what it shows; and, when an example replaced the learner's own
//! program, that program back.

use yew::prelude::*;

use crate::view::gallery::{CHAPTERS, EXAMPLES};
use crate::view::i18n::{Lang, Text};

/// What the menu opens.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Pick {
    /// A gallery example, by slug.
    Example(&'static str),
    /// The learner's program set aside when an example replaced it.
    Mine,
}

/// Properties of [`ExamplesMenu`].
#[derive(Properties, PartialEq)]
pub struct ExamplesMenuProps {
    pub(crate) lang: Lang,
    /// The example on screen, unedited.
    pub(crate) current: Option<&'static str>,
    /// The learner's program is set aside and can come back.
    pub(crate) has_mine: bool,
    pub(crate) on_pick: Callback<Pick>,
    pub(crate) on_close: Callback<()>,
}

/// The menu, open under its button.
#[function_component]
pub fn ExamplesMenu(props: &ExamplesMenuProps) -> Html {
    let lang = props.lang;
    let zh = lang.is_zh();
    let on_key = {
        let close = props.on_close.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                close.emit(());
            }
        })
    };
    html! {
        <nav class="examples-menu" data-testid="examples-menu" aria-label={lang.text(Text::Examples)} onkeydown={on_key}>
            if props.has_mine {
                <button type="button" class="example mine" data-testid="example-mine" onclick={props.on_pick.reform(|_: MouseEvent| Pick::Mine)}>
                    <span class="example-title">{ lang.text(Text::MyProgram) }</span>
                    <span class="example-about">{ lang.text(Text::MyProgramAbout) }</span>
                </button>
            }
            { for CHAPTERS.iter().map(|c| html! {
                <section class="example-group">
                    <h3>{ if zh { c.title_zh } else { c.title_en } }</h3>
                    { for EXAMPLES.iter().filter(|e| e.chapter == c.key).map(|e| {
                        let slug = e.slug;
                        html! {
                            <button type="button" class={classes!("example", (props.current == Some(slug)).then_some("current"))}
                                    data-testid="example" data-example={slug} aria-current={(props.current == Some(slug)).then_some("true")}
                                    onclick={props.on_pick.reform(move |_: MouseEvent| Pick::Example(slug))}>
                                <span class="example-title">{ e.title(zh) }</span>
                                <span class="example-about">{ e.about(zh) }</span>
                            </button>
                        }
                    }) }
                </section>
            }) }
        </nav>
    }
}
