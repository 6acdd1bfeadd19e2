# bool is a subclass of int: True and False take part in arithmetic.
print(True + True, True * 10, False - 1, True / 2, True // 1, -True, ~True, True ** 5)
print(sum([True, False, True, True]), sum(x > 2 for x in [1, 3, 5]), True + 0.5)
print(bool(0), bool(2), bool(-1), bool(0.0), bool(""), bool("False"), bool([]), bool(None))
print(True == 1, False == 0, isinstance(True, int), type(True + 1))
print(True & False, True | False, True ^ True, not True, True and 3, str(True), repr(False))
print(["no", "yes"][True], "x" * True + "y" * False, max(True, 2), abs(False))
print(int(True), float(True), f"{True:d}", f"{True}", f"{False:>6}", True < 2)
answer = sum([True, True, False]) + True

# expect status: ok
# expect answer: 3
# expect type: int
# expect stdout: "2 10 -1 0.5 1 -1 -2 1\n3 2 1.5\nFalse True True False False True False False\nTrue True True <class 'int'>\nFalse True False False 3 True False\nyes x 2 0\n1 1.0 1 True      0 True\n"
