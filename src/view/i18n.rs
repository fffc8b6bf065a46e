//! The page's two languages, English and Simplified Chinese, in one closed table.
//!
//! Every string the page shows is a [`Text`] key; the `texts!` table gives
//! both translations side by side, so a key without its Chinese (or English)
//! text does not compile. The words for task states and the loop's parts are
//! the course chapter's (`../shared/course/`, 11.1.3 and 11.2.3).

/// A UI language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lang {
    Zh,
    En,
}

impl Lang {
    /// The value in a link: `zh` or `en`.
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Lang::Zh => "zh",
            Lang::En => "en",
        }
    }

    /// `zh` or `en`, or any BCP 47 tag whose primary subtag is one of them
    /// (`zh-CN`, `zh-Hans`, `en-US`), in any case.
    pub(crate) fn parse(s: &str) -> Option<Lang> {
        let primary = s.split(['-', '_']).next().unwrap_or("");
        if primary.eq_ignore_ascii_case("zh") {
            Some(Lang::Zh)
        } else if primary.eq_ignore_ascii_case("en") {
            Some(Lang::En)
        } else {
            None
        }
    }
}

impl Lang {
    /// The language for a BCP 47 tag such as `navigator.language`: any `zh*`
    /// tag is Chinese, everything else English.
    pub fn from_tag(tag: &str) -> Lang {
        Lang::parse(tag).unwrap_or(Lang::En)
    }

