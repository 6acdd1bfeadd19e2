# int() from strings, floats and bools; errors are caught and shown.
print(int("42"), int("-17"), int("  8\n"), int("0"), int("-0"), int(7.9), int(-7.9), int(True))
print(int("100", 2), int("-ff", 16), int(2.5e3), int("1_000"), int(10 ** 20 + 0.0))
for bad in ["3.5", "", " ", "1e3", "12abc", "0x10", "one", "1 000"]:
    try:
        int(bad)
    except ValueError as e:
        print("ValueError:", e)
for bad in [float("inf"), float("nan")]:
    try:
        int(bad)
    except (ValueError, OverflowError) as e:
        print(type(e), e)
try:
    int(None)
except TypeError as e:
    print("TypeError:", e)
try:
    int([1])
except TypeError as e:
    print("TypeError:", e)
answer = int("123") + int(4.99) + int("-5")

# expect status: ok
# expect answer: 122
# expect type: int
# expect stdout: "42 -17 8 0 0 7 -7 1\n4 -255 2500 1000 100000000000000000000\nValueError: invalid literal for int() with base 10: '3.5'\nValueError: invalid literal for int() with base 10: ''\nValueError: invalid literal for int() with base 10: ' '\nValueError: invalid literal for int() with base 10: '1e3'\nValueError: invalid literal for int() with base 10: '12abc'\nValueError: invalid literal for int() with base 10: '0x10'\nValueError: invalid literal for int() with base 10: 'one'\nValueError: invalid literal for int() with base 10: '1 000'\n<class 'OverflowError'> cannot convert float infinity to integer\n<class 'ValueError'> cannot convert float NaN to integer\nTypeError: int() argument must be a string, a bytes-like object or a real number, not 'NoneType'\nTypeError: int() argument must be a string, a bytes-like object or a real number, not 'list'\n"
