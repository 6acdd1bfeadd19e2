# Integer literals in every base, underscores, and int() with a base.
print(0b1011, 0o17, 0xFF, 0XaB, 1_000_000, 0b_1010, 0x_dead_beef)
print(int("1011", 2), int("17", 8), int("ff", 16), int("0x1F", 16), int("z", 36), int("0b11", 0), int(" 42 "))
print(int("-1_000"), int("+7"), int("007"))
print(bin(10), oct(64), hex(255), hex(-255), bin(-5), bin(0))
print(format(10, "b"), format(255, "x"), format(255, "#X"), format(1234567, ","))
print(int(3.99), int(-3.99), int(True), int(1e10), int("12") + int(3.5))
answer = int("11111111", 2) + 0o777 + 0x10

# expect status: ok
# expect answer: 782
# expect type: int
# expect stdout: "11 15 255 171 1000000 10 3735928559\n11 15 255 31 35 3 42\n-1000 7 7\n0b1010 0o100 0xff -0xff -0b101 0b0\n1010 ff 0XFF 1,234,567\n3 -3 1 10000000000 15\n"
