//! The frame every region shares: a titled `<section>` that scrolls inside.
//!
//! Plain functions, not components: a region redraws its frame with itself,
//! and each component type costs the wasm several kilobytes of Yew's code.

use yew::prelude::*;

/// A titled region of the page, named by its stable `testid` (also the base
/// of its heading's id) and placed by its grid `area` class.
pub fn panel(title: &str, testid: &'static str, area: &'static str, children: Html) -> Html {
    let heading = format!("{testid}-title");
    html! {
        <section class={classes!("panel", area)} data-testid={testid} aria-labelledby={heading.clone()}>
            <h2 class="panel-title" id={heading}>{ title.to_string() }</h2>
            <div class="panel-body">{ children }</div>
        </section>
    }
}

/// A region's empty state: what it will show, said plainly.
pub fn empty(text: &str) -> Html {
    html! { <p class="empty">{ text.to_string() }</p> }
}
