//! Share links and embed parameters (`src/view/share.rs`): round trips, agreement
//! with JavaScript's lz-string, damaged and hostile links, bad settings.
//!
//! The JavaScript vectors below were made with npm's `lz-string` 1.5.0 (in a
//! scratch folder, not the project's package.json):
//!
//! ```js
//! const L = require("lz-string");
//! L.compressToEncodedURIComponent(s)
//! ```

use loopscope::view::gallery::{self, EXAMPLES};
use loopscope::view::settings::{Granularity, Lang, Panel, Panels, Settings, Speed, Theme};
use loopscope::view::share::{
    self, decode_program, decode_program_with, embed_snippet, embed_url, encode_program, parse,
    parse_url, share_url, DecodeLimits, Link, ShareError, Source, MAX_LINK_CHARS,
    MAX_PAYLOAD_CHARS, MAX_PROGRAM_BYTES,
};
use std::time::{Duration, Instant};

const BASE: &str = "https://course.example/loopscope/";

/// A small deterministic generator (xorshift64*), so failures reproduce.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

fn open(url: &str) -> Link {
    parse_url(url)
}

fn opened_code(link: &Link) -> &str {
    match &link.source {
        Source::Code(s) => s,
        other => panic!("expected a program from the link, got {other:?} ({:?})", link.errors),
    }
}

fn program_error(link: &Link) -> &ShareError {
    assert_eq!(link.source, Source::Default, "a bad program falls back to the default");
    link.errors.first().expect("an error says why")
}

// ---------------------------------------------------------------------------
// Round trips
// ---------------------------------------------------------------------------

#[test]
fn programs_round_trip_through_links() {
    let long_line = "x".repeat(500);
    let cases: Vec<&str> = vec![
        "",
        "print('hello')\n",
        "import asyncio\n\nasync def main():\n    await asyncio.sleep(1)\n\nasyncio.run(main())\n",
        "print(\"你好，事件循环\")  # 中文注释：协程、任务、事件循环\n",
        "print('🐍 asyncio 🚀 — 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 and ½ ✓')\n",
        "line1\r\nline2\r\n\ttab\u{0}nul\u{feff}bom\n",
        "  leading and trailing spaces  ",
        &long_line,
    ];
    for src in cases {
        let url = share_url(BASE, src, &Settings::default()).unwrap();
        assert!(url.starts_with(&format!("{BASE}#code/")), "{url}");
        let link = open(&url);
        assert_eq!(opened_code(&link), src);
        assert!(link.errors.is_empty(), "{:?}", link.errors);
        assert_eq!(link.settings, Settings::default());
    }
}

#[test]
fn every_gallery_example_round_trips() {
    for e in EXAMPLES {
        let url = share_url(BASE, e.source, &Settings::default()).unwrap();
        assert!(url.len() < MAX_LINK_CHARS / 2, "{}: link of {} characters", e.slug, url.len());
        assert_eq!(opened_code(&open(&url)), e.source, "{}", e.slug);
    }
}

/// Every view setting survives the trip, in every combination of values.
#[test]
fn the_view_round_trips() {
    let src = "print('视图')\n";
    let mut n = 0;
    for &speed in &Speed::ALL {
        for &granularity in &Granularity::ALL {
            for lang in [None, Some(Lang::Zh), Some(Lang::En)] {
                for theme in [None, Some(Theme::Light), Some(Theme::Dark)] {
                    for step in [0, 17, 123_456] {
                        let settings = Settings {
                            step,
                            speed,
                            granularity,
                            lang,
                            theme,
                            ..Settings::default()
                        };
                        let url = share_url(BASE, src, &settings).unwrap();
                        let link = open(&url);
                        assert_eq!(link.settings, settings, "{url}");
                        assert_eq!(opened_code(&link), src);
                        assert!(link.errors.is_empty());
                        n += 1;
                    }
                }
            }
        }
    }
    assert_eq!(n, 7 * 4 * 3 * 3 * 3);
}

#[test]
fn the_issue_example_link_is_short_and_readable() {
    let settings =
        Settings { step: 17, speed: Speed::Two, lang: Some(Lang::Zh), ..Settings::default() };
    let url = share_url(BASE, "print('你好')\n", &settings).unwrap();
    let payload = encode_program("print('你好')\n");
    assert_eq!(url, format!("{BASE}#code/{payload}&step=17&speed=2&lang=zh"));
    // Defaults are left out; the order is fixed.
    let all = Settings {
        step: 3,
        speed: Speed::RealTime,
        granularity: Granularity::Print,
        lang: Some(Lang::En),
        theme: Some(Theme::Dark),
        ..Settings::default()
    };
    let url = share_url(BASE, "", &all).unwrap();
    assert!(url.ends_with("#code/Q&step=3&speed=real&gran=print&lang=en&theme=dark"), "{url}");
}

#[test]
fn a_share_link_drops_the_pages_own_query_and_fragment() {
    let base = format!("{BASE}?lang=en&embed=1#code/OLD&step=9");
    let url = share_url(&base, "x = 1\n", &Settings::default()).unwrap();
    assert_eq!(url, format!("{BASE}#code/{}", encode_program("x = 1\n")));
}

