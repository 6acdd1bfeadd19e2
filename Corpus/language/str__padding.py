# zfill, center, ljust and rjust with and without fill characters.
print("42".zfill(5), "-42".zfill(5), "+7".zfill(4), "abc".zfill(2), "3.5".zfill(6), "".zfill(3))
print(repr("hi".center(6)), repr("hi".center(7)), repr("hi".center(7, "*")), repr("odd".center(6, "-")), repr("x".center(4)))
print(repr("hi".ljust(5)), repr("hi".ljust(5, ".")), repr("hi".rjust(5)), repr("hi".rjust(5, "0")), "toolong".rjust(3))
for name, price in [("coffee", 3.5), ("bagel", 2.25), ("juice", 4.0)]:
    print(name.ljust(10, ".") + f"{price:.2f}".rjust(7))
answer = ["7".zfill(3), "ab".center(5, "#"), "q".ljust(3, "-"), "q".rjust(3, "-")]

# expect status: ok
# expect answer: ['007', '##ab#', 'q--', '--q']
# expect type: list
# expect stdout: "00042 -0042 +007 abc 0003.5 000\n'  hi  ' '   hi  ' '***hi**' '-odd--' ' x  '\n'hi   ' 'hi...' '   hi' '000hi' toolong\ncoffee....   3.50\nbagel.....   2.25\njuice.....   4.00\n"
