//! Share links and embed parameters: the view a teacher sends, in the URL.
//!
//! A link carries the program in its fragment the way the TypeScript
//! playground does, `#code/<payload>`, where the payload is lz-string's
//! `compressToEncodedURIComponent` of the program text (the `lz-str` crate;
//! JavaScript's `LZString.decompressFromEncodedURIComponent` reads it back).
//! The rest of the view follows as `&key=value` pairs:
//!
//! ```text
//! https://course.example/loopscope/#code/<payload>&step=17&speed=2&gran=print&lang=zh&theme=dark
//! https://course.example/loopscope/?embed=1&editor=0&panels=diagram,ready,console#code/<payload>&lang=zh
//! ```
//!
//! Every key may stand in the fragment (what Share writes: never sent to a
//! server) or the query (what a course page's author writes); the query wins
//! when both give one. Unknown keys are ignored. `docs/embedding.md` is the
//! reference for the format; this module is its only reader and writer.
//!
//! Nothing here panics on any input: [`parse`] always returns settings (the
//! defaults where a value was bad) and a program to show, with every problem as
//! a [`ShareError`] whose [`ShareError::message`] the UI can show in Chinese or
//! English.
//!
//! Decompression is bounded by refusing long payloads up front: lz-str offers
//! no way to stop a decompression early, and an lz-string payload of `n`
//! characters can expand to about `n²/7` UTF-16 units (each code may repeat the
//! previous one, one longer). [`MAX_PAYLOAD_CHARS`] keeps the worst case at
//! 9.3 million units (19 MB of text, about 65 MB at the decompressor's peak, a
//! fraction of a second); `tests/share.rs` builds that worst case and checks
//! the bound. What decompresses is then held to [`MAX_PROGRAM_BYTES`], and must
//! be exactly what its text compresses to: lz-string has no checksum, and this
//! catches nearly every link that lost or gained a character on the way.

use std::borrow::Cow;
use std::fmt;

use super::gallery::{self, Example};
use super::settings::*;

/// Longest link [`share_url`] and [`embed_url`] make; past it they return
/// [`ShareError::LinkTooLong`] and the UI offers "Download .py" instead. Chat
/// apps, mail clients and some servers cut or refuse longer URLs.
pub const MAX_LINK_CHARS: usize = 8_000;

/// Longest payload (the part after `code/`) [`decode_program`] accepts. No link
/// we make has a longer one (see [`MAX_LINK_CHARS`]), and refusing longer ones
/// before decompressing bounds what a crafted payload can cost.
pub const MAX_PAYLOAD_CHARS: usize = 8_000;

/// Largest program, in UTF-8 bytes, a link may carry, both ways.
pub const MAX_PROGRAM_BYTES: usize = 100 * 1024;

/// Largest `step=` accepted: far past any run the engine records (its event
/// cap is 20 million); the UI clamps a step to its run's length.
pub(crate) const MAX_STEP: usize = 1_000_000_000;

/// At most this many problems are kept from one link: a link of garbage
/// cannot make an unbounded list.
const MAX_ERRORS: usize = 16;

/// lz-string's URI-safe alphabet: six bits a character.
const URI_ALPHABET: &[u8; 65] =
    b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$";

// ---------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------

/// Why a link could not be made or could not be read in full. Each is a value
/// the UI shows (`data-testid="error"`) with [`ShareError::message`]; none
/// stops the page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ShareError {
    /// The link would be longer than [`MAX_LINK_CHARS`]: offer "Download .py".
    LinkTooLong { len: usize, max: usize },
    /// The program is larger than [`MAX_PROGRAM_BYTES`] (making a link, or
    /// what a link decompressed to).
    ProgramTooLarge { max: usize },
    /// The payload is longer than [`MAX_PAYLOAD_CHARS`]; it was not decompressed.
    PayloadTooLong { len: usize, max: usize },
    /// A character outside lz-string's URI-safe alphabet, at this character
    /// index of the (percent-decoded) payload.
    BadCharacter { ch: char, at: usize },
    /// A `%` not followed by two hex digits, or escapes that are not UTF-8.
    BadEscape,
    /// `code/` with nothing after it: a link cut short.
    EmptyPayload,
    /// lz-string could not decompress the payload: cut short or altered.
    Corrupt,
    /// The payload decompressed to unpaired UTF-16 surrogates, not text.
    NotText,
    /// A setting whose value it cannot have; the default was used instead.
    BadValue { key: &'static str, value: String },
    /// `example=` names no gallery example.
    UnknownExample { slug: String },
}