/// 50 KB programs: a realistic one is too long for a link (the UI offers
/// "Download .py"), but the codec round-trips it exactly; a repetitive one
/// fits in a link and round-trips through it.
#[test]
fn fifty_kilobyte_programs() {
    // Realistic: the gallery's sources, renamed on each pass so it does not
    // simply repeat (lz-str once mishandled long, non-repeating input).
    let mut big = String::new();
    let mut pass = 0;
    while big.len() < 50 * 1024 {
        for e in EXAMPLES {
            big.push_str(
                &e.source
                    .replace("main", &format!("main_{pass}"))
                    .replace("任务", &format!("任务{pass}")),
            );
        }
        pass += 1;
    }
    assert!(big.len() >= 50 * 1024 && big.len() <= MAX_PROGRAM_BYTES);
    match share_url(BASE, &big, &Settings::default()) {
        Err(ShareError::LinkTooLong { len, max }) => assert!(len > max && max == MAX_LINK_CHARS),
        other => panic!("a 50 KB program makes a link too long to share: {other:?}"),
    }
    let payload = encode_program(&big);
    let generous = DecodeLimits { max_payload_chars: payload.len(), ..DecodeLimits::default() };
    assert_eq!(decode_program_with(&payload, &generous).unwrap(), big);
    assert_eq!(
        decode_program(&payload),
        Err(ShareError::PayloadTooLong { len: payload.len(), max: MAX_PAYLOAD_CHARS })
    );

    // Repetitive: 50 KB that compresses well enough for a link.
    let repetitive = "await asyncio.sleep(0.1)  # 等待\n".repeat(1600);
    assert!(repetitive.len() >= 50 * 1024);
    let url = share_url(BASE, &repetitive, &Settings::default()).unwrap();
    assert!(url.len() <= MAX_LINK_CHARS);
    assert_eq!(opened_code(&open(&url)), repetitive);
}

// ---------------------------------------------------------------------------
// Agreement with JavaScript's lz-string
// ---------------------------------------------------------------------------

const JS_VECTORS: &[(&str, &str)] = &[
    ("", "Q"),
    ("print(\"hello, world\")", "A4JwlgdgLgFARACwKYBsUHsA0ACA7ukFAEzgEog"),
    ("print(\"你好，事件循环\")", "A4JwlgdgLgFARIA3lC+moGH-DRcoN7lBV+oeuc4Eog"),
    ("print(\"🐍 asyncio 🚀\")", "A4JwlgdgLgFARIXg3CwOwAgIYGcCeEDGYB7FBQAL24BKIA"),
    (
        "import asyncio\r\n\tasync def main():\r\n        await asyncio.sleep(0.5)  # 等 ½ 秒 ✓\r\n",
        "JYWwDg9gTgLgBAQwM4E8B2BjYECwAoASGXQzgBMBTAMzhAWDQAoBKALnzk684QHd74xTNgB0SADYUKYRgAYRAVmacAxHECS3nAC9cQEuecQMjk+IA",
    ),
];

/// `src/view/gallery/11_lock.py` through JavaScript's lz-string.
const JS_LOCK_EXAMPLE: &str = "MQAgMg9gxg1oWP+G-ogtITlMmEzFQ0nKBfUwkOYgEMB3AgSwBdAYf8Fg5QAqVBAVMEYdQLHlAiOUEZNQF7NAG0wChSAtgAcIAJ3KEAzgE8AdlFIRevAEYEANgXkBTEAF4QARgAMx5bwIz5IACbaAZiACusyQXvaA+kQoALG6LEABREvhAANIQCEC7kAJQAXLwgKSAA5uoQauog2VpQ2smpUE6iotqyEgZ5OimgCEUpxGQSlnIKEAB0kura2kJBxp2GcXUggIRWgPtGgIr+gDt+gG96gPvxcIDUSoAhboDfcoCFSoAm1oBvpgiADEprgBvxgPRmgOemgJrygLkZjbka+boGJWUVEkhRMZVj6PdColIlSC9gARABvUIQAC+IEAa8ogcEEaKxaGUW6ImoFaGguLmNrWOyONwebx+ALBTKwSJQyLI77xJKpdKZbIPTQ6e4EqAgHzkXwgKkwJnM1IAoHkEEQqGwwD-Rod6Lj7szXuUftVHpzRalmhQpO1FN1ev1BsM8dqUljniBVe8QJ96bFlWLAcCwZCwrCEUiUZU0RjwVa0YApxMAfKaKvHKbm2BwgARkWRBRL3DJZDTsp7-V2S0F0egJJXM3WtKwdTppAj87SiIIuElePn+QJEIKgwDwOoA4M1BkQAzMY4pE6+4G+Tm6224Aiv27IAArP3zS6Ja3AADmgAm-W4FyJWyKgwAQ-4AUvUAp9FnEAAJmMgEh-gA6siV9yt+iMpnuQsf3MNkFgSazS9BDALC5NCQervl0FZVjW9ZkvyFItkKO6dtOfYDiAUGNrBQTwSA7ZTpEc5xIBIDisCoJrhu05WpG-COJ4niyMiXiePoBgAOS0fGQK0SxIpNKWhqiC4QQcYmBG8EAA";

#[test]
fn encodings_match_javascripts_lz_string() {
    for &(src, js) in JS_VECTORS {
        assert_eq!(encode_program(src), js, "{src:?}");
        assert_eq!(decode_program(js).unwrap(), src);
    }
    let lock = gallery::find("lock").unwrap().source;
    assert_eq!(encode_program(lock), JS_LOCK_EXAMPLE);
    assert_eq!(decode_program(JS_LOCK_EXAMPLE).unwrap(), lock);
}

