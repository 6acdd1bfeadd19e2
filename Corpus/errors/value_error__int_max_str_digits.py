# CPython refuses to parse ints of more than 4300 decimal digits.
digits = "9" * 5000
answer = int(digits)

# expect status: error
# expect error: ValueError "Exceeds the limit (4300 digits) for integer string conversion: value has 5000 digits; use sys.set_int_max_str_digits() to increase the limit"
# expect line: 3
