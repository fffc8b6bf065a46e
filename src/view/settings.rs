//! The view a link restores and an embed shows: language, theme, speed,
//! granularity, panels and the step, as plain values with their link
//! spellings (`speed=2`, `gran=print`, `panels=diagram,ready`).
//!
//! Only values and their names live here; reading and writing whole links
//! (and every message about a bad one) is [`super::share`]'s.

pub use super::i18n::Lang;

/// A colour theme.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Theme {
    Light,
    Dark,
}

impl Theme {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    pub(crate) fn parse(s: &str) -> Option<Theme> {
        match_ignore_case(s, &[("light", Theme::Light), ("dark", Theme::Dark)])
    }
}

/// Playback speed: the speed menu's choices. [`Speed::as_str`] is the menu's
/// option value (`0.25` … `8`, `real`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Speed {
    Quarter,
    Half,
    #[default]
    One,
    Two,
    Four,
    Eight,
    /// One virtual second lasts one second.
    RealTime,
}

impl Speed {
    /// In menu order.
    pub const ALL: [Speed; 7] = [
        Speed::Quarter,
        Speed::Half,
        Speed::One,
        Speed::Two,
        Speed::Four,
        Speed::Eight,
        Speed::RealTime,
    ];

    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Speed::Quarter => "0.25",
            Speed::Half => "0.5",
            Speed::One => "1",
            Speed::Two => "2",
            Speed::Four => "4",
            Speed::Eight => "8",
            Speed::RealTime => "real",
        }
    }

    /// The multiplier, or `None` for real time.
    pub(crate) fn factor(self) -> Option<f64> {
        match self {
            Speed::Quarter => Some(0.25),
            Speed::Half => Some(0.5),
            Speed::One => Some(1.0),
            Speed::Two => Some(2.0),
            Speed::Four => Some(4.0),
            Speed::Eight => Some(8.0),
            Speed::RealTime => None,
        }
    }

    /// A menu value, also written as a multiplier (`2x`, `2×`, `2.0`, `.5`).
    pub(crate) fn parse(s: &str) -> Option<Speed> {
        if s.eq_ignore_ascii_case("real") {
            return Some(Speed::RealTime);
        }
        // Spelled as in the menu once the suffix and any zeros after the point
        // are gone (no float parsing: it would add kilobytes of wasm).
        let mut number = s.strip_suffix(['x', 'X', '×']).unwrap_or(s).to_string();
        if number.contains('.') {
            number.truncate(number.trim_end_matches('0').trim_end_matches('.').len());
        }
        if number.starts_with('.') {
            number.insert(0, '0');
        }
        Speed::ALL.into_iter().find(|sp| sp.as_str() == number)
    }
}

/// What one step of playback moves by: the granularity menu's choices.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Granularity {
    /// One loop callback.
    #[default]
    Callback,
    /// One loop iteration.
    Iteration,
    /// One `print`.
    Print,
    /// One recorded event.
    Event,
}

impl Granularity {
    pub const ALL: [Granularity; 4] =
        [Granularity::Callback, Granularity::Iteration, Granularity::Print, Granularity::Event];

    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Granularity::Callback => "callback",
            Granularity::Iteration => "iteration",
            Granularity::Print => "print",
            Granularity::Event => "event",
        }
    }

    pub(crate) fn parse(s: &str) -> Option<Granularity> {
        Granularity::ALL.into_iter().find(|g| g.as_str().eq_ignore_ascii_case(s))
    }
}

/// A panel of the visualizer that an embed may show or hide.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Panel {
    Diagram,
    Ready,
    Timers,
    Primitives,
    Timeline,
    Console,
    /// The task inspector.
    Inspector,
}

impl Panel {
    /// In the order the app lays them out.
    pub const ALL: [Panel; 7] = [
        Panel::Diagram,
        Panel::Ready,
        Panel::Timers,
        Panel::Primitives,
        Panel::Timeline,
        Panel::Console,
        Panel::Inspector,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Panel::Diagram => "diagram",
            Panel::Ready => "ready",
            Panel::Timers => "timers",
            Panel::Primitives => "primitives",
            Panel::Timeline => "timeline",
            Panel::Console => "console",
            Panel::Inspector => "inspector",
        }
    }

    pub(crate) fn parse(s: &str) -> Option<Panel> {
        Panel::ALL.into_iter().find(|p| p.as_str().eq_ignore_ascii_case(s))
    }

    fn bit(self) -> u8 {
        1 << Panel::ALL.iter().position(|&p| p == self).unwrap_or(0)
    }
}

