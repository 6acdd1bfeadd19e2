# Calling the result of type() is ordinary and allowed: it is just int.
converter = type(1)
answer = converter('5') + type(2.0)('0.5')
print(answer, type('')(42), type([])((1, 2)))

# expect status: ok
# expect answer: 5.5
# expect type: float
# expect stdout: "5.5 42 [1, 2]\n"
