//! The gallery: short asyncio programs adapted from the course's chapters, one
//! idea each, with Chinese comments and output like the course's own examples.
//!
//! Each program is `NN_slug.py` beside this file, with its CPython 3.13 output
//! `NN_slug.out` and `NN_slug.trace`, made by `../shared/reference/run
//! [--trace]` and never edited by hand (`tests/gallery.rs` holds the engine to
//! them). Only the sources are compiled into the app; the expected outputs stay
//! on disk for the tests.
//!
//! To add an example: write `NN_slug.py` (15–45 lines, deterministic: no
//! addresses, no unseeded `random`, nothing that prints a set of tasks or
//! strings), make its `.out` and `.trace` with the reference runner, and add a
//! row to [`EXAMPLES`] under an existing [`Chapter`].

/// A group of examples in the menu, in course order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Chapter {
    /// Stable key, the value of [`Example::chapter`].
    pub key: &'static str,
    pub title_zh: &'static str,
    pub title_en: &'static str,
}

/// The chapters, in the order the menu shows them.
pub const CHAPTERS: &[Chapter] = &[
    Chapter {
        key: "basics",
        title_zh: "协程与事件循环",
        title_en: "Coroutines and the event loop",
    },
    Chapter { key: "tasks", title_zh: "任务与 Future", title_en: "Tasks and futures" },
    Chapter { key: "waiting", title_zh: "超时与等待", title_en: "Timeouts and waiting" },
    Chapter {
        key: "cancel", title_zh: "取消与任务组", title_en: "Cancellation and task groups"
    },
    Chapter { key: "sync", title_zh: "同步原语", title_en: "Synchronization primitives" },
    Chapter { key: "queues", title_zh: "队列", title_en: "Queues" },
    Chapter { key: "pitfalls", title_zh: "常见陷阱", title_en: "Pitfalls" },
];

/// One gallery program and what the menu says about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Example {
    /// Stable id, used in links (`#example=lock`) and as the menu's option
    /// value: the file name without its number and extension.
    pub slug: &'static str,
    /// The file's stem (`11_lock`): the source is `src/view/gallery/<file>.py`, its
    /// expected output `<file>.out` and `<file>.trace`.
    pub file: &'static str,
    /// The [`Chapter::key`] it belongs to.
    pub chapter: &'static str,
    /// Menu title, one short line.
    pub title_zh: &'static str,
    pub title_en: &'static str,
    /// What it shows, one sentence.
    pub about_zh: &'static str,
    pub about_en: &'static str,
    /// The program text.
    pub source: &'static str,
}

impl Example {
    /// The title in Chinese (`zh == true`) or English.
    #[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))] // the web app's
    pub(crate) fn title(&self, zh: bool) -> &'static str {
        if zh {
            self.title_zh
        } else {
            self.title_en
        }
    }

    /// The one-line description in Chinese (`zh == true`) or English.
    #[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))] // the web app's
    pub(crate) fn about(&self, zh: bool) -> &'static str {
        if zh {
            self.about_zh
        } else {
            self.about_en
        }
    }
}

macro_rules! example {
    ($file:literal, $slug:literal, $chapter:literal,
     $title_zh:literal, $title_en:literal, $about_zh:literal, $about_en:literal $(,)?) => {
        Example {
            slug: $slug,
            file: $file,
            chapter: $chapter,
            title_zh: $title_zh,
            title_en: $title_en,
            about_zh: $about_zh,
            about_en: $about_en,
            source: include_str!(concat!($file, ".py")),
        }
    };
}

