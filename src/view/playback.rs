//! The playback model: where in a run the page is, and whether it plays.
//!
//! A pure value changed only by [`Playback::reduce`] with an [`Action`]; the
//! web app wraps it in Yew's `Reducible` and owns the timer that sends
//! [`Action::Tick`] while playing (after [`tick_delay`]). Nothing here reads
//! a clock or touches the page, so every rule is tested natively.

use super::steps::Steps;
use crate::view::settings::{Granularity, Speed};
use std::rc::Rc;

/// What the user (or the play timer) asks of playback.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// One step forward at the current granularity; pauses.
    Forward,
    /// One step back at the current granularity; pauses.
    Back,
    /// To step 0; pauses.
    ToStart,
    /// To the last step; pauses.
    ToEnd,
    /// To any step (the scrubber, a click on the timeline); pauses.
    Seek(usize),
    /// Play, or pause while playing. Playing from the end starts over.
    TogglePlay,
    /// Start playing (an embed's `autoplay=1`).
    Play,
    /// Stop playing, staying where it is.
    Pause,
    /// The play timer fired: one step forward; stops playing at the end.
    Tick,
    SetSpeed(Speed),
    /// A new granularity; the step stays where it is.
    SetGranularity(Granularity),
    /// A new run was recorded (the program was edited and re-run): keep the
    /// step where the new run still has it, else go to its end.
    Load(Rc<Steps>),
}

/// Where playback is, how fast it goes and what one step is.
#[derive(Debug, Clone)]
pub struct Playback {
    /// The current step: the state after this many events.
    pub step: usize,
    pub playing: bool,
    pub speed: Speed,
    pub granularity: Granularity,
    pub steps: Rc<Steps>,
}

/// Two playbacks are equal when they are at the same place of the same run
/// (the steps compared by identity: a run's steps are made once).
impl PartialEq for Playback {
    fn eq(&self, other: &Playback) -> bool {
        self.step == other.step
            && self.playing == other.playing
            && self.speed == other.speed
            && self.granularity == other.granularity
            && Rc::ptr_eq(&self.steps, &other.steps)
    }
}

impl Default for Playback {
    /// Nothing recorded yet: one step, paused.
    fn default() -> Playback {
        Playback::new(Rc::new(Steps::empty()), 0, Speed::default(), Granularity::default())
    }
}

impl Playback {
    /// Playback of `steps` at `step` (clamped to the run), paused.
    pub fn new(steps: Rc<Steps>, step: usize, speed: Speed, granularity: Granularity) -> Playback {
        let step = step.min(steps.len());
        Playback { step, playing: false, speed, granularity, steps }
    }

    /// The last step.
    pub(crate) fn len(&self) -> usize {
        self.steps.len()
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.steps.is_empty()
    }

    pub fn at_start(&self) -> bool {
        self.step == 0
    }

    pub fn at_end(&self) -> bool {
        self.step >= self.len()
    }

    /// The playback after `action`.
    pub fn reduce(&self, action: Action) -> Playback {
        let mut next = self.clone();
        let g = self.granularity;
        match action {
            Action::Forward => {
                next.step = self.steps.next(self.step, g);
                next.playing = false;
            }
            Action::Back => {
                next.step = self.steps.prev(self.step, g);
                next.playing = false;
            }
            Action::ToStart => {
                next.step = 0;
                next.playing = false;
            }
            Action::ToEnd => {
                next.step = self.len();
                next.playing = false;
            }
            Action::Seek(n) => {
                next.step = n.min(self.len());
                next.playing = false;
            }
            Action::TogglePlay if self.playing => next.playing = false,
            Action::TogglePlay | Action::Play => {
                if self.at_end() {
                    next.step = 0;
                }
                next.playing = !next.is_empty();
            }
            Action::Pause => next.playing = false,
            Action::Tick => {
                if self.playing {
                    next.step = self.steps.next(self.step, g);
                    next.playing = !next.at_end();
                }
            }
            Action::SetSpeed(s) => next.speed = s,
            Action::SetGranularity(g) => next.granularity = g,
            Action::Load(steps) => {
                next.step = if self.step <= steps.len() { self.step } else { steps.len() };
                next.playing = self.playing && next.step < steps.len();
                next.steps = steps;
            }
        }
        next
    }
}

/// Milliseconds one step lasts at 1×.
pub(crate) const STEP_MS: f64 = 700.0;
/// Shortest wait between steps in real time, when no virtual time passes
/// (a few frames, so each step is still drawn).
pub(crate) const REAL_TIME_MIN_MS: f64 = 50.0;

/// How long the play timer waits before the next step: [`STEP_MS`] divided by
/// the speed; in real time, the virtual seconds `dt` the step moves the clock
/// by, as real seconds (at least [`REAL_TIME_MIN_MS`]).
pub fn tick_delay(speed: Speed, dt: f64) -> u32 {
    let ms = match speed.factor() {
        Some(f) => STEP_MS / f,
        None => (dt.max(0.0) * 1000.0).max(REAL_TIME_MIN_MS),
    };
    ms.round().min(u32::MAX as f64) as u32
}
