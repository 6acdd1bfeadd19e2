# Printing an int of more than 4300 digits fails in str(), at the print line.
n = 7 ** 6000
print("digits coming")
print(n)
answer = 0

# expect status: error
# expect stdout: "digits coming\n"
# expect error: ValueError "Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit"
# expect line: 4
