# find, rfind, index, rindex and count, with start and end ranges.
s = "banana bandana"
print(s.find("an"), s.find("an", 2), s.find("an", 2, 4), s.find("xyz"), s.find(""), s.find("", 20))
print(s.rfind("an"), s.rfind("an", 0, 6), s.rfind("q"), s.index("nd"), s.rindex("a"), s.rindex("a", 0, 3))
print(s.count("a"), s.count("an"), s.count("ana"), s.count("a", 7), s.count("a", 7, 10), s.count(""), "".count(""))
print(s.find("a", -3), s.count("a", -5, -1), s.index("b", 1))
try:
    s.index("zzz")
except ValueError as e:
    print("ValueError:", e)
try:
    s.rindex("zzz")
except ValueError as e:
    print("ValueError:", e)
answer = [s.find("ban"), s.rfind("ban"), s.count("n")]

# expect status: ok
# expect answer: [0, 7, 4]
# expect type: list
# expect stdout: "1 3 -1 -1 0 -1\n11 3 -1 9 13 1\n6 4 2 3 1 15 1\n11 1 7\nValueError: substring not found\nValueError: substring not found\n"
