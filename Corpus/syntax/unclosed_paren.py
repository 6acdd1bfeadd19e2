price = 4.5
answer = round(price * (1 + 0.08, 2)
print(answer)

# expect status: syntax
# expect error: SyntaxError "'(' was never closed"
# expect line: 2
