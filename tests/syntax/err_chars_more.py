x = 1​
# ---
if x:　pass
# ---
y = 5 ✓
# ---
z = １
# ---
print("hi")。
