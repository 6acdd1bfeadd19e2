# strip, lstrip and rstrip with and without a character set.
s = "  \t hello world \n "
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()))
print("xxhixyx".strip("x"), "xxhixyx".strip("xy"), "$$12.50$".lstrip("$"), "100.000".rstrip("0"), "100.000".rstrip("0").rstrip("."))
print("www.example.com".strip("cmowz."), "abcba".strip("ab"), repr("   ".strip()), "aaa".strip("a") == "")
print("  a b  ".strip(" "), "--==x==--".strip("-="), "12abc34".strip("0123456789"))
answer = [w.strip(".,!?") for w in "Hello, world! How are you?".split()]

# expect status: ok
# expect answer: ['Hello', 'world', 'How', 'are', 'you']
# expect type: list
# expect stdout: "'hello world' 'hello world \\n ' '  \\t hello world'\nhixy hi 12.50$ 100. 100\nexample c '' True\na b x abc\n"
