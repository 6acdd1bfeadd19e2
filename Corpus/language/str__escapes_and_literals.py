# String literal forms: escapes, raw strings, triple quotes and implicit concatenation.
print("tab\tend", "new\\nline", 'single "double" inside', "double 'single' inside")
print("\x41\u00e9\U0001F600\101", len("\n\t\\"), r"raw\n\t", len(r"\n"))
multi = """line one
  line two
line three"""
print(multi)
print(multi.count("\n"), repr(multi[:9]))
joined = ("implicit " "concatenation "
          'across lines')
print(joined)
print("it's", 'say "hi"', "\"escaped\"", '\'also\'', "back\\slash")
print('''single-quoted triple with "quotes" and 'apostrophes' ''')
answer = ["\t", "\\", "\x00", "é", "\u2028", "'", '"', "'\""]

# expect status: ok
# expect answer: ['\t', '\\', '\x00', 'é', '\u2028', "'", '"', '\'"']
# expect type: list
# expect stdout: "tab\tend new\\nline single \"double\" inside double 'single' inside\nAé😀A 3 raw\\n\\t 2\nline one\n  line two\nline three\n2 'line one\\n'\nimplicit concatenation across lines\nit's say \"hi\" \"escaped\" 'also' back\\slash\nsingle-quoted triple with \"quotes\" and 'apostrophes' \n"
