# `%` formatting of a float whose percentage overflows, format codes a bool does not take, and
# out-of-range code points for the `c` format, `%c` and `chr`.
print(f"{1.7976931348623157e+308:.1%}", format(-1.7976931348623157e+308, '%'))
for spec in ('s', '=+x5'):
    try:
        format(True, spec)
    except ValueError as error:
        print(error)
try:
    f"{2 <= 9:s}"
except ValueError as error:
    print(error)
for code in (2 ** 63, 2 ** 31, -1, 0x110000):
    for render in (lambda c: format(c, 'c'), lambda c: '%c' % c, chr):
        try:
            render(code)
        except (ValueError, OverflowError) as error:
            print(repr(error))
answer = '{:.1%}'.format(int(1.7976931348623157e+308))

# expect status: ok
# expect answer: 'inf%'
# expect type: str
# expect stdout: "inf% -inf%\nUnknown format code 's' for object of type 'bool'\nInvalid format specifier '=+x5' for object of type 'bool'\nUnknown format code 's' for object of type 'bool'\nOverflowError('Python int too large to convert to C long')\nOverflowError('%c arg not in range(0x110000)')\nOverflowError('Python int too large to convert to C int')\nOverflowError('%c arg not in range(0x110000)')\nOverflowError('%c arg not in range(0x110000)')\nOverflowError('Python int too large to convert to C int')\nOverflowError('%c arg not in range(0x110000)')\nOverflowError('%c arg not in range(0x110000)')\nValueError('chr() arg not in range(0x110000)')\nOverflowError('%c arg not in range(0x110000)')\nOverflowError('%c arg not in range(0x110000)')\nValueError('chr() arg not in range(0x110000)')\n"
