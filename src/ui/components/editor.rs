//! The editor: a plain textarea over a highlighted copy of its text, with a
//! gutter of line numbers and task marks, and the problems of a refused
//! program underlined where they are, their message beside them.
//!
//! The textarea holds the text, the caret and the selection (so typing,
//! undo, input methods and screen readers work as they do anywhere); its
//! glyphs are transparent and the highlighted layer under it shows through,
//! laid out with the same font and line height, and moved as it scrolls.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::{HtmlTextAreaElement, KeyboardEvent};
use yew::prelude::*;

use super::panel;
use crate::view::code::{highlight, newline_indent, Marker, Piece, Problem};
use crate::view::i18n::{hint, Lang, Text};

/// Properties of [`Editor`].
#[derive(Properties, PartialEq)]
pub struct EditorProps {
    pub lang: Lang,
    /// The program's text.
    pub source: AttrValue,
    /// What is wrong with it, if it was refused.
    pub problems: Rc<Vec<Problem>>,
    /// Where an uncaught exception was raised, once playback has reached it.
    #[prop_or_default]
    pub crash: Option<Problem>,
    /// Where each unfinished task is at the current step.
    pub markers: Vec<Marker>,
    /// Called with the whole new text on every edit.
    pub on_input: Callback<String>,
    /// Ctrl+Enter: run again now.
    pub on_run: Callback<()>,
    /// A task's mark was clicked.
    #[prop_or_default]
    pub on_select: Callback<u32>,
    #[prop_or_default]
    pub read_only: bool,
}