/// The generator the JavaScript side used for its long vectors:
/// ```js
/// function gen(n) { let s = ""; for (let i = 0; i < n; i++) { const k = i * 7919 % 20011;
///   s += k % 11 == 0 ? String.fromCodePoint(0x1F300 + k % 0x300)
///      : k % 3 == 0 ? String.fromCodePoint(0x4E00 + k % 20000) : String.fromCharCode(32 + k % 95); } return s; }
/// ```
fn gen(n: usize) -> String {
    (0..n)
        .map(|i| {
            let k = (i * 7919 % 20011) as u32;
            let cp = if k.is_multiple_of(11) {
                0x1F300 + k % 0x300
            } else if k.is_multiple_of(3) {
                0x4E00 + k % 20000
            } else {
                32 + k % 95
            };
            char::from_u32(cp).unwrap()
        })
        .collect()
}

/// FNV-1a over UTF-16 units, as `h ^= s.charCodeAt(i); h = Math.imul(h, 0x01000193) >>> 0`.
fn fnv(s: &str) -> u32 {
    s.encode_utf16().fold(0x811c_9dc5u32, |h, u| (h ^ u as u32).wrapping_mul(0x0100_0193))
}

/// Long, non-repeating, mostly non-ASCII text with astral characters: the
/// same payload as JavaScript (length, hash, both ends), and back.
#[test]
fn long_unicode_text_matches_javascript() {
    // (characters, payload length, FNV-1a of the payload, first 24, last 24), from node.
    let js = [
        (20_000, 54_501, 1_903_565_930u32, "jwbgB9hCAmCSDWgBWQJ2IZn2", "O9wEAAcsZPAQACAyq9hMLEAA"),
        (50_000, 88_133, 4_116_407_933u32, "jwbgB9hCAmCSDWgBWQJ2IZn2", "PoC+mL6MvoK+mlrOUA6+iAAA"),
    ];
    for (n, len, hash, head, tail) in js {
        let text = gen(n);
        let payload = encode_program(&text);
        assert_eq!((payload.len(), fnv(&payload)), (len, hash), "gen({n})");
        assert!(payload.starts_with(head) && payload.ends_with(tail));
        let limits = DecodeLimits { max_payload_chars: len, max_program_bytes: 1 << 20 };
        assert_eq!(decode_program_with(&payload, &limits).unwrap(), text);
    }
}

// ---------------------------------------------------------------------------
// Damaged links
// ---------------------------------------------------------------------------

#[test]
fn every_truncation_is_an_error_never_another_program() {
    let src = gallery::find("semaphore").unwrap().source;
    let payload = encode_program(src);
    for cut in 0..payload.len() {
        let got = decode_program(&payload[..cut]);
        let expected = if cut == 0 { ShareError::EmptyPayload } else { ShareError::Corrupt };
        assert_eq!(got, Err(expected), "payload cut to {cut} of {} characters", payload.len());
    }
    // As a link: the default program and a message.
    let url = share_url(BASE, src, &Settings { step: 4, ..Settings::default() }).unwrap();
    let cut = &url[..url.find("&step").unwrap() - 10];
    let link = open(cut);
    assert_eq!(program_error(&link), &ShareError::Corrupt);
    assert_eq!(link.source.text(), gallery::DEFAULT.source);
    assert!(open(&format!("{BASE}#code/")).errors == vec![ShareError::EmptyPayload]);
}

/// lz-string has no checksum, but a payload must be exactly what its text
/// compresses to. That catches nearly every character dropped or added (the
/// bits after it shift) and anything appended. A character replaced inside a
/// literal often spells another valid payload (other text at that spot),
/// which is then shown as text like any program.
#[test]
fn altered_payloads_are_refused() {
    let src = gallery::find("condition").unwrap().source;
    let original = encode_program(src);
    let alphabet = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$";
    let mut rng = Rng(0x5eed_1234);
    // (altered, slipped through) for: dropped, added, replaced.
    let mut stats = [(0, 0); 3];
    for round in 0..3000 {
        let mut p = original.clone().into_bytes();
        let i = rng.below(p.len());
        let c = alphabet[rng.below(alphabet.len())];
        let kind = round % 3;
        match kind {
            0 => {
                p.remove(i);
            }
            1 => p.insert(i, c),
            _ => p[i] = c,
        }
        let p = String::from_utf8(p).unwrap();
        if p == original {
            continue;
        }
        stats[kind].0 += 1;
        match decode_program(&p) {
            Ok(text) => {
                assert_ne!(text, src);
                assert_eq!(encode_program(&text), p);
                stats[kind].1 += 1;
            }
            Err(e) => assert!(
                matches!(
                    e,
                    ShareError::Corrupt | ShareError::NotText | ShareError::ProgramTooLarge { .. }
                ),
                "{e:?}"
            ),
        }
    }
    eprintln!("altered payloads that still spelled some text (of altered): dropped {:?}, added {:?}, replaced {:?}", stats[0], stats[1], stats[2]);
    for (altered, slipped) in &stats[..2] {
        assert!(slipped * 20 <= *altered, "{slipped} of {altered} shifted payloads went unnoticed");
    }
    // Something appended after a valid payload.
    assert_eq!(decode_program(&format!("{original}A")), Err(ShareError::Corrupt));
    assert_eq!(decode_program(&format!("{original}$")), Err(ShareError::Corrupt));
}

