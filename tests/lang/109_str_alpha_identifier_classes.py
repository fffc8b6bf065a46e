# isalpha 只认字母（L 类），isidentifier 用 Unicode 的 XID_Start / XID_Continue
# str.isalpha takes letters only (categories L*), not vowel signs, combining
# marks or letter numbers; str.isalnum adds the numeric characters;
# str.isidentifier follows Unicode's XID_Start and XID_Continue (PEP 3131).
words = ["变量", "हिन्दी", "ไทย", "café", "cafe\u0301", "Ⅳ", "x²", "²", "ʰ", "·", "a·b", "ͺ", "℘", "℮",
         "_", "_1", "1a", "a-b", "a b", "ǅ", "ﬁ", "ﾞ", "ｱ", "ー", "々", "〇", "x\u200d", "x\U000e0100",
         "\U000e0100", "\U0002a6df", "\U00010000", "ℕ", "ⓐ", "ʹ", "ᵃ", "", "ª", "º", "µ"]
for w in words:
    print(ascii(w), w.isalpha(), w.isalnum(), w.isidentifier(), ("a" + w).isidentifier())
