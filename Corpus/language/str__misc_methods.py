# Less common str methods LLM code uses: format_map, translate/maketrans, isprintable, count on lists of words.
print("{a}-{b}".format_map({"a": 1, "b": 2}))
table = str.maketrans("abc", "xyz")
print("aabbcc".translate(table), "hello, world!".translate(str.maketrans("", "", ",!")))
print("abc\n".isprintable(), "abc".isprintable())
vowels = sum("the quick brown fox".count(v) for v in "aeiou")
print(vowels, "abc".index("c"), "a-b-c".split("-", -1))
answer = "hello".translate(str.maketrans({"l": "L", "o": None}))

# expect status: ok
# expect answer: 'heLL'
# expect type: str
# expect stdout: "1-2\nxxyyzz hello world\nFalse True\n5 2 ['a', 'b', 'c']\n"
