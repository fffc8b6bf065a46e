//! The frame every region shares: a titled `<section>` that scrolls inside.

use yew::prelude::*;

/// Properties of [`Panel`].
#[derive(Properties, PartialEq)]
pub struct PanelProps {
    /// The heading.
    pub title: AttrValue,
    /// The region's stable `data-testid`, also the base of its heading's id.
    pub testid: AttrValue,
    /// The grid area class (`area-…`) that places the panel.
    pub area: AttrValue,
    /// The content.
    #[prop_or_default]
    pub children: Html,
}

/// A titled region of the page.
#[function_component]
pub fn Panel(props: &PanelProps) -> Html {
    let heading = format!("{}-title", props.testid);
    html! {
        <section class={classes!("panel", props.area.to_string())}
                 data-testid={props.testid.clone()}
                 aria-labelledby={heading.clone()}>
            <h2 class="panel-title" id={heading}>{ props.title.clone() }</h2>
            <div class="panel-body">{ props.children.clone() }</div>
        </section>
    }
}

/// Properties of [`Empty`].
#[derive(Properties, PartialEq)]
pub struct EmptyProps {
    /// What will appear here, said plainly.
    pub text: AttrValue,
}

/// A region's empty state: what it will show, not fake content.
#[function_component]
pub fn Empty(props: &EmptyProps) -> Html {
    html! { <p class="empty">{ props.text.clone() }</p> }
}