#[test]
fn characters_outside_the_alphabet_are_named() {
    let payload = encode_program("print('hi')");
    // Base64's alphabet, not the URI-safe one.
    let b64 = payload.replacen('A', "/", 1);
    let at = payload.find('A').unwrap();
    assert_eq!(decode_program(&b64), Err(ShareError::BadCharacter { ch: '/', at }));
    assert_eq!(
        decode_program(&format!("{payload}=")),
        Err(ShareError::BadCharacter { ch: '=', at: payload.len() })
    );
    assert_eq!(decode_program("AB中CD"), Err(ShareError::BadCharacter { ch: '中', at: 2 }));
    assert_eq!(decode_program("AB\u{0}"), Err(ShareError::BadCharacter { ch: '\u{0}', at: 2 }));
    let e = ShareError::BadCharacter { ch: '/', at: 4 };
    assert!(
        e.message_en().contains("“/”") && e.message_en().contains("position 5"),
        "{}",
        e.message_en()
    );
    assert!(e.message_zh().contains("第 5 个字符"), "{}", e.message_zh());
}

#[test]
fn percent_encoded_and_form_encoded_payloads_still_open() {
    let src = gallery::find("lock").unwrap().source;
    let payload = encode_program(src);
    assert!(payload.contains('+'));
    let escaped = payload.replace('+', "%2B");
    assert_eq!(decode_program(&escaped).unwrap(), src);
    let lower = payload.replace('+', "%2b");
    assert_eq!(decode_program(&lower).unwrap(), src);
    let every: String = payload.bytes().map(|b| format!("%{b:02X}")).collect();
    assert_eq!(decode_program(&every).unwrap(), src);
    // A form decoder turned '+' into ' '.
    assert_eq!(decode_program(&payload.replace('+', " ")).unwrap(), src);
    for bad in ["AB%", "AB%2", "AB%zz", "%C3%28"] {
        assert_eq!(decode_program(bad), Err(ShareError::BadEscape), "{bad}");
    }
    // %00 decodes to a character outside the alphabet.
    assert_eq!(decode_program("AB%00"), Err(ShareError::BadCharacter { ch: '\u{0}', at: 2 }));
}

#[test]
fn text_that_is_not_utf16_is_an_error() {
    let lone_surrogate = lz_str::compress_to_encoded_uri_component(&[0x70u16, 0xD800, 0x71][..]);
    assert_eq!(decode_program(&lone_surrogate), Err(ShareError::NotText));
}

// ---------------------------------------------------------------------------
// Size limits
// ---------------------------------------------------------------------------

#[test]
fn oversized_payloads_are_refused_before_decompressing() {
    let over = "A".repeat(MAX_PAYLOAD_CHARS + 1);
    assert_eq!(
        decode_program(&over),
        Err(ShareError::PayloadTooLong { len: MAX_PAYLOAD_CHARS + 1, max: MAX_PAYLOAD_CHARS })
    );
    // 20 MB of payload: refused at once, without a copy.
    let huge = "B".repeat(20 << 20);
    let t = Instant::now();
    assert!(matches!(decode_program(&huge), Err(ShareError::PayloadTooLong { .. })));
    assert!(
        open(&format!("{BASE}#code/{huge}&step=2")).errors[0]
            == ShareError::PayloadTooLong { len: 20 << 20, max: MAX_PAYLOAD_CHARS }
    );
    assert!(t.elapsed() < Duration::from_secs(5), "{:?}", t.elapsed());
    // Percent-encoding does not get around it.
    let escaped = "%41".repeat(MAX_PAYLOAD_CHARS + 1);
    assert!(matches!(decode_program(&escaped), Err(ShareError::PayloadTooLong { .. })));
    let escaped = format!("{}%41", "A".repeat(MAX_PAYLOAD_CHARS));
    assert_eq!(
        decode_program(&escaped),
        Err(ShareError::PayloadTooLong { len: MAX_PAYLOAD_CHARS + 1, max: MAX_PAYLOAD_CHARS })
    );
}

#[test]
fn programs_over_the_cap_are_refused_both_ways() {
    let at_cap = "a".repeat(MAX_PROGRAM_BYTES);
    let url = share_url(BASE, &at_cap, &Settings::default()).unwrap();
    assert_eq!(opened_code(&open(&url)), at_cap);

    let over = "a".repeat(MAX_PROGRAM_BYTES + 1);
    assert_eq!(
        share_url(BASE, &over, &Settings::default()),
        Err(ShareError::ProgramTooLarge { max: MAX_PROGRAM_BYTES })
    );
    // Made by another tool: a short payload that decompresses past the cap.
    let payload = encode_program(&over);
    assert!(payload.len() < 2_000, "{}", payload.len());
    assert_eq!(
        decode_program(&payload),
        Err(ShareError::ProgramTooLarge { max: MAX_PROGRAM_BYTES })
    );
    // The cap counts UTF-8 bytes: 40,000 Chinese characters are 120,000 bytes.
    let zh = "协".repeat(40_000);
    assert_eq!(
        decode_program(&encode_program(&zh)),
        Err(ShareError::ProgramTooLarge { max: MAX_PROGRAM_BYTES })
    );
    let e = ShareError::ProgramTooLarge { max: MAX_PROGRAM_BYTES };
    assert!(e.message_en().contains("100 KB") && e.message_zh().contains("100 KB"));
}

/// Writes lz-string's bit stream (six bits a character, low bit of each
/// value first, the URI-safe alphabet), for hand-made payloads.
struct BitWriter {
    out: String,
    value: u8,
    bits: u32,
}

impl BitWriter {
    /// Six-bit values to characters (lz-string's URI alphabet also has a 65th,
    /// `$`, that compression never writes).
    const ALPHABET: &'static [u8] =
        b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-";

    fn new() -> BitWriter {
        BitWriter { out: String::new(), value: 0, bits: 0 }
    }

