# Case conversions: upper, lower, title, capitalize, swapcase, casefold.
s = "hello wORLD, it's a 2nd-try"
print(s.upper())
print(s.lower())
print(s.title())
print(s.capitalize())
print(s.swapcase())
print("Straße".casefold(), "Straße".lower(), "Straße".upper(), "ǅ".lower(), "ﬁ".upper())
print("ÉCOLE".lower(), "éa".upper(), "ΣΑΣ".lower(), "hello world".title(), "they're bill's".title())
print("ABC".casefold() == "abc", "mIxEd".swapcase().swapcase())
answer = [w.capitalize() for w in "the old man and the sea".split()]

# expect status: ok
# expect answer: ['The', 'Old', 'Man', 'And', 'The', 'Sea']
# expect type: list
# expect stdout: "HELLO WORLD, IT'S A 2ND-TRY\nhello world, it's a 2nd-try\nHello World, It'S A 2Nd-Try\nHello world, it's a 2nd-try\nHELLO World, IT'S A 2ND-TRY\nstrasse straße STRASSE ǆ FI\nécole ÉA σας Hello World They'Re Bill'S\nTrue mIxEd\n"
