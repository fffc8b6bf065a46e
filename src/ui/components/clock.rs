//! The virtual clock: `loop.time()` at the current step, and the loop iteration.

use yew::prelude::*;

use crate::view::i18n::{Lang, Text};

/// The loop's virtual time in seconds (`%.3f`), large; the iteration under
/// it; a blocking `time.sleep` shows the loop frozen. `clock` is `(time,
/// iteration, frozen)` at the current step; `None` before any run.
pub fn clock(lang: Lang, clock: Option<(f64, u32, bool)>) -> Html {
    let (time, detail, frozen) = match clock {
        Some((t, iteration, frozen)) => {
            let detail = if frozen {
                lang.text(Text::LoopFrozen).to_string()
            } else {
                format!("{} {iteration}", lang.text(Text::Iteration))
            };
            (format!("{t:.3}"), detail, frozen)
        }
        None => ("—".to_string(), String::new(), false),
    };
    html! {
        <div class={classes!("clock", frozen.then_some("frozen"))} data-testid="clock" role="timer"
             aria-label={lang.text(Text::Clock)}>
            <span class="clock-label">{ lang.text(Text::Clock) }</span>
            <span class="clock-value">{ time }<span class="clock-unit">{ " s" }</span></span>
            <span class="clock-detail">{ if frozen { "⏸ " } else { "" } }{ detail }</span>
        </div>
    }
}
