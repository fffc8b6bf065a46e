//! Which program the page opens with and what it keeps: the link's program,
//! a gallery example, the learner's own program saved in the browser, or
//! the default example; and when a program is the learner's unsaved work.

use crate::view::gallery::{self, Example};
use crate::view::share::{Link, ShareError, Source};

/// Where the program on screen came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// A link's `#code/…`.
    Link,
    /// A gallery example (`example=` or the menu).
    Example(&'static str),
    /// The learner's program, saved in this browser.
    Saved,
    /// The gallery's first example (nothing else to show).
    Default,
}

/// The program to open and the link's problems to show.
#[derive(Debug, Clone, PartialEq)]
pub struct Opening {
    pub source: String,
    pub origin: Origin,
    pub errors: Vec<ShareError>,
}

/// What to open for `link`, given the program saved in this browser (if the
/// browser lets the page keep one): the link's own program or example if it
/// has one; else the saved program, so a reload, or a damaged link, never
/// loses the learner's work; else the default example. An embed shows what
/// its link says and nothing of the browser's.
pub fn opening(link: Link, saved: Option<String>, embed: bool) -> Opening {
    let saved = saved.filter(|s| !s.trim().is_empty() && !embed);
    let errors = link.errors;
    match link.source {
        Source::Code(source) => Opening { source, origin: Origin::Link, errors },
        Source::Example(e) => {
            Opening { source: e.source.to_string(), origin: Origin::Example(e.slug), errors }
        }
        Source::Default => match saved {
            Some(source) => Opening { source, origin: Origin::Saved, errors },
            None => Opening {
                source: gallery::DEFAULT.source.to_string(),
                origin: Origin::Default,
                errors,
            },
        },
    }
}

/// The gallery example whose text this is, if any (an unedited example).
pub(crate) fn example_of(source: &str) -> Option<&'static Example> {
    gallery::EXAMPLES.iter().find(|e| e.source == source)
}

/// Whether opening something else would lose `source`: it is not empty and
/// not an unedited gallery example (those can be opened again).
pub fn is_own_work(source: &str) -> bool {
    !source.trim().is_empty() && example_of(source).is_none()
}

/// The local storage key of the program on screen (kept on every edit).
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))] // the web app's
pub(crate) const KEY_PROGRAM: &str = "loopscope.program.v1";
/// The local storage key of the learner's program set aside when an example
/// replaced it (the examples menu offers it back).
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))] // the web app's
pub(crate) const KEY_MINE: &str = "loopscope.mine.v1";
/// The local storage key of the chosen theme (`light`, `dark`; absent: the system's).
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))] // the web app's
pub(crate) const KEY_THEME: &str = "loopscope.theme.v1";