impl ShareError {
    /// The message in the UI's language.
    pub fn message(&self, lang: Lang) -> String {
        match lang {
            Lang::Zh => self.message_zh(),
            Lang::En => self.message_en(),
        }
    }

    pub fn message_en(&self) -> String {
        match self {
            ShareError::LinkTooLong { len, max } => format!(
                "This program makes a link of {len} characters, more than the {max} a link can safely carry. Download it as a .py file instead."
            ),
            ShareError::ProgramTooLarge { max } => {
                format!("The program is larger than {} KB, the most a link can carry.", max / 1024)
            }
            ShareError::PayloadTooLong { len, max } => format!(
                "The link is too long to open: its program part has {len} characters, more than {max}."
            ),
            ShareError::BadCharacter { ch, at } => format!(
                "The link is damaged: its program part has an unexpected character “{}” at position {}.",
                shown_char(*ch),
                at + 1
            ),
            ShareError::BadEscape => "The link is damaged: it has a malformed %-escape.".to_string(),
            ShareError::EmptyPayload => {
                "The link has no program after “code/”: it was probably cut off.".to_string()
            }
            ShareError::Corrupt => {
                "The link is damaged or was cut off: its program cannot be decompressed.".to_string()
            }
            ShareError::NotText => "The link is damaged: its program is not valid text.".to_string(),
            ShareError::BadValue { key, value } => {
                format!("Ignored {key}={}: expected {}.", shown(value), expected(key, Lang::En))
            }
            ShareError::UnknownExample { slug } => format!("There is no example named “{}”.", shown(slug)),
        }
    }

    pub fn message_zh(&self) -> String {
        match self {
            ShareError::LinkTooLong { len, max } => format!(
                "这个程序生成的链接有 {len} 个字符，超过了链接能可靠携带的 {max} 个。请改为下载 .py 文件。"
            ),
            ShareError::ProgramTooLarge { max } => format!("程序超过 {} KB，太大，链接放不下。", max / 1024),
            ShareError::PayloadTooLong { len, max } => {
                format!("链接太长，无法打开：程序部分有 {len} 个字符，超过了 {max} 个。")
            }
            ShareError::BadCharacter { ch, at } => format!(
                "链接已损坏：程序部分第 {} 个字符“{}”无效。",
                at + 1,
                shown_char(*ch)
            ),
            ShareError::BadEscape => "链接已损坏：其中的 % 转义格式不正确。".to_string(),
            ShareError::EmptyPayload => "链接里“code/”后面没有程序，可能被截断了。".to_string(),
            ShareError::Corrupt => "链接已损坏或被截断，无法解压出程序。".to_string(),
            ShareError::NotText => "链接已损坏：解压出的程序不是有效的文本。".to_string(),
            ShareError::BadValue { key, value } => {
                format!("已忽略 {key}={}：应为{}。", shown(value), expected(key, Lang::Zh))
            }
            ShareError::UnknownExample { slug } => format!("没有名为“{}”的示例。", shown(slug)),
        }
    }

    /// True for problems with the program itself (the UI shows the default
    /// program); false for a bad setting (the program is fine).
    pub fn about_program(&self) -> bool {
        !matches!(self, ShareError::BadValue { .. })
    }
}

impl fmt::Display for ShareError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message_en())
    }
}

impl std::error::Error for ShareError {}

/// A value as quoted in a message: at most 32 characters.
fn shown(s: &str) -> String {
    const MAX: usize = 32;
    match s.char_indices().nth(MAX) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_string(),
    }
}

/// A character as quoted in a message: itself when visible, else `U+XXXX`
/// (no `escape_debug`: its Unicode tables would add kilobytes of wasm).
fn shown_char(ch: char) -> String {
    if ch.is_ascii_graphic()
        || (ch as u32) > 0xA0
            && !matches!(ch, '\u{2000}'..='\u{200F}' | '\u{2028}'..='\u{202F}' | '\u{FEFF}')
    {
        ch.to_string()
    } else {
        format!("U+{:04X}", ch as u32)
    }
}

/// What a key's value must be, for [`ShareError::BadValue`]'s message.
fn expected(key: &str, lang: Lang) -> &'static str {
    let (en, zh) = match key {
        "step" => ("a whole number from 0", "从 0 起的整数"),
        "speed" => ("one of 0.25, 0.5, 1, 2, 4, 8, real", " 0.25、0.5、1、2、4、8、real 之一"),
        "gran" => ("callback, iteration, print or event", " callback、iteration、print 或 event"),
        "lang" => ("zh or en", " zh 或 en"),
        "theme" => ("light or dark", " light 或 dark"),
        "panels" => (
            "panel names separated by commas: diagram, ready, timers, primitives, timeline, console",
            "以逗号分隔的面板名：diagram、ready、timers、primitives、timeline、console",
        ),
        _ => ("1 or 0", " 1 或 0"),
    };
    match lang {
        Lang::En => en,
        Lang::Zh => zh,
    }
}

