# str.format with automatic, numbered and named fields, attributes-free indexing and specs.
print("{} + {} = {}".format(2, 3, 5))
print("{1} {0} {1}".format("a", "b"))
print("{name} is {age} years".format(name="Ann", age=30))
print("{0[0]} {0[1]} {1[k]}".format([10, 20], {"k": "v"}))
print("{:>8}|{:<8}|{:^8}|{:08.3f}|{:,}".format("r", "l", "c", 3.14159, 1234567))
print("{:x} {:#o} {:b} {:e} {:%}".format(255, 8, 5, 12345.0, 0.25))
print("{!r} {!s} {{}}".format("q", "q"))
print("{0:{1}.{2}f}".format(2.71828, 8, 2))
print("{:*^{w}}".format("mid", w=9))
row = "{:<6}{:>6}".format
print(row("ab", 1), row("cdef", 22))
answer = "Total: {:.2f} ({} items)".format(59.97, 3)

# expect status: ok
# expect answer: 'Total: 59.97 (3 items)'
# expect type: str
# expect stdout: "2 + 3 = 5\nb a b\nAnn is 30 years\n10 20 v\n       r|l       |   c    |0003.142|1,234,567\nff 0o10 101 1.234500e+04 25.000000%\n'q' q {}\n    2.72\n***mid***\nab         1 cdef      22\n"
