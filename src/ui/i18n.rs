//! The UI's two languages, English and Simplified Chinese, in one closed table.
//!
//! Every string the shell shows is a [`Text`] key; [`Lang::text`] has one `match`
//! arm per key with both translations side by side, so a key without its Chinese
//! (or English) text does not compile.

/// A language the UI speaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lang {
    /// English.
    En,
    /// Simplified Chinese, the course's language.
    ZhCn,
}

impl Lang {
    /// The language for a BCP 47 tag such as `navigator.language`: any `zh*` tag
    /// is Chinese, everything else English.
    pub fn from_tag(tag: &str) -> Lang {
        let primary = tag.split(['-', '_']).next().unwrap_or("");
        if primary.eq_ignore_ascii_case("zh") {
            Lang::ZhCn
        } else {
            Lang::En
        }
    }

    /// The language to start in: a `lang=` query parameter if the page has one
    /// (so a course page can embed a fixed language), else the browser's.
    pub fn detect() -> Lang {
        let Some(window) = web_sys::window() else {
            return Lang::En;
        };
        let query = window.location().search().unwrap_or_default();
        let from_query = query
            .trim_start_matches('?')
            .split('&')
            .find_map(|pair| pair.strip_prefix("lang="));
        match from_query {
            Some(tag) => Lang::from_tag(tag),
            None => Lang::from_tag(&window.navigator().language().unwrap_or_default()),
        }
    }

    /// The tag for `<html lang>`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::ZhCn => "zh-CN",
        }
    }

    /// The other language, for the switch in the header.
    pub fn other(self) -> Lang {
        match self {
            Lang::En => Lang::ZhCn,
            Lang::ZhCn => Lang::En,
        }
    }

    /// This language's wording of `text`.
    pub fn text(self, text: Text) -> &'static str {
        let (en, zh) = match text {
            Text::Tagline => ("Python asyncio's event loop, step by step", "一步一步看懂 Python asyncio 事件循环"),
            Text::LanguageName => ("English", "中文"),
            Text::SwitchLanguage => ("切换到中文", "Switch to English"),
            Text::Clock => ("Virtual clock", "虚拟时钟"),
            Text::ClockIdle => ("Not running", "未运行"),
            Text::Editor => ("Program", "程序"),
            Text::EditorLabel => ("asyncio program source", "asyncio 程序源代码"),
            Text::Controls => ("Playback", "播放控制"),
            Text::Run => ("Run", "运行"),
            Text::Play => ("Play", "播放"),
            Text::StepForward => ("Step forward", "前进一步"),
            Text::StepBack => ("Step back", "后退一步"),
            Text::ToStart => ("Go to start", "回到开头"),
            Text::ToEnd => ("Go to end", "跳到结尾"),
            Text::Scrubber => ("Step in the run", "运行进度"),
            Text::Speed => ("Playback speed", "播放速度"),
            Text::NotYet => (
                "Not available yet: the engine that runs programs is still being built",
                "暂不可用：运行程序的引擎仍在开发中",
            ),
            Text::Explanation => (
                "No program run yet. Running arrives with the engine, which is still being built.",
                "尚未运行程序。运行功能将随执行引擎一起推出，引擎仍在开发中。",
            ),
            Text::StateDiagram => ("Tasks", "任务"),
            Text::StateDiagramEmpty => (
                "Each task and its state (running, ready, waiting, done) appears here once a program runs.",
                "运行程序后，这里显示每个任务及其状态（运行中、就绪、等待、已完成）。",
            ),
            Text::ReadyQueue => ("Ready queue", "就绪队列"),
            Text::ReadyQueueEmpty => (
                "Callbacks waiting in loop._ready appear here, first to run on top.",
                "运行程序后，这里按顺序显示 loop._ready 中等待执行的回调。",
            ),
            Text::TimerHeap => ("Timers", "定时器"),
            Text::TimerHeapEmpty => (
                "Timers in loop._scheduled appear here, earliest first.",
                "运行程序后，这里显示 loop._scheduled 中的定时器，最早到期的在前。",
            ),
            Text::Primitives => ("Locks, events & queues", "锁、事件与队列"),
            Text::PrimitivesEmpty => (
                "Locks, semaphores, events, queues and futures the program creates appear here.",
                "运行程序后，这里显示程序创建的锁、信号量、事件、队列和 Future。",
            ),
            Text::Timeline => ("Timeline", "时间线"),
            Text::TimelineEmpty => (
                "One lane per task over virtual time appears here once a program runs.",
                "运行程序后，这里按虚拟时间为每个任务显示一条时间线。",
            ),
            Text::Console => ("Output", "输出"),
            Text::ConsoleEmpty => ("No program run yet: print() output appears here.", "尚未运行程序：print() 的输出会显示在这里。"),
        };
        match self {
            Lang::En => en,
            Lang::ZhCn => zh,
        }
    }
}

/// Every string the shell shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Text {
    /// The line under the app's name.
    Tagline,
    /// The language's own name, shown on the language switch.
    LanguageName,
    /// The language switch's label: said in the language it switches to.
    SwitchLanguage,
    /// The clock's label.
    Clock,
    /// The clock before any run.
    ClockIdle,
    /// The editor panel's title.
    Editor,
    /// The editor's accessible name.
    EditorLabel,
    /// The controls' group label.
    Controls,
    /// The run button.
    Run,
    /// The play button.
    Play,
    /// The step forward button.
    StepForward,
    /// The step back button.
    StepBack,
    /// The go-to-start button.
    ToStart,
    /// The go-to-end button.
    ToEnd,
    /// The scrubber's label.
    Scrubber,
    /// The speed selector's label.
    Speed,
    /// Why a control is disabled while there is no engine.
    NotYet,
    /// The explanation line before any run.
    Explanation,
    /// The state diagram's title.
    StateDiagram,
    /// The state diagram before any run.
    StateDiagramEmpty,
    /// The ready queue's title.
    ReadyQueue,
    /// The ready queue before any run.
    ReadyQueueEmpty,
    /// The timer heap's title.
    TimerHeap,
    /// The timer heap before any run.
    TimerHeapEmpty,
    /// The primitives panel's title.
    Primitives,
    /// The primitives panel before any run.
    PrimitivesEmpty,
    /// The timeline's title.
    Timeline,
    /// The timeline before any run.
    TimelineEmpty,
    /// The console's title.
    Console,
    /// The console before any run.
    ConsoleEmpty,
}
