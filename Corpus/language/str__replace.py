# replace with and without a count.
s = "one fish two fish red fish blue fish"
print(s.replace("fish", "cat"))
print(s.replace("fish", "cat", 2))
print(s.replace("fish", "cat", 0), s.replace("fish", "cat", -1) == s.replace("fish", "cat"))
print("aaaa".replace("aa", "b"), "abc".replace("", "-"), "abc".replace("", "-", 2), "abc".replace("x", "y"))
print("1,234,567".replace(",", ""), int("$1,200".replace("$", "").replace(",", "")) * 2)
print("hello".replace("l", "L", 1), "   ".replace(" ", ""), "a.b.c".replace(".", "", 1))
answer = s.replace(" ", "_", 3)

# expect status: ok
# expect answer: 'one_fish_two_fish red fish blue fish'
# expect type: str
# expect stdout: "one cat two cat red cat blue cat\none cat two cat red fish blue fish\none fish two fish red fish blue fish True\nbb -a-b-c- -a-bc abc\n1234567 2400\nheLlo  ab.c\n"
