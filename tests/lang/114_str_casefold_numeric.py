# casefold 是大写再小写（切罗基文字例外），isdigit/isnumeric 认全所有数字与汉字数词；
# 按 CPython 3.13 的 Unicode 15.1，ƛ 没有大写
# str.casefold is full case folding (the lowercase of the uppercase, but for
# dotless i, capital sharp s and Cherokee); isdigit and isnumeric know every
# digit and numeric CJK ideograph; and case follows CPython 3.13's Unicode
# 15.1, in which ƛ has no uppercase and ʕ is a lowercase letter.
for w in ["Straße", "STRASSE", "ẞ", "ı", "İ", "µ", "ŉ", "ǰ", "ᾳ", "ᾼ", "ﬃ", "ﬅ", "ς", "ΣΑΣ",
          "Ꭰꭰ", "ᏸᏰ", "ꮎ", "ǅ", "\u1e9b", "ΐ"]:
    print(ascii(w), ascii(w.casefold()), w.casefold() == w.upper().lower())
print("Straße".casefold() == "STRASSE".casefold(), "ꭰ".casefold() == "Ꭰ".casefold())
for w in ["፩፪", "᧚", "²", "①", "三百", "壱", "拾", "陌", "丁", "〇", "Ⅻ", "½", "𠀁", "\U0002f890", "7"]:
    print(ascii(w), w.isdigit(), w.isdecimal(), w.isnumeric(), w.isalnum())
for w in ["ƛ", "ɤ", "ʕ", "ʕA", "aƛ", "ꟓ"]:
    print(ascii(w), ascii(w.upper()), ascii(w.title()), ascii(w.swapcase()), w.islower(), w.isupper(), w.istitle())