    /// The tag for `<html lang>`.
    #[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))] // the web app's
    pub(crate) fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh-CN",
        }
    }

    /// The other language, for the switch in the header.
    #[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))] // the web app's
    pub(crate) fn other(self) -> Lang {
        match self {
            Lang::En => Lang::Zh,
            Lang::Zh => Lang::En,
        }
    }

    #[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))] // the web app's
    pub(crate) fn is_zh(self) -> bool {
        self == Lang::Zh
    }

    /// `en` or `zh` of a pair.
    pub(crate) fn pick<T>(self, en: T, zh: T) -> T {
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
        #[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))] // the web app's
        pub(crate) enum Text { $($(#[$doc])* $key,)* }

        impl Lang {
            /// This language's wording of `text`.
            pub(crate) fn text(self, text: Text) -> &'static str {
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
    Granularity => ("Step by", "单步"),
    GranCallback => ("one callback", "一个回调"),
    GranIteration => ("one loop iteration", "一轮事件循环"),
    GranPrint => ("next printed line", "下一行输出"),
    GranEvent => ("every change", "每个变化"),
    /// The step counter's word: "step 3 / 17".
    Step => ("step", "步"),
    Recording => ("Running the program…", "正在运行程序…"),
    RecordingEvents => ("events recorded", "个事件已记录"),
    Refused => ("The program was not run", "程序未运行"),
    Crashed => ("The program ended with an uncaught exception", "程序因未捕获的异常而终止"),
    Explanation => ("What happens", "发生了什么"),
    StateDiagram => ("Tasks", "任务"),
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
    StateCreated => ("Created", "已创建"),
    StateReady => ("Ready", "就绪"),
    StateRunning => ("Running", "运行中"),
    StateSuspended => ("Suspended", "暂停"),
    StateCompleted => ("Completed", "已完成"),
    StateError => ("Error", "异常"),
    StateCancelled => ("Cancelled", "已取消"),
    DiagramLabel => (
        "State diagram: each task is a token in the state it is in",
        "状态图：每个任务是一个标记，位于它当前所处的状态中",
    ),
    RunningNow => ("running now", "正在执行"),
    RunsNext => ("runs next", "下一个执行"),
    QueueTail => ("appended here", "从这里加入"),
    CancelledHandle => ("cancelled: will be skipped", "已取消：轮到时会被跳过"),
    HeapArray => ("as its array (loop._scheduled)", "数组（loop._scheduled）"),
    CancelledTimer => ("cancelled: stays until the loop drops it", "已取消：留在堆中，直到事件循环丢弃它"),
    InspectorEmpty => (
        "Click a task (its token, its line mark or a handle) to see its coroutines and what it waits on.",
        "点击一个任务（状态图中的标记、代码行旁的标记或队列中的回调），查看它的协程调用链和它在等待什么。",
    ),
    Close => ("Close", "关闭"),
    ChooseTask => ("Inspect a task…", "查看任务…"),
    Share => ("Share", "分享"),
    Embed => ("Embed", "嵌入"),
    ShareTitle => ("Share this view", "分享当前视图"),
    ShareLink => ("Link to this program, step, speed, language and theme", "指向当前程序、步骤、速度、语言和主题的链接"),
    Copy => ("Copy", "复制"),
    Copied => ("Copied. Whoever opens the link sees this view.", "已复制。打开链接的人会看到同样的视图。"),
    CopyByHand => ("This page may not copy here: the link is selected, press Ctrl+C (⌘C).", "此处无法自动复制：链接已选中，请按 Ctrl+C（⌘C）。"),
    ShareHint => ("The program travels in the link itself: nothing is uploaded.", "程序就编码在链接里：不会上传到任何地方。"),
    DownloadPy => ("Download .py", "下载 .py"),
    OpenPy => ("Open .py…", "打开 .py…"),
    DropHint => ("or drop a .py file on the page", "或把 .py 文件拖到页面上"),
    EmbedTitle => ("Embed in a course page", "嵌入到课程页面"),
    EmbedEditor => ("show the program (read-only)", "显示程序（只读）"),
    EmbedAutoplay => ("play at once", "打开即播放"),
    EmbedHint => (
        "Paste this where the scenario belongs. Add static/loopscope-embed.js once to the page (docs/embedding.md) and the frame takes its content's height.",
        "把它粘贴到课程页面中合适的位置。在页面中引入一次 static/loopscope-embed.js（见 docs/embedding.md），框架会自动适应内容高度。",
    ),
    Examples => ("Examples", "示例"),
    MyProgram => ("↩ My program", "↩ 我的程序"),
    MyProgramAbout => ("The program you were writing before opening an example.", "打开示例之前你正在编写的程序。"),
    KeptMine => ("Your program is kept: Examples → My program brings it back.", "你的程序已保留：在“示例 → 我的程序”中可以找回。"),
    ThemeLight => ("Light theme", "浅色主题"),
    ThemeDark => ("Dark theme", "深色主题"),
    FileTooLarge => ("That file is larger than 100 KB: not a program to visualize.", "文件超过 100 KB，不适合作为要可视化的程序。"),
    NotTextFile => ("That file is not text: open a .py file.", "该文件不是文本：请打开一个 .py 文件。"),
    Dismiss => ("Dismiss", "知道了"),
    ShowProgram => ("Program", "程序"),
    OpenFull => ("Open in Loopscope, in a new tab", "在新标签页中用 Loopscope 打开"),
    Locked => ("locked", "已锁定"),
    Unlocked => ("unlocked", "未锁定"),
    EventSet => ("set", "已设置"),
    EventClear => ("not set", "未设置"),
    Permits => ("permits left", "剩余许可"),
    Items => ("items", "个元素"),
    Holders => ("held by", "持有者"),
    Waiters => ("waiting (FIFO)", "等待者（先进先出）"),
    QueueItems => ("items", "元素"),
    Getters => ("waiting to get", "等待取出"),
    Putters => ("waiting to put", "等待放入"),
    Unfinished => ("unfinished (join waits)", "未完成（join 等待）"),
    TimelineAxisTime => ("virtual time (s)", "虚拟时间（秒）"),
    TimelineAxisSteps => ("steps (no virtual time passes)", "步数（虚拟时间没有推进）"),
    TimelineSeek => ("Click to go to that moment", "点击跳到该时刻"),
    Because => ("Why:", "原因："),
    Chain => ("Coroutine chain, outermost first", "协程调用链，从外到内"),
    AtLine => ("at", "位于"),
    Result => ("Returned:", "返回值："),
    Ended => ("Ended with:", "结束于："),
}

impl crate::trace::TaskState {
    /// The state's name in the page's language (the course's words).
    pub(crate) fn label(self, lang: Lang) -> &'static str {
        use crate::trace::TaskState::*;
        lang.text(match self {
            Created => Text::StateCreated,
            Ready => Text::StateReady,
            Running => Text::StateRunning,
            Suspended => Text::StateSuspended,
            Completed => Text::StateCompleted,
            Error => Text::StateError,
            Cancelled => Text::StateCancelled,
        })
    }
}

/// A transition's cause (as the trace words it) in the page's language:
/// code (`await asyncio.sleep()`) stays code; the words around it are translated.
pub(crate) fn cause(lang: Lang, cause: &str) -> String {
    if lang == Lang::En {
        return cause.to_string();
    }
    const WORDS: &[(&str, &str)] = &[
        ("timer fired", "定时器到期"),
        ("lock acquired", "获得了锁"),
        ("semaphore acquired", "获得了信号量"),
        ("event set", "事件被设置"),
        ("notified", "收到通知"),
        ("item available", "队列中有了元素"),
        ("free slot", "队列有了空位"),
        ("all items done", "所有元素已处理完"),
        ("a task finished", "有任务完成"),
        ("wait() finished", "wait() 完成"),
        ("cancellation done", "取消已完成"),
        ("wait_for() done", "wait_for() 完成"),
        ("task group done", "任务组完成"),
        ("gather finished", "gather 完成"),
        ("future done", "Future 完成"),
        ("awaited task finished", "等待的任务已结束"),
        ("await sleep(0)", "await sleep(0)：让出一次"),
        ("first step", "第一步"),
        ("resumed", "恢复执行"),
        ("CancelledError thrown in", "被抛入 CancelledError"),
        ("exception thrown in", "被抛入异常"),
        ("returned", "正常返回"),
        ("cancelled before it could finish", "结束前被取消"),
        ("async with TaskGroup: waiting for its tasks", "async with TaskGroup：等待组内任务"),
        ("waiting for a cancellation", "等待取消完成"),
    ];
    if let Some((_, zh)) = WORDS.iter().find(|(en, _)| *en == cause) {
        return zh.to_string();
    }
    if let Some(rest) = cause.strip_prefix("raised ") {
        return format!("抛出 {rest}");
    }
    cause.to_string()
}

/// The engine's hint for a character typed with an input method
/// (`Did you mean '('?`), in the page's language.
pub fn hint(lang: Lang, hint: &str) -> String {
    if lang == Lang::En {
        return hint.to_string();
    }
    if hint.starts_with("a full-width space") {
        return "这是一个全角空格（中文输入法打出的）：你是不是想输入半角空格 ' '？".to_string();
    }
    match hint.strip_prefix("Did you mean ").and_then(|h| h.strip_suffix('?')) {
        Some(ch) => format!("这是中文输入法打出的全角字符：你是不是想输入 {ch}？"),
        None => hint.to_string(),
    }
}
