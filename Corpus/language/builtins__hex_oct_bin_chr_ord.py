# hex, oct, bin, chr, ord and format() as builtins.
for n in (0, 5, 255, -42, 2 ** 40):
    print(n, hex(n), oct(n), bin(n), format(n, "x"), format(n, "08b") if n >= 0 else format(n, "b"))
print(int(hex(255), 16), int(bin(5)[2:], 2), int(oct(8), 0), bin(10).count("1"))
print(chr(ord("a") + 1), ord(chr(300)), [ord(c) for c in "AZ"], format(3.14159, ".2f"), format("x", "^5"))
answer = [hex(48879), bin(13), oct(511)]

# expect status: ok
# expect answer: ['0xbeef', '0b1101', '0o777']
# expect type: list
# expect stdout: "0 0x0 0o0 0b0 0 00000000\n5 0x5 0o5 0b101 5 00000101\n255 0xff 0o377 0b11111111 ff 11111111\n-42 -0x2a -0o52 -0b101010 -2a -101010\n1099511627776 0x10000000000 0o20000000000000 0b10000000000000000000000000000000000000000 10000000000 10000000000000000000000000000000000000000\n255 5 8 2\nb 300 [65, 90] 3.14   x  \n"
