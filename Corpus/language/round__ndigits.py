# round with ndigits positive, zero, negative and None, on ints and floats.
x = 3.14159265
print(round(x), round(x, 0), round(x, 1), round(x, 3), round(x, None), round(x, 10), round(x, -1))
print(round(123.456, -1), round(123.456, -2), round(123.456, -3), round(987, -3), round(-987, -3))
print(round(1e20, 2), round(1.23e-5, 6), round(0.1 + 0.2, 2), round(2.345, 2), round(2.355, 2))
print(round(10 ** 25 + 5, -1), round(7, 2), round(-0.0001, 2), round(True), round(False, 3))
print(round(1 / 3, 4), round(2 / 3, 4), round(100 / 7, 2), round(59.995, 2))
answer = round(sum([1.1, 2.2, 3.3]), 2)

# expect status: ok
# expect answer: 6.6
# expect type: float
# expect stdout: "3 3.0 3.1 3.142 3 3.14159265 0.0\n120.0 100.0 0.0 1000 -1000\n1e+20 1.2e-05 0.3 2.35 2.35\n10000000000000000000000000 7 -0.0 1 0\n0.3333 0.6667 14.29 59.99\n"