    fn bit(&mut self, b: u32) {
        self.value = (self.value << 1) | b as u8;
        self.bits += 1;
        if self.bits == 6 {
            self.out.push(Self::ALPHABET[self.value as usize] as char);
            self.value = 0;
            self.bits = 0;
        }
    }

    fn write(&mut self, v: u32, width: u32) {
        for i in 0..width {
            self.bit((v >> i) & 1);
        }
    }

    /// Pads the last character as lz-string does (always at least one bit).
    fn finish(mut self) -> String {
        loop {
            self.bit(0);
            if self.bits == 0 {
                return self.out;
            }
        }
    }
}

/// The payload of at most `max_chars` characters that decompresses to the
/// most text: one literal, then codes that each name the entry being defined
/// (`w + w[0]`), so every code's output is one longer than the last.
///
/// Why nothing decompresses to more: each code outputs one dictionary entry
/// and defines one, at most one longer than the longest so far, so after `n`
/// codes the output is at most `1 + 2 + … + (n + 1)`. Code widths depend only
/// on how many entries exist, and literal codes add entries without adding
/// length, so the most codes fit when every code is such a back reference.
fn worst_case_payload(max_chars: usize) -> (String, u64) {
    let budget = max_chars * 6 - 5; // at least one padding bit
    let mut w = BitWriter::new();
    w.write(0, 2); // an 8-bit literal
    w.write(u32::from(b'a'), 8);
    let mut used = 10;
    let (mut entries, mut width, mut enlarge_in) = (4u32, 3u32, 4u32);
    let mut output: u64 = 1;
    let mut entry_len: u64 = 1;
    // Room for this code and the closing code, which may be one bit wider.
    while used + 2 * (width as usize) < budget {
        w.write(entries, width);
        used += width as usize;
        entry_len += 1;
        output += entry_len;
        entries += 1;
        enlarge_in -= 1;
        if enlarge_in == 0 {
            enlarge_in = 1 << width;
            width += 1;
        }
    }
    w.write(2, width); // close
    (w.finish(), output)
}

/// The bound the module's documentation gives: a payload of at most
/// [`MAX_PAYLOAD_CHARS`] characters cannot decompress to more than 9.4 million
/// UTF-16 units; the worst case reaches it, is refused after decompressing,
/// and costs well under a second in a release build.
#[test]
fn the_worst_decompression_bomb_is_bounded() {
    let (bomb, predicted) = worst_case_payload(MAX_PAYLOAD_CHARS);
    assert!(
        bomb.len() <= MAX_PAYLOAD_CHARS && bomb.len() > MAX_PAYLOAD_CHARS - 3,
        "{}",
        bomb.len()
    );
    let units =
        lz_str::decompress_from_encoded_uri_component(&bomb).expect("a valid payload").len() as u64;
    assert_eq!(units, predicted, "the worst case decompresses as analysed");
    assert!(units <= 9_400_000, "{units} UTF-16 units");
    eprintln!("worst case: {} characters → {units} UTF-16 units", bomb.len());

    let t = Instant::now();
    assert_eq!(decode_program(&bomb), Err(ShareError::ProgramTooLarge { max: MAX_PROGRAM_BYTES }));
    // Generous: tests build lz-str without optimization.
    assert!(t.elapsed() < Duration::from_secs(20), "{:?}", t.elapsed());

    // Smaller payloads grow quadratically less, and a longer one is refused
    // before it is decompressed.
    let (small, small_units) = worst_case_payload(1_000);
    assert!(small_units < 250_000);
    assert_eq!(decode_program(&small), Err(ShareError::ProgramTooLarge { max: MAX_PROGRAM_BYTES }));
    let (big, _) = worst_case_payload(2 * MAX_PAYLOAD_CHARS);
    assert!(matches!(decode_program(&big), Err(ShareError::PayloadTooLong { .. })));
}

#[test]
fn long_links_are_reported_so_the_ui_can_offer_a_download() {
    // Text that barely compresses: a link over the limit.
    let text = format!("s = {:?}\n", gen(6_000));
    match share_url(BASE, &text, &Settings::default()) {
        Err(e @ ShareError::LinkTooLong { len, max }) => {
            assert!(len > MAX_LINK_CHARS && max == MAX_LINK_CHARS);
            assert!(e.message_en().contains(".py") && e.message_zh().contains(".py"));
            assert!(e.message_en().contains(&len.to_string()));
        }
        other => panic!("{other:?}"),
    }
    // The limit counts the whole link, base included.
    let src = "print(1)\n";
    let ok = share_url(BASE, src, &Settings::default()).unwrap();
    let long_base = format!(
        "https://course.example/{}/",
        "p".repeat(MAX_LINK_CHARS - ok.len() + BASE.len() - 24)
    );
    let exact = share_url(&long_base, src, &Settings::default()).unwrap();
    assert_eq!(exact.len(), MAX_LINK_CHARS);
    let over = format!("{long_base}q/");
    assert!(
        matches!(share_url(&over, src, &Settings::default()), Err(ShareError::LinkTooLong { len, .. }) if len == MAX_LINK_CHARS + 2)
    );
}

// ---------------------------------------------------------------------------
// Settings and embed parameters
// ---------------------------------------------------------------------------

#[test]
fn no_parameters_mean_the_defaults_and_the_default_program() {
    for (q, f) in [("", ""), ("?", "#"), ("?utm_source=wechat&from=timeline", "#section-2")] {
        let link = parse(q, f);
        assert_eq!(link.source, Source::Default);
        assert_eq!(link.settings, Settings::default());
        assert!(link.errors.is_empty(), "{q} {f}: {:?}", link.errors);
    }
    let d = Settings::default();
    assert_eq!(
        (d.step, d.speed, d.granularity, d.lang, d.theme),
        (0, Speed::One, Granularity::Callback, None, None)
    );
    assert_eq!((d.embed, d.editor, d.autoplay, d.panels), (false, true, false, None));
    assert_eq!(d.shown_panels(), Panels::ALL);
}

