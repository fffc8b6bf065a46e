//! The page's two languages, English and Simplified Chinese, in one closed table.
//!
//! Every string the page shows is a [`Text`] key; the [`texts!`] table gives
//! both translations side by side, so a key without its Chinese (or English)
//! text does not compile. The words for task states and the loop's parts are
//! the course chapter's (`../shared/course/`, 11.1.3 and 11.2.3).

pub use crate::share::Lang;

impl Lang {
    /// The language for a BCP 47 tag such as `navigator.language`: any `zh*`
    /// tag is Chinese, everything else English.
    pub fn from_tag(tag: &str) -> Lang {
        Lang::parse(tag).unwrap_or(Lang::En)
    }

    /// The tag for `<html lang>`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh-CN",
        }
    }

    /// The other language, for the switch in the header.
    pub fn other(self) -> Lang {
        match self {
            Lang::En => Lang::Zh,
            Lang::Zh => Lang::En,
        }
    }

    pub fn is_zh(self) -> bool {
        self == Lang::Zh
    }

    /// `en` or `zh` of a pair.
    pub fn pick<T>(self, en: T, zh: T) -> T {
        match self {
            Lang::En => en,
            Lang::Zh => zh,
        }
    }
}

macro_rules! texts {
    ($($(#[$doc:meta])* $key:ident => ($en:expr, $zh:expr $(,)?),)*) => {
        /// Every fixed string the page shows.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum Text { $($(#[$doc])* $key,)* }

        impl Lang {
            /// This language's wording of `text`.
            pub fn text(self, text: Text) -> &'static str {
                match text { $(Text::$key => self.pick($en, $zh),)* }
            }
        }
    };
}

texts! {
    /// The line under the app's name.
    Tagline => ("Python asyncio's event loop, step by step", "一步一步看懂 Python asyncio 事件循环"),
    /// The language's own name, shown on the language switch.
    LanguageName => ("English", "中文"),
    /// The language switch's label: said in the language it switches to.
    SwitchLanguage => ("切换到中文", "Switch to English"),
    Clock => ("Virtual clock", "虚拟时钟"),
    /// The loop iteration beside the clock.
    Iteration => ("iteration", "轮次"),
    /// Shown while a blocking `time.sleep` holds the loop.
    LoopFrozen => ("loop blocked by time.sleep()", "time.sleep() 阻塞了事件循环"),
    Editor => ("Program", "程序"),
    EditorLabel => ("asyncio program source", "asyncio 程序源代码"),
    Controls => ("Playback", "播放控制"),
    Run => ("Run", "运行"),
    RunTitle => ("Run the program again from the start (Ctrl+Enter)", "从头重新运行程序（Ctrl+Enter）"),
    Play => ("Play (Space)", "播放（空格）"),
    Pause => ("Pause (Space)", "暂停（空格）"),
    StepForward => ("Step forward (→)", "前进一步（→）"),
    StepBack => ("Step back (←)", "后退一步（←）"),
    ToStart => ("Go to start (Home)", "回到开头（Home）"),
    ToEnd => ("Go to end (End)", "跳到结尾（End）"),
    Scrubber => ("Step in the run", "运行进度"),
    Speed => ("Playback speed", "播放速度"),
    RealTime => ("real time", "真实时间"),
    Granularity => ("One step is", "每一步"),
    GranCallback => ("one callback", "一个回调"),
    GranIteration => ("one loop iteration", "一轮事件循环"),
    GranPrint => ("next printed line", "下一行输出"),
    GranEvent => ("every change", "每个变化"),
    /// The step counter's word: "step 3 / 17".
    Step => ("step", "步"),
    Recording => ("Running the program…", "正在运行程序…"),
    RecordingEvents => ("events recorded", "个事件已记录"),
    Refused => ("The program was not run", "程序未运行"),
    StaleRun => ("Showing the last run that worked", "显示上一次成功的运行"),
    Explanation => ("What happens", "发生了什么"),
    StateDiagram => ("Tasks", "任务"),
    StateDiagramEmpty => (
        "Each task and its state appears here once the program has run.",
        "程序运行后，这里显示每个任务及其状态。",
    ),
    ReadyQueue => ("Ready queue", "就绪队列"),
    ReadyQueueEmpty => ("Empty: nothing is ready to run.", "空：没有可立即执行的回调。"),
    TimerHeap => ("Timer heap", "定时器堆"),
    TimerHeapEmpty => ("Empty: no timer is scheduled.", "空：没有已安排的定时器。"),
    Primitives => ("Locks, events & queues", "锁、事件与队列"),
    PrimitivesEmpty => ("The program has created no lock, semaphore, event, condition or queue yet.", "程序尚未创建锁、信号量、事件、条件变量或队列。"),
    Timeline => ("Timeline", "时间线"),
    TimelineEmpty => ("No task yet.", "还没有任务。"),
    Console => ("Output", "输出"),
    ConsoleEmpty => ("Nothing printed yet.", "尚无输出。"),
    Inspector => ("Task", "任务详情"),
}
