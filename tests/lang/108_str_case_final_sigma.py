# 希腊字母 Σ 在词尾小写为 ς：lower、title、capitalize、swapcase 都看整个字符串
# Greek capital sigma lowers to final ς at the end of a word: str.lower,
# title, capitalize and swapcase all decide it from the whole string, as
# CPython's handle_capital_sigma does; isupper/islower and titlecase letters.
words = ["ΑΣ", "ΟΔΥΣΣΕΥΣ", "ΑΣ ΑΣ", "αΣα", "ΑΣ.", "Σ", "aΣ", "aΣb", "ΑΣ1", "ΑΣ\u0301", "ΑΣ\u0301x",
         "a\u0301Σ", "ΑΣ'Α", "ΣΑΣ ΣΑΣ", "ßΣ", "ǅΣ", "abcdefghijklmnopqrstuvwxyzabcdefΣ", "ΌΣΟΣ-ΛΌΓΟΣ"]
for w in words:
    print(ascii(w), w.lower(), w.title(), w.capitalize(), w.swapcase(), w.upper())
for w in ["ǅ", "Aǅ", "aǅ", "ǅungla", "ǄUNGLA", "ǆungla", "ᾼ", "ΑΣ", "ας", "ʰ", "A\u0301"]:
    print(ascii(w), w.isupper(), w.islower(), w.istitle(), ascii(w.swapcase()), ascii(w.title()))