#[test]
fn the_issues_embed_parameters_parse() {
    let link = parse("?embed=1&editor=0&autoplay=1&step=42&panels=diagram,ready,timers,primitives,timeline,console,inspector&lang=zh&theme=dark", "");
    assert!(link.errors.is_empty(), "{:?}", link.errors);
    let s = link.settings;
    assert!(s.embed && !s.editor && s.autoplay);
    assert_eq!((s.step, s.lang, s.theme), (42, Some(Lang::Zh), Some(Theme::Dark)));
    assert_eq!(s.panels, Some(Panels::ALL));

    let s = parse("?embed=1&panels=console,diagram", "").settings;
    assert_eq!(s.shown_panels().iter().collect::<Vec<_>>(), vec![Panel::Diagram, Panel::Console]);
    let s = parse("?embed=1", "").settings;
    assert_eq!(s.shown_panels(), Panels::EMBED_DEFAULT);
    assert_eq!(Panels::EMBED_DEFAULT.to_param(), "diagram,ready,timers,console");
    // A panels list outside an embed does not hide anything.
    assert_eq!(parse("?panels=console", "").settings.shown_panels(), Panels::ALL);
}

#[test]
fn values_are_read_leniently_where_unambiguous() {
    let s = |q: &str| {
        let link = parse(q, "");
        assert!(link.errors.is_empty(), "{q}: {:?}", link.errors);
        link.settings
    };
    assert_eq!(s("lang=zh-CN").lang, Some(Lang::Zh));
    assert_eq!(s("lang=zh-Hans").lang, Some(Lang::Zh));
    assert_eq!(s("lang=EN-us").lang, Some(Lang::En));
    assert_eq!(s("theme=Dark").theme, Some(Theme::Dark));
    assert_eq!(s("gran=PRINT").granularity, Granularity::Print);
    for (v, speed) in [
        ("0.25", Speed::Quarter),
        (".5", Speed::Half),
        ("1.0", Speed::One),
        ("2x", Speed::Two),
        ("4×", Speed::Four),
        ("8X", Speed::Eight),
        ("Real", Speed::RealTime),
    ] {
        assert_eq!(s(&format!("speed={v}")).speed, speed, "{v}");
    }
    for (v, b) in [("1", true), ("0", false), ("true", true), ("FALSE", false)] {
        assert_eq!(s(&format!("embed={v}")).embed, b);
        assert_eq!(s(&format!("autoplay={v}")).autoplay, b);
        assert_eq!(s(&format!("editor={v}")).editor, b);
    }
    // A flag alone means 1.
    assert!(s("embed&autoplay").embed && s("embed&autoplay").autoplay);
    // Percent-encoded values, spaces around names.
    assert_eq!(
        s("panels=diagram%2C%20console").panels,
        Some(Panels::NONE.with(Panel::Diagram).with(Panel::Console))
    );
    assert_eq!(s("step=%31%37").step, 17);
    assert_eq!(s("step=007").step, 7);
    // The last of repeated keys wins.
    assert_eq!(s("step=1&step=2").step, 2);
}

#[test]
fn bad_values_keep_the_default_and_say_why() {
    let cases: &[(&str, &str, &str)] = &[
        ("step=-1", "step", "-1"),
        ("step=abc", "step", "abc"),
        ("step=1.5", "step", "1.5"),
        ("step=99999999999", "step", "99999999999"),
        ("step=", "step", ""),
        ("step", "step", ""),
        ("speed=3", "speed", "3"),
        ("speed=fast", "speed", "fast"),
        ("speed=inf", "speed", "inf"),
        ("speed=1e0", "speed", "1e0"),
        ("gran=line", "gran", "line"),
        ("lang=fr", "lang", "fr"),
        ("lang=", "lang", ""),
        ("theme=blue", "theme", "blue"),
        ("embed=yes", "embed", "yes"),
        ("editor=2", "editor", "2"),
        ("autoplay=on", "autoplay", "on"),
        ("panels=", "panels", ""),
        ("panels=heap", "panels", "heap"),
    ];
    for &(q, key, value) in cases {
        let link = parse(q, "");
        assert_eq!(link.settings, Settings::default(), "{q}");
        assert_eq!(
            link.errors,
            vec![ShareError::BadValue { key, value: value.to_string() }],
            "{q}"
        );
        let (en, zh) = (link.errors[0].message_en(), link.errors[0].message_zh());
        assert!(en.contains(&format!("{key}={value}")) && en.contains("expected"), "{en}");
        assert!(zh.contains(&format!("{key}={value}")) && zh.contains("已忽略"), "{zh}");
    }
    // Known panels are kept, unknown ones named.
    let link = parse("panels=diagram,heap,console,stack", "");
    assert_eq!(link.settings.panels, Some(Panels::NONE.with(Panel::Diagram).with(Panel::Console)));
    assert_eq!(
        link.errors,
        vec![ShareError::BadValue { key: "panels", value: "heap,stack".into() }]
    );
    // One bad value spoils nothing else.
    let link = parse("step=x&lang=zh&speed=9&theme=dark", "");
    assert_eq!(
        (link.settings.lang, link.settings.theme, link.settings.step),
        (Some(Lang::Zh), Some(Theme::Dark), 0)
    );
    assert_eq!(link.errors.len(), 2);
    assert!(link.errors.iter().all(|e| !e.about_program()));
    // A long bad value is quoted short.
    let long = "z".repeat(10_000);
    let msg = parse(&format!("theme={long}"), "").errors[0].message_en();
    assert!(msg.chars().count() < 120, "{msg}");
}

