i = f"braces {{litera\}} and {{{x}}}"
j = f"\{{a\}}b\{x}"
k = rf"\{{a\}}"