/// The program's source, editable, highlighted and marked.
#[function_component]
pub fn Editor(props: &EditorProps) -> Html {
    let lang = props.lang;
    let first = props.problems.first().or(props.crash.as_ref()).cloned();
    let crashed = props.problems.is_empty() && props.crash.is_some();
    let lines = {
        let range = first.as_ref().map(|p| (p.start, p.end));
        use_memo((props.source.clone(), range), |(src, range)| highlight(src, *range))
    };
    let on_input = props
        .on_input
        .reform(|event: InputEvent| event.target_unchecked_into::<HtmlTextAreaElement>().value());
    let on_keydown = {
        let on_run = props.on_run.clone();
        let read_only = props.read_only;
        Callback::from(move |e: KeyboardEvent| {
            if e.key() != "Enter" || e.is_composing() {
                return;
            }
            if e.ctrl_key() || e.meta_key() {
                e.prevent_default();
                on_run.emit(());
            } else if !e.shift_key() && !e.alt_key() && !read_only {
                // Keep the indentation (one level more after a `:`). Typed
                // with insertText, so undo and the input event work as for
                // any typing.
                let area: HtmlTextAreaElement = e.target_unchecked_into();
                let value = area.value();
                let at = area.selection_start().ok().flatten().unwrap_or(0) as usize;
                let before: String = char_prefix(&value, at);
                let text = newline_indent(&before);
                let doc = web_sys::window()
                    .and_then(|w| w.document())
                    .and_then(|d| d.dyn_into::<web_sys::HtmlDocument>().ok());
                if doc.is_some_and(|d| {
                    d.exec_command_with_show_ui_and_value("insertText", false, &text)
                        .unwrap_or(false)
                }) {
                    e.prevent_default();
                }
            }
        })
    };

    let problem_line = first.as_ref().map(|p| p.line);
    // The textarea scrolls; the highlighted layer and the gutter follow it.
    let layer = use_node_ref();
    let gutter = use_node_ref();
    let on_scroll = {
        let (layer, gutter) = (layer.clone(), gutter.clone());
        Callback::from(move |e: Event| {
            let area = e.target_unchecked_into::<HtmlTextAreaElement>();
            let (x, y) = (area.scroll_left(), area.scroll_top());
            if let Some(el) = layer.cast::<web_sys::HtmlElement>() {
                let _ =
                    el.style().set_property("transform", &format!("translate({}px, {}px)", -x, -y));
            }
            if let Some(el) = gutter.cast::<web_sys::HtmlElement>() {
                let _ = el.style().set_property("transform", &format!("translateY({}px)", -y));
            }
        })
    };

    html! {
        { panel(lang.text(Text::Editor), "editor-panel", "area-editor", html! { <>
            <div class="code-frame">
                    <div class="gutter" aria-hidden="true"><div class="gutter-inner" ref={gutter}>
                        { for lines.iter().enumerate().map(|(i, _)| {
                            let n = i as u32 + 1;
                            let mark = props.markers.iter().find(|m| m.line == n);
                            html! {
                                <div class={classes!("gutter-line", (problem_line == Some(n)).then_some("has-problem"), (crashed && problem_line == Some(n)).then_some("crash"))}>
                                    if let Some(m) = mark {
                                        <button type="button" tabindex="-1"
                                                class={classes!("task-mark", if m.running { "running" } else { "waiting" })}
                                                title={m.names.clone()} data-task={m.name.clone()}
                                                onclick={props.on_select.reform({ let t = m.task; move |_: MouseEvent| t })}>
                                            <span class="mark-name">{ m.name.clone() }</span>
                                            if m.more > 0 { <span class="mark-more">{ format!("+{}", m.more) }</span> }
                                        </button>
                                    }
                                    <span class="ln">{ n }</span>
                                </div>
                            }
                        }) }
                    </div></div>
                    <div class="code-area">
                        <pre class="code-layer" aria-hidden="true" ref={layer}>
                            <CodeLines lines={lines.clone()} note={first.as_ref().map(|p| (p.line, p.message.clone()))} />
                        </pre>
                        <textarea class="code-input"
                                  data-testid="editor"
                                  aria-label={lang.text(Text::EditorLabel)}
                                  aria-invalid={(!props.problems.is_empty()).to_string()}
                                  spellcheck="false"
                                  autocapitalize="off"
                                  autocomplete="off"
                                  wrap="off"
                                  readonly={props.read_only}
                                  value={props.source.clone()}
                                  oninput={on_input}
                                  onscroll={on_scroll}
                                  onkeydown={on_keydown} />
                    </div>
            </div>
            if !props.problems.is_empty() || crashed {
                <div class={classes!("problems", crashed.then_some("crashed"))} data-testid="error" role="alert">
                    <strong>{ lang.text(if crashed { Text::Crashed } else { Text::Refused }) }</strong>
                    { for props.problems.iter().chain(props.crash.iter().filter(|_| crashed)).map(|p| html! {
                        <p class="problem-line">
                            <code>{ p.located() }</code>
                            if let Some(h) = &p.hint {
                                <span class="hint">{ hint(lang, h) }</span>
                            }
                        </p>
                    }) }
                </div>
            }
        </> }) }
    }
}

#[derive(Properties)]
struct CodeLinesProps {
    lines: Rc<Vec<Vec<Piece>>>,
    /// A problem's line and message, written beside it.
    note: Option<(u32, String)>,
}

impl PartialEq for CodeLinesProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.lines, &other.lines) && self.note == other.note
    }
}

/// The highlighted text: drawn again when the text or its problem changes,
/// not at every step.
#[function_component]
fn CodeLines(props: &CodeLinesProps) -> Html {
    html! {
        { for props.lines.iter().enumerate().map(|(i, pieces)| html! {
            <div class="code-line">
                { for pieces.iter().map(|p| html! {
                    <span class={classes!((!p.class.is_empty()).then_some(p.class), p.problem.then_some("problem"))}>
                        { p.text.clone() }
                    </span>
                }) }
                if let Some((line, message)) = props.note.as_ref().filter(|(l, _)| *l == i as u32 + 1) {
                    <span class="problem-note" data-line={line.to_string()}>{ message.clone() }</span>
                }
                { "\u{200b}" }
            </div>
        }) }
    }
}

/// The text before a textarea position (counted in UTF-16 units, as the DOM counts).
fn char_prefix(text: &str, utf16: usize) -> String {
    let mut n = 0;
    text.chars()
        .take_while(|c| {
            n += c.len_utf16();
            n <= utf16
        })
        .collect()
}