// ---------------------------------------------------------------------------
// The program payload
// ---------------------------------------------------------------------------

/// How much [`decode_program_with`] accepts. The defaults are the link
/// format's limits; tests raise them to exercise the codec alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DecodeLimits {
    /// Longest payload, in characters, that is decompressed at all.
    pub max_payload_chars: usize,
    /// Largest decompressed program, in UTF-8 bytes.
    pub max_program_bytes: usize,
}

impl Default for DecodeLimits {
    fn default() -> DecodeLimits {
        DecodeLimits { max_payload_chars: MAX_PAYLOAD_CHARS, max_program_bytes: MAX_PROGRAM_BYTES }
    }
}

/// The payload for `source`: lz-string's `compressToEncodedURIComponent`.
/// Only `A–Z a–z 0–9 + -` (the alphabet's 65th character, `$`, is read but
/// never written), so it needs no escaping in a URL.
pub fn encode_program(source: &str) -> String {
    lz_str::compress_to_encoded_uri_component(source)
}

/// The program a payload carries, with the default [`DecodeLimits`].
pub fn decode_program(payload: &str) -> Result<String, ShareError> {
    decode_program_with(payload, &DecodeLimits::default())
}

/// The program a payload carries. The payload may be percent-encoded (some
/// apps escape `$` and `+`), and a space stands for `+` (form encoding).
pub fn decode_program_with(payload: &str, limits: &DecodeLimits) -> Result<String, ShareError> {
    let max = limits.max_payload_chars;
    // Cheap refusal before any copy: every payload character is ASCII and
    // takes at most three bytes percent-encoded.
    if payload.len() > max.saturating_mul(3) {
        return Err(ShareError::PayloadTooLong { len: payload.chars().count(), max });
    }
    let payload = percent_decode(payload)?;
    let len = payload.chars().count();
    if len == 0 {
        return Err(ShareError::EmptyPayload);
    }
    if len > max {
        return Err(ShareError::PayloadTooLong { len, max });
    }
    let mut clean = String::with_capacity(payload.len());
    for (at, ch) in payload.chars().enumerate() {
        let ch = if ch == ' ' { '+' } else { ch };
        if !ch.is_ascii() || !URI_ALPHABET.contains(&(ch as u8)) {
            return Err(ShareError::BadCharacter { ch, at });
        }
        clean.push(ch);
    }
    // The length check above bounds this call (see the module's doc).
    let units = lz_str::decompress_from_encoded_uri_component(&clean).ok_or(ShareError::Corrupt)?;
    // A UTF-16 unit is at least one UTF-8 byte: refuse before converting.
    if units.len() > limits.max_program_bytes {
        return Err(ShareError::ProgramTooLarge { max: limits.max_program_bytes });
    }
    let text = String::from_utf16(&units).map_err(|_| ShareError::NotText)?;
    if text.len() > limits.max_program_bytes {
        return Err(ShareError::ProgramTooLarge { max: limits.max_program_bytes });
    }
    // lz-string has no checksum: most altered payloads still decompress, to
    // other text. But compression is deterministic (and JavaScript's lz-string
    // and lz-str agree character for character), so a payload that is not
    // exactly what its text compresses to was altered or had something
    // appended.
    if encode_program(&text) != clean {
        return Err(ShareError::Corrupt);
    }
    Ok(text)
}

/// `%XX` escapes decoded; the input itself when it has none.
fn percent_decode(s: &str) -> Result<Cow<'_, str>, ShareError> {
    if !s.contains('%') {
        return Ok(Cow::Borrowed(s));
    }
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = |b: u8| (b as char).to_digit(16);
            match (bytes.get(i + 1).copied().and_then(hex), bytes.get(i + 2).copied().and_then(hex))
            {
                (Some(hi), Some(lo)) => out.push((hi * 16 + lo) as u8),
                _ => return Err(ShareError::BadEscape),
            }
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).map(Cow::Owned).map_err(|_| ShareError::BadEscape)
}

// ---------------------------------------------------------------------------
// Reading a link
// ---------------------------------------------------------------------------

