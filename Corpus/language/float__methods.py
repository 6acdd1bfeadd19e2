# Float methods and conversions: is_integer, as_integer_ratio, int(), math.trunc.
import math
for x in (2.0, 2.5, -3.75, 1e20, 0.1):
    print(x, x.is_integer(), x.as_integer_ratio(), int(x), math.trunc(x), math.floor(x), math.ceil(x))
print(float(7), float("3.5"), float(" -1e3 "), float("1_000.5"), float(True), 7.0 == 7)
result = 12 / 4
print(result, int(result) if result.is_integer() else result)
answer = (12 / 4).is_integer()

# expect status: ok
# expect answer: True
# expect type: bool
# expect stdout: "2.0 True (2, 1) 2 2 2 2\n2.5 False (5, 2) 2 2 2 3\n-3.75 False (-15, 4) -3 -3 -4 -3\n1e+20 True (100000000000000000000, 1) 100000000000000000000 100000000000000000000 100000000000000000000 100000000000000000000\n0.1 False (3602879701896397, 36028797018963968) 0 0 0 1\n7.0 3.5 -1000.0 1000.5 1.0 True\n3.0 3\n"
