# ord and chr across ASCII and beyond; indexing is by code point.
print(ord("A"), ord("z"), ord("0"), ord(" "), ord("é"), ord("€"), ord("😀"))
print(chr(65), chr(97), chr(48), chr(233), chr(8364), chr(128512), repr(chr(10)), repr(chr(0)))
word = "naïve café"
print(len(word), word[2], word[::-1], word.upper(), [ord(c) for c in word[:3]])
shifted = "".join(chr((ord(c) - 97 + 3) % 26 + 97) if c.isalpha() else c for c in "hello, world")
print(shifted)
print(sum(ord(c) - 96 for c in "abc"), [chr(ord("a") + i) for i in range(5)])
answer = "".join(chr(ord(c) ^ 32) for c in "Hello")

# expect status: ok
# expect answer: 'hELLO'
# expect type: str
# expect stdout: "65 122 48 32 233 8364 128512\nA a 0 é € 😀 '\\n' '\\x00'\n10 ï éfac evïan NAÏVE CAFÉ [110, 97, 239]\nkhoor, zruog\n6 ['a', 'b', 'c', 'd', 'e']\n"