/// The program a link opens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// The link names no program, or its program could not be read (the
    /// link's errors say why): the gallery's default example.
    Default,
    /// `#code/…`: the program itself.
    Code(String),
    /// `example=<slug>`: a gallery example, as the gallery has it now.
    Example(&'static Example),
}

impl Source {
    /// The program text to load.
    pub fn text(&self) -> &str {
        match self {
            Source::Default => gallery::DEFAULT.source,
            Source::Code(s) => s,
            Source::Example(e) => e.source,
        }
    }
}

/// A link, read: always a program to show and settings to use, and every
/// problem met on the way (at most 16), in the order met.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    pub source: Source,
    pub settings: Settings,
    pub errors: Vec<ShareError>,
}

/// Reads a link from the page's `location.search` and `location.hash` (each
/// with or without its leading `?` / `#`). Never fails: problems are in
/// [`Link::errors`], with defaults in their place.
pub fn parse(query: &str, fragment: &str) -> Link {
    let query = query.strip_prefix('?').unwrap_or(query);
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);

    let mut code: Option<&str> = None;
    // Last value of each key (`None`: the key alone, no `=`): the fragment's
    // first, then the query's over them.
    let mut values: Vec<(&'static str, Option<&str>)> = Vec::new();
    for (part, in_fragment) in
        fragment.split('&').map(|p| (p, true)).chain(query.split('&').map(|p| (p, false)))
    {
        if in_fragment {
            if let Some(payload) = part.strip_prefix("code/") {
                code = Some(payload);
                continue;
            }
        }
        let (key, value) = match part.split_once('=') {
            Some((k, v)) => (k, Some(v)),
            None => (part, None),
        };
        let Some(key) = KEYS.iter().copied().find(|k| *k == key) else { continue };
        values.retain(|(k, _)| *k != key);
        values.push((key, value));
    }

    let mut errors = Vec::new();
    let mut settings = Settings::default();
    let mut example = None;
    for (key, raw) in values {
        let bad = |value: &str| ShareError::BadValue { key, value: value.to_string() };
        let Some(raw) = raw else {
            // `?embed` alone means `embed=1`; other keys need a value.
            match key {
                "embed" => settings.embed = true,
                "editor" => settings.editor = true,
                "autoplay" => settings.autoplay = true,
                _ => errors.push(bad("")),
            }
            continue;
        };
        let decoded = match percent_decode(raw) {
            Ok(v) => v,
            Err(_) => {
                errors.push(bad(raw));
                continue;
            }
        };
        let value = decoded.trim();
        let ok = match key {
            "step" => parse_step(value).map(|n| settings.step = n).is_some(),
            "speed" => Speed::parse(value).map(|s| settings.speed = s).is_some(),
            "gran" => Granularity::parse(value).map(|g| settings.granularity = g).is_some(),
            "lang" => Lang::parse(value).map(|l| settings.lang = Some(l)).is_some(),
            "theme" => Theme::parse(value).map(|t| settings.theme = Some(t)).is_some(),
            "embed" => parse_flag(value).map(|b| settings.embed = b).is_some(),
            "editor" => parse_flag(value).map(|b| settings.editor = b).is_some(),
            "autoplay" => parse_flag(value).map(|b| settings.autoplay = b).is_some(),
            "panels" => {
                // Keep the names we know; report the others.
                let (set, unknown) = Panels::parse(value);
                if !set.is_empty() {
                    settings.panels = Some(set);
                }
                if !unknown.is_empty() {
                    errors.push(bad(&unknown.join(",")));
                }
                !set.is_empty() || !unknown.is_empty()
            }
            "example" => {
                match gallery::find(value) {
                    Some(e) => example = Some(e),
                    None => errors.push(ShareError::UnknownExample { slug: value.to_string() }),
                }
                true
            }
            _ => true,
        };
        if !ok {
            errors.push(bad(value));
        }
    }

    let source = match (code, example) {
        (Some(payload), _) => match decode_program(payload) {
            Ok(text) => Source::Code(text),
            Err(e) => {
                errors.insert(0, e);
                Source::Default
            }
        },
        (None, Some(e)) => Source::Example(e),
        (None, None) => Source::Default,
    };
    errors.truncate(MAX_ERRORS);
    Link { source, settings, errors }
}

/// Reads a whole URL (`…?query#fragment`), as [`parse`] does the two parts.
pub fn parse_url(url: &str) -> Link {
    let (rest, fragment) = url.split_once('#').unwrap_or((url, ""));
    let query = rest.split_once('?').map_or("", |(_, q)| q);
    parse(query, fragment)
}

