# printf-style % formatting.
print("%d items" % 5)
print("%s and %s" % ("this", "that"))
print("%r %s" % ("q", "q"))
print("%5d|%-5d|%05d|%+d|% d" % (42, 42, 42, 42, 42))
print("%.2f|%8.3f|%-8.1f|%08.2f|%e|%.2E|%g" % (3.14159, 3.14159, 3.14159, -3.14159, 12345.678, 0.000123, 1e-5))
print("%x|%X|%#x|%o|%#o|%c|%c" % (255, 255, 255, 8, 8, 65, "z"))
print("100%% done, %s%%" % 50)
print("%(name)s is %(age)d" % {"name": "Bob", "age": 7})
print("%s" % [1, 2], "%s" % (1,), "%s" % ((1, 2),))
print("%.3s|%10.2s|%i|%d" % ("abcdef", "xyz", 3.9, -2.5))
print("%*d|%-*d|%.*f" % (5, 1, 4, 2, 2, 3.14159))
answer = "%.1f%% of %d" % (12.345, 200)

# expect status: ok
# expect answer: '12.3% of 200'
# expect type: str
# expect stdout: "5 items\nthis and that\n'q' q\n   42|42   |00042|+42| 42\n3.14|   3.142|3.1     |-0003.14|1.234568e+04|1.23E-04|1e-05\nff|FF|0xff|10|0o10|A|z\n100% done, 50%\nBob is 7\n[1, 2] 1 (1, 2)\nabc|        xy|3|-2\n    1|2   |3.14\n"
