# isdigit, isdecimal, isnumeric, isalpha, isalnum, isspace, isupper, islower, istitle, isidentifier, isascii.
samples = ["123", "12.5", "-3", "", "abc", "abc123", "ABC", "Abc Def", " \t\n", "²", "½", "٣", "x_1", "Ünï"]
for s in samples:
    print(repr(s), s.isdigit(), s.isdecimal(), s.isnumeric(), s.isalpha(), s.isalnum(), s.isspace(),
          s.isupper(), s.islower(), s.istitle(), s.isidentifier(), s.isascii())
text = "Call 555-0134 or 555-0199 now"
digits = "".join(c for c in text if c.isdigit())
print(digits, sum(1 for c in text if c.isupper()), sum(c.isalpha() for c in text))
answer = [s for s in samples if s.isdigit()]

# expect status: ok
# expect answer: ['123', '²', '٣']
# expect type: list
# expect stdout: "'123' True True True False True False False False False False True\n'12.5' False False False False False False False False False False True\n'-3' False False False False False False False False False False True\n'' False False False False False False False False False False True\n'abc' False False False True True False False True False True True\n'abc123' False False False False True False False True False True True\n'ABC' False False False True True False True False False True True\n'Abc Def' False False False False False False False False True False True\n' \\t\\n' False False False False False True False False False False True\n'²' True False True False True False False False False False False\n'½' False False True False True False False False False False False\n'٣' True True True False True False False False False False False\n'x_1' False False False False False False False True False True True\n'Ünï' False False False True True False False False True True False\n55501345550199 1 9\n"
