# Conditional expressions, nested and inside other expressions.
def sign(n):
    return "positive" if n > 0 else "zero" if n == 0 else "negative"
print([sign(n) for n in (5, 0, -2)])
x = 7
print("odd" if x % 2 else "even", (x if x < 5 else 5) * 2)
fee = 10 + (5 if x > 6 else 0) + (1 if x > 100 else 0)
print(fee)
items = [1, 2, 3]
print(items[0] if items else None, ([] or [0])[0])
print(f"{'many' if len(items) > 2 else 'few'} items")
answer = fee

# expect status: ok
# expect answer: 15
# expect type: int
# expect stdout: "['positive', 'zero', 'negative']\nodd 10\n15\n1 0\nmany items\n"