#[test]
fn the_query_wins_over_the_fragment() {
    let url = share_url(
        BASE,
        "print(1)\n",
        &Settings { lang: Some(Lang::Zh), step: 5, ..Settings::default() },
    )
    .unwrap();
    let fragment = &url[url.find('#').unwrap()..];
    let link = parse("?lang=en&embed=1", fragment);
    assert_eq!(
        (link.settings.lang, link.settings.step, link.settings.embed),
        (Some(Lang::En), 5, true)
    );
    // ...and every key may stand in the fragment too.
    let link = parse("", "#embed=1&editor=0&panels=console&example=lock");
    assert!(link.settings.embed && !link.settings.editor);
    assert_eq!(link.settings.panels, Some(Panels::NONE.with(Panel::Console)));
    assert_eq!(link.source, Source::Example(gallery::find("lock").unwrap()));
}

#[test]
fn gallery_examples_open_by_name() {
    for e in EXAMPLES {
        let link = parse(&format!("?embed=1&example={}", e.slug), "");
        assert_eq!(link.source.text(), e.source);
        assert!(link.errors.is_empty());
    }
    let link = parse("?example=nope", "");
    assert_eq!(link.source, Source::Default);
    assert_eq!(link.errors, vec![ShareError::UnknownExample { slug: "nope".into() }]);
    assert!(link.errors[0].about_program());
    // An explicit program wins over a named example.
    let url = share_url(BASE, "print('mine')\n", &Settings::default()).unwrap();
    let fragment = &url[url.find('#').unwrap()..];
    assert_eq!(opened_code(&parse("?example=lock", fragment)), "print('mine')\n");
}

#[test]
fn embed_links_and_snippets() {
    let src = "print('嵌入')\n";
    let settings = Settings {
        embed: true,
        editor: false,
        autoplay: true,
        panels: Some(Panels::NONE.with(Panel::Console).with(Panel::Diagram)),
        lang: Some(Lang::Zh),
        theme: Some(Theme::Light),
        step: 3,
        ..Settings::default()
    };
    let url = embed_url(&format!("{BASE}?old=1#x"), src, &settings).unwrap();
    assert_eq!(
        url,
        format!("{BASE}?embed=1&editor=0&autoplay=1&panels=diagram,console#code/{}&step=3&lang=zh&theme=light", encode_program(src))
    );
    let link = open(&url);
    assert_eq!(link.settings, settings);
    assert_eq!(opened_code(&link), src);

    // Defaults stay out of the query.
    let plain = embed_url(BASE, src, &Settings::default()).unwrap();
    assert!(plain.starts_with(&format!("{BASE}?embed=1#code/")), "{plain}");
    assert_eq!(open(&plain).settings, Settings { embed: true, ..Settings::default() });

    // A share link plus `?embed=1` is an embed link, as the issue describes.
    let shared = share_url(BASE, src, &settings).unwrap();
    let (page, fragment) = shared.split_once('#').unwrap();
    assert!(open(&format!("{page}?embed=1#{fragment}")).settings.embed);

    let snippet = embed_snippet(BASE, src, &settings).unwrap();
    assert!(snippet.starts_with("<iframe class=\"loopscope\" src=\""), "{snippet}");
    assert!(snippet.contains("?embed=1&amp;editor=0&amp;autoplay=1"), "{snippet}");
    assert!(!snippet.contains("&editor") && !snippet.contains('\n'));
    assert!(snippet.ends_with("></iframe>"));
    // The attribute cannot be broken out of.
    let hostile =
        embed_snippet("https://x.example/\"><script>alert(1)</script>", src, &settings).unwrap();
    assert!(
        !hostile.contains("<script") && hostile.contains("&quot;&gt;&lt;script&gt;"),
        "{hostile}"
    );

    assert!(
        share::RESIZE_LISTENER.contains("loopscope:resize")
            && share::RESIZE_LISTENER.contains("e.source")
    );
}

#[test]
fn every_error_has_a_message_in_both_languages() {
    let errors = [
        ShareError::LinkTooLong { len: 9_000, max: MAX_LINK_CHARS },
        ShareError::ProgramTooLarge { max: MAX_PROGRAM_BYTES },
        ShareError::PayloadTooLong { len: 9_000, max: MAX_PAYLOAD_CHARS },
        ShareError::BadCharacter { ch: '/', at: 0 },
        ShareError::BadEscape,
        ShareError::EmptyPayload,
        ShareError::Corrupt,
        ShareError::NotText,
        ShareError::BadValue { key: "speed", value: "9".into() },
        ShareError::UnknownExample { slug: "x".into() },
    ];
    let cjk = |s: &str| s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
    for e in &errors {
        let (en, zh) = (e.message(Lang::En), e.message(Lang::Zh));
        assert!(!en.is_empty() && !cjk(&en), "{en}");
        assert!(cjk(&zh), "{zh}");
        assert_eq!(e.to_string(), en);
    }
}

// ---------------------------------------------------------------------------
// Fuzz: nothing panics, whatever the link
// ---------------------------------------------------------------------------

