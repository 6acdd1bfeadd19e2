# The program runs, but repr() of an int over 4300 digits fails while reading the answer (no program line).
answer = 10 ** 5000
print("computed")

# expect status: error
# expect stdout: "computed\n"
# expect error: ValueError "Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit"
