[*a for a in b]
# ---
{*a for a in b}
# ---
(*a for a in b)
# ---
f(*a for a in b)
# ---
{**a for a in b}
# ---
{k: *v for k in b}
# ---
[x for x in]
# ---
[x for in y]
# ---
[x if y for x in z]