fn random_string(rng: &mut Rng, max_len: usize) -> String {
    const PIECES: &[&str] = &[
        "code/", "&", "=", "#", "?", "%", "%2", "%24", "%C3", "%FF", "+", "-", "$", " ", ",",
        "step", "speed", "gran", "lang", "theme", "embed", "editor", "autoplay", "panels",
        "example", "zh", "en", "1", "0", "-1", "dark", "console", "Q", "中", "😀", "\u{0}",
        "\u{feff}", "A4Jw", "lgdg",
    ];
    let len = rng.below(max_len + 1);
    let mut s = String::new();
    while s.len() < len {
        match rng.below(3) {
            0 => s.push_str(PIECES[rng.below(PIECES.len())]),
            1 => s.push(
                b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$"[rng.below(65)]
                    as char,
            ),
            _ => s.push(char::from_u32(rng.below(0x11_0000) as u32).unwrap_or('\u{fffd}')),
        }
    }
    s
}

#[test]
fn fuzz_random_links_never_panic() {
    let mut rng = Rng(0x1234_5678_9abc_def1);
    for i in 0..20_000 {
        let q = random_string(&mut rng, 60);
        let f = random_string(&mut rng, if i % 100 == 0 { 4_000 } else { 200 });
        let link = parse(&q, &f);
        assert!(link.errors.len() <= 16);
        let _ = link.source.text();
        for e in &link.errors {
            let _ = (e.message_en(), e.message_zh());
        }
        let _ = decode_program(&f);
        let _ = parse_url(&format!("{q}{f}"));
    }
}

/// Random payloads in the right alphabet get further into the decompressor.
#[test]
fn fuzz_random_payloads_never_panic() {
    let mut rng = Rng(0xfeed_beef_cafe_f00d);
    let mut ok = 0;
    for i in 0..20_000 {
        let len = if i % 500 == 0 { 1 + rng.below(MAX_PAYLOAD_CHARS) } else { 1 + rng.below(64) };
        // '$' too: lz-string's alphabet has 65 characters, though compression
        // never writes the last.
        let payload: String = (0..len)
            .map(|_| {
                "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$".as_bytes()
                    [rng.below(65)] as char
            })
            .collect();
        if let Ok(text) = decode_program(&payload) {
            assert!(text.len() <= MAX_PROGRAM_BYTES);
            ok += 1;
        }
    }
    eprintln!("{ok} of 20000 random payloads decoded to some text");
}

#[test]
fn fuzz_cut_and_spliced_links_never_panic() {
    let mut rng = Rng(42);
    let urls: Vec<String> = EXAMPLES
        .iter()
        .take(6)
        .map(|e| {
            let s = Settings {
                step: rng.below(500),
                speed: Speed::ALL[rng.below(7)],
                lang: Some(Lang::Zh),
                ..Settings::default()
            };
            embed_url(BASE, e.source, &s).unwrap()
        })
        .collect();
    for _ in 0..2_000 {
        let a = &urls[rng.below(urls.len())];
        let b = &urls[rng.below(urls.len())];
        let (i, j) = (rng.below(a.len()), rng.below(b.len()));
        if a.is_char_boundary(i) && b.is_char_boundary(j) {
            let spliced = format!("{}{}", &a[..i], &b[j..]);
            let link = parse_url(&spliced);
            let _ = link.source.text();
        }
    }
}

// ---------------------------------------------------------------------------
// docs/embedding.md
// ---------------------------------------------------------------------------

/// The links in `docs/embedding.md` open without a complaint, carry the
/// documented program and settings, and the listener it shows is the one the
/// app hands out.
#[test]
fn the_documentation_links_work() {
    let doc = std::fs::read_to_string("docs/embedding.md").unwrap();
    let program = "import asyncio\n\nasync def main():\n    print(\"你好，事件循环\")\n    await asyncio.sleep(1)\n    print(\"一秒以后\")\n\nasyncio.run(main())\n";
    let links: Vec<String> = doc
        .split(|c: char| c.is_whitespace() || c == '"')
        .filter(|w| w.starts_with("https://course.example/loopscope/") && w.contains("#code/"))
        .map(|w| w.replace("&amp;", "&"))
        .collect();
    assert!(links.len() >= 3, "{links:?}");
    for url in &links {
        let link = open(url);
        assert!(link.errors.is_empty(), "{url}: {:?}", link.errors);
        assert_eq!(opened_code(&link), program, "{url}");
    }
    let shared =
        Settings { step: 17, speed: Speed::Two, lang: Some(Lang::Zh), ..Settings::default() };
    assert!(links.contains(&share_url(BASE, program, &shared).unwrap()));
    let embedded = Settings { embed: true, editor: false, ..shared };
    assert!(links.contains(&embed_url(BASE, program, &embedded).unwrap()));
    let autoplay =
        Settings { embed: true, autoplay: true, lang: Some(Lang::Zh), ..Settings::default() };
    let snippet = embed_snippet(BASE, program, &autoplay).unwrap();
    assert!(
        doc.replace("\n        title=", " title=").contains(&snippet),
        "the documented snippet is Embed's:\n{snippet}"
    );
    assert!(doc.contains(
        share::RESIZE_LISTENER.trim_start_matches("<script>\n").trim_end_matches("</script>")
    ));
    for e in EXAMPLES {
        assert!(
            doc.contains(&format!("| `{}` | {} | {} |", e.slug, e.title_zh, e.title_en)),
            "docs list {}",
            e.slug
        );
    }
    for p in Panel::ALL {
        assert!(doc.contains(&format!("`{}`", p.as_str())));
    }
    assert!(doc.contains(&format!("`{}`", Panels::EMBED_DEFAULT.to_param())));
}
