# Chained comparisons evaluate the middle operand once and short-circuit.
x = 5
print(1 < x < 10, 1 < x > 3, 10 > x >= 5 > 4, 1 < x < 3)
print(1 == 1.0 == True, 1 < 2 < 3 < 4 < 5, 3 > 2 > 1 > 1)
calls = []
def val(v):
    calls.append(v)
    return v
print(val(1) < val(0) < val(2), calls)
calls.clear()
print(val(1) < val(2) < val(3), calls)
a = b = [1]
print(a == b is a, "a" < "b" < "c", [1] < [2] < [3])
age = 30
print("adult" if 18 <= age < 65 else "other")
answer = [0 <= n < 3 for n in range(-1, 5)]

# expect status: ok
# expect answer: [False, True, True, True, False, False]
# expect type: list
# expect stdout: "True True True False\nTrue True False\nFalse [1, 0]\nTrue [1, 2, 3]\nTrue True True\nadult\n"