/// Every example, in menu order (grouped by chapter, chapters in
/// [`CHAPTERS`] order).
pub const EXAMPLES: &[Example] = &[
    example!(
        "01_sequential_vs_concurrent", "sequential_vs_concurrent", "basics",
        "串行 await 与并发 gather",
        "Sequential await vs concurrent gather",
        "同样三次等待：一个个 await 时耗时相加，交给 gather 并发只需最长的那一次。",
        "The same three sleeps: awaited one by one their times add up; under gather only the longest counts.",
    ),
    example!(
        "02_callbacks", "callbacks", "basics",
        "call_soon 与 call_later：就绪队列和定时器堆",
        "call_soon and call_later: the ready queue and the timer heap",
        "call_soon 排进下一轮循环，定时器回调按到期时间而不是登记顺序执行。",
        "call_soon runs on the loop's next iteration; timer callbacks run by deadline, not in the order they were registered.",
    ),
    example!(
        "03_create_task", "create_task", "tasks",
        "create_task：任务什么时候开始运行",
        "create_task: when does a task start?",
        "新任务要等当前协程让出控制权才开始运行；await 一个任务就是等它的结果。",
        "A new task starts only when the current coroutine yields; awaiting a task waits for its result.",
    ),
    example!(
        "04_gather_exceptions", "gather_exceptions", "tasks",
        "gather 与 return_exceptions",
        "gather and return_exceptions",
        "一个请求失败：默认异常直接抛出、其余请求照常运行；return_exceptions=True 时异常进入结果列表。",
        "One request fails: by default its exception propagates while the others keep running; with return_exceptions=True it lands in the result list.",
    ),
    example!(
        "05_future", "future", "tasks",
        "Future：由另一个任务交付结果",
        "Future: a result handed over by another task",
        "两位顾客 await 同一个 Future，厨房用 set_result 交付；done 回调先于被唤醒的任务执行。",
        "Two customers await one Future that the kitchen resolves with set_result; its done callback runs before the woken tasks.",
    ),
    example!(
        "06_wait_for_timeout", "wait_for_timeout", "waiting",
        "wait_for：给等待设期限",
        "wait_for: a deadline for an await",
        "限时 1 秒：来得及就拿到结果，来不及就取消里面的协程并抛出 TimeoutError。",
        "A 1-second limit: a quick query returns its result; a slow one is cancelled and TimeoutError is raised.",
    ),
    example!(
        "07_wait_first_completed", "wait_first_completed", "waiting",
        "wait(FIRST_COMPLETED)：只要最快的",
        "wait(FIRST_COMPLETED): keep the fastest",
        "三个镜像同时下载，用最先完成的那个，取消其余的。",
        "Three mirrors download at once; the first to finish wins and the rest are cancelled.",
    ),
    example!(
        "08_as_completed", "as_completed", "waiting",
        "as_completed：按完成顺序处理结果",
        "as_completed: results in the order they finish",
        "三个下载按完成的先后交出结果，而不是按提交的顺序。",
        "Three downloads hand over their results in the order they finish, not the order they were started.",
    ),
    example!(
        "09_cancellation", "cancellation", "cancel",
        "取消任务，在 finally 里清理",
        "Cancelling a task, cleaning up in finally",
        "cancel() 让任务在 await 处收到 CancelledError；任务捕获它、清理、再抛出。",
        "cancel() raises CancelledError at the task's await; the task catches it, cleans up and re-raises.",
    ),
    example!(
        "10_taskgroup", "taskgroup", "cancel",
        "TaskGroup：一个子任务失败",
        "TaskGroup: one child fails",
        "一个子任务出错，仍在运行的兄弟任务被取消，错误装进 ExceptionGroup 抛出。",
        "One child raises: its running siblings are cancelled and the error comes out in an ExceptionGroup.",
    ),
    example!(
        "11_lock", "lock", "sync",
        "Lock：不再丢失更新",
        "Lock: no more lost updates",
        "读和写之间有 await 时，不加锁会丢失更新；加锁后两次取款依次进行。",
        "With an await between read and write an update gets lost; under a Lock the two withdrawals take turns.",
    ),
    example!(
        "12_semaphore", "semaphore", "sync",
        "Semaphore：最多两个同时进行",
        "Semaphore: at most two at a time",
        "五个抓取任务共用 Semaphore(2)，其余的排队，先来先得。",
        "Five crawlers share a Semaphore(2); the others queue up and get in first come, first served.",
    ),
    example!(
        "13_event", "event", "sync",
        "Event：一声发令枪唤醒所有人",
        "Event: one signal wakes every waiter",
        "三名选手等同一个 Event，一次 set() 全部唤醒；之后再 wait() 立即返回。",
        "Three runners wait on one Event; a single set() wakes them all, and a later wait() returns at once.",
    ),
    example!(
        "14_condition", "condition", "sync",
        "Condition：生产者与消费者",
        "Condition: a producer and consumers",
        "面包师和两位顾客共用小货架：满了面包师等，空了顾客等，notify_all 叫醒大家重新检查。",
        "A baker and two customers share a small shelf: the baker waits while it is full, customers while it is empty; notify_all wakes everyone to check again.",
    ),
    example!(
        "15_queue", "queue", "queues",
        "Queue：task_done 与 join",
        "Queue: task_done and join",
        "两个工人从有界队列取订单；队列满时 put 等待，join 等到每个订单都 task_done。",
        "Two workers take orders from a bounded queue; put waits while it is full, and join waits until every order is task_done.",
    ),
    example!(
        "16_blocking_sleep", "blocking_sleep", "pitfalls",
        "time.sleep 冻结整个事件循环",
        "time.sleep freezes the whole event loop",
        "一个任务调用阻塞的 time.sleep，心跳任务和所有定时器都被迫推迟。",
        "One task calls the blocking time.sleep; the heartbeat task and every timer are held up.",
    ),
    example!(
        "17_deadlock", "deadlock", "pitfalls",
        "死锁：两把锁互相等待",
        "Deadlock: two locks, each waiting for the other",
        "两个任务以相反的顺序获取两把锁，最后谁也无法继续。",
        "Two tasks take two locks in opposite orders and end up waiting for each other forever.",
    ),
];

/// The example the page opens with when the URL names no program.
pub const DEFAULT: &Example = &EXAMPLES[0];

/// The example with this slug.
pub fn find(slug: &str) -> Option<&'static Example> {
    EXAMPLES.iter().find(|e| e.slug == slug)
}

/// The chapter with this key.
pub fn chapter(key: &str) -> Option<&'static Chapter> {
    CHAPTERS.iter().find(|c| c.key == key)
}
