# !r, !s and !a conversions, alone and with a format spec.
s = "café\n"
n = 3.0
items = ["a", 1]
print(f"{s!r} {s!s} {s!a}")
print(f"{n!r} {n!s} {items!r} {items!s} {None!r}")
print(f"[{'hi'!r:>8}] [{'hi'!s:>8}] [{'é'!a:^10}]")
name = "O'Brien"
quote = 'say "hi"'
tab = "tab\there"
print(f"name={name!r} quote={quote!r} tab={tab!r}")
answer = f"{s!r}|{s!a}|{name!r}"

# expect status: ok
# expect answer: '\'café\\n\'|\'caf\\xe9\\n\'|"O\'Brien"'
# expect type: str
# expect stdout: "'café\\n' café\n 'caf\\xe9\\n'\n3.0 3.0 ['a', 1] ['a', 1] None\n[    'hi'] [      hi] [  '\\xe9'  ]\nname=\"O'Brien\" quote='say \"hi\"' tab='tab\\there'\n"
