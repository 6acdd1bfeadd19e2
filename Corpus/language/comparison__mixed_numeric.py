# Comparisons mixing int, float and bool, including huge ints and inexact floats.
print(1 == 1.0, 0.1 + 0.2 == 0.3, abs(0.1 + 0.2 - 0.3) < 1e-9, True == 1, False < 0.5)
print(2**53 + 1 == float(2**53 + 1), 2**53 + 1 > float(2**53), 10**400 > 1e308)
print(float("inf") > 10**400, -float("inf") < -(10**400), float("nan") == float("nan"))
nan = float("nan")
print(nan != nan, nan < 1, nan > 1, 1 < nan, [nan] == [nan])
print(max(1, 1.0), max(1.0, 1), min(0, -0.0), max(True, 1))
print(3 == 3.0000000000000001, 3 < 3.0000000000001, -5 // 1 == -5.0)
answer = [1 == 1.0, 2**60 == 2.0**60, 2**60 + 1 == 2.0**60]

# expect status: ok
# expect answer: [True, True, False]
# expect type: list
# expect stdout: "True False True True True\nFalse True True\nTrue True False\nTrue False False False True\n1 1.0 0 True\nTrue True True\n"
