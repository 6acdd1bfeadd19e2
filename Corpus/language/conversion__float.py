# float() from strings and ints, with special spellings and errors.
print(float("3.14"), float("-2"), float(" 1e-3 "), float("1E5"), float(".5"), float("5."), float(7), float(-0))
print(float("inf"), float("-Infinity"), float("NaN"), float("+1.5"), float("1_0.5"), float(10 ** 20))
for bad in ["", "abc", "1.2.3", "1,5", "$5", "1e", "- 1"]:
    try:
        float(bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    float(10 ** 400)
except OverflowError as e:
    print("OverflowError:", e)
try:
    float([1.0])
except TypeError as e:
    print("TypeError:", e)
answer = float("12.5") * 2

# expect status: ok
# expect answer: 25.0
# expect type: float
# expect stdout: "3.14 -2.0 0.001 100000.0 0.5 5.0 7.0 0.0\ninf -inf nan 1.5 10.5 1e+20\nValueError: could not convert string to float: ''\nValueError: could not convert string to float: 'abc'\nValueError: could not convert string to float: '1.2.3'\nValueError: could not convert string to float: '1,5'\nValueError: could not convert string to float: '$5'\nValueError: could not convert string to float: '1e'\nValueError: could not convert string to float: '- 1'\nOverflowError: int too large to convert to float\nTypeError: float() argument must be a string or a real number, not 'list'\n"