/// A set of panels. Order is the app's, not the link's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Panels(u8);

impl Panels {
    /// Every panel.
    pub const ALL: Panels = Panels(0b111_1111);
    /// What an embed shows unless `panels=` says otherwise: the state diagram,
    /// the ready queue, the timer heap and the console.
    pub const EMBED_DEFAULT: Panels = Panels(0b10_0111);
    pub const NONE: Panels = Panels(0);

    pub(crate) fn contains(self, p: Panel) -> bool {
        self.0 & p.bit() != 0
    }

    pub fn with(self, p: Panel) -> Panels {
        Panels(self.0 | p.bit())
    }

    #[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))] // the web app's
    pub(crate) fn without(self, p: Panel) -> Panels {
        Panels(self.0 & !p.bit())
    }

    pub(crate) fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// The panels in the app's order.
    pub fn iter(self) -> impl Iterator<Item = Panel> {
        Panel::ALL.into_iter().filter(move |&p| self.contains(p))
    }

    /// The value in a link: names joined by commas, in the app's order.
    pub fn to_param(self) -> String {
        self.iter().map(Panel::as_str).collect::<Vec<_>>().join(",")
    }

    /// `diagram,ready,…` (any order, any case, repeats allowed). Unknown names
    /// are returned apart so the caller can report them.
    pub(crate) fn parse(s: &str) -> (Panels, Vec<&str>) {
        let mut set = Panels::NONE;
        let mut unknown = Vec::new();
        for name in s.split(',').map(str::trim).filter(|n| !n.is_empty()) {
            match Panel::parse(name) {
                Some(p) => set = set.with(p),
                None => unknown.push(name),
            }
        }
        (set, unknown)
    }
}

impl FromIterator<Panel> for Panels {
    fn from_iter<I: IntoIterator<Item = Panel>>(iter: I) -> Panels {
        iter.into_iter().fold(Panels::NONE, Panels::with)
    }
}

/// Everything a link says besides the program: the view it restores and, for
/// an embed, how the frame looks. `Settings::default()` is what a link
/// without any key means.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Settings {
    /// `step=N`: the playback position (the scrubber's value, 0 = before the
    /// first event). The UI clamps it to the run's length.
    pub step: usize,
    /// `speed=`: playback speed.
    pub speed: Speed,
    /// `gran=`: what one step moves by.
    pub granularity: Granularity,
    /// `lang=zh|en`; `None`: the browser's language.
    pub lang: Option<Lang>,
    /// `theme=light|dark`; `None`: the system's (`prefers-color-scheme`).
    pub theme: Option<Theme>,
    /// `embed=1`: the compact, chrome-less view for an iframe.
    pub embed: bool,
    /// `editor=0` hides an embed's (read-only, collapsible) editor.
    pub editor: bool,
    /// `autoplay=1` starts playing once the page has loaded.
    pub autoplay: bool,
    /// `panels=…`: the panels an embed shows; `None`: [`Panels::EMBED_DEFAULT`].
    pub panels: Option<Panels>,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            step: 0,
            speed: Speed::One,
            granularity: Granularity::Callback,
            lang: None,
            theme: None,
            embed: false,
            editor: true,
            autoplay: false,
            panels: None,
        }
    }
}

impl Settings {
    /// The panels to show: all of them in the full app; in an embed, the
    /// link's `panels=` or [`Panels::EMBED_DEFAULT`].
    pub fn shown_panels(&self) -> Panels {
        match (self.embed, self.panels) {
            (false, _) => Panels::ALL,
            (true, Some(p)) => p,
            (true, None) => Panels::EMBED_DEFAULT,
        }
    }
}

pub(crate) fn match_ignore_case<T: Copy>(s: &str, table: &[(&str, T)]) -> Option<T> {
    table.iter().find(|(name, _)| name.eq_ignore_ascii_case(s)).map(|&(_, v)| v)
}