/// The keys a link may carry besides `code/`.
const KEYS: [&str; 10] =
    ["step", "speed", "gran", "lang", "theme", "embed", "editor", "autoplay", "panels", "example"];

fn parse_flag(value: &str) -> Option<bool> {
    match_ignore_case(value, &[("1", true), ("0", false), ("true", true), ("false", false)])
}

fn parse_step(value: &str) -> Option<usize> {
    if value.is_empty() || value.len() > 10 || !value.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    value.parse().ok().filter(|&n| n <= MAX_STEP)
}

// ---------------------------------------------------------------------------
// Making a link
// ---------------------------------------------------------------------------

/// The share link for `source` with `settings`' view: `base` without its query
/// and fragment, then `#code/<payload>` and the settings that differ from
/// their defaults (`step`, `speed`, `gran`, `lang`, `theme`, in that order).
/// The embed keys are not written: a share link opens the full app.
///
/// `base` is the page's address, `location.origin + location.pathname`.
pub fn share_url(base: &str, source: &str, settings: &Settings) -> Result<String, ShareError> {
    let mut url = page(base).to_string();
    push_fragment(&mut url, source, settings)?;
    checked_length(url)
}

/// The link for an `<iframe>`: [`share_url`]'s fragment after a query with
/// `embed=1` and the embed settings that differ from their defaults
/// (`editor=0`, `autoplay=1`, `panels=…`).
pub fn embed_url(base: &str, source: &str, settings: &Settings) -> Result<String, ShareError> {
    let mut url = page(base).to_string();
    url.push_str("?embed=1");
    if !settings.editor {
        url.push_str("&editor=0");
    }
    if settings.autoplay {
        url.push_str("&autoplay=1");
    }
    if let Some(p) = settings.panels.filter(|p| !p.is_empty()) {
        url.push_str("&panels=");
        url.push_str(&p.to_param());
    }
    push_fragment(&mut url, source, settings)?;
    checked_length(url)
}

/// An `<iframe>` for a course page showing [`embed_url`]'s link. Its height is
/// a start: the app posts its real height (see [`RESIZE_LISTENER`]).
pub fn embed_snippet(base: &str, source: &str, settings: &Settings) -> Result<String, ShareError> {
    let url = embed_url(base, source, settings)?;
    Ok(format!(
        "<iframe class=\"loopscope\" src=\"{}\" title=\"Loopscope\" width=\"100%\" height=\"520\" style=\"border:0\" loading=\"lazy\"></iframe>",
        escape_attr(&url)
    ))
}

/// The few lines a course page adds once to size every Loopscope iframe by
/// the height the app posts (`{type: "loopscope:resize", height}`).
pub const RESIZE_LISTENER: &str = r#"<script>
addEventListener("message", (e) => {
  const d = e.data;
  if (!d || d.type !== "loopscope:resize" || typeof d.height !== "number") return;
  for (const f of document.querySelectorAll("iframe.loopscope")) {
    if (f.contentWindow === e.source) f.style.height = Math.min(Math.max(d.height, 120), 4000) + "px";
  }
});
</script>"#;

/// `base` up to its query or fragment.
fn page(base: &str) -> &str {
    let end = base.find(['?', '#']).unwrap_or(base.len());
    &base[..end]
}

fn push_fragment(url: &mut String, source: &str, s: &Settings) -> Result<(), ShareError> {
    if source.len() > MAX_PROGRAM_BYTES {
        return Err(ShareError::ProgramTooLarge { max: MAX_PROGRAM_BYTES });
    }
    url.push_str("#code/");
    url.push_str(&encode_program(source));
    let d = Settings::default();
    if s.step != d.step {
        url.push_str(&format!("&step={}", s.step));
    }
    if s.speed != d.speed {
        url.push_str("&speed=");
        url.push_str(s.speed.as_str());
    }
    if s.granularity != d.granularity {
        url.push_str("&gran=");
        url.push_str(s.granularity.as_str());
    }
    if let Some(l) = s.lang {
        url.push_str("&lang=");
        url.push_str(l.as_str());
    }
    if let Some(t) = s.theme {
        url.push_str("&theme=");
        url.push_str(t.as_str());
    }
    Ok(())
}

fn checked_length(url: String) -> Result<String, ShareError> {
    let len = url.chars().count();
    if len > MAX_LINK_CHARS {
        return Err(ShareError::LinkTooLong { len, max: MAX_LINK_CHARS });
    }
    Ok(url)
}

fn escape_attr(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            _ => out.push(c),
        }
    }
    out
}
